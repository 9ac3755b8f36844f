"""The six official languages throughout; right to left when Arabic is chosen."""

import pytest

pytestmark = pytest.mark.django_db


def test_choosing_french_translates_the_interface(client) -> None:
    client.post("/i18n/setlang/", {"language": "fr", "next": "/organizations/"})
    body = client.get("/organizations/").content.decode()
    assert '<html lang="fr" dir="ltr">' in body
    assert "Organisations" in body and "Union africaine" in body and "Chapitre VIII" in body


def test_choosing_arabic_lays_the_page_out_right_to_left(client) -> None:
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    assert '<html lang="ar" dir="rtl">' in client.get("/").content.decode()


def test_country_names_follow_the_language(client) -> None:
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    body = client.get("/organizations/EU/", {"as_of": "2005-07-25"}).content.decode()
    assert "Allemagne" in body


def test_choosing_arabic_translates_the_interface(client) -> None:
    client.post("/i18n/setlang/", {"language": "ar", "next": "/organizations/"})
    body = client.get("/organizations/", {"as_of": "2005-07-25"}).content.decode()
    assert "المنظمات" in body and "الفصل الثامن: تنظيم أو وكالة إقليمية" in body
    assert "Organizations" not in body.split("<main", 1)[1]  # nothing left in English in the page


def test_arabic_counts_take_the_plural_form_of_their_number(client) -> None:
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    body = client.get("/organizations/", {"as_of": "2005-07-25", "kind": "subregional"}).content
    assert "3 منظمات، والأعضاء في" in body.decode()  # "few" (3–10), not the "many" form


def test_country_names_are_arabic_where_iso_3166_gives_them(client) -> None:
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    body = client.get("/organizations/EU/", {"as_of": "2005-07-25"}).content.decode()
    assert "ألمانيا" in body and "فرنسا" in body


@pytest.mark.parametrize(
    ("language", "heading", "country"),
    [
        ("es", "Organizaciones", "Alemania"),
        ("ru", "Организации", "Германия"),
        ("zh-hans", "组织", "德国"),
    ],
)
def test_spanish_russian_and_chinese_translate_pages_and_country_names(
    client, language: str, heading: str, country: str
) -> None:
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    body = client.get("/organizations/EU/", {"as_of": "2005-07-25"}).content.decode()
    assert f'<html lang="{language}" dir="ltr">' in body and country in body
    assert heading in client.get("/organizations/").content.decode()


def test_russian_counts_take_the_plural_form_of_their_number(client) -> None:
    client.post("/i18n/setlang/", {"language": "ru", "next": "/"})
    three = client.get("/organizations/", {"as_of": "2005-07-25", "kind": "subregional"})
    assert "3 организации, члены по состоянию на" in three.content.decode()  # "few", not "many"


def test_an_arabic_page_shows_arabic_where_stored_and_marks_english_fallbacks(client) -> None:
    from interlock.registry.models import Organization

    Organization.objects.filter(acronym="AU").update(name_ar="الاتحاد الأفريقي", name_zh_hans="")
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    body = client.get("/organizations/AU/").content.decode()
    assert "<h1>الاتحاد الأفريقي" in body
    client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"})
    body = client.get("/organizations/AU/").content.decode()
    assert '<h1><span lang="en" dir="ltr">African Union</span>' in body
