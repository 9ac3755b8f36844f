"""The secretariat relates decisions and records that one supersedes another on the decision's
page, and archives progress reports there (never deleting them); everyone else is refused."""

import datetime as dt

import pytest

from interlock.core.models import AuditEvent
from interlock.decisions import services
from interlock.decisions.models import Decision, ProgressReport

pytestmark = pytest.mark.django_db
D = dt.date
PAGE = "/decisions/6/1/"


def test_the_secretariat_relates_two_decisions_both_ways_and_undoes_it(cast, client_for) -> None:
    client = client_for("secretariat")
    client.post(PAGE + "links/", {"other": "HLM6/3", "kind": "related"})
    first, third = (
        Decision.objects.get(meeting__number=6, number=1),
        Decision.objects.get(meeting__number=6, number=3),
    )
    assert list(third.related.all()) == [first]
    assert "HLM6/3" in client_for("anonymous").get(PAGE).content.decode()
    twice = client.post(PAGE + "links/", {"other": "6/3", "kind": "related"}, follow=True)
    assert "already related" in twice.content.decode()
    client.post(PAGE + "links/", {"other": "hlm6/3", "kind": "unrelated"})
    assert not first.related.exists()
    assert (
        AuditEvent.objects.filter(action__in=["decision.relate", "decision.unrelate"]).count() == 2
    )


def test_a_superseded_decision_is_marked_on_its_page(cast, client_for) -> None:
    client_for("secretariat").post(PAGE + "links/", {"other": "HLM6/5", "kind": "supersedes"})
    html = client_for("anonymous").get(PAGE).content.decode()
    assert 'id="superseded"' in html and "superseded by HLM6/5" in html
    assert "Supersedes" in client_for("anonymous").get("/decisions/6/5/").content.decode()


def test_bad_links_are_refused_with_a_reason_and_change_nothing(cast, client_for) -> None:
    client = client_for("secretariat")
    cases = [
        ({"other": "HLM9/9", "kind": "related"}, "No decision with this reference."),
        ({"other": "nonsense", "kind": "related"}, "No decision with this reference."),
        ({"other": "HLM6/1", "kind": "related"}, "not related to itself"),
        ({"other": "HLM6/1", "kind": "supersedes"}, "cannot supersede itself"),
        ({"other": "HLM6/2", "kind": "unrelated"}, "are not related"),
    ]
    for data, reason in cases:
        response = client.post(PAGE + "links/", data, follow=True)
        assert reason in response.content.decode(), data
    client.post("/decisions/6/2/links/", {"other": "HLM6/1", "kind": "supersedes"})
    loop = client.post(PAGE + "links/", {"other": "HLM6/2", "kind": "supersedes"}, follow=True)
    assert "itself superseded by this one" in loop.content.decode()
    first = Decision.objects.get(meeting__number=6, number=1)
    assert first.superseded_by is None and not first.related.exists()


def test_only_the_secretariat_links_decisions_or_archives_reports(cast, client_for) -> None:
    for part in ("owner", "partner", "outsider"):
        client = client_for(part)
        assert (
            client.post(PAGE + "links/", {"other": "HLM6/3", "kind": "related"}).status_code == 403
        )
        assert client.post("/decisions/reports/1/archive/").status_code == 403
    assert client_for("anonymous").post(PAGE + "links/").status_code == 302
    assert not Decision.objects.get(meeting__number=6, number=1).related.exists()


def test_the_secretariat_archives_a_report_which_stays_on_record(
    cast, client_for, au_action
) -> None:
    indicator = au_action.indicators.get()
    report = services.report_save(actor=cast["owner"], indicator=indicator, due_on=D(2026, 3, 31),
                                  status="in_progress", submit=True)  # fmt: skip
    client = client_for("secretariat")
    page = client.get("/decisions/6/2/").content.decode()
    assert f"/decisions/reports/{report.pk}/archive/" in page
    client.post(f"/decisions/reports/{report.pk}/archive/")
    report.refresh_from_db()
    assert report.state == "archived" and ProgressReport.objects.count() == 1
    page = client_for("partner").get("/decisions/6/2/").content.decode()
    assert "archived on" in page
    again = client.post(f"/decisions/reports/{report.pk}/archive/", follow=True)
    assert "already archived" in again.content.decode()
    assert client.post("/decisions/reports/999999/archive/").status_code == 404
