"""A backup holds everything a restore needs to bring back a working system: one tar archive with
the database (SQLite's online backup, or ``pg_dump --format=custom``), every uploaded file, and a
manifest with the size and SHA-256 of each. A restore checks the whole archive against its
manifest before it changes anything, then puts back the database and the files, and checks the
restored database against the restored files: every file it refers to is present with the size and
checksum recorded (missing ones are an error), and files it does not refer to are reported.

The database is copied first and the files after it: uploads are never changed or deleted, so every
file the copied database refers to is already on disk; a file uploaded meanwhile is only "extra".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.apps import apps
from django.conf import settings
from django.db import connection, models

FORMAT = "interlock-backup/1"
MANIFEST = "manifest.json"
MEDIA = "media"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """The archive cannot be made, or cannot be trusted; nothing was changed."""


@dataclass(frozen=True)
class Stored:
    size: int
    sha256: str


@dataclass
class Check:
    """The restored database against the restored files."""

    referenced: int = 0
    missing: list[str] = field(default_factory=list)  # referenced, absent
    damaged: list[str] = field(default_factory=list)  # referenced, another size or checksum
    extra: list[str] = field(default_factory=list)  # present, not referenced

    @property
    def sound(self) -> bool:
        return not self.missing and not self.damaged


def _digest(stream: IO[bytes]) -> Stored:
    sha, size = hashlib.sha256(), 0
    while chunk := stream.read(CHUNK):
        sha.update(chunk)
        size += len(chunk)
    return Stored(size, sha.hexdigest())


def _file_digest(path: Path) -> Stored:
    with path.open("rb") as stream:
        return _digest(stream)


def referenced_files() -> set[str]:
    """The name of every stored file the database refers to (every FileField of every model)."""
    names: set[str] = set()
    for model in apps.get_models():
        for f in model._meta.get_fields():
            if isinstance(f, models.FileField):
                values = model._default_manager.exclude(**{f.name: ""}).values_list(
                    f.name, flat=True
                )
                names.update(v for v in values if v)
    return names


def media_files(root: Path) -> Iterator[tuple[str, Path]]:
    """Every regular file under ``root``, with its name relative to it (as storage names it)."""
    if not root.is_dir():
        return
    for directory, _dirs, files in os.walk(root):
        for name in sorted(files):
            path = Path(directory) / name
            if path.is_file() and not path.is_symlink():
                yield path.relative_to(root).as_posix(), path


def _postgres_arguments() -> tuple[list[str], dict[str, str]]:
    """Connection arguments for pg_dump and pg_restore from the connection in use (so a test's
    database, not DATABASE_URL's, is the one backed up), the password in the environment."""
    db = connection.settings_dict
    arguments = [f"--dbname={db['NAME']}"]
    if db.get("HOST"):
        arguments.append(f"--host={db['HOST']}")
    if db.get("PORT"):
        arguments.append(f"--port={db['PORT']}")
    if db.get("USER"):
        arguments.append(f"--username={db['USER']}")
    environment = dict(os.environ)
    if db.get("PASSWORD"):
        environment["PGPASSWORD"] = str(db["PASSWORD"])
    return arguments, environment


def _require(program: str) -> None:
    if shutil.which(program) is None:
        raise BackupError(f"{program} is not installed (apt-get install postgresql-client).")


def _database_copy(target: Path) -> str:
    """Copy the database to ``target``; returns the archive member's name."""
    if connection.vendor == "sqlite":
        # The online backup API copies a consistent snapshot even while others write.
        source = sqlite3.connect(str(connection.settings_dict["NAME"]))
        copy = sqlite3.connect(str(target))
        with copy:
            source.backup(copy)
        copy.close()
        source.close()
        return "database.sqlite3"
    _require("pg_dump")
    arguments, environment = _postgres_arguments()
    subprocess.run(  # noqa: S603 - arguments are ours, not user input
        ["pg_dump", "--format=custom", f"--file={target}", *arguments],  # noqa: S607
        check=True,
        env=environment,
    )
    return "database.dump"


@dataclass(frozen=True)
class Made:
    path: Path
    files: int
    bytes: int
    missing: list[str]  # referenced by the database, absent from the media folder


def backup_make(output: Path) -> Made:
    """Write the archive to ``output`` (through a temporary name, so a failed backup leaves no
    archive that looks whole)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    media_root = Path(settings.MEDIA_ROOT)
    partial = output.with_name(output.name + ".partial")
    with tempfile.TemporaryDirectory(dir=output.parent) as scratch:
        database = Path(scratch) / "database"
        member = _database_copy(database)
        referenced = referenced_files()
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "created_at": dt.datetime.now(dt.UTC).isoformat(),
            "database": {"vendor": connection.vendor, "member": member},
            "files": {},
        }
        with tarfile.open(partial, "w") as archive:
            manifest["database"].update(_add(archive, database, member).__dict__)
            for name, path in media_files(media_root):
                stored = _add(archive, path, f"{MEDIA}/{name}")
                manifest["files"][name] = stored.__dict__
            body = json.dumps(manifest, indent=1, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(body)
            info.mtime = int(dt.datetime.now(dt.UTC).timestamp())
            archive.addfile(info, io.BytesIO(body))
    partial.replace(output)
    files = manifest["files"]
    return Made(
        path=output,
        files=len(files),
        bytes=sum(f["size"] for f in files.values()),
        missing=sorted(referenced - set(files)),
    )


class _Hashing:
    """Reads a file once: into the archive and through the checksum."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream, self.sha, self.size = stream, hashlib.sha256(), 0

    def read(self, n: int = -1) -> bytes:
        chunk = self.stream.read(n)
        self.sha.update(chunk)
        self.size += len(chunk)
        return chunk


def _add(archive: tarfile.TarFile, path: Path, name: str) -> Stored:
    info = archive.gettarinfo(str(path), arcname=name)
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    with path.open("rb") as stream:
        hashing = _Hashing(stream)
        archive.addfile(info, hashing)  # type: ignore[arg-type]
    if hashing.size != info.size:
        raise BackupError(f"{path} changed while it was being copied; run the backup again.")
    return Stored(hashing.size, hashing.sha.hexdigest())


@dataclass(frozen=True)
class Unpacked:
    folder: Path
    manifest: dict[str, Any]

    @property
    def database(self) -> Path:
        return self.folder / self.manifest["database"]["member"]

    def file(self, name: str) -> Path:
        return self.folder / MEDIA / name


def _safe_member(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and bool(path.parts)


def backup_unpack(archive_path: Path, into: Path) -> Unpacked:
    """Unpack the archive into ``into`` and check every member against the manifest; raises
    :class:`BackupError` on anything unexpected (nothing outside ``into`` is touched)."""
    try:
        with tarfile.open(archive_path, "r:*") as archive:
            manifest = _unpack(archive, into)
    except (OSError, tarfile.TarError, ValueError) as error:
        raise BackupError(f"{archive_path} is not a readable backup archive: {error}") from None
    if manifest["database"]["vendor"] != connection.vendor:
        raise BackupError(
            f"This is a {manifest['database']['vendor']} backup; the database here is "
            f"{connection.vendor}."
        )
    return Unpacked(into, manifest)


def _unpack(archive: tarfile.TarFile, into: Path) -> dict[str, Any]:
    try:
        manifest_member = archive.extractfile(MANIFEST)
    except KeyError:
        raise BackupError(f"The archive has no {MANIFEST}.") from None
    assert manifest_member is not None
    manifest: dict[str, Any] = json.load(manifest_member)
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
    expected = {manifest["database"]["member"]: manifest["database"]}
    expected.update({f"{MEDIA}/{n}": f for n, f in manifest["files"].items()})
    seen: set[str] = set()
    for member in archive:
        if member.name == MANIFEST:
            continue
        if not member.isfile() or not _safe_member(member.name):
            raise BackupError(f"Unexpected member {member.name!r} in the archive.")
        if member.name not in expected:
            raise BackupError(f"{member.name} is in the archive but not in its manifest.")
        target = into / member.name
        target.parent.mkdir(parents=True, exist_ok=True)
        stream = archive.extractfile(member)
        assert stream is not None
        with target.open("wb") as out:
            hashing = _Hashing(stream)
            shutil.copyfileobj(hashing, out, CHUNK)  # type: ignore[misc]
        want = expected[member.name]
        if (hashing.size, hashing.sha.hexdigest()) != (want["size"], want["sha256"]):
            raise BackupError(f"{member.name} does not match its checksum in the manifest.")
        seen.add(member.name)
    absent = sorted(set(expected) - seen)
    if absent:
        raise BackupError(f"The manifest lists {len(absent)} files the archive lacks: {absent[:5]}")
    return manifest


def database_restore(path: Path, vendor: str) -> None:
    if vendor == "sqlite":
        check = sqlite3.connect(str(path))
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupError("The backup fails SQLite's integrity check; nothing restored.")
        connection.close()  # ours would hold the old pages
        target = sqlite3.connect(str(connection.settings_dict["NAME"]))
        with target:
            check.backup(target)
        target.close()
        check.close()
        return
    _require("pg_restore")
    arguments, environment = _postgres_arguments()
    connection.close()
    subprocess.run(  # noqa: S603 - arguments are ours, not user input
        ["pg_restore", "--clean", "--if-exists", "--no-owner", *arguments, str(path)],  # noqa: S607
        check=True,
        env=environment,
    )


def files_restore(unpacked: Unpacked) -> int:
    """Move the archive's files into the media folder (same names; others are left alone)."""
    media_root = Path(settings.MEDIA_ROOT)
    for name in unpacked.manifest["files"]:
        target = media_root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(unpacked.file(name), target)
    return len(unpacked.manifest["files"])


def check_restored(manifest: dict[str, Any]) -> Check:
    """Every file the database refers to is on disk as the manifest recorded it."""
    media_root = Path(settings.MEDIA_ROOT)
    referenced = referenced_files()
    check = Check(referenced=len(referenced))
    for name in sorted(referenced):
        path = media_root / name
        if not path.is_file():
            check.missing.append(name)
            continue
        recorded = manifest["files"].get(name)
        if recorded is None:
            continue  # on disk already, not from this backup: nothing to compare with
        if _file_digest(path) != Stored(recorded["size"], recorded["sha256"]):
            check.damaged.append(name)
    check.extra = sorted(name for name, _path in media_files(media_root) if name not in referenced)
    return check
