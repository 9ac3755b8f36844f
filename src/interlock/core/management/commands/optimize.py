from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from interlock.core.database import statistics_refresh


class Command(BaseCommand):
    help = (
        "Refresh the query planner's statistics (ANALYZE). Run it after large imports and nightly: "
        "with current statistics the database reads lists in order through their indexes instead "
        "of sorting every row the reader may see."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stdout.write(f"Statistics refreshed ({statistics_refresh()}).")
