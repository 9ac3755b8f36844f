"""Translated content of the situations (core/i18n.py): six languages, English as the fallback."""

from modeltranslation.translator import register

from interlock.core.i18n import ContentTranslation
from interlock.situations.models import CapabilityDomain


@register(CapabilityDomain)
class CapabilityDomainTranslation(ContentTranslation):
    fields = ("name",)
