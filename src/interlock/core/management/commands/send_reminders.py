"""Queue today's reminders of every app for the worker (run it daily, e.g. from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from interlock.core.tasks import send_reminders


class Command(BaseCommand):
    help = (
        "Queue the day's e-mail reminders: progress reports due in 30 days or overdue, "
        "invitations not yet answered a fortnight before a meeting, comment deadlines near."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_reminders.enqueue()
        self.stdout.write(f"queued {result.id}; `make worker` sends them")
