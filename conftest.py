"""The fixed cast shared by every test (after healthchecks' Alice, Bob and Charlie).

Organizations: the UN (home of the secretariat), UNU-CRIS (the research partner of ¶7f), the
African Union (the *owner* organization in ownership tests), the European Union (a *partner* that will hold an
agreement with the AU), and the OSCE (an organization *without* one). The reference data of the
2005 meeting and the cast's accounts are created once per test database; each test then runs in
a transaction that is rolled back.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

CAST_PASSWORD = "correct horse battery staple 2005"

# Speed is measured by the benchmarks, never by a timed test: on a shared machine a property test
# must not fail because generating or running an example took long.
hypothesis_settings.register_profile(
    "interlock", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
hypothesis_settings.load_profile("interlock")


@dataclass(frozen=True)
class Member:
    username: str
    organization: str
    role: str


CAST = {
    "secretariat": Member("secretariat", "UN", "secretariat"),
    "owner": Member("au.liaison", "AU", "liaison_official"),
    "owner_member": Member("au.member", "AU", "member"),
    "partner": Member("eu.liaison", "EU", "liaison_official"),
    "outsider": Member("osce.member", "OSCE", "member"),
    "researcher": Member("researcher", "UNU-CRIS", "research_partner"),
}
# Who is tried against every page and route: the four of DESIGN.md plus the anonymous public.
SWEEP_CAST = ["owner", "partner", "outsider", "secretariat", "anonymous"]

# The AU's documents, one per case of the policy. Each title carries a word found nowhere else, so
# a test can search every surface for a leak of it.
CAST_DOCUMENTS = {
    "public": ("public", ["peacekeeping"], [], "Aurora public communiqué on peacekeeping"),
    "partnership": ("partnership", ["peacekeeping"], [], "Borealis partnership note"),
    "restricted_covered": (
        "restricted",
        ["peacekeeping"],
        [],
        "Cirrus restricted peacekeeping assessment",
    ),
    "restricted_uncovered": (
        "restricted",
        ["disarmament"],
        [],
        "Dolmen restricted disarmament memo",
    ),
    "confidential_to_partner": (
        "confidential",
        ["peacekeeping"],
        ["EU"],
        "Ember confidential note to the EU",
    ),
    "confidential_own": (
        "confidential",
        ["peacekeeping"],
        [],
        "Fjord confidential internal briefing",
    ),
}
# Which of them each part may read: the expected answer of the policy.
CAN_READ = {
    "owner": set(CAST_DOCUMENTS),
    "owner_member": set(CAST_DOCUMENTS),
    "partner": {"public", "partnership", "restricted_covered", "confidential_to_partner"},
    "outsider": {"public", "partnership"},
    "secretariat": {"public", "partnership", "restricted_covered", "restricted_uncovered"},
    "researcher": {"public", "partnership"},
    "anonymous": {"public"},
}
CAST_AGREEMENT = "AU–EU information-sharing arrangement on peacekeeping"
# A meeting planned in the app (the sixth high-level meeting is reference data): the standing
# committee's first, to which the AU and the EU are invited and the AU has registered.
CAST_MEETING = ("standing-committee", 1)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup: Any, django_db_blocker: Any) -> None:
    from interlock.accounts.models import User
    from interlock.reference.loader import load
    from interlock.registry.models import Organization

    with django_db_blocker.unblock():
        load()
        for member in CAST.values():
            if not User.objects.filter(username=member.username).exists():
                user = User(
                    username=member.username,
                    email=f"{member.username}@cast.invalid",
                    organization=Organization.objects.get(acronym=member.organization),
                    role=member.role,
                )
                user.set_password(CAST_PASSWORD)
                user.save()
        _cast_world()
        _cast_situation()
        _cast_meeting()


CAST_SITUATION = "Gale restricted situation on peacekeeping"


def _cast_situation() -> None:
    """A restricted AU situation on peacekeeping (the EU reads it under the agreement, the OSCE
    does not), with one task and one proposed plan."""
    from decimal import Decimal

    from interlock.accounts.models import User
    from interlock.documents.models import Topic
    from interlock.registry.models import Country
    from interlock.situations.models import CapabilityDomain, Situation
    from interlock.situations.services import plan_propose, situation_create, task_add

    if Situation.objects.filter(title=CAST_SITUATION).exists():
        return
    owner = User.objects.get(username="au.liaison")
    situation = situation_create(
        actor=owner,
        title=CAST_SITUATION,
        kind="armed_conflict",
        phase="peacekeeping",
        owner=owner.organization,
        classification="restricted",
        countries=Country.objects.filter(alpha3="SDN"),
        topics=Topic.objects.filter(key="peacekeeping"),
    )
    task_add(
        actor=owner,
        situation=situation,
        domain=CapabilityDomain.objects.get(key="mediation"),
        description="Good offices between the parties",
        amount=Decimal(2),
    )
    plan_propose(actor=owner, situation=situation)


@pytest.fixture
def cast_situation(db: Any) -> Any:
    from interlock.situations.models import Situation

    return Situation.objects.get(title=CAST_SITUATION)


def _cast_world() -> None:
    """The AU–EU agreement (in force, covering peacekeeping up to restricted) and the AU's documents."""
    import datetime as dt

    from interlock.accounts.models import User
    from interlock.agreements.models import AgreementKind
    from interlock.agreements.services import agreement_create
    from interlock.documents.models import Document, Topic
    from interlock.documents.services import document_create
    from interlock.registry.models import Organization

    if Document.objects.filter(owner__acronym="AU").exists():
        return
    orgs = {o.acronym: o for o in Organization.objects.all()}
    secretariat = User.objects.get(username="secretariat")
    owner = User.objects.get(username="au.liaison")
    agreement_create(
        actor=secretariat,
        title=CAST_AGREEMENT,
        kind=AgreementKind.objects.get(key="information-sharing-arrangement"),
        party_a=orgs["AU"],
        party_b=orgs["EU"],
        signed_on=dt.date(2019, 12, 1),
        in_force_from=dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
        coverage={Topic.objects.get(key="peacekeeping"): "restricted"},
    )
    for classification, topics, named, title in CAST_DOCUMENTS.values():
        document_create(
            actor=owner,
            owner=orgs["AU"],
            classification=classification,
            title=title,
            body=f"{title}. The body of this document discusses the situation in detail.",
            topics=Topic.objects.filter(key__in=topics),
            named_readers=[orgs[a] for a in named],
        )


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    """Rate limits and throttles count in the cache: each test starts with none spent."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _english_after_each_test() -> Any:
    """A request in Arabic leaves the thread's language active: each test starts in English."""
    from django.utils import translation

    yield
    translation.activate("en")


def _cast_meeting() -> None:
    import datetime as dt

    from interlock.accounts.models import User
    from interlock.meetings import services
    from interlock.meetings.models import Meeting, MeetingSeries
    from interlock.registry.models import Organization

    series = MeetingSeries.objects.get(key=CAST_MEETING[0])
    if Meeting.objects.filter(series=series, number=CAST_MEETING[1]).exists():
        return
    secretariat = User.objects.get(username="secretariat")
    meeting = services.meeting_create(
        actor=secretariat,
        series=series,
        number=CAST_MEETING[1],
        title_en="First meeting of the standing committee",
        starts_on=dt.date(2027, 3, 1),
        ends_on=dt.date(2027, 3, 2),
        time_zone="Europe/Zurich",
        venue="Palais des Nations, Geneva",
    )
    services.meeting_invite(
        actor=secretariat,
        meeting=meeting,
        organizations=Organization.objects.filter(acronym__in=["AU", "EU"]),
    )
    services.delegation_register(
        actor=User.objects.get(username="au.liaison"),
        meeting=meeting,
        organization=Organization.objects.get(acronym="AU"),
        level="head",
        head_name="Chairperson of the Commission",
    )


@pytest.fixture
def cast(db: Any) -> dict[str, Any]:
    """The cast's user objects by part: ``cast["owner"]`` is the AU's liaison official."""
    from interlock.accounts.models import User

    users = {u.username: u for u in User.objects.select_related("organization")}
    return {part: users[member.username] for part, member in CAST.items()}


@pytest.fixture
def cast_documents(db: Any) -> dict[str, Any]:
    """The AU's cast documents by case: ``cast_documents["restricted_covered"]``."""
    from interlock.documents.models import Document

    by_title = {d.title: d for d in Document.objects.filter(owner__acronym="AU")}
    return {case: by_title[spec[3]] for case, spec in CAST_DOCUMENTS.items()}


@pytest.fixture
def client_for(client: Any, cast: dict[str, Any]) -> Any:
    """``client_for("owner")`` is a test client signed in as that part; "anonymous" is not."""

    def make(part: str) -> Any:
        from django.test import Client

        fresh = Client()
        if part != "anonymous":
            fresh.force_login(cast[part])
            # The first request of a session records its activity (the idle timeout); tests that
            # count queries must not count that one-time write.
            fresh.get("/health/")
        return fresh

    return make


def pytest_configure(config: Any) -> None:
    # Tests change data through the ORM too, which does not bump the data version: the public
    # cache is off unless a test turns it on (src/interlock/core/tests/test_public_cache.py).
    from django.conf import settings

    settings.PUBLIC_CACHE = False
    # The compiled catalogues are build products (`make compile`); a bare `pytest` makes them too.
    if not hasattr(config, "workerinput"):
        from tools.catalogue import compile_all

        compile_all()


def pytest_collection_modifyitems(config: Any, items: list[Any]) -> None:
    # Browser tests need the system Chromium; without it they are skipped, except in CI where
    # a missing browser must fail the run (see .ci/run).
    if os.environ.get("CI") == "true":
        return
    chromium = os.environ.get("INTERLOCK_CHROMIUM") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        skip = pytest.mark.skip(reason=f"no Chromium at {chromium}")
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)
