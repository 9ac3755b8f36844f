"""The JSON API at /api/v1/ (OpenAPI at /api/v1/openapi.json). Each pillar adds its router."""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.security import HttpBearer

from interlock.accounts.services import api_token_authenticate


class BearerOrSession(HttpBearer):
    """A bearer token if one is sent (a wrong one is refused: 401); else the signed-in session;
    else the anonymous public, which the permission vocabulary then judges like any actor."""

    openapi_description = "API token issued on the profile page: `Authorization: Bearer ilk_…`"

    def __call__(self, request: HttpRequest) -> Any:
        if request.headers.get("Authorization"):
            return super().__call__(request)
        user = getattr(request, "user", None)
        return user if user is not None and user.is_authenticated else AnonymousUser()

    def authenticate(self, request: HttpRequest, token: str) -> Any:
        user = api_token_authenticate(token)
        if user is not None:
            request.user = user
        return user


api = NinjaAPI(
    title="Interlock API",
    version="1",
    description=(
        "The partnership between the United Nations and regional and other intergovernmental "
        "organizations: organizations, members, meetings. Reads of public facts need no token."
    ),
    auth=BearerOrSession(),
    urls_namespace="api",
)


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> Any:
    return api.create_response(request, {"detail": str(exc)}, status=exc.status_code)


def _mount() -> None:
    from interlock.agreements.api import router as agreements_router
    from interlock.core.api import router as core_router
    from interlock.documents.api import router as documents_router
    from interlock.meetings.api import router as meetings_router
    from interlock.registry.api import router as registry_router

    api.add_router("/", core_router)
    api.add_router("/", registry_router)
    api.add_router("/", meetings_router)
    api.add_router("/", documents_router)
    api.add_router("/", agreements_router)


_mount()
