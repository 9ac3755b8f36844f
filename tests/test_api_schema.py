"""Schemathesis generates requests from the OpenAPI schema; none may make the server fail, and
every answer it documents must match the schema."""

from collections.abc import Iterator

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from interlock.wsgi import application

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture(autouse=True, scope="module")
def _keep_the_test_connection_open() -> Iterator[None]:
    # Like Django's test client: a request must not close the connection the test's transaction is on.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def _no_rate_limit(settings) -> None:
    # Schemathesis sends far more requests a minute than the public's limit allows.
    settings.API_PUBLIC_RATE_PER_MINUTE = settings.API_RATE_PER_MINUTE = 1_000_000


@pytest.mark.schema
@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_never_fails_and_answers_as_documented(case) -> None:
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])
