"""The secretariat registers a new participant with its source; bad input changes nothing."""

import pytest

from interlock.core.models import AuditEvent, Source
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db

FORM = {
    "acronym": "ECOWAS",
    "short_name_en": "ECOWAS",
    "name_en": "Economic Community of West African States",
    "kind": "subregional",
    "source_title": "Revised Treaty of the Economic Community of West African States",
    "source_url": "https://ecowas.int/",
    "source_locator": "Article 2",
}


def test_the_secretariat_registers_an_organization_with_its_source(client_for) -> None:
    page = client_for("secretariat").post("/organizations/new/", FORM, follow=True)
    assert "The organization is registered." in page.content.decode()
    created = Organization.objects.get(acronym="ECOWAS")
    assert created.charter_basis == "not_declared" and created.charter_basis_source is None
    assert created.kind_source.locator == "Article 2"
    assert AuditEvent.objects.filter(action="organization.create").count() == 1


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"acronym": "AU"}, "already registered"),
        ({"acronym": "new"}, "Choose another acronym"),
        ({"source_title": ""}, "This field is required"),
        ({"kind": "research_partner"}, "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_registered(client_for, change, reason) -> None:
    organizations, sources = Organization.objects.count(), Source.objects.count()
    page = client_for("secretariat").post("/organizations/new/", {**FORM, **change})
    assert reason in page.content.decode()
    assert (Organization.objects.count(), Source.objects.count()) == (organizations, sources)


@pytest.mark.parametrize("part", ["owner", "partner", "researcher"])
def test_only_the_secretariat_registers_organizations(client_for, part) -> None:
    assert client_for(part).post("/organizations/new/", FORM).status_code == 403
    assert not Organization.objects.filter(acronym="ECOWAS").exists()
