"""Who may call each API operation, and the OpenAPI schema that follows from it.

Every operation declares its callers where it is routed::

    @router.get("/documents", response=..., openapi_extra=callers(Who.PUBLIC))
    @router.post("/series", response=..., openapi_extra=callers(Who.SECRETARIAT, conflict=True))

From that one declaration :func:`complete_schema` writes what the generated schema cannot know:
the token is optional where the public may read and required elsewhere, and the errors that can
really occur are documented with the body they carry:

- 400 the JSON body cannot be parsed (operations with a body);
- 401 a token was sent that is not valid, or the caller must sign in;
- 403 the caller may not do this (their role or organization, or a read-only token on a write);
- 404 an object named in the path does not exist, or the caller may not read it;
- 409 the stored state refuses the request: an edit based on a stale ``version``, or a step the
  object's state does not allow (:class:`StateRefusedError` in the services);
- 422 a field is refused: by the schema (``detail`` lists the fields, as django-ninja gives them)
  or by a rule the schema cannot state (``detail`` is a sentence; such rules are listed in the
  operation's ``x-rules-beyond-schema``);
- 429 too many requests, with ``Retry-After`` in seconds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated, Any

from django.core.exceptions import PermissionDenied, ValidationError
from ninja.errors import HttpError
from pydantic import BaseModel, BeforeValidator, WithJsonSchema

from interlock.core.services import StateRefusedError

EXTENSION = "x-callers"
RULES = "x-rules-beyond-schema"
SECURITY_SCHEME = "BearerOrSession"
READ_METHODS = frozenset({"get", "head", "options"})


class Who(StrEnum):
    """Who may call an operation; its value is what the schema says in ``x-callers.who``."""

    PUBLIC = "public"
    SIGNED_IN = "signed_in"
    PARTICIPANTS = "participants"
    STAFF = "organization_staff"
    LIAISON_OFFICIAL = "liaison_official"
    OWNER = "owner"
    SECRETARIAT = "secretariat"


WHO_IN_WORDS = {
    Who.PUBLIC: "Anyone: no token is needed. With a token or session, the answer also holds "
    "what its holder may read.",
    Who.SIGNED_IN: "Any signed-in user (bearer token or session).",
    Who.PARTICIPANTS: "The secretariat, and the liaison officials and members of the "
    "participating organizations.",
    Who.STAFF: "Liaison officials and members of an organization.",
    Who.LIAISON_OFFICIAL: "The organization's liaison official (and the secretariat, where the "
    "summary says so).",
    Who.OWNER: "The organization that owns the object (and the secretariat, where the summary "
    "says so).",
    Who.SECRETARIAT: "The secretariat.",
}


def callers(
    who: Who, *, conflict: bool = False, rules_beyond_schema: Sequence[str] = ()
) -> dict[str, Any]:
    """The ``openapi_extra`` of an operation: who may call it; ``conflict`` where the stored
    state can refuse it (409); ``rules_beyond_schema``: rules JSON Schema cannot state (a day
    after another, a known key), which refuse with 422 data the schema allows."""
    extra: dict[str, Any] = {EXTENSION: {"who": who.value, "conflict": conflict}}
    if rules_beyond_schema:
        extra[RULES] = list(rules_beyond_schema)
    return extra


def refused(error: Exception) -> HttpError:
    """A service's refusal as the API says it (see the module's list of statuses)."""
    from interlock.meetings.services import ConflictError as MeetingConflictError
    from interlock.registry.services import ConflictError

    if isinstance(error, ConflictError | MeetingConflictError | StateRefusedError):
        messages = getattr(error, "messages", None) or [str(error)]
        return HttpError(409, " ".join(messages))
    if isinstance(error, PermissionDenied):
        return HttpError(403, str(error))
    if isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            return HttpError(
                422, "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
            )
        return HttpError(422, " ".join(error.messages))
    raise error


# The largest version an edit may name: the next one must still fit PostgreSQL's integer.
VERSION_MAX = 2**31 - 2

# No text the API takes holds the NUL character: PostgreSQL can neither store nor compare it.
# The schema says so on every string of a request (``complete_schema``); ``has_nul`` refuses it.
NO_NUL = r"^[^\x00]*$"
# A text that must say something: the services refuse one of spaces only.
SOME_TEXT = r"^[^\x00]*\S[^\x00]*$"

# Days as the schema states them: YYYY-MM-DD, years 1900 to 2199 (what the registry, meetings
# and reports may hold), so that a request the schema allows is never refused for its day.
DAY_PATTERN = r"^(19|2[01])\d\d-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"


def _day(value: Any) -> Any:
    import re

    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        if not 1900 <= value.year <= 2199:
            raise ValueError("a day from 1900-01-01 to 2199-12-31")
        return value
    if not isinstance(value, str) or not re.match(DAY_PATTERN, value):
        raise ValueError("a day written YYYY-MM-DD, from 1900-01-01 to 2199-12-31")
    return dt.date.fromisoformat(value)


Day = Annotated[
    dt.date,
    BeforeValidator(_day),
    WithJsonSchema({"type": "string", "format": "date", "pattern": DAY_PATTERN}),
]


# The schema ------------------------------------------------------------------------------------

ERROR = {
    "title": "Error",
    "type": "object",
    "properties": {"detail": {"type": "string", "description": "Why, in the caller's language"}},
    "required": ["detail"],
}
FIELD_ERROR = {
    "title": "FieldError",
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "loc": {"type": "array", "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]}},
        "msg": {"type": "string"},
        "ctx": {"type": "object"},
    },
    "required": ["type", "loc", "msg"],
}
VALIDATION_ERROR = {
    "title": "ValidationError",
    "type": "object",
    "properties": {
        "detail": {
            "anyOf": [
                {"type": "array", "items": {"$ref": "#/components/schemas/FieldError"}},
                {"type": "string"},
            ],
            "description": "The fields refused (where, which rule, why), or a sentence for a "
            "rule beyond the schema",
        }
    },
    "required": ["detail"],
}
WHY = {
    400: "The body is not valid JSON.",
    401: "The token sent is not valid or has expired, or the caller must sign in.",
    403: "The caller may not do this (role, organization, or a read-only token on a write).",
    404: "An object named in the path does not exist, or the caller may not read it.",
    409: "The stored state refuses this: changed since the version sent, or a step its state "
    "does not allow.",
    422: "A field is refused.",
    429: "Too many requests: wait the seconds in Retry-After.",
}


def _error_response(status: int) -> dict[str, Any]:
    schema = "ValidationError" if status == 422 else "Error"
    response: dict[str, Any] = {
        "description": WHY[status],
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }
    if status == 429:
        response["headers"] = {
            "Retry-After": {
                "description": "Seconds to wait",
                "required": True,
                "schema": {"type": "integer", "minimum": 1},
            }
        }
    return response


def statuses_for(method: str, operation: dict[str, Any]) -> list[int]:
    """The errors that can occur for an operation, from its declaration and its shape."""
    declared = operation[EXTENSION]
    who = Who(declared["who"])
    parameters = operation.get("parameters", [])
    has_body = "requestBody" in operation
    errors = [401, 429]
    if has_body:
        errors.append(400)
    if who is not Who.PUBLIC or method not in READ_METHODS:
        errors.append(403)
    if any(p["in"] == "path" for p in parameters):
        errors.append(404)
    if declared["conflict"]:
        errors.append(409)
    if parameters or has_body:
        errors.append(422)
    return sorted(errors)


def has_nul(value: Any) -> bool:
    """Whether a value a view is given (a text, a list, a validated schema…) holds NUL."""
    if isinstance(value, BaseModel):
        value = value.model_dump()
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(k) or has_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(has_nul(v) for v in value)
    return False


def _no_nul_in_strings(node: Any, components: dict[str, Any], seen: set[str]) -> None:
    """Give every string of a request's schema (through its references) the NO_NUL pattern,
    unless it has a pattern or a closed list of values of its own."""
    if isinstance(node, list):
        for item in node:
            _no_nul_in_strings(item, components, seen)
        return
    if not isinstance(node, dict):
        return
    reference = node.get("$ref", "")
    if reference.startswith("#/components/schemas/"):
        name = reference.rsplit("/", 1)[1]
        if name not in seen:
            seen.add(name)
            _no_nul_in_strings(components.get(name), components, seen)
        return
    if node.get("type") == "string" and not {"pattern", "enum", "const"} & set(node):
        node["pattern"] = NO_NUL
    for key, value in node.items():
        if key in ("properties", "$defs"):
            for child in value.values():
                _no_nul_in_strings(child, components, seen)
        elif key in ("items", "anyOf", "oneOf", "allOf", "schema", "additionalProperties"):
            _no_nul_in_strings(value, components, seen)


def complete_schema(schema: dict[str, Any]) -> dict[str, Any]:
    """Security and errors of every operation that declares its callers (see the module)."""
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.update(Error=ERROR, FieldError=FIELD_ERROR, ValidationError=VALIDATION_ERROR)
    requests: set[str] = set()
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                _no_nul_in_strings(parameter.get("schema"), components, requests)
            for media in operation.get("requestBody", {}).get("content", {}).values():
                _no_nul_in_strings(media.get("schema"), components, requests)
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            declared = operation.get(EXTENSION)
            if declared is None:
                continue
            who = Who(declared["who"])
            declared["scope"] = "read" if method in READ_METHODS else "read_write"
            if who is Who.PUBLIC:
                operation["security"] = [{}, {SECURITY_SCHEME: []}]
            else:
                operation["security"] = [{SECURITY_SCHEME: []}]
            # ninja keys the statuses by number; JSON by text: one key each.
            responses = {str(k): v for k, v in operation.get("responses", {}).items()}
            operation["responses"] = responses
            for status in statuses_for(method, operation):
                # A status the route documents itself (a 409 with the other's changes) stays.
                responses.setdefault(str(status), _error_response(status))
            scope = "a read-and-write token" if method not in READ_METHODS else "any token"
            note = f"**Who may call it:** {WHO_IN_WORDS[who]}"
            if who is not Who.PUBLIC:
                note += f" With a token: {scope}."
            if operation.get(RULES):
                note += "\n\n**Rules beyond the schema (422):** " + "; ".join(operation[RULES])
            operation["description"] = (operation.get("description", "") + "\n\n" + note).strip()
    return schema


def undeclared(schema: dict[str, Any]) -> list[str]:
    """The operations of ``schema`` that do not say who may call them."""
    return [
        f"{method.upper()} {path}"
        for path, operations in schema.get("paths", {}).items()
        for method, operation in operations.items()
        if EXTENSION not in operation
    ]
