"""Schemathesis generates requests from the OpenAPI schema and runs every one of its checks on
each answer: no server error, every status, header, content type and body as documented, valid
data accepted and invalid data refused, and a declared token really required. It runs as the
public (no token), with the AU liaison official's read-and-write token and with the
secretariat's, against the fixed cast, so that requests also name objects that exist."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import positive_data_acceptance

from interlock.wsgi import application

IDENTITIES = os.environ.get(
    "INTERLOCK_SCHEMA_IDENTITIES", "public liaison_token secretariat_token"
).split()
# Each operation is tried with this many generated cases per identity, besides the explicit
# examples (real objects of the cast) and schemathesis' coverage cases (boundaries, negations).
MAX_EXAMPLES = int(os.environ.get("INTERLOCK_SCHEMA_EXAMPLES", "12"))
# `INTERLOCK_SCHEMA_PATHS=documents` limits a run to the operations whose path matches.
ONLY = os.environ.get("INTERLOCK_SCHEMA_PATHS", "")


@pytest.fixture(autouse=True, scope="module")
def _keep_the_test_connection_open() -> Iterator[None]:
    # Like Django's test client: a request must not close the connection the test's transaction is on.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings: Any) -> None:
    # Schemathesis sends far more requests a minute than the public's limit allows.
    settings.API_PUBLIC_RATE_PER_MINUTE = settings.API_RATE_PER_MINUTE = 1_000_000


def _real_objects(cast: dict[str, Any]) -> dict[str, Callable[[str], Any]]:
    """For each path parameter, a value naming an object of the cast (None where none exists), so
    that the explicit examples reach real objects and their answers are checked too."""
    from interlock.agreements.models import Agreement
    from interlock.committees.models import TermsOfReference
    from interlock.decisions.models import Action, Decision, Indicator, Proposal
    from interlock.documents.models import Document
    from interlock.meetings.models import Comment
    from interlock.situations.models import Notification, Plan, Situation

    def first_pk(model: Any, **filters: Any) -> int | None:
        return model.objects.filter(**filters).order_by("pk").values_list("pk", flat=True).first()

    decision = Decision.objects.select_related("meeting").order_by("pk").first()
    by_path: dict[str, Any] = {
        "/documents/": first_pk(Document, owner__acronym="AU", classification="partnership"),
        "/agreements/": first_pk(Agreement),
        "/situations/": first_pk(Situation),
        "/plans/": first_pk(Plan),
        "/notifications/": first_pk(Notification),
        "/proposals/": first_pk(Proposal),
        "/indicators/": first_pk(Indicator),
        "/actions/": first_pk(Action),
        "/standing-committee/terms/": first_pk(TermsOfReference),
        "/comments/": first_pk(Comment),
    }

    def value(path: str, name: str) -> Any:
        if name == "acronym":
            return "AU"
        if name == "key":
            return "standing-committee"
        if path.startswith("/api/v1/decisions/"):
            if decision is None:
                return None
            return decision.meeting.number if name == "meeting" else decision.number
        if name == "number":
            return 6 if path == "/api/v1/meetings/{number}" else 1
        if name == "item":
            return 1
        for prefix, pk in by_path.items():
            if f"{prefix}{{{name}}}" in path:
                return pk
        return None

    return {"value": value}


@pytest.fixture(params=IDENTITIES)
def api_schema(request: pytest.FixtureRequest, cast: dict[str, Any]) -> Any:
    from interlock.accounts.models import TokenScope
    from interlock.accounts.services import api_token_issue

    # Schemathesis 4.32's lazy schema names its sub-tests through `_nodeid`, which pytest 9 no
    # longer has.
    request.node._nodeid = request.node.nodeid
    # Through the test client, which leaves the signals as they were before the module's fixture.
    raw = Client().get("/api/v1/openapi.json").json()
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    value = _real_objects(cast)["value"]
    for path, operations in raw["paths"].items():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "path":
                    example = value(path, parameter["name"])
                    if example is not None:
                        parameter["example"] = example
    schema = schemathesis.openapi.from_dict(raw)
    schema.app = application
    identity = request.param
    headers: dict[str, str] = {}
    if identity.endswith("_token"):
        holder = {"liaison_token": "owner", "secretariat_token": "secretariat"}[identity]
        _token, raw_token = api_token_issue(
            actor=cast[holder], name="schemathesis", scope=TokenScope.READ_WRITE
        )
        headers["Authorization"] = f"Bearer {raw_token}"
    schema.identity_headers = headers  # type: ignore[attr-defined]
    return schema


@pytest.fixture
def identity_headers(api_schema: Any) -> dict[str, str]:
    return dict(api_schema.identity_headers)


schema = schemathesis.pytest.from_fixture("api_schema")
if ONLY:
    schema = schema.include(path_regex=ONLY)


def _tests_the_token(case: Any) -> bool:
    meta = case.meta
    if meta is None:
        return False
    parameter = getattr(meta.phase.data, "parameter", None) or ""
    return meta.is_negative_at(ParameterLocation.HEADER) or parameter.lower() == "authorization"


def _rules_beyond_schema(case: Any) -> list[str]:
    return list(case.operation.definition.raw.get("x-rules-beyond-schema", []))


@pytest.mark.schema
@pytest.mark.django_db
@schema.parametrize()
# Derandomized: the same cases on every run, so that a failure in CI is one anybody can repeat.
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_answers_as_documented(case: Any, identity_headers: dict[str, str]) -> None:
    # A case about the Authorization header itself (left out, or not as the schema says) is sent
    # as generated: the identity's token would undo what it tries.
    headers = {} if _tests_the_token(case) else dict(identity_headers)
    response = case.call(headers=headers)
    excluded = []
    if response.status_code == 422 and _rules_beyond_schema(case):
        # A rule the schema cannot state (listed in the operation's x-rules-beyond-schema) may
        # refuse data the schema allows; every other check still runs.
        excluded.append(positive_data_acceptance)
    case.validate_response(response, headers=headers, excluded_checks=excluded)
