"""Names as they were: ``{{ organization|name_on:day }}`` and ``{{ organization|short_name_on:day }}``.

A page dated to a day (the 2005 meeting, a list "as of" a day) shows each organization under the
name it bore then; prefetch ``former_names`` for a list so that no row costs a query. The name is
in the reader's language, an English fallback marked ``lang="en"`` (``{% tr %}``, core/i18n.py).
"""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils.safestring import SafeString

from interlock.core.templatetags.content import tr
from interlock.registry.models import Organization
from interlock.registry.places import place_name
from interlock.registry.regions import region_name

register = template.Library()


@register.filter
def place(stored: str) -> str:
    """A city or venue as recorded, in the reader's language where it is known."""
    return place_name(stored)


@register.filter
def m49(code: str) -> str:
    """An M49 region or subregion code as its name in the reader's language."""
    return region_name(code)


@register.filter
def name_on(organization: Organization, day: dt.date | None) -> str | SafeString:
    return tr(organization.named_on(day) if day else organization, "name")


@register.filter
def short_name_on(organization: Organization, day: dt.date | None) -> str | SafeString:
    return tr(organization.named_on(day) if day else organization, "short_name")
