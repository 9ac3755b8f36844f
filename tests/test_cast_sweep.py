"""Every page and API route, tried by every member of the fixed cast: the answer each may get,
and never a server error. New routes must be added here (a test below fails until they are)."""

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import CAN_READ, CAST_DOCUMENTS, SWEEP_CAST

pytestmark = pytest.mark.django_db

PUBLIC = {part: 200 for part in SWEEP_CAST}
SIGNED_IN = {**{part: 200 for part in SWEEP_CAST}, "anonymous": 302}
SECRETARIAT_ONLY = {**{part: 403 for part in SWEEP_CAST}, "secretariat": 200}
API_SECRETARIAT_ONLY = {**SECRETARIAT_ONLY, "anonymous": 401}

PAGES = {
    "/": PUBLIC,
    "/organizations/": PUBLIC,
    "/organizations/?as_of=2005-07-25&region=002": PUBLIC,
    "/organizations/AU/": PUBLIC,
    "/organizations/AU/?as_of=1999-01-01": PUBLIC,
    "/organizations/NOPE/": {part: 404 for part in SWEEP_CAST},
    "/organizations/AU/translations/": {**SECRETARIAT_ONLY, "anonymous": 302},
    "/meetings/": PUBLIC,
    "/meetings/6/": PUBLIC,
    "/meetings/?series=standing-committee": PUBLIC,
    "/meetings/new/": {**SECRETARIAT_ONLY, "anonymous": 302},
    "/meetings/new/?series=high-level&year=2005": {**SECRETARIAT_ONLY, "anonymous": 302},
    "/meetings/series/new/": {**SECRETARIAT_ONLY, "anonymous": 302},
    # Calendar feeds: a series' public feed; private feeds answer only to a live token (the
    # cast's own tokens are tried in meetings/tests/test_calendar_feeds.py).
    "/meetings/calendar/standing-committee.ics": PUBLIC,
    "/meetings/calendar/nope.ics": {part: 404 for part in SWEEP_CAST},
    "/meetings/feeds/": SIGNED_IN,
    "/meetings/feeds/ilc_nothing/organization.ics": {part: 404 for part in SWEEP_CAST},
    "/meetings/feeds/ilc_nothing/series/standing-committee.ics": {part: 404 for part in SWEEP_CAST},
    "/meetings/high-level/6/": PUBLIC,
    "/meetings/standing-committee/1/": PUBLIC,
    "/meetings/standing-committee/1/edit/": {**SECRETARIAT_ONLY, "anonymous": 302},
    "/meetings/standing-committee/1/invite/": {**SECRETARIAT_ONLY, "anonymous": 302},
    # The sixth meeting is kept as its source records it: nobody edits it or invites to it.
    "/meetings/high-level/6/edit/": {**{p: 403 for p in SWEEP_CAST}, "anonymous": 302},
    "/meetings/high-level/6/invite/": {**{p: 403 for p in SWEEP_CAST}, "anonymous": 302},
    # Invited organizations' liaison officials answer; the UN is not invited (404); a member
    # of an organization does not answer for it.
    "/meetings/standing-committee/1/delegation/": {
        "owner": 200,
        "partner": 200,
        "outsider": 403,
        "secretariat": 404,
        "anonymous": 302,
    },
    "/meetings/high-level/6/delegation/": {
        "owner": 404,
        "partner": 404,
        "outsider": 403,
        "secretariat": 404,
        "anonymous": 302,
    },
    "/api/v1/series": PUBLIC,
    "/api/v1/meetings?series=standing-committee": PUBLIC,
    "/api/v1/series/standing-committee/meetings/1": PUBLIC,
    "/api/v1/series/standing-committee/meetings/9": {part: 404 for part in SWEEP_CAST},
    "/api/v1/series/standing-committee/meetings/1/invitations": PUBLIC,
    "/api/v1/series/standing-committee/meetings/1/delegations": PUBLIC,
    "/groups/working-groups/": PUBLIC,
    "/audit/": {**SECRETARIAT_ONLY, "anonymous": 302},
    "/accounts/profile/": SIGNED_IN,
    "/accounts/sign-in/": {**{part: 302 for part in SWEEP_CAST}, "anonymous": 200},
    "/accounts/password/": SIGNED_IN,
    "/accounts/two-factor/": SIGNED_IN,
    # Nobody of the cast has an authenticator: the code page sends them on to the home page.
    "/accounts/two-factor/verify/": {part: 302 for part in SWEEP_CAST},
    "/accounts/password/reset/": PUBLIC,
    "/accounts/password/reset/sent/": PUBLIC,
    "/accounts/password/reset/MQ/not-a-token/": PUBLIC,  # says the link is not valid
    "/accounts/password/reset/done/": PUBLIC,
    "/health/": PUBLIC,
    "/notifications/": SIGNED_IN,
    # One's own inbox and calendar subscriptions through the API: every signed-in part, its own.
    "/api/v1/me/notifications": {**{part: 200 for part in SWEEP_CAST}, "anonymous": 401},
    "/api/v1/me/notifications?unread=true": {**{p: 200 for p in SWEEP_CAST}, "anonymous": 401},
    "/api/v1/me/notifications/unread-count": {**{p: 200 for p in SWEEP_CAST}, "anonymous": 401},
    "/api/v1/me/calendar-tokens": {**{part: 200 for part in SWEEP_CAST}, "anonymous": 401},
    "/api/v1/organizations": PUBLIC,
    "/api/v1/organizations?as_of=2005-07-25&kind=regional": PUBLIC,
    "/api/v1/organizations/EU": PUBLIC,
    "/api/v1/organizations/EU/members?as_of=2005-07-25": PUBLIC,
    "/api/v1/organizations/NOPE": {part: 404 for part in SWEEP_CAST},
    "/api/v1/countries": PUBLIC,
    "/api/v1/meetings": PUBLIC,
    "/api/v1/meetings/6": PUBLIC,
    "/api/v1/me": PUBLIC,
    "/api/v1/audit": API_SECRETARIAT_ONLY,
    "/api/v1/openapi.json": PUBLIC,
    "/api/v1/": {part: 404 for part in SWEEP_CAST},  # the routers' common prefix, not a resource
    "/documents/": PUBLIC,
    "/documents/?q=peacekeeping": PUBLIC,
    "/documents/export.csv": PUBLIC,
    "/documents/new/": {**SIGNED_IN},
    "/documents/choices/?field=text&text_search=Ember": SIGNED_IN,
    "/agreements/": SIGNED_IN,
    "/agreements/new/": {**SECRETARIAT_ONLY, "anonymous": 302},
    "/api/v1/documents": PUBLIC,
    "/api/v1/documents?q=peacekeeping": PUBLIC,
    "/api/v1/agreements": {**{part: 200 for part in SWEEP_CAST}, "anonymous": 401},
    "/situations/": PUBLIC,
    "/situations/new/": SIGNED_IN,
    "/situations/notifications/": SIGNED_IN,
    "/situations/capabilities/": SIGNED_IN,
    # Only the organization's own liaison official keeps its capabilities.
    "/situations/capabilities/AU/": {
        **{part: 403 for part in SWEEP_CAST},
        "owner": 200,
        "anonymous": 302,
    },
    "/situations/capabilities/NOPE/": {**{part: 404 for part in SWEEP_CAST}, "anonymous": 302},
    "/situations/999999/": {part: 404 for part in SWEEP_CAST},
    "/api/v1/situations": PUBLIC,
    "/api/v1/situations/999999": {part: 404 for part in SWEEP_CAST},
    "/api/v1/situations/999999/map": {part: 404 for part in SWEEP_CAST},
    "/api/v1/capabilities": {**{part: 200 for part in SWEEP_CAST}, "anonymous": 401},
    "/api/v1/notifications": {**{part: 200 for part in SWEEP_CAST}, "anonymous": 401},
    "/situations/notifications/999999/": {**{part: 404 for part in SWEEP_CAST}, "anonymous": 302},
    "/situations/peacebuilding/": SIGNED_IN,
    # Capacity-building plans (¶4): the list is public (each sees what the policy lets it see);
    # a liaison official records plans of its own organization, the secretariat any.
    "/situations/capacity-building/": PUBLIC,
    "/situations/capacity-building/new/": {
        **{part: 200 for part in SWEEP_CAST},
        "outsider": 403,
        "anonymous": 302,
    },
    "/situations/capacity-building/999999/": {part: 404 for part in SWEEP_CAST},
    "/api/v1/capacity-plans": PUBLIC,
    "/api/v1/capacity-plans/999999": {part: 404 for part in SWEEP_CAST},
    "/situations/peacebuilding/999999/": {**{part: 404 for part in SWEEP_CAST}, "anonymous": 302},
    "/api/v1/peacebuilding/configurations": {
        **{part: 200 for part in SWEEP_CAST},
        "anonymous": 401,
    },
    # The liaison network (¶7d): participants only, never the anonymous public.
    "/liaison/": SIGNED_IN,
    "/liaison/officials.vcf": SIGNED_IN,
    "/liaison/officials.csv": SIGNED_IN,
    "/liaison/officials.csv?hxl=1": SIGNED_IN,
    "/organizations/AU/liaison-office/": {
        "owner": 200,
        "partner": 403,
        "outsider": 403,
        "secretariat": 200,
        "anonymous": 302,
    },
    "/organizations/NOPE/liaison-office/": {**{p: 404 for p in SWEEP_CAST}, "anonymous": 302},
    "/api/v1/liaison-officials": {**{part: 200 for part in SWEEP_CAST}, "anonymous": 401},
    # The cast's AU has no official in post (test_liaison_office.py appoints one).
    "/api/v1/organizations/AU/liaison-official": {
        **{part: 404 for part in SWEEP_CAST},
        "anonymous": 401,
    },
    "/api/v1/organizations/AU/profile": PUBLIC,
    "/decisions/": PUBLIC,
    "/decisions/?meeting=6&overdue=on&status=not_reported": PUBLIC,
    "/decisions/?meeting=x": PUBLIC,  # a bad filter: its error, no list
    "/decisions/6/8/": PUBLIC,
    "/decisions/6/99/": {part: 404 for part in SWEEP_CAST},
    "/decisions/monitor/": PUBLIC,
    "/decisions/monitor.csv": PUBLIC,
    "/decisions/monitor.pdf": PUBLIC,
    # The reminders of every app are listed on one page; the decisions' old address leads there.
    "/decisions/reminders/": {**SECRETARIAT_ONLY, "secretariat": 301, "anonymous": 302},
    "/reminders/": {**SECRETARIAT_ONLY, "anonymous": 302},
    "/proposals/": SIGNED_IN,
    "/proposals/new/": SIGNED_IN,
    "/groups/working-groups/peacekeeping/": PUBLIC,
    "/groups/working-groups/nope/": {part: 404 for part in SWEEP_CAST},
    "/groups/working-groups/new/": {**SECRETARIAT_ONLY, "anonymous": 302},
    "/groups/standing-committee/": PUBLIC,
    "/api/v1/decisions": PUBLIC,
    "/api/v1/decisions?organization=AU&overdue=true": PUBLIC,
    "/api/v1/decisions/6/8": PUBLIC,
    "/api/v1/monitor": PUBLIC,
    "/api/v1/actions": PUBLIC,
    "/api/v1/actions?decision=HLM6/2&organization=AU&status=in_progress": PUBLIC,
    "/api/v1/actions?decision=sixth": {part: 422 for part in SWEEP_CAST},
    "/api/v1/indicators?overdue=true": PUBLIC,
    "/api/v1/indicators/999999": {part: 404 for part in SWEEP_CAST},
    "/api/v1/standing-committee/terms": PUBLIC,
    "/api/v1/proposals": {**{part: 200 for part in SWEEP_CAST}, "anonymous": 401},
    "/organizations/new/": {**SECRETARIAT_ONLY, "anonymous": 302},
}


@pytest.mark.parametrize("part", SWEEP_CAST)
@pytest.mark.parametrize("path", sorted(PAGES))
def test_each_part_gets_the_answer_it_is_entitled_to(client_for, part: str, path: str) -> None:
    response = client_for(part).get(path)
    assert response.status_code == PAGES[path][part], f"{part} GET {path}"


# Routes that only take POST (forms), or belong to Django itself, are tested in their own files.
ELSEWHERE = {
    "accounts/sign-out/", "accounts/tokens/", "accounts/two-factor/recovery-codes/", "accounts/tokens/<int:token_id>/revoke/",
    "organizations/<slug:acronym>/liaison/", "i18n/setlang/", "jsi18n/", "api/v1/docs",
    "agreements/<int:pk>/<slug:step>/",  # POST only: agreements' lifecycle, in their own tests
    "documents/<int:pk>/texts/<int:text_id>/download/",  # in test_document_leaks.py
    "agreements/<int:pk>/",  # in test_agreements.py
    # POST only: situations' writes, in src/interlock/situations/tests/
    "situations/<int:pk>/timeline/", "situations/<int:pk>/authorizations/",
    "situations/<int:pk>/tasks/", "situations/<int:pk>/plans/",
    "situations/plans/<int:plan_id>/adopt/", "situations/engagements/<int:engagement_id>/",
    "situations/notifications/<int:notification_id>/sent/",
    "situations/notifications/<int:notification_id>/text/",
    "situations/peacebuilding/<int:pk>/propose/", "situations/peacebuilding/seats/<int:seat_id>/adopt/",
    "api/v1/notifications/<notification_id>/texts",
    "api/v1/situations/<pk>/plans", "api/v1/plans/<plan_id>/adopt",
    # POST and PUT only: capacity-building plans' API writes, in capacity_building/tests/test_api.py
    "api/v1/capacity-plans/<pk>/pillars", "api/v1/capacity-plans/<pk>/milestones",
    "api/v1/capacity-plans/<pk>/milestones/<milestone_id>",
    "api/v1/capacity-plans/<pk>/contributions",
    "situations/capacity-building/pillars/<int:pillar_id>/move/",  # POST only: test_plans.py
    # POST only: the liaison office's forms, in liaison/tests/test_liaison_office.py
    "organizations/<slug:acronym>/liaison-office/profile/",
    "organizations/<slug:acronym>/liaison-office/contact/",
    "organizations/<slug:acronym>/liaison-office/hand-over/",
    "organizations/<slug:acronym>/liaison-office/end/",
    # Proposals and the forms of decisions and committees: by their owners, in their own tests.
    "proposals/<int:pk>/", "api/v1/proposals/<pk>", "proposals/<int:pk>/modify/",
    "proposals/<int:pk>/modifications/<int:modification_id>/", "proposals/<int:pk>/move/",
    "proposals/<int:pk>/support/", "proposals/<int:pk>/decision/",
    "api/v1/proposals/<pk>/modifications", "api/v1/indicators/<pk>/reports",
    "decisions/<int:meeting>/<int:number>/actions/",
    "decisions/<int:meeting>/<int:number>/actions/<int:action_id>/indicators/",
    "decisions/indicators/<int:indicator_id>/report/",
    # One proposal's supports, and the API's writes: in decisions/tests/test_implementation_api.py
    "api/v1/proposals/<pk>/supports", "api/v1/decisions/<meeting>/<number>/actions",
    "api/v1/actions/<pk>/indicators", "api/v1/standing-committee/terms/<pk>/consents",
    # POST only: in decisions/tests/test_decision_links.py
    "decisions/<int:meeting>/<int:number>/links/", "decisions/reports/<int:report_id>/archive/",
    "groups/standing-committee/terms/", "groups/standing-committee/terms/<int:pk>/consent/",
    # POST only: in committees/tests/test_working_group_page.py and test_committee_seats.py
    "groups/working-groups/<slug:key>/documents/", "groups/working-groups/<slug:key>/people/",
    "groups/standing-committee/seats/", "groups/standing-committee/seats/<int:pk>/end/",
    # POST only: in meetings/tests/test_meeting_cycle.py and test_meetings_api.py
    "meetings/<slug:series>/<int:number>/status/",
    "api/v1/series/<key>/meetings/<number>/status",
    "api/v1/series/<key>/meetings/<number>/invitations/<acronym>/answer",
    "meetings/<slug:series>/<int:number>/record/comments/",
    "meetings/<slug:series>/<int:number>/record/comments/<int:comment_id>/disposition/",
    "meetings/<slug:series>/<int:number>/record/step/<slug:step>/",
    "notifications/read/",  # POST only: in meetings/tests/test_notifications.py
    # POST only: in core/tests/test_inbox_api.py and meetings/tests/test_calendar_tokens_api.py
    "api/v1/me/notifications/read", "api/v1/me/notifications/<notification_id>/read",
    "api/v1/me/calendar-tokens/<token_id>/revoke",
    "meetings/feeds/<int:token_id>/revoke/",  # POST only: in meetings/tests/test_calendar_feeds.py
    "api/v1/series/<key>/meetings/<number>/record/versions",
    "api/v1/series/<key>/meetings/<number>/record/status",
    "api/v1/series/<key>/meetings/<number>/record/comments/<comment_id>/disposition",
    "api/v1/series/<key>/meetings/<number>/outcome",  # PUT only: in test_outcome_choice.py
    # POST only: the agenda's writes, in meetings/tests/test_agenda.py
    "meetings/<slug:series>/<int:number>/agenda/publish/",
    "meetings/<slug:series>/<int:number>/agenda/<int:item_id>/move/",
    "meetings/<slug:series>/<int:number>/agenda/<int:item_id>/remove/",
    "meetings/<slug:series>/<int:number>/agenda/<int:item_id>/documents/",
    "meetings/<slug:series>/<int:number>/agenda/<int:item_id>/documents/<int:document_id>/remove/",
    "meetings/<slug:series>/<int:number>/agenda/<int:item_id>/links/",
}  # fmt: skip


# Routes of the cast's restricted AU situation: the AU, the EU (agreement covering peacekeeping)
# and the secretariat see it; the OSCE and the public get 404, as for a document.
SITUATION_SEEN = {"owner": 200, "partner": 200, "secretariat": 200, "outsider": 404}
SITUATION_ROUTES = {
    "/situations/{pk}/": {**SITUATION_SEEN, "anonymous": 404},
    "/situations/{pk}/what-if/": {**SITUATION_SEEN, "anonymous": 302},
    "/situations/{pk}/what-if/?remove=UN": {**SITUATION_SEEN, "anonymous": 302},
    "/api/v1/situations/{pk}": {**SITUATION_SEEN, "anonymous": 404},
    "/api/v1/situations/{pk}/plan": {**SITUATION_SEEN, "anonymous": 401},
    "/api/v1/situations/{pk}/map": {**SITUATION_SEEN, "anonymous": 404},
}


@pytest.mark.parametrize("part", SWEEP_CAST)
@pytest.mark.parametrize("route", sorted(SITUATION_ROUTES))
def test_each_part_sees_the_situation_only_if_the_policy_says_so(
    client_for, cast_situation, part: str, route: str
) -> None:
    response = client_for(part).get(route.format(pk=cast_situation.pk))
    assert response.status_code == SITUATION_ROUTES[route][part], f"{part} GET {route}"
    if response.status_code in (401, 403, 404):
        assert cast_situation.title not in response.content.decode()


# Routes of a restricted AU capacity-building plan on peacekeeping: seen as the cast's situation
# is; kept (its edit pages) by the AU's liaison official and the secretariat only.
PLAN_KEPT = {"owner": 200, "partner": 403, "secretariat": 200, "outsider": 404, "anonymous": 302}
PLAN_ROUTES = {
    "/situations/capacity-building/{pk}/": {**SITUATION_SEEN, "anonymous": 404},
    "/api/v1/capacity-plans/{pk}": {**SITUATION_SEEN, "anonymous": 404},
    "/situations/capacity-building/{pk}/edit/": PLAN_KEPT,
    "/situations/capacity-building/{pk}/pillars/new/": PLAN_KEPT,
    "/situations/capacity-building/{pk}/milestones/new/": PLAN_KEPT,
    "/situations/capacity-building/{pk}/contributions/new/": PLAN_KEPT,
    "/situations/capacity-building/pillars/{pillar}/": PLAN_KEPT,
    "/situations/capacity-building/milestones/{milestone}/": PLAN_KEPT,
    "/situations/capacity-building/contributions/{contribution}/": PLAN_KEPT,
}
CAST_PLAN = "Tundra restricted capacity-building plan"


@pytest.fixture
def cast_plan(cast: dict[str, Any], cast_documents: dict[str, Any]) -> dict[str, Any]:
    from interlock.capacity_building import services
    from interlock.documents.models import Topic
    from interlock.registry.models import Organization

    owner = cast["owner"]
    plan = services.plan_create(
        actor=owner,
        beneficiary=Organization.objects.get(acronym="AU"),
        title={"title_en": CAST_PLAN},
        classification="restricted",
        topics=Topic.objects.filter(key="peacekeeping"),
    )
    pillar = services.pillar_add(actor=owner, plan=plan, title={"title_en": "Tundra pillar"})
    milestone = services.milestone_add(
        actor=owner,
        pillar=pillar,
        description={"description_en": "Tundra milestone"},
        evidence=cast_documents["confidential_own"],
    )
    contribution = services.contribution_add(
        actor=owner, plan=plan, partner=Organization.objects.get(acronym="EU"), kind="experts"
    )
    return {
        "pk": plan.pk,
        "pillar": pillar.pk,
        "milestone": milestone.pk,
        "contribution": contribution.pk,
    }


@pytest.mark.parametrize("part", SWEEP_CAST)
@pytest.mark.parametrize("route", sorted(PLAN_ROUTES))
def test_each_part_sees_and_keeps_a_capacity_building_plan_only_as_it_may(
    client_for, cast_documents, cast_plan, part: str, route: str
) -> None:
    response = client_for(part).get(route.format(**cast_plan))
    assert response.status_code == PLAN_ROUTES[route][part], f"{part} GET {route}"
    body = response.content.decode()
    if response.status_code in (403, 404):
        assert CAST_PLAN not in body
    if part != "owner":  # the evidence: the AU's own confidential briefing
        assert cast_documents["confidential_own"].title not in body


# An Article 54 notification on the cast's AU situation: the AU's own staff and the secretariat
# read it; the EU sees the situation but not the AU's notifications; others get 404.
NOTIFICATION_SEEN = {"owner": 200, "partner": 404, "secretariat": 200, "outsider": 404}


@pytest.fixture
def cast_notification(cast_situation: Any) -> Any:
    import datetime as dt

    from interlock.situations.models import Engagement, Notification

    engagement = Engagement.objects.create(
        situation=cast_situation,
        organization=cast_situation.owner,
        role="lead",
        status="alerted",
        started_on=dt.date(2026, 1, 5),
    )
    return Notification.objects.create(
        engagement=engagement, status_after="alerted", text="Draft", text_en="Draft"
    )


@pytest.mark.parametrize("part", SWEEP_CAST)
def test_each_part_reads_an_article_54_notification_only_if_it_may(
    client_for, cast_notification, part: str
) -> None:
    response = client_for(part).get(f"/situations/notifications/{cast_notification.pk}/")
    assert response.status_code == {**NOTIFICATION_SEEN, "anonymous": 302}[part], part


@pytest.mark.parametrize("part", SWEEP_CAST)
def test_each_signed_in_part_reads_a_peacebuilding_configuration_naming_the_situation_only_if_seen(
    client_for, cast_situation, part: str
) -> None:
    from interlock.registry.models import Country
    from interlock.situations.models import PeacebuildingConfiguration

    country = cast_situation.countries.first() or Country.objects.get(pk="SDN")
    configuration = PeacebuildingConfiguration.objects.create(
        country=country, situation=cast_situation
    )
    response = client_for(part).get(f"/situations/peacebuilding/{configuration.pk}/")
    assert response.status_code == (302 if part == "anonymous" else 200), part
    if part != "anonymous":
        named = cast_situation.title in response.content.decode()
        assert named == (SITUATION_SEEN[part] == 200), part


# Routes of one document: the answer depends on whether the part may read it (404 otherwise: a
# reader who may not read a document must not learn that it exists).
DOCUMENT_ROUTES = {
    "/documents/{pk}/": 200,
    "/api/v1/documents/{pk}": 200,
    "/api/v1/documents/{pk}/explain": "owner-or-secretariat",
    "/api/v1/documents/{pk}/reads": "owner",
    "/documents/{pk}/reads/": "owner-page",
    "/documents/{pk}/versions/new/": "owner-page",
}


@pytest.mark.parametrize("part", SWEEP_CAST)
@pytest.mark.parametrize("case", sorted(CAST_DOCUMENTS))
@pytest.mark.parametrize("route", sorted(DOCUMENT_ROUTES))
def test_each_part_reaches_exactly_the_documents_it_may_read(
    client_for, cast_documents, part: str, case: str, route: str
) -> None:
    document = cast_documents[case]
    response = client_for(part).get(route.format(pk=document.pk))
    readable = case in CAN_READ[part]
    rule = DOCUMENT_ROUTES[route]
    if part == "anonymous" and route.startswith("/api/") and rule != 200:
        # The owner's API routes ask the public to sign in (401) before looking at the document:
        # the same answer whatever the document, so nothing is learnt of it.
        expected = 401
    elif not readable:
        expected = 302 if rule == "owner-page" and part == "anonymous" else 404
    elif rule == "owner":
        expected = 200 if part == "owner" else 403
    elif rule == "owner-page":
        expected = (
            200
            if part == "owner"
            else (302 if part == "anonymous" else 404 if route.endswith("reads/") else 403)
        )
    elif rule == "owner-or-secretariat":
        expected = 200 if part in ("owner", "secretariat") else 403
    else:
        expected = rule
    assert response.status_code == expected, f"{part} GET {route} of {case}"
    if response.status_code in (401, 403, 404):
        assert document.title not in response.content.decode()


# Routes of a meeting's record: the cast meeting's record, shared with the partnership and
# circulated for comment, revised once. Who may see it follows the library's policy; anonymous
# readers learn nothing of it (404), and the pages only the secretariat uses refuse the others.
SC = "/meetings/standing-committee/1"
SC_API = "/api/v1/series/standing-committee/meetings/1"
PARTNERSHIP = {**{part: 200 for part in SWEEP_CAST}, "anonymous": 404}
RECORD_ROUTES = {
    f"{SC}/record/": PARTNERSHIP,
    f"{SC}/record/diff/?from=1&to=2": PARTNERSHIP,
    f"{SC}/record/diff/?from=1&to=9": {part: 404 for part in SWEEP_CAST},
    f"{SC}/record/new/": {**SECRETARIAT_ONLY, "anonymous": 302},
    f"{SC}/record/edit/": {**SECRETARIAT_ONLY, "anonymous": 302},
    f"{SC}/preparation/": PUBLIC,
    f"{SC}/agenda/": PUBLIC,
    f"{SC}/agenda/new/": {**SECRETARIAT_ONLY, "anonymous": 302},
    "/meetings/high-level/6/agenda/": PUBLIC,
    # The sixth meeting's PDF is rendered in meetings/tests/test_outcome_pdf.py (slow to print);
    # here, a meeting with no outcome document.
    f"{SC}/outcome.pdf": {part: 404 for part in SWEEP_CAST},
    f"{SC}/outcome/": {**SECRETARIAT_ONLY, "anonymous": 302},
    # The sixth meeting keeps the conclusions its source gives: nobody changes them here.
    "/meetings/high-level/6/outcome/": {**{p: 403 for p in SWEEP_CAST}, "anonymous": 302},
    "/meetings/high-level/6/agenda/new/": {**{p: 403 for p in SWEEP_CAST}, "anonymous": 302},
    f"{SC_API}/agenda": PUBLIC,
    f"{SC_API}/agenda/1": {part: 404 for part in SWEEP_CAST},
    f"{SC_API}/record": PARTNERSHIP,
    f"{SC_API}/record/comments": PARTNERSHIP,
    f"{SC_API}/record/diff?from=1&to=2": PARTNERSHIP,
}


@pytest.fixture
def cast_record(cast):
    import datetime as dt

    from django.utils import timezone

    from interlock.meetings import services
    from interlock.meetings.models import Meeting

    meeting = Meeting.objects.get(series__key="standing-committee", number=1)
    record = services.record_create(
        actor=cast["secretariat"],
        meeting=meeting,
        text="Opened.\n\nClosed.",
        classification="partnership",
    )
    services.record_revise(
        actor=cast["secretariat"], record=record, text="Opened.\n\nEnded.", based_on=1
    )
    services.record_move(
        actor=cast["secretariat"],
        record=record,
        to="circulated",
        expected_version=record.version,
        deadline=timezone.now() + dt.timedelta(days=7),
    )
    services.comment_add(actor=cast["owner"], record=record, paragraph=1, text="Say when.")
    return record


@pytest.mark.parametrize("part", SWEEP_CAST)
@pytest.mark.parametrize("path", sorted(RECORD_ROUTES))
def test_each_part_reaches_a_record_as_the_sharing_policy_says(
    client_for, cast_record, part: str, path: str
) -> None:
    response = client_for(part).get(path)
    assert response.status_code == RECORD_ROUTES[path][part], f"{part} GET {path}"
    if response.status_code in (401, 403, 404):
        assert "Record of the" not in response.content.decode()


@pytest.mark.parametrize("part", SWEEP_CAST)
def test_only_the_secretariat_opens_an_agenda_items_page(client_for, cast, part: str) -> None:
    from interlock.meetings import services
    from interlock.meetings.models import Meeting

    meeting = Meeting.objects.get(series__key="standing-committee", number=1)
    item = services.agenda_item_add(actor=cast["secretariat"], meeting=meeting, title_en="Opening")
    response = client_for(part).get(f"{SC}/agenda/{item.pk}/")
    expected = {"secretariat": 200, "anonymous": 302}.get(part, 403)
    assert response.status_code == expected, part
    assert client_for(part).get(f"{SC}/agenda/999999/").status_code == (
        404 if part == "secretariat" else expected
    )


def _routes(resolver: URLResolver, prefix: str = "") -> list[str]:
    found = []
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.startswith("admin/"):
                continue  # Django's admin protects itself: staff only
            found += _routes(pattern, route)
        elif isinstance(pattern, URLPattern):
            found.append(route)
    return found


def test_every_route_is_in_the_sweep() -> None:
    swept = {path.split("?")[0].lstrip("/") for path in [*PAGES, *RECORD_ROUTES]}
    shapes = {
        "organizations/<slug:acronym>/": "organizations/AU/",
        "organizations/<slug:acronym>/translations/": "organizations/AU/translations/",
        "meetings/<int:number>/": "meetings/6/",
        "meetings/calendar/<slug:series>.ics": "meetings/calendar/standing-committee.ics",
        "meetings/feeds/<str:token>/organization.ics": "meetings/feeds/ilc_nothing/organization.ics",
        "meetings/feeds/<str:token>/series/<slug:series>.ics": (
            "meetings/feeds/ilc_nothing/series/standing-committee.ics"
        ),
        "api/v1/organizations/<acronym>": "api/v1/organizations/EU",
        "api/v1/organizations/<acronym>/members": "api/v1/organizations/EU/members",
        "organizations/<slug:acronym>/liaison-office/": "organizations/AU/liaison-office/",
        "api/v1/organizations/<acronym>/liaison-official": "api/v1/organizations/AU/liaison-official",
        "api/v1/organizations/<acronym>/profile": "api/v1/organizations/AU/profile",
        "api/v1/meetings/<number>": "api/v1/meetings/6",
        "meetings/<slug:series>/<int:number>/": "meetings/high-level/6/",
        "meetings/<slug:series>/<int:number>/edit/": "meetings/high-level/6/edit/",
        "meetings/<slug:series>/<int:number>/invite/": "meetings/high-level/6/invite/",
        "meetings/<slug:series>/<int:number>/delegation/": "meetings/high-level/6/delegation/",
        **{
            f"meetings/<slug:series>/<int:number>/{tail}": f"{SC[1:]}/{tail}"
            for tail in (
                "preparation/",
                "record/",
                "record/new/",
                "record/edit/",
                "record/diff/",
                "agenda/",
                "agenda/new/",
                "outcome.pdf",
                "outcome/",
            )
        },
        **{
            f"api/v1/series/<key>/meetings/<number>/{tail}": f"{SC_API[1:]}/{tail}"
            for tail in ("record", "record/comments", "record/diff", "agenda")
        },
        "api/v1/series/<key>/meetings/<number>": "api/v1/series/standing-committee/meetings/1",
        "api/v1/series/<key>/meetings/<number>/agenda/<item>": f"{SC_API[1:]}/agenda/1",
        "meetings/<slug:series>/<int:number>/agenda/<int:item_id>/": f"{SC[1:]}/agenda/",
        "api/v1/series/<key>/meetings/<number>/invitations": (
            "api/v1/series/standing-committee/meetings/1/invitations"
        ),
        "api/v1/series/<key>/meetings/<number>/delegations": (
            "api/v1/series/standing-committee/meetings/1/delegations"
        ),
        "api/v1/agreements/<pk>": "api/v1/agreements",
        "accounts/password/reset/<uidb64>/<token>/": "accounts/password/reset/MQ/not-a-token/",
        "situations/<int:pk>/": "situations/999999/",
        "situations/<int:pk>/what-if/": "situations/",
        "situations/capabilities/<slug:acronym>/": "situations/capabilities/AU/",
        "situations/notifications/<int:notification_id>/": "situations/notifications/999999/",
        "situations/peacebuilding/<int:pk>/": "situations/peacebuilding/999999/",
        "api/v1/situations/<pk>": "api/v1/situations/999999",
        "api/v1/situations/<pk>/plan": "api/v1/situations",
        "api/v1/situations/<pk>/map": "api/v1/situations/999999/map",
        "api/v1/capacity-plans/<pk>": "api/v1/capacity-plans/999999",
        **{
            route: "situations/capacity-building/999999/"
            for route in (
                "situations/capacity-building/<int:pk>/",
                "situations/capacity-building/<int:pk>/edit/",
                "situations/capacity-building/<int:pk>/pillars/new/",
                "situations/capacity-building/<int:pk>/milestones/new/",
                "situations/capacity-building/<int:pk>/contributions/new/",
                "situations/capacity-building/pillars/<int:pillar_id>/",
                "situations/capacity-building/milestones/<int:milestone_id>/",
                "situations/capacity-building/contributions/<int:contribution_id>/",
            )
        },
        "decisions/<int:meeting>/<int:number>/": "decisions/6/8/",
        "api/v1/decisions/<meeting>/<number>": "api/v1/decisions/6/8",
        "api/v1/indicators/<pk>": "api/v1/indicators/999999",
        "groups/working-groups/<slug:key>/": "groups/working-groups/peacekeeping/",
        **{
            route.strip("/").replace("{pk}", "<int:pk>")
            + ("/" if route.endswith("/") else ""): "documents/"
            for route in DOCUMENT_ROUTES
            if not route.startswith("/api")
        },
        **{
            route.strip("/").replace("{pk}", "<pk>"): "api/v1/documents"
            for route in DOCUMENT_ROUTES
            if route.startswith("/api")
        },
    }
    for route in _routes(get_resolver()):
        route = route.replace("^", "").replace("$", "")
        if route in ELSEWHERE or route.startswith("api/v1/docs"):
            continue
        assert shapes.get(route, route) in swept, f"route {route!r} is not in the sweep"


# Cross-references seeded with targets their readers may not read: every place that names another
# object (an agreement's text, an audit event's target) must name it through the reading policy.
CANARY_SYMBOL = "AU/CONF/GLACIER/7"
CANARY_TITLE = "Glacier confidential annex to the EU"
CROSS_REFERENCE_PAGES = [
    path for path in PAGES if not path.startswith("/api/v1/openapi") and "?q=" not in path
] + ["/audit/?action=document.create", "/api/v1/audit?limit=500", "/api/v1/agreements?limit=500"]
ADMIN_PAGES = [
    "/admin/",
    "/admin/core/auditevent/",
    "/admin/core/auditevent/?target_type__exact=documents.document",
    "/admin/agreements/agreement/",
]


@pytest.fixture
def cross_references(cast, cast_documents) -> dict[str, object]:
    """The AU's confidential annex shared with the EU (with a symbol), the text of an agreement
    recorded before the form checked readability and the conclusions of the cast meeting; and an agreement whose text is the restricted
    disarmament memo the secretariat may read and the EU may not. Creating documents leaves audit
    events naming them."""
    import datetime as dt

    from interlock.agreements.models import Agreement, AgreementKind
    from interlock.agreements.services import agreement_create
    from interlock.documents.models import Topic
    from interlock.documents.services import document_create
    from interlock.registry.models import Organization

    au, eu = Organization.objects.get(acronym="AU"), Organization.objects.get(acronym="EU")
    annex = document_create(
        actor=cast["owner"],
        owner=au,
        classification="confidential",
        title=CANARY_TITLE,
        symbol=CANARY_SYMBOL,
        topics=Topic.objects.filter(key="peacekeeping"),
        named_readers=[eu],
    )
    kind = AgreementKind.objects.get(key="memorandum-of-understanding")
    legacy = Agreement.objects.create(
        title="AU–EU annexed memorandum", kind=kind, party_a=au, party_b=eu, text=annex
    )
    on_memo = agreement_create(
        actor=cast["secretariat"],
        title="AU–EU memorandum on disarmament",
        kind=kind,
        party_a=au,
        party_b=eu,
        signed_on=dt.date(2024, 1, 1),
        text=cast_documents["restricted_uncovered"],
    )
    # The standing committee's conclusions: the annex, which only the AU and the EU may read.
    # An agenda item whose documents are the annex (put there before the chooser checked
    # readability) and the memo (linked without an audit event of its own), published: everyone
    # sees the item, each only what it may read.
    from interlock.meetings import services as meetings
    from interlock.meetings.models import Meeting

    Meeting.objects.filter(series__key="standing-committee", number=1).update(outcome=annex)
    meeting = Meeting.objects.get(series__key="standing-committee", number=1)
    item = meetings.agenda_item_add(actor=cast["secretariat"], meeting=meeting, title_en="Papers")
    item.documents.add(annex, cast_documents["restricted_uncovered"])
    meetings.agenda_publish(actor=cast["secretariat"], meeting=meeting)
    # A notification about the annex in everyone's inbox: the inbox page and its API name it
    # through the reading policy, as any cross-reference.
    from interlock.core.services import notify

    notify(recipients=cast.values(), kind="record_circulated", target=annex)
    return {"annex": annex, "agreements": [legacy, on_memo], "agenda_item": item}


def _secrets_for(part: str, cast_documents, annex) -> list[str]:
    """Titles and symbols the part may not read."""
    secrets = [
        document.title for case, document in cast_documents.items() if case not in CAN_READ[part]
    ]
    if part not in ("owner", "partner"):
        secrets += [CANARY_TITLE, CANARY_SYMBOL]
    return secrets


def _text_of(body: bytes, content_type: str) -> str:
    """What a reader sees of a response: a PDF's text as extracted, anything else as decoded."""
    if content_type.startswith("application/pdf"):
        import io

        from pypdf import PdfReader

        return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages)
    return body.decode()


@pytest.mark.parametrize("part", SWEEP_CAST)
def test_no_cross_reference_names_what_its_reader_may_not_read(
    client_for, cast, cast_documents, cross_references, part: str
) -> None:
    if part == "secretariat":
        cast[part].is_staff = cast[part].is_superuser = True
        cast[part].save()
    client = client_for(part)
    agreements = cross_references["agreements"]
    pages = CROSS_REFERENCE_PAGES + [f"/agreements/{a.pk}/" for a in agreements]
    pages += [f"/api/v1/agreements/{a.pk}" for a in agreements]
    pages += ["/organizations/AU/", "/organizations/EU/", f"{SC}/agenda/", f"{SC_API}/agenda/1"]
    if part == "secretariat":
        from interlock.core.models import AuditEvent

        pages.append(f"{SC}/agenda/{cross_references['agenda_item'].pk}/")
        pages.append(f"{SC}/outcome/")  # the annex is the conclusions: named only by its kind
        pages += ADMIN_PAGES + [f"/admin/agreements/agreement/{a.pk}/change/" for a in agreements]
        pages += [
            f"/admin/core/auditevent/{pk}/change/"
            for pk in AuditEvent.objects.values_list("pk", flat=True)
        ]
        pages += [
            f"/admin/core/auditevent/{pk}/history/"
            for pk in AuditEvent.objects.values_list("pk", flat=True)[:20]
        ]
    secrets = _secrets_for(part, cast_documents, cross_references["annex"])
    for path in pages:
        response = client.get(path)
        assert response.status_code < 500, path
        body = b"".join(response) if response.streaming else response.content  # type: ignore[attr-defined]
        text = _text_of(body, response.get("Content-Type", ""))
        for secret in secrets:
            assert secret not in text, f"{part} GET {path} names {secret!r}"


@pytest.mark.parametrize("term", [CANARY_SYMBOL, "Glacier", "Fjord"])
def test_searching_the_audit_trail_never_matches_a_withheld_label(
    client_for, cast, cross_references, term: str
) -> None:
    secretariat = cast["secretariat"]
    secretariat.is_staff = secretariat.is_superuser = True
    secretariat.save()
    client = client_for("secretariat")
    assert len(client.get("/audit/", {"q": term}).context["page"].object_list) == 0
    assert client.get("/api/v1/audit", {"q": term}).json()["count"] == 0
    admin = client.get("/admin/core/auditevent/", {"q": term})
    assert admin.context["cl"].result_count == 0


def test_searching_the_audit_trail_still_finds_what_its_reader_may_read(
    client_for, cast, cross_references
) -> None:
    owner = client_for("secretariat")
    found = owner.get("/api/v1/audit", {"q": "Dolmen"}).json()
    assert (
        found["count"] == 1 and found["items"][0]["target"] == "Dolmen restricted disarmament memo"
    )
    withheld = owner.get("/api/v1/audit", {"action": "document.create", "limit": 500}).json()
    names = {item["target"] for item in withheld["items"]}
    assert "a document (withheld)" in names
    assert all(item["target_id"] is None for item in withheld["items"] if item["target_withheld"])
