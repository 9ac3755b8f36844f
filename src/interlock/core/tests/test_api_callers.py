"""Every API operation says who may call it, and the schema follows from that: the token is
optional where the public may read, and the errors that can occur are documented with the bodies
the API really sends."""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest

from interlock.api import api
from interlock.core.api_schema import EXTENSION, Who, callers, complete_schema, undeclared


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return api.get_openapi_schema()


def _operation(schema: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    return schema["paths"]["/api/v1" + path][method]


def test_every_operation_says_who_may_call_it(schema) -> None:
    missing = undeclared(schema)
    assert not missing, (
        "These API operations do not say who may call them: "
        + ", ".join(missing)
        + ". Add `openapi_extra=callers(Who.…)` to each route's decorator (`from "
        "interlock.core.api_schema import Who, callers`; `conflict=True` where the stored state "
        "can refuse it, `rules_beyond_schema=[…]` for rules the schema cannot state). "
        "See docs/architecture.md, 'The API: who may call it'."
    )


def test_an_operation_without_a_declaration_is_found() -> None:
    built = complete_schema(
        {
            "paths": {
                "/a": {"get": {"responses": {200: {}}}},
                "/b": {"get": {"responses": {200: {}}, **callers(Who.PUBLIC)}},
            }
        }
    )
    assert undeclared(built) == ["GET /a"]
    assert "security" not in built["paths"]["/a"]["get"]


def test_the_token_is_optional_where_the_public_may_read(schema) -> None:
    assert _operation(schema, "get", "/documents")["security"] == [{}, {"BearerOrSession": []}]
    assert _operation(schema, "get", "/audit")["security"] == [{"BearerOrSession": []}]
    assert _operation(schema, "post", "/series")["security"] == [{"BearerOrSession": []}]


def test_errors_are_documented_where_they_can_occur(schema) -> None:
    public_list = _operation(schema, "get", "/organizations")["responses"]
    assert sorted(public_list) == ["200", "401", "422", "429"]
    write = _operation(schema, "patch", "/organizations/{acronym}/profile")["responses"]
    assert sorted(write) == ["200", "400", "401", "403", "404", "409", "422", "429"]
    assert write["429"]["headers"]["Retry-After"]["schema"] == {"type": "integer", "minimum": 1}
    # A status a route documents itself (the record's 409 with the other's changes) is kept.
    revise = _operation(schema, "post", "/series/{key}/meetings/{number}/record/versions")
    assert revise["responses"]["409"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ConflictOut"
    )


def test_who_may_call_is_said_in_the_schema_and_the_docs(schema) -> None:
    audit = _operation(schema, "get", "/audit")
    assert audit[EXTENSION] == {"who": "secretariat", "conflict": False, "scope": "read"}
    assert "**Who may call it:** The secretariat." in audit["description"]
    rules = _operation(schema, "post", "/actions/{pk}/indicators")
    assert rules["x-rules-beyond-schema"] == ["reports_until: on or after reports_from"]


def _validator(schema: dict[str, Any], name: str) -> Any:
    return jsonschema_rs.validator_for(
        {"$ref": f"#/components/schemas/{name}", "components": schema["components"]}
    )


@pytest.mark.django_db
def test_a_refused_field_answers_as_the_422_schema_says(client, schema) -> None:
    by_ninja = client.get("/api/v1/organizations?as_of=2005-02-30")
    assert by_ninja.status_code == 422
    assert isinstance(by_ninja.json()["detail"], list)
    _validator(schema, "ValidationError").validate(by_ninja.json())


@pytest.mark.django_db
def test_an_error_answers_as_the_error_schema_says(client, schema) -> None:
    missing = client.get("/api/v1/organizations/NOPE")
    assert missing.status_code == 404
    _validator(schema, "Error").validate(missing.json())
    refused = client.get("/api/v1/audit")
    assert refused.status_code == 401
    _validator(schema, "Error").validate(refused.json())


@pytest.mark.django_db
def test_days_are_written_yyyy_mm_dd(client) -> None:
    assert client.get("/api/v1/organizations?as_of=2005-09-16").status_code == 200
    for day in ("0", "20050916", "2005-9-16", "1899-12-31", "2200-01-01"):
        assert client.get(f"/api/v1/organizations?as_of={day}").status_code == 422, day


@pytest.mark.django_db
def test_an_unknown_organization_filter_gives_an_empty_list(client) -> None:
    for path in ("/decisions", "/actions", "/indicators"):
        answer = client.get(f"/api/v1{path}?organization=NOPE")
        assert answer.status_code == 200, path
        assert answer.json() == {"items": [], "count": 0}, path


@pytest.mark.django_db
def test_a_text_with_the_nul_character_is_refused_as_the_schema_says(client, schema) -> None:
    organizations = _operation(schema, "get", "/organizations")
    q = next(p for p in organizations["parameters"] if p["name"] == "q")
    assert any(s.get("pattern") == r"^[^\x00]*$" for s in q["schema"].get("anyOf", [q["schema"]]))
    assert client.get("/api/v1/organizations?q=A%00U").status_code == 422
    assert client.get("/api/v1/organizations/A%00U").status_code == 422
    body = client.post(
        "/api/v1/series", {"key": "x", "kind": "high_level", "name": "a\x00"}, "application/json"
    )
    assert body.status_code == 422


def test_each_answer_is_documented_by_its_own_schema(schema) -> None:
    # ninja keys components by class name: two classes of one name would share one schema.
    inbox = _operation(schema, "get", "/me/notifications")["responses"]["200"]
    article_54 = _operation(schema, "get", "/notifications")["responses"]["200"]
    assert inbox != article_54
    assert "message" in schema["components"]["schemas"]["InboxNotificationOut"]["properties"]
