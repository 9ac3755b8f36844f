"""Concurrent edits of an organization's profile never lose an update."""

import pytest
from django.core.exceptions import PermissionDenied

from interlock.core.models import AuditEvent
from interlock.registry.models import Organization
from interlock.registry.services import ConflictError, organization_update_profile

pytestmark = pytest.mark.django_db


def test_the_liaison_official_updates_the_profile_and_it_is_audited(cast) -> None:
    au = Organization.objects.get(acronym="AU")
    organization_update_profile(
        actor=cast["owner"],
        organization=au,
        expected_version=au.version,
        head_title="Chairperson of the Commission",
    )
    au.refresh_from_db()
    assert au.head_title == "Chairperson of the Commission" and au.version == 2
    assert AuditEvent.objects.get(action="organization.update").changes == {
        "head_title": ["", "Chairperson of the Commission"]
    }


def test_a_stale_edit_is_refused_instead_of_overwriting_the_other(cast) -> None:
    au = Organization.objects.get(acronym="AU")
    first, second = Organization.objects.get(pk=au.pk), Organization.objects.get(pk=au.pk)
    organization_update_profile(
        actor=cast["owner"], organization=first, expected_version=1, website="https://one.example"
    )
    with pytest.raises(ConflictError):
        organization_update_profile(
            actor=cast["secretariat"],
            organization=second,
            expected_version=1,
            website="https://two.example",
        )
    au.refresh_from_db()
    assert au.website == "https://one.example"


def test_another_organization_may_not_edit_the_profile(cast) -> None:
    au = Organization.objects.get(acronym="AU")
    with pytest.raises(PermissionDenied):
        organization_update_profile(
            actor=cast["partner"], organization=au, expected_version=1, website="https://x.example"
        )
