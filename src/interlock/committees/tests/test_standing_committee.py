"""The standing committee's terms of reference are adopted only when every organization that took
part in the meeting has consented (¶7c); working groups are added and kept on pages."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from interlock.committees import services
from interlock.committees.models import TermsOfReference
from interlock.committees.selectors import consent_needed_from

pytestmark = pytest.mark.django_db


@pytest.fixture
def terms(cast):
    from interlock.meetings.models import Meeting

    return services.terms_create(actor=cast["secretariat"], title="Terms of reference",
                                 meeting=Meeting.objects.get(number=6), text="The committee …")  # fmt: skip


def _liaison(acronym: str):
    from interlock.accounts.models import User
    from interlock.registry.models import Organization

    return User.objects.create(username=f"{acronym.lower()}.l", organization=Organization.objects.get(acronym=acronym),
                               role="liaison_official", email=f"{acronym}@x.invalid")  # fmt: skip


def test_the_terms_are_adopted_when_the_last_participant_consents(cast, terms, client_for) -> None:
    needed = consent_needed_from(terms)
    assert len(needed) == 20
    for organization in needed[:-1]:
        actor = cast["owner"] if organization.acronym == "AU" else _liaison(organization.acronym)
        services.consent_record(actor=actor, terms=terms, organization=organization)
    assert TermsOfReference.objects.get(pk=terms.pk).adopted_at is None
    body = client_for("anonymous").get("/groups/standing-committee/").content.decode()
    assert "Awaited" in body and "Not adopted" in body
    last = needed[-1]
    services.consent_record(actor=_liaison(last.acronym), terms=terms, organization=last)
    assert TermsOfReference.objects.get(pk=terms.pk).adopted_at is not None


def test_consent_twice_or_by_a_non_participant_or_on_anothers_behalf_is_refused(
    cast, terms
) -> None:
    au = cast["owner"].organization
    services.consent_record(actor=cast["owner"], terms=terms, organization=au)
    with pytest.raises(ValidationError, match="already consented"):
        services.consent_record(actor=cast["owner"], terms=terms, organization=au)
    un = cast["secretariat"].organization
    with pytest.raises(ValidationError, match="did not take part"):
        services.consent_record(actor=_liaison("UN"), terms=terms, organization=un)
    with pytest.raises(PermissionDenied):
        services.consent_record(
            actor=cast["secretariat"], terms=terms, organization=cast["partner"].organization
        )
    assert terms.consents.count() == 1


def test_the_secretariat_adds_a_group_on_disaster_relief_with_its_source(cast, client_for) -> None:
    response = client_for("secretariat").post(
        "/groups/working-groups/new/",
        {"name_en": "Disaster relief", "kind": "working_group", "source": "seed-p5"},
    )
    assert (
        response.status_code == 302
        and response["Location"] == "/groups/working-groups/disaster-relief/"
    )
    body = client_for("anonymous").get("/groups/working-groups/disaster-relief/").content.decode()
    assert "Annex I, paragraph 5" in body
    again = client_for("secretariat").post(
        "/groups/working-groups/new/",
        {"name_en": "Disaster relief", "kind": "working_group", "source": "seed-p5"},
    )
    assert "exists already" in again.content.decode()
    assert client_for("owner").post("/groups/working-groups/new/", {}).status_code == 403


def test_a_stale_edit_of_a_group_is_refused(cast, client_for) -> None:
    page = "/groups/working-groups/peacekeeping/"
    first = client_for("secretariat").post(page, {"chair": "A", "version": 1})
    assert first.status_code == 302
    stale = client_for("secretariat").post(page, {"chair": "B", "version": 1})
    assert "Someone else changed this group" in stale.content.decode()
    assert (
        __import__("interlock.committees.models", fromlist=["x"])
        .WorkingGroupDetails.objects.get(group__key="peacekeeping")
        .chair
        == "A"
    )
