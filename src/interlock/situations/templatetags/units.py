"""``{{ amount|in_unit:unit }}`` and ``{{ unit|unit_name }}``: units in the reader's language
(``situations/units.py``)."""

from __future__ import annotations

from decimal import Decimal

from django import template

from interlock.situations import units

register = template.Library()


@register.filter
def in_unit(amount: Decimal | float | int | None, unit: str) -> str:
    return "—" if amount is None else units.in_unit(amount, unit)


@register.filter
def unit_name(unit: str) -> str:
    return units.unit_name(unit)
