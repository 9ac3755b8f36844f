"""Names as they were: ``{{ organization|name_on:day }}`` and ``{{ organization|short_name_on:day }}``.

A page dated to a day (the 2005 meeting, a list "as of" a day) shows each organization under the
name it bore then; prefetch ``former_names`` for a list so that no row costs a query.
"""

from __future__ import annotations

import datetime as dt

from django import template

from interlock.registry.models import Organization

register = template.Library()


@register.filter
def name_on(organization: Organization, day: dt.date | None) -> str:
    return organization.named_on(day).name if day else organization.name


@register.filter
def short_name_on(organization: Organization, day: dt.date | None) -> str:
    return organization.named_on(day).short_name if day else organization.short_name
