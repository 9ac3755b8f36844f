"""The public cache: anonymous readers only, invalidated by every audited write."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.cache import caches
from django.test import Client
from django.test.utils import CaptureQueriesContext

from interlock.registry.models import Organization
from interlock.registry.services import organization_update_profile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def public_cache(settings: Any) -> None:
    settings.PUBLIC_CACHE = True
    caches["public"].clear()


def _city(client: Client) -> str:
    html = client.get("/organizations/").content.decode()
    row = re.search(r'href="/organizations/AU/">.*?</tr>', html, re.S)
    assert row
    return row.group(0)


def test_a_second_anonymous_reader_is_served_from_the_cache_with_one_query(cast: Any) -> None:
    from django.db import connection

    assert Client().get("/organizations/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = Client().get("/organizations/")
    assert response.status_code == 200
    assert len(queries) == 1  # the data version


def test_a_write_through_a_service_invalidates_the_cached_pages(cast: Any) -> None:
    au = Organization.objects.get(acronym="AU")
    Organization.objects.filter(pk=au.pk).update(headquarters_city="Cached City")
    assert "Cached City" in _city(Client())
    # A change that bypasses the services is not seen while the page is cached...
    Organization.objects.filter(pk=au.pk).update(headquarters_city="Unseen City")
    assert "Cached City" in _city(Client())
    # ...and a service's write (audited) invalidates it.
    au.refresh_from_db()
    organization_update_profile(
        actor=cast["owner"],
        organization=au,
        expected_version=au.version,
        headquarters_city="Addis Ababa, written",
    )
    assert "Addis Ababa, written" in _city(Client())


def test_a_signed_in_reader_never_gets_the_cached_anonymous_page(client_for: Any) -> None:
    anonymous = client_for("anonymous").get("/").content.decode()
    assert "au.liaison" not in anonymous
    signed_in = client_for("owner").get("/").content.decode()
    assert "au.liaison" in signed_in
    assert "Sign out" in signed_in
    # And a signed-in reader's page is never kept for the public.
    caches["public"].clear()
    client_for("owner").get("/organizations/")
    assert "au.liaison" not in client_for("anonymous").get("/organizations/").content.decode()


def test_an_api_caller_with_a_token_is_never_served_from_the_cache(cast: Any) -> None:
    assert Client().get("/api/v1/organizations").status_code == 200
    refused = Client().get("/api/v1/organizations", HTTP_AUTHORIZATION="Bearer ilk_wrong")
    assert refused.status_code == 401


def test_each_anonymous_reader_gets_a_csrf_token_of_their_own(cast: Any) -> None:
    def token(client: Client) -> str:
        html = client.get("/organizations/").content.decode()
        found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        assert found
        return found.group(1)

    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    tokens = token(first), token(second)  # the second page comes from the cache
    assert tokens[0] != tokens[1]
    for client, value in zip((first, second), tokens, strict=True):
        changed = client.post(
            "/i18n/setlang/", {"language": "fr", "next": "/", "csrfmiddlewaretoken": value}
        )
        assert changed.status_code == 302  # the token matches this reader's cookie


def test_each_language_has_its_own_entry(cast: Any) -> None:
    english = Client().get("/organizations/", HTTP_ACCEPT_LANGUAGE="en")
    french = Client().get("/organizations/", HTTP_ACCEPT_LANGUAGE="fr")
    assert english.content != french.content
    assert 'lang="fr"' in Client().get("/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()


def test_a_cached_api_answer_still_counts_against_the_rate_limit(settings: Any, cast: Any) -> None:
    from django.core.cache import cache

    cache.clear()
    settings.API_PUBLIC_RATE_PER_MINUTE = 2
    answers = [Client().get("/api/v1/organizations").status_code for _ in range(3)]
    assert answers == [200, 200, 429]
