"""Content in six languages: one mechanism, every field in every language, fallbacks marked."""

import pytest
from django.apps import apps
from django.template import Context, Template
from django.utils import translation
from modeltranslation.translator import translator

from interlock.core.i18n import CONTENT_LANGUAGES, column, shown, stored, translated_fields
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db

REGISTERED = {
    ("registry", "Country"): ("name",),
    ("registry", "Organization"): ("short_name", "name"),
    ("registry", "OrganizationName"): ("short_name", "name"),
    ("registry", "ReportedMemberCount"): ("counted",),
    ("situations", "CapabilityDomain"): ("name",),
    ("situations", "Notification"): ("text",),
    ("committees", "WorkingGroup"): ("name",),
    ("meetings", "Meeting"): ("title", "theme"),
    ("meetings", "MeetingSeries"): ("name",),
    ("meetings", "AgendaItem"): ("title",),
    ("documents", "Topic"): ("name",),
    ("agreements", "AgreementKind"): ("name",),
    ("decisions", "Decision"): ("title", "text"),
    ("capacity_building", "CapacityPlan"): ("title", "summary"),
    ("capacity_building", "Pillar"): ("title",),
    ("capacity_building", "Milestone"): ("description",),
}


def test_the_six_official_languages_are_the_content_languages() -> None:
    assert set(CONTENT_LANGUAGES) == {"ar", "zh-hans", "en", "fr", "ru", "es"}


def test_every_translatable_field_is_registered() -> None:
    registered = {
        (model._meta.app_label, model.__name__): set(translated_fields(model))
        for model in translator.get_registered_models(abstract=False)
    }
    assert registered == {key: set(fields) for key, fields in REGISTERED.items()}


@pytest.mark.parametrize(("app", "model"), sorted(REGISTERED))
def test_every_registered_field_has_a_column_in_each_of_the_six_languages(
    app: str, model: str
) -> None:
    fields = {f.name for f in apps.get_model(app, model)._meta.get_fields()}
    for field in REGISTERED[(app, model)]:
        for language in CONTENT_LANGUAGES:
            assert column(field, language) in fields, (model, field, language)
    assert "name_zh_hans" in {f.name for f in Organization._meta.get_fields()}


def test_no_model_keeps_a_language_column_of_its_own() -> None:
    """Columns per language exist only through the mechanism (no name_zh beside name_zh_hans)."""
    suffixes = ("_en", "_fr", "_ar", "_es", "_ru", "_zh", "_zh_hans")
    for model in apps.get_models():
        translated = {
            column(f, language) for f in translated_fields(model) for language in CONTENT_LANGUAGES
        }
        for field in model._meta.get_fields():
            if field.name.endswith(suffixes) and field.concrete:
                assert field.name in translated, f"{model.__name__}.{field.name}"


def _organization(**names: str) -> Organization:
    au = Organization.objects.get(acronym="AU")
    for key, value in names.items():
        setattr(au, key, value)
    return au


def test_a_stored_arabic_name_is_shown_to_an_arabic_reader() -> None:
    au = _organization(name_ar="الاتحاد الأفريقي")
    with translation.override("ar"):
        assert shown(au, "name") == ("الاتحاد الأفريقي", "ar")
        html = Template('{% tr o "name" %}').render(Context({"o": au}))
    assert html == "الاتحاد الأفريقي"


def test_an_english_fallback_is_marked_as_english() -> None:
    au = _organization(name_zh_hans="")
    with translation.override("zh-hans"):
        html = Template('{% tr o "name" %}').render(Context({"o": au}))
        assert au.name == "African Union"  # the field itself falls back too
    assert html == '<span lang="en" dir="ltr">African Union</span>'


def test_english_readers_see_no_marking() -> None:
    au = _organization()
    with translation.override("en"):
        assert Template('{% tr o "name" %}').render(Context({"o": au})) == "African Union"


def test_a_fallback_is_escaped() -> None:
    au = _organization(name_en="<b>AU</b>", name_ru=None)
    with translation.override("ru"):
        html = Template('{% tr o "name" %}').render(Context({"o": au}))
    assert "<b>" not in html and "&lt;b&gt;" in html


def test_stored_lists_every_language_blank_where_none() -> None:
    names = stored(_organization(name_es="Unión Africana", name_ru=None), "name")
    assert list(names) == list(CONTENT_LANGUAGES)
    assert names["es"] == "Unión Africana" and names["ru"] == ""
