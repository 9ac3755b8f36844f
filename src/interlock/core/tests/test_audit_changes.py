"""The audit trail's changes read as the interface speaks: field names, choice labels, names of
related objects through the reading policy, days in the reader's format, "—" for nothing."""

import pytest
from django.utils import translation

from interlock.agreements import services as agreements
from interlock.agreements.models import Agreement, AgreementKind
from interlock.core.models import AuditEvent
from interlock.core.selectors import audit_events_named
from interlock.core.services import audit_record
from interlock.documents.models import Topic
from interlock.meetings.models import Meeting
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db


def _read(reader, *events, language="en"):
    with translation.override(language):
        (named,) = audit_events_named(reader=reader, events=list(events)) or [None]
        return [(c.field, c.before, c.after) for c in named.changes_read]


def test_a_new_user_s_organization_and_role_read_as_names_and_labels(cast) -> None:
    event = audit_record(
        actor=cast["secretariat"],
        action="user.create",
        target=cast["outsider"],
        changes={"organization": [None, "OSCE"], "role": [None, "liaison_official"]},
    )
    assert _read(cast["secretariat"], event) == [
        ("Organization", "—", "OSCE"),
        ("Role", "—", "Liaison official"),
    ]
    assert _read(cast["secretariat"], event, language="fr") == [
        ("Organisation", "—", "OSCE"),
        ("Rôle", "—", "Responsable de liaison"),
    ]


def test_a_meeting_s_days_venue_status_and_flags_read_in_the_reader_s_language(cast) -> None:
    meeting = Meeting.objects.get(series__key="high-level", number=6)
    event = audit_record(
        actor=cast["secretariat"],
        action="meeting.update",
        target=meeting,
        changes={
            "starts_on": ["2005-07-24", "2005-07-25"],
            "venue": ["", "New York"],
            "online": [True, False],
            "status": ["planned", "concluded"],
            "title_fr": [None, "Sixième réunion"],
        },
    )
    assert _read(cast["secretariat"], event, language="fr") == [
        ("Premier jour", "24 juillet 2005", "25 juillet 2005"),
        ("Lieu", "—", "New York"),
        ("En ligne", "Oui", "Non"),
        ("Statut", "Prévue", "Terminée"),
        ("Titre (Français)", "—", "Sixième réunion"),
    ]


def test_a_related_object_the_reader_may_not_read_is_named_only_by_its_kind(
    cast, cast_documents
) -> None:
    hidden = cast_documents["confidential_own"]
    event = audit_record(
        actor=cast["secretariat"],
        action="agreement.update",
        target=Agreement.objects.first(),
        changes={"text": [None, str(hidden.pk)]},
    )
    (change,) = _read(cast["secretariat"], event)
    assert change[2] == "a document (withheld)" and hidden.title not in change
    (change,) = _read(cast["owner"], event)
    assert change[2] == hidden.title


def test_the_audit_page_shows_the_changes_as_people_read_them(client_for, cast) -> None:
    audit_record(
        actor=cast["secretariat"],
        action="user.create",
        target=cast["outsider"],
        changes={"organization": [None, "OSCE"], "role": [None, "observer"]},
    )
    page = client_for("secretariat").get("/audit/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<strong>Role</strong>: — → Observer" in page
    assert "[None," not in page and "observer&#x27;" not in page


def test_a_new_agreement_s_coverage_reads_as_topics_and_classifications(cast) -> None:
    agreement = agreements.agreement_create(
        actor=cast["secretariat"],
        title="UN–OSCE MoU",
        kind=AgreementKind.objects.get(key="memorandum-of-understanding"),
        party_a=Organization.objects.get(acronym="UN"),
        party_b=Organization.objects.get(acronym="OSCE"),
        coverage={Topic.objects.get(key="peacekeeping"): "restricted"},
    )
    event = AuditEvent.objects.get(action="agreement.create", target_id=str(agreement.pk))
    assert _read(cast["secretariat"], event) == [
        ("Parties", "—", "UN–OSCE"),
        ("Coverage", "—", "Peacekeeping: Restricted"),
    ]
    assert _read(cast["secretariat"], event, language="fr")[1] == (
        "Couverture",
        "—",
        "Maintien de la paix : Restreint",
    )
    assert _read(cast["secretariat"], event, language="ar")[1][2] == "حفظ السلام: مقيد"
