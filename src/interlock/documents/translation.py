"""Translated content of the library (core/i18n.py): six languages, English as the fallback."""

from modeltranslation.translator import register

from interlock.core.i18n import ContentTranslation
from interlock.documents.models import Topic


@register(Topic)
class TopicTranslation(ContentTranslation):
    fields = ("name",)
