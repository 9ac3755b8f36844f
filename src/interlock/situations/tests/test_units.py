"""Units of capacity and of tasks, said in the reader's language with the right plural form."""

from decimal import Decimal

import pytest
from django.utils import translation

from interlock.core.i18n import CONTENT_LANGUAGES
from interlock.situations.models import CapabilityDomain, Task
from interlock.situations.units import AMOUNTS, NAMES, in_unit, unit_name

pytestmark = pytest.mark.django_db


def test_every_domains_unit_is_named_and_counted_in_the_six_languages() -> None:
    units = set(CapabilityDomain.objects.values_list("unit", flat=True))
    assert units and units <= set(NAMES) and units <= set(AMOUNTS)
    for unit in units:
        with translation.override("en"):
            english = (unit_name(unit), in_unit(3, unit))
        for language in CONTENT_LANGUAGES:
            if language == "en":
                continue
            with translation.override(language):
                said = (unit_name(unit), in_unit(3, unit))
            # French says "experts" and "tonnes" too; the amount then differs by its spacing.
            assert said != english or language == "fr", (unit, language, said)


@pytest.mark.parametrize(
    ("language", "amounts"),
    [
        ("en", {1: "1 expert", 2: "2 experts"}),
        ("ru", {1: "1 эксперт", 3: "3 эксперта", 5: "5 экспертов", 21: "21 эксперт"}),
        ("ar", {1: "خبير واحد (1)", 2: "خبيران (2)", 3: "3 خبراء", 11: "11 خبيرًا"}),
        ("zh-hans", {1: "1 名专家", 7: "7 名专家"}),
    ],
)
def test_an_amount_takes_the_plural_form_its_number_asks_for(language, amounts) -> None:
    with translation.override(language):
        assert {n: in_unit(n, "experts") for n in amounts} == amounts


def test_a_fraction_is_written_in_the_readers_way_and_an_unknown_unit_as_typed() -> None:
    with translation.override("fr"):
        assert in_unit(Decimal("2.50"), "USD millions") == "2,5 millions de dollars des États-Unis"
        assert in_unit(Decimal("7.00"), "lorries") == "7 lorries"
        assert unit_name("lorries") == "lorries"


def test_the_tasks_table_and_the_api_say_the_unit_in_the_readers_language(
    client_for, darfur, world
) -> None:
    Task.objects.create(
        situation=darfur, domain=world["mediation"], description="Talks", amount=3, unit="teams"
    )
    client = client_for("owner")
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    assert "3 команды" in client.get(f"/situations/{darfur.pk}/").content.decode()
    (task,) = client.get(f"/api/v1/situations/{darfur.pk}").json()["tasks"]
    assert task["unit"] == "teams" and task["unit_name"] == "команды"
    capabilities = client.get("/api/v1/capabilities?limit=100").json()["items"]
    au = next(c for c in capabilities if c["organization"] == "AU" and c["domain"] == "mediation")
    assert au["unit"] == "teams" and au["unit_name"] == "команды"
