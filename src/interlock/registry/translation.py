"""Translated content of the registry (core/i18n.py): six languages, English as the fallback."""

from modeltranslation.translator import register

from interlock.core.i18n import ContentTranslation
from interlock.registry.models import (
    Country,
    Organization,
    OrganizationName,
    ReportedMemberCount,
)


@register(Country)
class CountryTranslation(ContentTranslation):
    fields = ("name",)


@register(Organization)
class OrganizationTranslation(ContentTranslation):
    fields = ("short_name", "name")


@register(OrganizationName)
class OrganizationNameTranslation(ContentTranslation):
    fields = ("short_name", "name")


@register(ReportedMemberCount)
class ReportedMemberCountTranslation(ContentTranslation):
    fields = ("counted",)
