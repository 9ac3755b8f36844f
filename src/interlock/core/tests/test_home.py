"""A home of one's own: the signed-in home shows the reader's organization and its liaison official,
what was shared with it since the last visit, what awaits it; the secretariat's home shows what
awaits the secretariat's action; every block has an empty state; the anonymous home is unchanged.
Everything named goes through the reading policy."""

import datetime as dt

import pytest
from django.utils import timezone

from conftest import CAN_READ, CAST_DOCUMENTS

pytestmark = pytest.mark.django_db


def home_of(client) -> str:
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_anonymous_home_is_unchanged(client_for) -> None:
    body = home_of(client_for("anonymous"))
    assert "The partnership for a more secure world" in body
    assert "Latest meetings" in body
    assert "Your organization" not in body and "Shared with your organization" not in body


def test_a_liaison_official_sees_their_organization_and_its_official(client_for, cast) -> None:
    from interlock.registry.models import LiaisonAppointment

    body = home_of(client_for("partner"))
    assert "<h1>European Union" in body
    assert "No liaison official is recorded." in body
    LiaisonAppointment.objects.create(
        organization=cast["partner"].organization,
        user=cast["partner"],
        person_name="Ursula Liaison",
        started_on=dt.date(2024, 1, 1),
    )
    assert "Ursula Liaison" in home_of(client_for("partner"))


@pytest.mark.parametrize("part", ["partner", "outsider", "researcher"])
def test_what_was_shared_is_exactly_what_the_reader_may_read(client_for, part: str) -> None:
    body = home_of(client_for(part))
    assert "Shared with your organization in the last 30 days" in body
    for case, (_c, _t, _n, title) in CAST_DOCUMENTS.items():
        assert (title in body) == (case in CAN_READ[part]), f"{part}: {case}"


def test_the_owner_is_not_told_its_own_documents_were_shared_with_it(client_for) -> None:
    body = home_of(client_for("owner"))
    assert all(title not in body for *_rest, title in CAST_DOCUMENTS.values())
    assert "Nothing new." in body


def test_shared_since_the_last_visit_counts_from_the_previous_session(
    client_for, cast, cast_documents
) -> None:
    from interlock.documents.services import document_create

    first = client_for("partner")
    home_of(first)
    cast["partner"].refresh_from_db()
    seen = cast["partner"].home_seen_at
    assert seen is not None
    later = client_for("partner")
    body = home_of(later)
    assert "since your last visit" in body
    assert cast_documents["partnership"].title not in body
    document_create(
        actor=cast["owner"],
        owner=cast["owner"].organization,
        classification="partnership",
        title="Halyard note shared after the visit",
        body="x",
    )
    assert "Halyard note shared after the visit" in home_of(later)
    # Reloading within the session keeps the same starting point: the new note stays listed.
    assert "Halyard note shared after the visit" in home_of(later)
    cast["partner"].refresh_from_db()
    assert cast["partner"].home_seen_at > seen  # the next session counts from this one


def _shared_section(client) -> str:
    return home_of(client).split('id="shared-heading"', 1)[1].split("</section>", 1)[0]


def _item_of(section: str, title: str) -> str:
    return next(item for item in section.split("<li>") if title in item)


def test_a_document_opened_by_an_agreement_in_force_since_the_last_visit_is_announced(
    client_for, cast, cast_documents
) -> None:
    from interlock.agreements import services as agreements
    from interlock.agreements.models import AgreementKind
    from interlock.documents.models import Topic

    home_of(client_for("partner"))  # the last visit
    later = client_for("partner")
    memo = CAST_DOCUMENTS["restricted_uncovered"][3]
    assert memo not in _shared_section(later)
    agreement = agreements.agreement_create(
        actor=cast["secretariat"],
        title="Obsidian disarmament arrangement",
        kind=AgreementKind.objects.get(key="memorandum-of-understanding"),
        party_a=cast["owner"].organization,
        party_b=cast["partner"].organization,
        coverage={Topic.objects.get(key="disarmament"): "restricted"},
    )
    agreements.agreement_enter_into_force(
        actor=cast["secretariat"], agreement=agreement, at=timezone.now()
    )
    section = _shared_section(later)
    assert "newly shared with you" in _item_of(section, memo)
    # What the partner could already read at its last visit is not announced again.
    assert CAST_DOCUMENTS["restricted_covered"][3] not in section
    # Nor to a reader the agreement does not open it to.
    assert memo not in home_of(client_for("outsider"))


def test_a_new_version_of_a_readable_document_since_the_last_visit_is_announced(
    client_for, cast, cast_documents
) -> None:
    from interlock.documents.services import document_add_version

    home_of(client_for("partner"))
    later = client_for("partner")
    note, hidden = CAST_DOCUMENTS["partnership"][3], CAST_DOCUMENTS["confidential_own"][3]
    assert note not in _shared_section(later)
    for case in ("partnership", "confidential_own"):
        document_add_version(
            actor=cast["owner"], document=cast_documents[case], language="fr", title="Version"
        )
    section = _shared_section(later)
    assert "new version" in _item_of(section, note)
    assert "newly shared" not in _item_of(section, note)
    assert hidden not in section  # a new version of what the reader may not read stays unsaid


def test_the_reasons_for_announcing_are_said_in_the_reader_s_language(
    client_for, cast, cast_documents
) -> None:
    from interlock.documents.services import document_add_version

    home_of(client_for("partner"))
    later = client_for("partner")
    document_add_version(
        actor=cast["owner"], document=cast_documents["partnership"], language="fr", title="V"
    )
    body = later.get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "nouvelle version" in body


def test_the_liaison_official_s_home_looks_up_its_agreements_terms_once(client_for) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for("partner")
    home_of(client)
    with CaptureQueriesContext(connection) as captured:
        home_of(client)
    # The terms (agreements with their coverage) judge every block that asks the reading policy:
    # the documents shared and the records open for comment.
    coverage = [q for q in captured.captured_queries if 'FROM "agreements_coverage"' in q["sql"]]
    assert len(coverage) == 1


def test_the_visit_is_recorded_once_a_session(client_for, cast) -> None:
    client = client_for("partner")
    home_of(client)
    cast["partner"].refresh_from_db()
    first = cast["partner"].home_seen_at
    home_of(client)
    cast["partner"].refresh_from_db()
    assert cast["partner"].home_seen_at == first


def test_an_invitation_awaiting_the_answer_is_shown_with_the_way_to_answer(client_for) -> None:
    partner = home_of(client_for("partner"))
    section = partner.split('id="invitations-heading"', 1)[1].split("</section>", 1)[0]
    assert "First meeting of the standing committee" in section
    assert "/meetings/standing-committee/1/delegation/" in section
    # The AU registered its delegation: nothing awaits its answer.
    owner = home_of(client_for("owner"))
    assert "None. Invitations to coming meetings" in owner


def test_a_member_is_told_the_liaison_official_answers(client_for) -> None:
    body = home_of(client_for("owner_member"))
    assert "/meetings/standing-committee/1/delegation/" not in body


def _circulated_record(cast, *, deadline: dt.datetime):
    from interlock.meetings import services
    from interlock.meetings.models import Meeting

    meeting = Meeting.objects.get(series__key="standing-committee", number=1)
    record = services.record_create(
        actor=cast["secretariat"],
        meeting=meeting,
        text="One.\n\nTwo.",
        classification="partnership",
    )
    return services.record_move(
        actor=cast["secretariat"],
        record=record,
        to="circulated",
        expected_version=record.version,
        deadline=deadline,
    )


def test_a_comment_round_is_open_to_the_organizations_with_a_delegation(client_for, cast) -> None:
    _circulated_record(cast, deadline=timezone.now() + dt.timedelta(days=5))
    owner = home_of(client_for("owner"))
    section = owner.split('id="comments-heading"', 1)[1].split("</section>", 1)[0]
    assert "/meetings/standing-committee/1/record/" in section and "Comments until" in section
    # The EU is invited but has no delegation: the round is not its own.
    assert "/meetings/standing-committee/1/record/" not in home_of(client_for("partner"))


def _indicator(lead: str, *, due: dt.date):
    from interlock.decisions.models import Action, Decision, Indicator
    from interlock.registry.models import Organization

    action = Action.objects.create(
        decision=Decision.objects.get(meeting__number=6, number=8),
        title="Joint training",
        lead=Organization.objects.get(acronym=lead),
    )
    return Indicator.objects.create(
        action=action,
        title="Trainings held",
        reports_from=due,
        reports_until=due + dt.timedelta(days=365),
        every_months=6,
        next_due_on=due,
    )


def test_reports_due_and_overdue_are_shown_to_the_organization_that_owes_them(client_for) -> None:
    today = timezone.localdate()
    _indicator("AU", due=today - dt.timedelta(days=3))
    _indicator("AU", due=today + dt.timedelta(days=10))
    _indicator("AU", due=today + dt.timedelta(days=200))  # not yet
    owner = home_of(client_for("owner"))
    section = owner.split('id="reports-heading"', 1)[1].split("</section>", 1)[0]
    assert section.count("Trainings held") == 2
    assert "Overdue since" in section and "Due on" in section
    assert "Trainings held" not in home_of(client_for("partner"))


def test_agreements_coming_into_force_or_expiring_within_90_days(client_for, cast) -> None:
    from interlock.agreements.models import Agreement, AgreementKind
    from interlock.registry.models import Organization

    now = timezone.now()
    au, osce = Organization.objects.get(acronym="AU"), Organization.objects.get(acronym="OSCE")
    kind = AgreementKind.objects.first()
    Agreement.objects.create(
        title="Kestrel arrangement", kind=kind, party_a=au, party_b=osce,
        in_force_from=now - dt.timedelta(days=400), expires_at=now + dt.timedelta(days=30),
    )  # fmt: skip
    Agreement.objects.create(
        title="Lantern arrangement", kind=kind, party_a=osce, party_b=au,
        in_force_from=now + dt.timedelta(days=20),
    )  # fmt: skip
    Agreement.objects.create(
        title="Mistral arrangement", kind=kind, party_a=au, party_b=osce,
        in_force_from=now + dt.timedelta(days=200),
    )  # fmt: skip
    owner = home_of(client_for("owner"))
    section = owner.split('id="agreements-heading"', 1)[1].split("</section>", 1)[0]
    assert "Kestrel arrangement" in section and "Expires on" in section
    assert "Lantern arrangement" in section and "Comes into force on" in section
    assert "Mistral arrangement" not in section
    assert section.index("Lantern") < section.index("Kestrel")  # soonest first
    assert "Kestrel arrangement" not in home_of(client_for("partner"))
    assert "Kestrel arrangement" in home_of(client_for("secretariat"))


def test_every_block_says_what_would_appear_there_when_empty(client_for, cast) -> None:
    cast["outsider"].home_seen_at = timezone.now()
    cast["outsider"].save()
    body = home_of(client_for("outsider"))
    for empty in (
        "Nothing new. Documents that other organizations share with yours",
        "None. Invitations to coming meetings will appear here",
        "None. The records of meetings where your organization had a delegation",
        "None. Progress reports on the actions your organization leads",
        "None. Your organization's agreements that come into force or expire",
    ):
        assert empty in body


def test_the_secretariat_sees_what_awaits_its_action(client_for, cast) -> None:
    from interlock.decisions.models import Proposal

    _circulated_record(cast, deadline=timezone.now() + dt.timedelta(days=5))
    from interlock.meetings.models import Record

    Record.objects.update(comment_deadline=timezone.now() - dt.timedelta(days=1))
    Proposal.objects.create(
        title="Quay proposal on mediation",
        proposer_kind="organization",
        organization=cast["owner"].organization,
        status="submitted",
    )
    _indicator("EU", due=timezone.localdate() - dt.timedelta(days=40))
    body = home_of(client_for("secretariat"))
    blocks = {
        heading: body.split(f'id="{heading}"', 1)[1].split("</section>", 1)[0]
        for heading in (
            "unanswered-heading",
            "dispositions-heading",
            "proposals-heading",
            "overdue-heading",
            "notifications-heading",
            "plans-heading",
            "agreements-heading",
        )
    }
    assert "European Union" in blocks["unanswered-heading"]
    assert "/meetings/standing-committee/1/record/" in blocks["dispositions-heading"]
    assert "Quay proposal on mediation" in blocks["proposals-heading"]
    assert "Trainings held" in blocks["overdue-heading"]
    assert "Gale restricted situation on peacekeeping" in blocks["plans-heading"]
    assert "None. When an organization acting under Chapter VIII" in blocks["notifications-heading"]
    assert "Shared with your organization" not in body


def test_a_plan_on_a_situation_the_secretariat_may_not_see_is_not_named(client_for, cast) -> None:
    from interlock.situations.models import Situation

    situation = Situation.objects.get(title="Gale restricted situation on peacekeeping")
    situation.classification = "confidential"
    situation.save()
    assert "Gale restricted situation" not in home_of(client_for("secretariat"))
