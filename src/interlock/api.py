"""The JSON API at /api/v1/ (OpenAPI at /api/v1/openapi.json). Each pillar adds its router."""

from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Swagger
from ninja.errors import HttpError

from interlock.accounts.api_auth import BearerOrSession, RateLimitedError

api = NinjaAPI(
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
