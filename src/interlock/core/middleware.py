"""Responses made for someone signed in are theirs alone: no shared cache keeps them."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase


class PrivateResponsesMiddleware:
    """``Cache-Control: private, no-store`` on every response to a signed-in user (session) or a
    request carrying credentials (an API token): pages, the API, CSV exports and downloads. A
    proxy or the browser's disk must not keep a page that names what only its reader may read."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        user = getattr(request, "user", None)  # the API sets it from a token during the view
        if getattr(user, "is_authenticated", False) or "Authorization" in request.headers:
            response["Cache-Control"] = "private, no-store"
        return response
