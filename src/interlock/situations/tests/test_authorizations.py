"""Security Council authorizations narrowed to the organizations they name (Article 53)."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from interlock.core.models import AuditEvent
from interlock.registry.models import Country
from interlock.situations import selectors, services
from interlock.situations.models import Authorization
from interlock.situations.reasons import in_words

pytestmark = pytest.mark.django_db


def _keeping(cast, darfur, world):
    return services.task_add(
        actor=cast["owner"],
        situation=darfur,
        domain=world["keeping"],
        description="Protect civilians",
        amount=Decimal("6000"),
        priority=5,
        country=Country.objects.get(alpha3="SDN"),
        enforcement=True,
    )


def _authorize(cast, darfur, **kw):
    values = {
        "symbol": "S/RES/1590 (2005)",
        "adopted_on": dt.date(2005, 3, 24),
        "authorizes": "Test authorization",
    }
    return services.authorization_add(actor=cast["owner"], situation=darfur, **(values | kw))


def _plan_for(cast, darfur, task, day=None):
    plan = services.plan_propose(actor=cast["owner"], situation=darfur, day=day)
    shares = {a["organization"] for a in plan.result["assignments"] if a["task"] == task.pk}
    flag = next((f for f in plan.result["flags"] if f["task"] == task.pk), None)
    return shares, [in_words(r) for r in flag["reasons"]] if flag else []


def test_an_authorization_naming_the_eu_leaves_the_au_out_and_says_which_resolution(
    cast, darfur, world
) -> None:
    task = _keeping(cast, darfur, world)
    _authorize(cast, darfur, addressed_to="named", organizations=[world["orgs"]["EU"]])
    shares, why = _plan_for(cast, darfur, task)
    assert "AU" not in shares and "EU" in shares
    assert any("S/RES/1590 (2005) authorizes only the organizations it names" in w for w in why)


def test_the_plan_page_and_api_show_the_article_53_flag(client_for, cast, darfur, world) -> None:
    _keeping(cast, darfur, world)
    _authorize(cast, darfur, addressed_to="named", organizations=[world["orgs"]["EU"]])
    services.plan_propose(actor=cast["owner"], situation=darfur)
    owner = client_for("owner")
    page = owner.get(f"/situations/{darfur.pk}/").content.decode()
    assert "Flagged under Article 53" in page and "not AU" in page
    (flag,) = owner.get(f"/api/v1/situations/{darfur.pk}/plan").json()["flags"]
    assert flag["organizations"] == ["AU"]


def test_an_authorization_naming_the_au_lets_it_lead_citing_the_resolution(
    cast, darfur, world
) -> None:
    task = _keeping(cast, darfur, world)
    _authorize(cast, darfur, addressed_to="named", organizations=[world["orgs"]["AU"]])
    plan = services.plan_propose(actor=cast["owner"], situation=darfur)
    lead = next(a for a in plan.result["assignments"] if a["role"] == "lead")
    assert (lead["task"], lead["organization"]) == (task.pk, "AU")
    words = [in_words(r) for r in lead["reasons"]]
    assert (
        "Enforcement authorized by the Security Council in S/RES/1590 (2005) (Article 53)." in words
    )


def test_an_authorization_counts_only_on_the_days_it_is_in_force(cast, darfur, world) -> None:
    task = _keeping(cast, darfur, world)
    _authorize(cast, darfur, in_force_until=dt.date(2005, 9, 24))
    assert "AU" in _plan_for(cast, darfur, task, day=dt.date(2005, 9, 1))[0]
    shares, why = _plan_for(cast, darfur, task, day=dt.date(2005, 10, 1))
    assert "AU" not in shares
    assert any("S/RES/1590 (2005) is not in force" in w for w in why)


def test_the_engines_world_carries_whom_each_authorization_names(cast, darfur, world) -> None:
    _authorize(cast, darfur)
    _authorize(
        cast,
        darfur,
        symbol="S/RES/1556 (2004)",
        adopted_on=dt.date(2004, 7, 30),
        addressed_to="named",
        organizations=[world["orgs"]["EU"], world["orgs"]["AU"]],
    )
    terms, _ = selectors.world_of(darfur, day=dt.date(2005, 7, 25))
    assert {(a.symbol, a.organizations) for a in terms.authorizations} == {
        ("S/RES/1590 (2005)", frozenset()),
        ("S/RES/1556 (2004)", frozenset({"AU", "EU"})),
    }
    assert terms.day == dt.date(2005, 7, 25)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"addressed_to": "named"}, "Name the organizations"),
        ({"addressed_to": "all", "organizations": "EU"}, "names no organization"),
        ({"addressed_to": "everyone"}, "Choose whom"),
        ({"in_force_until": dt.date(2005, 1, 1)}, "cannot end before it was adopted"),
    ],
)
def test_bad_scopes_are_refused_with_a_message_and_nothing_changes(
    cast, darfur, world, change, message
) -> None:
    if change.get("organizations") == "EU":
        change = change | {"organizations": [world["orgs"]["EU"]]}
    events = AuditEvent.objects.count()
    with pytest.raises(ValidationError, match=message):
        _authorize(cast, darfur, **change)
    assert not Authorization.objects.filter(situation=darfur).exists()
    assert AuditEvent.objects.count() == events


def test_the_page_records_whom_it_authorizes_and_shows_it(client_for, darfur, world) -> None:
    owner = client_for("owner")
    form = {
        "symbol": "S/RES/1556 (2004)",
        "adopted_on": "2004-07-30",
        "in_force_until": "2005-07-30",
        "authorizes": "Test",
        "addressed_to": "named",
        "organizations": [world["orgs"]["EU"].pk],
    }
    assert owner.post(f"/situations/{darfur.pk}/authorizations/", form).status_code == 302
    authorization = Authorization.objects.get(situation=darfur)
    assert [o.acronym for o in authorization.organizations.all()] == ["EU"]
    assert authorization.in_force_until == dt.date(2005, 7, 30)
    page = owner.get(f"/situations/{darfur.pk}/").content.decode()
    assert "Whom it authorizes" in page
    data = owner.get(f"/api/v1/situations/{darfur.pk}").json()
    assert data["authorizations"][0]["organizations"] == ["EU"]
    assert data["authorizations"][0]["addressed_to"] == "named"
    response = owner.post(
        f"/situations/{darfur.pk}/authorizations/",
        form | {"symbol": "S/RES/1590 (2005)", "organizations": []},
        follow=True,
    )
    assert "Name the organizations" in response.content.decode()
    assert Authorization.objects.filter(situation=darfur).count() == 1
