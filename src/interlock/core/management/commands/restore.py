from __future__ import annotations

import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from interlock.core.backups import (
    BackupError,
    backup_unpack,
    check_restored,
    database_restore,
    files_restore,
)


class Command(BaseCommand):
    help = (
        "Restore a backup made by `interlock backup`: the database and the uploaded files, "
        "checked against each other. Stop the server and workers first."
    )

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
            and input("Replace the current database and files? [y/N] ").strip().lower() != "y"
        ):
            raise CommandError("Nothing restored.")
        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        try:
            if not tarfile.is_tarfile(backup):
                # A database-only backup of an earlier version of Interlock.
                database_restore(backup, connection.vendor)
                self.stdout.write(f"Restored the database from {backup}; it held no files.")
                return
            # Unpacked beside the media folder, so that the files are moved in, not copied.
            with tempfile.TemporaryDirectory(dir=media_root.parent) as scratch:
                unpacked = backup_unpack(backup, Path(scratch))
                database_restore(unpacked.database, unpacked.manifest["database"]["vendor"])
                files = files_restore(unpacked)
        except BackupError as error:
            raise CommandError(str(error)) from None
        check = check_restored(unpacked.manifest)
        self.stdout.write(
            f"Restored the database and {files} files from {backup}; the database refers to "
            f"{check.referenced} files."
        )
        if check.extra:
            self.stdout.write(
                f"{len(check.extra)} files in {media_root} are not referred to by the database "
                "(left in place): " + ", ".join(check.extra[:10])
            )
        if not check.sound:
            raise CommandError(
                f"{len(check.missing)} files the database refers to are missing and "
                f"{len(check.damaged)} differ from the backup: "
                + ", ".join((check.missing + check.damaged)[:10])
            )
