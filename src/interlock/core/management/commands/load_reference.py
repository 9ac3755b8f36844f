from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from interlock.core.database import statistics_refresh
from interlock.reference.loader import ReferenceDataError, load


class Command(BaseCommand):
    help = "Load the reference data of the sixth high-level meeting (idempotent, all-or-nothing)."

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            report = load()
        except ReferenceDataError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Reference data: {report.summary()}")
        # A fresh `make run` then plans its first queries with statistics.
        statistics_refresh()
