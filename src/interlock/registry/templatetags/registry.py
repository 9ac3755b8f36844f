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

register = template.Library()


@register.filter
def name_on(organization: Organization, day: dt.date | None) -> str | SafeString:
    return tr(organization.named_on(day) if day else organization, "name")


@register.filter
def short_name_on(organization: Organization, day: dt.date | None) -> str | SafeString:
    return tr(organization.named_on(day) if day else organization, "short_name")
