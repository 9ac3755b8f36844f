"""The fixed cast shared by every test (after healthchecks' Alice, Bob and Charlie).

Organizations: the UN (home of the secretariat and the research partner), the African Union (the
*owner* organization in ownership tests), the European Union (a *partner* that will hold an
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

CAST_PASSWORD = "correct horse battery staple 2005"


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
    "researcher": Member("researcher", "UN", "research_partner"),
}
# Who is tried against every page and route: the four of DESIGN.md plus the anonymous public.
SWEEP_CAST = ["owner", "partner", "outsider", "secretariat", "anonymous"]


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


@pytest.fixture
def cast(db: Any) -> dict[str, Any]:
    """The cast's user objects by part: ``cast["owner"]`` is the AU's liaison official."""
    from interlock.accounts.models import User

    users = {u.username: u for u in User.objects.select_related("organization")}
    return {part: users[member.username] for part, member in CAST.items()}


@pytest.fixture
def client_for(client: Any, cast: dict[str, Any]) -> Any:
    """``client_for("owner")`` is a test client signed in as that part; "anonymous" is not."""

    def make(part: str) -> Any:
        from django.test import Client

        fresh = Client()
        if part != "anonymous":
            fresh.force_login(cast[part])
        return fresh

    return make


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
