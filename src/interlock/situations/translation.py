"""Translated content of the situations (core/i18n.py): six languages, English as the fallback."""

from modeltranslation.translator import register

from interlock.core.i18n import ContentTranslation
from interlock.situations.models import CapabilityDomain, Notification


@register(CapabilityDomain)
class CapabilityDomainTranslation(ContentTranslation):
    fields = ("name",)


@register(Notification)
class NotificationTranslation(ContentTranslation):
    """The Article 54 letter, drafted in each of the six languages from the same facts."""

    fields = ("text",)
