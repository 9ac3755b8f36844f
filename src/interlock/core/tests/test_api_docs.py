"""/api/v1/docs is Swagger UI served by Interlock itself: every script, style and image it loads
comes from this server, so the content security policy (nothing from elsewhere) lets it run."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_the_api_docs_load_only_this_servers_files(client) -> None:
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert any(a.endswith("swagger-ui-bundle.js") for a in assets)
    assert any(a.endswith("swagger-ui.css") for a in assets)
    for asset in assets:
        assert asset.startswith("/") and not asset.startswith("//"), asset
        if asset.startswith("/static/"):
            assert finders.find(asset.removeprefix("/static/")), asset
    assert "cdn" not in page.lower()
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_the_api_docs_read_the_schema_of_this_server(client) -> None:
    page = client.get("/api/v1/docs").content.decode()
    assert '"url": "/api/v1/openapi.json"' in page
    assert '"validatorUrl": null' in page  # no badge fetched from swagger.io
