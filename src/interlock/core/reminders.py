"""Reminder e-mails: one mechanism for every app.

Each app says in its ``reminders.py`` (found at start-up, like ``references.py``) what reminders
are owed on a day::

    register_kind("meetings.comment_deadline", _("Comment deadline near"))
    register(comment_deadlines)  # a function: today -> the Due reminders of that day

and ``core.services.reminders_send`` sends each one once: it is recorded (``ReminderSent``, unique
on kind, target, occasion and address) in the same transaction as the e-mail is handed over, so a
second run, or a second worker, sends nothing again. The subject and body are written in the
recipient's language (``core.i18n.language_of``). A reminder may also put a notification in the
recipient's inbox (``notification``), once, even where the recipient has no e-mail address.
``core.tasks.send_reminders`` runs it (``make worker``); ``interlock send_reminders`` queues it
(daily, from cron); ``/reminders/`` lists what went.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.functional import Promise


@dataclass(frozen=True)
class Due:
    """One reminder owed to one person about one object, for one occasion (a due date, a
    deadline: what tells this reminder from the next one about the same object)."""

    kind: str
    target: models.Model
    occasion: str
    recipient: Any  # a user
    subject: Callable[[], str]  # called in the recipient's language
    body: Callable[[], str]
    notification: str = ""  # a core.models.NotificationKind, to notify in the app as well
    link: str = ""


Producer = Callable[[dt.date], Iterable[Due]]
_PRODUCERS: dict[str, Producer] = {}
_KINDS: dict[str, str | Promise] = {}


def register(producer: Producer) -> Producer:
    _PRODUCERS[f"{producer.__module__}.{producer.__qualname__}"] = producer
    return producer


def register_kind(kind: str, label: str | Promise) -> None:
    _KINDS[kind] = label


def kind_label(kind: str) -> str:
    return str(_KINDS.get(kind, kind))


def owed(today: dt.date) -> list[Due]:
    """Every app's reminders owed ``today`` (those already sent are skipped when sending)."""
    return [due for producer in _PRODUCERS.values() for due in producer(today)]


def discover() -> None:
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("reminders")
