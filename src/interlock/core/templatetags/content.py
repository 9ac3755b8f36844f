"""``{% tr obj "name" %}``: a translated field in the reader's language, English marked as such."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString
from modeltranslation.utils import get_language

from interlock.core.i18n import shown

register = template.Library()


@register.simple_tag
def tr(obj: Any, field: str) -> str | SafeString:
    """The value in the reader's language; an English fallback is wrapped ``lang="en"``.

    Reads only the object's own columns: no query, whatever the number of rows.
    """
    if obj is None:
        return ""
    value, language = shown(obj, field)
    if language == get_language() or not value:
        return value
    return format_html('<span lang="{}" dir="ltr">{}</span>', language, value)
