"""The API for actions, indicators, support and consent: reads under the same policy as the pages,
writes by the same people, and bad input refused with its reason and nothing changed."""

import datetime as dt

import pytest

from conftest import SWEEP_CAST
from interlock.decisions import services
from interlock.decisions.models import Action, Indicator, Support

pytestmark = pytest.mark.django_db
D = dt.date


def post(client, path, body=None):
    return client.post(path, body or {}, content_type="application/json")


@pytest.mark.parametrize("part", SWEEP_CAST)
def test_actions_and_indicators_are_read_by_everyone(client_for, au_action, part) -> None:
    client = client_for(part)
    actions = client.get("/api/v1/actions?decision=HLM6/2").json()["items"]
    assert [(a["decision"], a["lead"], a["supporting"]) for a in actions] == [
        ("HLM6/2", "AU", ["EU"])
    ]
    indicators = client.get("/api/v1/indicators?organization=AU").json()["items"]
    assert [i["title"] for i in indicators] == ["Pillars with a work plan"]


def test_each_reader_gets_the_reports_the_page_would_show(cast, client_for, au_action) -> None:
    indicator = au_action.indicators.get()
    services.report_save(actor=cast["owner"], indicator=indicator, due_on=D(2026, 3, 31),
                         status="in_progress", submit=True)  # fmt: skip
    services.report_save(
        actor=cast["owner"], indicator=indicator, due_on=D(2026, 6, 30), status="advanced"
    )  # a draft, fmt: skip
    seen = {
        part: [r["state"] for r in client_for(part).get(f"/api/v1/indicators/{indicator.pk}").json()["reports"]]
        for part in SWEEP_CAST
    }  # fmt: skip
    assert seen["anonymous"] == []
    assert seen["partner"] == seen["outsider"] == ["submitted"]
    assert sorted(seen["owner"]) == sorted(seen["secretariat"]) == ["draft", "submitted"]
    schedule = client_for("anonymous").get(f"/api/v1/indicators/{indicator.pk}").json()["schedule"]
    assert schedule[0] == {"due_on": "2026-03-31", "standing": "submitted"}
    assert client_for("anonymous").get("/api/v1/indicators/999999").status_code == 404


def test_bad_filters_are_refused_and_an_unknown_organization_matches_nothing(client_for) -> None:
    client = client_for("anonymous")
    wrong = client.get("/api/v1/actions?decision=sixth")
    assert wrong.status_code == 422 and wrong.json()["detail"][0]["loc"][-1] == "decision"
    assert client.get("/api/v1/actions?status=nearly").status_code == 422
    unknown = client.get("/api/v1/actions?organization=NOPE")
    assert unknown.status_code == 200 and unknown.json() == {"items": [], "count": 0}


def test_the_secretariat_adds_actions_and_indicators_and_nobody_else(cast, client_for) -> None:
    body = {
        "title": "Joint training",
        "lead": "AU",
        "supporting": ["EU"],
        "target_date": "2027-06-30",
    }
    for part, status in (("owner", 403), ("partner", 403), ("anonymous", 401)):
        assert post(client_for(part), "/api/v1/decisions/6/2/actions", body).status_code == status
    assert not Action.objects.exists()
    bad = post(client_for("secretariat"), "/api/v1/decisions/6/2/actions", {**body, "lead": "XX"})
    assert bad.status_code == 422 and "XX" in bad.json()["detail"]
    made = post(client_for("secretariat"), "/api/v1/decisions/6/2/actions", body)
    assert made.status_code == 201 and made.json()["decision"] == "HLM6/2"
    action = made.json()["id"]
    schedule = {"title": "Trained", "reports_from": "2026-05-01", "reports_until": "2026-01-01",
                "every_months": 3}  # fmt: skip
    backwards = post(client_for("secretariat"), f"/api/v1/actions/{action}/indicators", schedule)
    assert (
        backwards.status_code == 422 and "cannot end before it starts" in backwards.json()["detail"]
    )
    assert not Indicator.objects.exists()
    schedule["reports_until"] = "2026-12-31"
    assert (
        post(client_for("owner"), f"/api/v1/actions/{action}/indicators", schedule).status_code
        == 403
    )
    made = post(client_for("secretariat"), f"/api/v1/actions/{action}/indicators", schedule)
    assert made.status_code == 201 and made.json()["next_due_on"] == "2026-05-01"


def test_liaison_officials_record_their_organizations_support_once(cast, client_for) -> None:
    from interlock.decisions.models import Proposal
    from interlock.registry.models import Organization

    proposal = Proposal.objects.create(title="Joint early warning", proposer_kind="organization",
                                       organization=Organization.objects.get(acronym="AU"),
                                       status="submitted", paragraphs=["Share alerts."])  # fmt: skip
    url = f"/api/v1/proposals/{proposal.pk}/supports"
    assert post(client_for("owner_member"), url, {"kind": "support"}).status_code == 403
    assert post(client_for("partner"), url, {"kind": "cheer"}).status_code == 422
    assert post(client_for("partner"), url, {"kind": "co_sponsor"}).status_code == 201
    twice = post(client_for("partner"), url, {"kind": "support"})
    assert twice.status_code == 409 and "already supports" in twice.json()["detail"]
    assert Support.objects.count() == 1
    listed = client_for("outsider").get(url).json()
    assert [(s["organization"], s["kind"]) for s in listed] == [("EU", "co_sponsor")]
    assert client_for("anonymous").get(url).status_code == 401


def test_consent_is_recorded_once_by_participants_only_and_adopts_the_terms(
    cast, client_for
) -> None:
    from interlock.committees.services import terms_create
    from interlock.meetings.models import Meeting

    terms = terms_create(actor=cast["secretariat"], title="Terms", text="The committee …",
                         meeting=Meeting.objects.get(series__key="standing-committee", number=1))  # fmt: skip
    url = f"/api/v1/standing-committee/terms/{terms.pk}/consents"
    outsider = post(client_for("partner"), url)  # the EU registered no delegation to that meeting
    assert outsider.status_code == 409 and "did not take part" in outsider.json()["detail"]
    assert post(client_for("anonymous"), url).status_code == 401
    given = post(client_for("owner"), url)
    assert given.status_code == 201 and given.json()["adopted_at"] is not None
    assert given.json()["consents"][0]["organization"] == "AU"
    again = post(client_for("owner"), url)
    assert again.status_code == 409 and "already consented" in again.json()["detail"]
    listed = client_for("anonymous").get("/api/v1/standing-committee/terms").json()["items"]
    assert [(t["title"], t["meeting"]) for t in listed] == [("Terms", "standing-committee/1")]


def test_supports_and_terms_run_the_same_queries_at_two_sizes(cast, client_for) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from interlock.committees.models import Consent, TermsOfReference
    from interlock.decisions.models import Proposal
    from interlock.meetings.models import Meeting
    from interlock.registry.models import Organization

    sixth = Meeting.objects.get(number=6)
    organizations = list(Organization.objects.filter(delegations__meeting=sixth))
    proposal = Proposal.objects.create(title="P", proposer_kind="organization", status="submitted",
                                       organization=organizations[0], paragraphs=["x"])  # fmt: skip

    def grow(n: int) -> None:
        for _ in range(n):
            terms = TermsOfReference.objects.create(title="T", meeting=sixth, text="…")
            for organization in organizations[:5]:
                Consent.objects.create(terms=terms, organization=organization,
                                       recorded_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))  # fmt: skip
        start = Support.objects.filter(proposal=proposal).count()
        for organization in organizations[start : start + n]:
            Support.objects.create(proposal=proposal, organization=organization, kind="support")

    client = client_for("partner")

    def queries(path: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    paths = [
        "/api/v1/standing-committee/terms?limit=100",
        f"/api/v1/proposals/{proposal.pk}/supports",
    ]
    grow(2)
    small = [queries(path) for path in paths]
    grow(8)
    assert [queries(path) for path in paths] == small
