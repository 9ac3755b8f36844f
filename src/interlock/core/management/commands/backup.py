from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection


class Command(BaseCommand):
    help = (
        "Back up the database while Interlock runs: SQLite's online backup API, or pg_dump "
        "(custom format) for PostgreSQL. Prints the path of the backup file."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, help="file to write (default: var/backups/…)")

    def handle(self, *args: Any, **options: Any) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        is_sqlite = connection.vendor == "sqlite"
        default = (
            settings.VAR_DIR / "backups" / f"interlock-{stamp}.{'sqlite3' if is_sqlite else 'dump'}"
        )
        output: Path = options["output"] or default
        output.parent.mkdir(parents=True, exist_ok=True)
        if is_sqlite:
            # The online backup API copies a consistent snapshot even while others write.
            source = sqlite3.connect(str(settings.DATABASES["default"]["NAME"]))
            target = sqlite3.connect(str(output))
            with target:
                source.backup(target)
            target.close()
            source.close()
        else:
            if shutil.which("pg_dump") is None:
                raise CommandError("pg_dump is not installed (apt-get install postgresql-client).")
            subprocess.run(  # noqa: S603 - arguments are ours, not user input
                ["pg_dump", "--format=custom", f"--file={output}", settings.DATABASE_URL],  # noqa: S607
                check=True,
            )
        self.stdout.write(str(output))
