"""Swagger UI at /api/v1/docs renders the API's operations under the content security policy,
with every request it makes going to this server."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def test_swagger_ui_renders_the_api_from_this_server(page: Any, server: dict[str, Any]) -> None:
    requested: list[str] = []
    refused: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(server["url"] + "/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Interlock API")
    expect(page.locator(".opblock-summary-path").first).to_be_visible()
    expect(
        page.locator(".opblock-summary-path", has_text="/api/v1/organizations").first
    ).to_be_visible()
    assert refused == []
    assert requested and all(url.startswith(server["url"] + "/") for url in requested), requested
