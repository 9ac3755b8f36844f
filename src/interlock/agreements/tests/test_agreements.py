"""Agreements: recorded by the secretariat, through their lifecycle, refusing bad input."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from conftest import CAST_AGREEMENT
from interlock.agreements import services
from interlock.agreements.models import Agreement, AgreementKind
from interlock.agreements.selectors import Status, status_of
from interlock.core.models import AuditEvent
from interlock.documents.models import Topic
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db
T = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def orgs() -> dict[str, Organization]:
    return {
        o.acronym: o for o in Organization.objects.filter(acronym__in=["UN", "AU", "OSCE", "EU"])
    }


@pytest.fixture
def mou() -> AgreementKind:
    return AgreementKind.objects.get(key="memorandum-of-understanding")


def test_an_agreement_goes_from_negotiation_to_termination(cast, orgs, mou) -> None:
    secretariat = cast["secretariat"]
    agreement = services.agreement_create(
        actor=secretariat, title="UN–OSCE MoU", kind=mou, party_a=orgs["UN"], party_b=orgs["OSCE"]
    )
    assert status_of(agreement, T) is Status.NEGOTIATION
    agreement = services.agreement_sign(actor=secretariat, agreement=agreement, signed_on=T.date())
    assert status_of(agreement, T) is Status.SIGNED
    agreement = services.agreement_enter_into_force(
        actor=secretariat, agreement=agreement, at=T, expires_at=T + dt.timedelta(days=365)
    )
    assert status_of(agreement, T) is Status.IN_FORCE
    assert status_of(agreement, T + dt.timedelta(days=365)) is Status.EXPIRED
    agreement = services.agreement_terminate(
        actor=secretariat, agreement=agreement, at=T + dt.timedelta(days=10)
    )
    assert status_of(agreement, T + dt.timedelta(days=10)) is Status.TERMINATED
    actions = list(
        AuditEvent.objects.filter(
            target_type="agreements.agreement", target_id=str(agreement.pk)
        ).values_list("action", flat=True)
    )
    assert sorted(actions) == sorted(
        ["agreement.create", "agreement.sign", "agreement.enter_into_force", "agreement.terminate"]
    )


def test_an_agreement_needs_two_different_parties(cast, orgs, mou) -> None:
    with pytest.raises(ValidationError, match="two different parties"):
        services.agreement_create(
            actor=cast["secretariat"],
            title="Self",
            kind=mou,
            party_a=orgs["AU"],
            party_b=orgs["AU"],
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        Agreement.objects.create(title="Self", kind=mou, party_a=orgs["AU"], party_b=orgs["AU"])


def test_inverted_dates_are_refused(cast, orgs, mou) -> None:
    with pytest.raises(ValidationError, match="expire after it enters into force"):
        services.agreement_create(
            actor=cast["secretariat"],
            title="Inverted",
            kind=mou,
            party_a=orgs["AU"],
            party_b=orgs["OSCE"],
            in_force_from=T,
            expires_at=T - dt.timedelta(days=1),
        )
    with pytest.raises(ValidationError, match="on or after its signature"):
        services.agreement_create(
            actor=cast["secretariat"],
            title="Inverted",
            kind=mou,
            party_a=orgs["AU"],
            party_b=orgs["OSCE"],
            signed_on=T.date(),
            in_force_from=T - dt.timedelta(days=3),
        )
    assert not Agreement.objects.filter(title="Inverted").exists()


@pytest.mark.parametrize("part", ["owner", "partner", "outsider", "researcher"])
def test_only_the_secretariat_records_agreements(cast, orgs, mou, part: str) -> None:
    with pytest.raises(PermissionDenied):
        services.agreement_create(
            actor=cast[part], title="x", kind=mou, party_a=orgs["AU"], party_b=orgs["EU"]
        )


def test_a_stale_step_is_refused(cast) -> None:
    agreement = Agreement.objects.get(title=CAST_AGREEMENT)
    stale = Agreement.objects.get(pk=agreement.pk)
    services.agreement_terminate(actor=cast["secretariat"], agreement=agreement, at=T)
    with pytest.raises(ValidationError):
        services.agreement_terminate(
            actor=cast["secretariat"], agreement=stale, at=T + dt.timedelta(days=1)
        )
    agreement.refresh_from_db()
    assert agreement.terminated_at == T


def test_the_form_refuses_the_same_party_twice_with_a_message(client_for, orgs, mou) -> None:
    page = client_for("secretariat").post(
        "/agreements/new/",
        {"title": "Form", "kind": mou.pk, "party_a": orgs["AU"].pk, "party_b": orgs["AU"].pk},
    )
    assert page.status_code == 200 and "two different parties" in page.content.decode()
    assert not Agreement.objects.filter(title="Form").exists()


def test_the_form_records_an_agreement_with_its_coverage(client_for, orgs, mou) -> None:
    topic = Topic.objects.get(key="disaster-relief")
    response = client_for("secretariat").post(
        "/agreements/new/",
        {
            "title": "UN–OSCE relief",
            "kind": mou.pk,
            "party_a": orgs["UN"].pk,
            "party_b": orgs["OSCE"].pk,
            "in_force_from": "2026-01-01T00:00",
            "restricted_topics": [topic.pk],
        },
    )
    assert response.status_code == 302
    agreement = Agreement.objects.get(title="UN–OSCE relief")
    assert list(agreement.coverage.values_list("topic_id", "up_to")) == [
        ("disaster-relief", "restricted")
    ]


@pytest.mark.parametrize(
    ("part", "status"),
    [("owner", 200), ("partner", 200), ("outsider", 200), ("secretariat", 200), ("anonymous", 302)],
)
def test_agreement_pages_are_for_signed_in_users(client_for, part: str, status: int) -> None:
    agreement = Agreement.objects.get(title=CAST_AGREEMENT)
    assert client_for(part).get(f"/agreements/{agreement.pk}/").status_code == status


def test_the_organization_page_shows_what_its_agreements_open(client_for) -> None:
    body = client_for("outsider").get("/organizations/AU/").content.decode()
    assert CAST_AGREEMENT in body and "Peacekeeping" in body
    assert CAST_AGREEMENT not in client_for("anonymous").get("/organizations/AU/").content.decode()


@pytest.mark.parametrize("part", ["owner", "partner", "outsider"])
def test_lifecycle_steps_are_refused_to_all_but_the_secretariat(client_for, part: str) -> None:
    agreement = Agreement.objects.get(title=CAST_AGREEMENT)
    response = client_for(part).post(
        f"/agreements/{agreement.pk}/terminate/", {"at": "2026-01-01T00:00"}
    )
    assert response.status_code == 403
    agreement.refresh_from_db()
    assert agreement.terminated_at is None


def test_the_api_lists_agreements_with_their_status(client_for) -> None:
    items = client_for("partner").get("/api/v1/agreements", {"organization": "EU"}).json()["items"]
    (agreement,) = items
    assert agreement["status"] == "in_force" and agreement["coverage"] == [
        {"topic": "peacekeeping", "up_to": "restricted"}
    ]


def test_the_agreements_text_is_a_document_of_one_of_the_parties(
    cast, orgs, mou, cast_documents
) -> None:
    au_document = cast_documents["public"]
    agreement = services.agreement_create(
        actor=cast["secretariat"],
        title="AU–OSCE",
        kind=mou,
        party_a=orgs["AU"],
        party_b=orgs["OSCE"],
        text=au_document,
    )
    assert agreement.text == au_document
    with pytest.raises(ValidationError, match="document of one of the parties"):
        services.agreement_create(
            actor=cast["secretariat"],
            title="UN–EU",
            kind=mou,
            party_a=orgs["UN"],
            party_b=orgs["EU"],
            text=au_document,
        )


def test_the_text_cannot_be_a_document_the_secretariat_may_not_read(
    cast, orgs, mou, cast_documents
) -> None:
    with pytest.raises(ValidationError, match="Choose a document you may read"):
        services.agreement_create(
            actor=cast["secretariat"],
            title="AU–EU",
            kind=mou,
            party_a=orgs["AU"],
            party_b=orgs["EU"],
            text=cast_documents["confidential_to_partner"],
        )
    assert not Agreement.objects.filter(title="AU–EU").exists()


def _form_with_text(client, orgs, mou, text: str):
    return client.post(
        "/agreements/new/",
        {
            "title": "AU–EU with text",
            "kind": mou.pk,
            "party_a": orgs["AU"].pk,
            "party_b": orgs["EU"].pk,
            "text": text,
        },
    )


def test_a_hidden_and_a_nonexistent_text_get_the_same_answer(
    client_for, orgs, mou, cast_documents
) -> None:
    client = client_for("secretariat")
    hidden = _form_with_text(client, orgs, mou, str(cast_documents["confidential_to_partner"].pk))
    missing = _form_with_text(client, orgs, mou, "987654321")
    huge = _form_with_text(client, orgs, mou, "9" * 40)
    assert hidden.status_code == missing.status_code == huge.status_code == 200
    errors = [page.context["form"].errors["text"] for page in (hidden, missing, huge)]
    assert (
        errors[0]
        == errors[1]
        == errors[2]
        == ["Choose a document you may read from the search results."]
    )
    assert not Agreement.objects.filter(title="AU–EU with text").exists()
    readable = _form_with_text(client, orgs, mou, str(cast_documents["restricted_uncovered"].pk))
    assert readable.status_code == 302
    assert (
        Agreement.objects.get(title="AU–EU with text").text
        == cast_documents["restricted_uncovered"]
    )


def test_the_form_chooses_a_text_by_searching_and_never_by_number(client_for) -> None:
    page = client_for("secretariat").get("/agreements/new/").content.decode()
    assert 'hx-get="/documents/choices/"' in page and 'type="number"' not in page


@pytest.mark.parametrize(
    ("part", "found"),
    [("secretariat", False), ("partner", True), ("outsider", False), ("owner", True)],
)
def test_the_chooser_offers_only_documents_its_user_may_read(
    client_for, cast_documents, part: str, found: bool
) -> None:
    ember = cast_documents["confidential_to_partner"]
    answer = client_for(part).get("/documents/choices/", {"field": "text", "text_search": "Ember"})
    assert answer.status_code == 200
    assert (ember.title in answer.content.decode()) is found
    assert (f'value="{ember.pk}"' in answer.content.decode()) is found
    kept = client_for(part).get("/documents/choices/", {"field": "text", "text": ember.pk})
    assert (ember.title in kept.content.decode()) is found
