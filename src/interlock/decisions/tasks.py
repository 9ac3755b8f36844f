"""Background work of the implementation monitor, run by Django's tasks framework (`make worker`)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from interlock.decisions.services import reminders_send


@task()
def send_report_reminders() -> int:
    """E-mail the reminders owed today; returns how many went."""
    return len(reminders_send(today=timezone.localdate()))
