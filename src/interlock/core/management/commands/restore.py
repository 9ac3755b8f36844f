from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection


class Command(BaseCommand):
    help = "Restore a backup made by `interlock backup`. Stop the server and workers first."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("backup", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="replace the current data without asking"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        backup: Path = options["backup"]
        if not backup.is_file():
            raise CommandError(f"No backup file at {backup}.")
        if (
            not options["yes"]
            and input("Replace the current database? [y/N] ").strip().lower() != "y"
        ):
            raise CommandError("Nothing restored.")
        if connection.vendor == "sqlite":
            check = sqlite3.connect(str(backup))
            if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise CommandError("The backup fails SQLite's integrity check; nothing restored.")
            target = sqlite3.connect(str(settings.DATABASES["default"]["NAME"]))
            with target:
                check.backup(target)
            target.close()
            check.close()
        else:
            if shutil.which("pg_restore") is None:
                raise CommandError(
                    "pg_restore is not installed (apt-get install postgresql-client)."
                )
            subprocess.run(  # noqa: S603 - arguments are ours, not user input
                [  # noqa: S607 - pg_restore is found on PATH, as operators install it
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    f"--dbname={settings.DATABASE_URL}",
                    str(backup),
                ],
                check=True,
            )
        self.stdout.write(f"Restored {backup}.")
