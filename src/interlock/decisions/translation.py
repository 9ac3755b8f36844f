"""Translated content of the decisions (core/i18n.py): six languages, English as the fallback."""

from modeltranslation.translator import register

from interlock.core.i18n import ContentTranslation
from interlock.decisions.models import Decision


@register(Decision)
class DecisionTranslation(ContentTranslation):
    fields = ("title", "text")
