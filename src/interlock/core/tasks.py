"""Background work run by Django's tasks framework (`make worker`)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from interlock.core.services import reminders_send


@task()
def send_reminders() -> int:
    """E-mail every app's reminders owed today (core.reminders); returns how many went."""
    return len(reminders_send(today=timezone.localdate()))
