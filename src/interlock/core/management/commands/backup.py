from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from interlock.core.backups import BackupError, backup_make


class Command(BaseCommand):
    help = (
        "Back up Interlock while it runs: one tar archive with the database (SQLite's online "
        "backup API, or pg_dump), every uploaded file, and a manifest of their checksums. "
        "Prints the path of the archive."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, help="file to write (default: var/backups/…)")

    def handle(self, *args: Any, **options: Any) -> None:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        output: Path = options["output"] or settings.VAR_DIR / "backups" / f"interlock-{stamp}.tar"
        try:
            made = backup_make(output)
        except BackupError as error:
            raise CommandError(str(error)) from None
        self.stderr.write(f"The database and {made.files} files ({made.bytes:,} bytes).")
        if made.missing:
            self.stderr.write(
                f"Warning: {len(made.missing)} files the database refers to are not in the media "
                f"folder ({settings.MEDIA_ROOT}), so not in the backup: "
                + ", ".join(made.missing[:10])
            )
        self.stdout.write(str(made.path))
