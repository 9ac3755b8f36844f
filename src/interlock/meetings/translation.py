"""Translated content of the meetings (core/i18n.py): six languages, English as the fallback."""

from modeltranslation.translator import register

from interlock.core.i18n import ContentTranslation
from interlock.meetings.models import AgendaItem, Meeting, MeetingSeries


@register(Meeting)
class MeetingTranslation(ContentTranslation):
    fields = ("title", "theme")


@register(MeetingSeries)
class MeetingSeriesTranslation(ContentTranslation):
    fields = ("name",)


@register(AgendaItem)
class AgendaItemTranslation(ContentTranslation):
    fields = ("title",)
