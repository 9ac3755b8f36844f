"""Queue today's report reminders for the worker (run it daily, e.g. from cron)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from interlock.decisions.tasks import send_report_reminders


class Command(BaseCommand):
    help = "Queue the e-mail reminders of progress reports due in 30 days or overdue."

    def handle(self, *args: Any, **options: Any) -> None:
        result = send_report_reminders.enqueue()
        self.stdout.write(f"queued {result.id}; `make worker` sends them")
