"""Translated content of the committees (core/i18n.py): six languages, English as the fallback."""

from modeltranslation.translator import register

from interlock.committees.models import WorkingGroup
from interlock.core.i18n import ContentTranslation


@register(WorkingGroup)
class WorkingGroupTranslation(ContentTranslation):
    fields = ("name",)
