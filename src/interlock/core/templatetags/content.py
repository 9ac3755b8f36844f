"""``{% tr obj "name" %}``: content in the reader's language, or marked with the language shown."""

from __future__ import annotations

from typing import Any

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import SafeString
from modeltranslation.utils import get_language

from interlock.core.i18n import shown

register = template.Library()


@register.simple_tag
def tr(obj: Any, field: str) -> str | SafeString:
    """The value in the reader's language, or marked with the language it is shown in: an English
    fallback ``<span lang="en" dir="ltr">``, a document's Arabic title ``<span lang="ar"
    dir="rtl">`` on another page; a value in a language not known is isolated, ``<bdi>``, so
    that its direction is its own and the page's punctuation does not flip around it.

    Reads only the object's own columns: no query, whatever the number of rows.
    """
    if obj is None:
        return ""
    value, language = shown(obj, field)
    if not value or _same(language, get_language()):
        return value
    if not language:
        return format_html("<bdi>{}</bdi>", value)
    direction = "rtl" if _primary(language) in settings.LANGUAGES_BIDI else "ltr"
    return format_html('<span lang="{}" dir="{}">{}</span>', language, direction, value)


def _same(language: str, active: str | None) -> bool:
    """A document's "zh" is the interface's "zh-hans": one language, by its primary subtag."""
    return _primary(language) == _primary(active or "")


def _primary(language: str) -> str:
    return language.lower().replace("_", "-").split("-")[0]
