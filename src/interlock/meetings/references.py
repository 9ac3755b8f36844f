"""How meetings are named elsewhere: the meetings of the partnership, their series, invitations,
delegations and published agendas are public (a provisional agenda's items only to the
secretariat, who keeps it); a record, its versions and its comments are named only to
those who may read the record (its library entry, through the library's policy)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from interlock.core.access import can
from interlock.core.references import register, register_public
from interlock.documents.access import readable_documents
from interlock.domain.permissions import Action
from interlock.meetings.models import (
    AgendaItem,
    CalendarToken,
    Comment,
    Delegation,
    Invitation,
    Meeting,
    MeetingSeries,
    Record,
    RecordVersion,
)

register_public(Meeting, noun=_("a meeting"))
register_public(Delegation, noun=_("a delegation"))
register_public(MeetingSeries, noun=_("a series of meetings"))
register_public(Invitation, noun=_("an invitation"))


def _agenda_items(user: Any, at: dt.datetime) -> QuerySet[AgendaItem] | None:
    if can(user, Action.MANAGE_MEETINGS):
        return None
    return AgendaItem.objects.filter(meeting__agenda_published_at__isnull=False)


register(AgendaItem, noun=_("an agenda item"), readable=_agenda_items)


def _records(user: Any, at: dt.datetime) -> QuerySet[Record]:
    return Record.objects.filter(document__in=readable_documents(user, at=at))


def _of_records(model: Any) -> Any:
    def readable(user: Any, at: dt.datetime) -> QuerySet[Any]:
        return model.objects.filter(record__document__in=readable_documents(user, at=at))

    return readable


register(Record, noun=_("a meeting's record"), readable=_records, named_with=("document",))
register(RecordVersion, noun=_("a version of a record"), readable=_of_records(RecordVersion))
register(Comment, noun=_("a comment on a record"), readable=_of_records(Comment))


def _calendar_tokens(user: Any, at: dt.datetime) -> QuerySet[CalendarToken] | None:
    if can(user, Action.MANAGE_USERS):
        return None
    return CalendarToken.objects.filter(user_id=getattr(user, "pk", None) or 0)


register(CalendarToken, noun=_("a calendar subscription"), readable=_calendar_tokens)
