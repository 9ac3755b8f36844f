"""Content (names, titles of objects) in the six official languages: one mechanism.

A translated field ``f`` of a model is one plain field in ``models.py`` plus a registration in
the app's ``translation.py`` (django-modeltranslation), which gives it one column per language:
``f_ar``, ``f_zh_hans``, ``f_en``, ``f_fr``, ``f_ru``, ``f_es``. English is always stored; reading
``obj.f`` gives the reader's language, or English where that language is blank. Pages show the
value with ``{% tr obj "f" %}`` (``core/templatetags/content.py``), which marks a value shown in
another language than the page's (an English fallback, a document's title in its original
language) with that language and its direction, so that assistive technology reads it in its
language and a right-to-left page does not flip its punctuation; and isolates a value whose
language is not known (free text typed in one language only) with ``<bdi>``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db.models import F, Func, Q, Value
from django.db.models.functions import Coalesce, NullIf
from modeltranslation.translator import TranslationOptions, translator
from modeltranslation.utils import build_localized_fieldname, get_language

# The UN's order (settings.LANGUAGES): Arabic, Chinese, English, French, Russian, Spanish.
CONTENT_LANGUAGES: tuple[str, ...] = tuple(code for code, _name in settings.LANGUAGES)
FALLBACK = "en"


class ContentTranslation(TranslationOptions):
    """Register a model's translated fields with this: English required, the others optional."""

    required_languages = (FALLBACK,)


def column(field: str, language: str) -> str:
    """``column("name", "zh-hans")`` → ``"name_zh_hans"``."""
    return build_localized_fieldname(field, language)


def shown(obj: Any, field: str, language: str | None = None) -> tuple[str, str]:
    """The value a reader of ``language`` (the active one by default) sees, and its language.

    A field not registered for translation is shown as stored, in the language its row declares
    (a model's ``content_language_field`` names the field that says it, as a document's
    ``original_language`` does for its title), else in a language not known: ``""``."""
    if field not in translated_fields(type(obj)):
        declared = getattr(type(obj), "content_language_field", "")
        return str(getattr(obj, field, None) or ""), str(getattr(obj, declared, "") or "")
    language = language or get_language()
    value = getattr(obj, column(field, language), None)
    if value:
        return str(value), language
    return str(getattr(obj, column(field, FALLBACK), None) or ""), FALLBACK


def stored_value(obj: Any, field: str, language: str) -> str:
    """The value stored for ``language``, blank where none is (no fallback)."""
    return str(getattr(obj, column(field, language), None) or "")


def stored(obj: Any, field: str) -> dict[str, str]:
    """Every language's stored value of ``field`` (blank where none is stored)."""
    return {language: stored_value(obj, field, language) for language in CONTENT_LANGUAGES}


def translated_fields(model: type) -> tuple[str, ...]:
    """The fields of ``model`` registered for translation (empty when none is)."""
    if model not in translator.get_registered_models():
        return ()
    return tuple(getattr(translator.get_options_for_model(model), "fields", ()))


def in_reader_language(field: str) -> F | Func:
    """An expression for ordering by what the reader sees: their language, else English."""
    language = get_language()
    english = F(column(field, FALLBACK))
    if language == FALLBACK:
        return english
    return Coalesce(NullIf(F(column(field, language)), Value("")), english)


def matches(text: str, *fields: str) -> Q:
    """A filter: ``text`` appears in any language of any of ``fields`` (case-insensitive)."""
    found = Q()
    for field in fields:
        for language in CONTENT_LANGUAGES:
            found |= Q(**{f"{column(field, language)}__icontains": text})
    return found


def language_of(user: Any) -> str:
    """The language to write to ``user`` in when no request says it (e-mail, calendar feeds):
    the one they chose last in the interface, else the site's default."""
    chosen = getattr(user, "preferred_language", "") or ""
    return chosen if chosen in CONTENT_LANGUAGES else settings.LANGUAGE_CODE
