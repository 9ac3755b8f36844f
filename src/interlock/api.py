"""The JSON API at /api/v1/ (OpenAPI at /api/v1/openapi.json). Each pillar adds its router."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Swagger
from ninja.errors import HttpError

from interlock.accounts.api_auth import BearerOrSession, RateLimitedError
from interlock.core.api_schema import complete_schema, has_nul, refused
from interlock.meetings.services import ConflictError as MeetingConflictError
from interlock.registry.services import ConflictError


class InterlockAPI(NinjaAPI):
    """The schema ninja generates, completed from each operation's ``callers(...)``: the token
    optional where the public may read, and the errors that can occur (core/api_schema.py)."""

    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return complete_schema(super().get_openapi_schema(**kwargs))


api = InterlockAPI(
    title="Interlock API",
    version="1",
    description=(
        "The partnership between the United Nations and regional and other intergovernmental "
        "organizations: organizations, members, meetings. Reads of public facts need no token."
    ),
    auth=BearerOrSession(),
    urls_namespace="api",
    # Swagger UI from this server's static files ("ninja" is an installed app), so the page needs
    # nothing the content security policy refuses; no validator badge fetched from swagger.io.
    docs=Swagger(settings={"validatorUrl": None}),
)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> Any:
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


@api.exception_handler(ValidationError)
@api.exception_handler(PermissionDenied)
@api.exception_handler(ConflictError)
@api.exception_handler(MeetingConflictError)
def _refused(request: HttpRequest, exc: Exception) -> Any:
    # A service's refusal that the view did not turn into an answer itself: 403, 409 or 422.
    return _http_error(request, refused(exc))


@api.exception_handler(RateLimitedError)
def _rate_limited(request: HttpRequest, exc: RateLimitedError) -> Any:
    response = api.create_response(
        request,
        {
            "detail": _("Too many requests: try again in %(seconds)s s.")
            % {"seconds": exc.retry_after}
        },
        status=429,
    )
    response["Retry-After"] = str(exc.retry_after)
    return response


def _refuse_nul(view: Callable[..., Any]) -> Callable[..., Any]:
    """No value a view is given (path, query, body, as validated) holds the NUL character: 422,
    as the schema's patterns say (core/api_schema.py, NO_NUL)."""

    @wraps(view)
    def checked(request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        if has_nul([*args, *kwargs.values()]):
            return api.create_response(
                request, {"detail": "A text holds the NUL character."}, status=422
            )
        return view(request, *args, **kwargs)

    return checked


api.add_decorator(_refuse_nul)


def _mount() -> None:
    from interlock.agreements.api import router as agreements_router
    from interlock.capacity_building.api import router as capacity_router
    from interlock.committees.api import router as committees_router
    from interlock.core.api import router as core_router
    from interlock.decisions.api import router as decisions_router
    from interlock.documents.api import router as documents_router
    from interlock.liaison.api import router as liaison_router
    from interlock.meetings.api import router as meetings_router
    from interlock.registry.api import router as registry_router
    from interlock.situations.api import router as situations_router

    api.add_router("/", core_router)
    api.add_router("/", registry_router)
    api.add_router("/", meetings_router)
    api.add_router("/", documents_router)
    api.add_router("/", liaison_router)
    api.add_router("/", agreements_router)
    api.add_router("/", situations_router)
    api.add_router("/", capacity_router)
    api.add_router("/", decisions_router)
    api.add_router("/", committees_router)


_mount()
