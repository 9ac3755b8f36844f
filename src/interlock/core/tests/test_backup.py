"""`interlock backup` keeps the database and the uploaded files in one archive; `interlock restore`
brings both back on another machine, checked against each other, and every uploaded file is then
served again. The commands run as an operator runs them, in their own processes, on a copy of the
test database (SQLite or PostgreSQL, as the suite runs)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import tarfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command

ROOT = Path(__file__).resolve().parents[4]

SEED = """
from django.core.files.uploadedfile import SimpleUploadedFile
from interlock.accounts.models import User
from interlock.documents import services
owner = User.objects.get(username="au.liaison")
for n in range(2):
    document = services.document_create(
        actor=owner, owner=owner.organization, classification="public",
        title=f"Backup probe {n}",
        upload=SimpleUploadedFile(f"probe-{n}.txt", f"Probe {n} of the backup, é".encode()),
    )
    print(document.pk, document.texts.get().pk)
"""

DOWNLOAD = """
import hashlib, sys
from django.test import Client
from interlock.accounts.models import User
client = Client()
client.force_login(User.objects.get(username="au.liaison"))
for line in sys.stdin.read().split(";"):
    pk, text = line.split()
    response = client.get(f"/documents/{pk}/texts/{text}/download/")
    body = b"".join(response.streaming_content) if response.status_code == 200 else b""
    print(response.status_code, hashlib.sha256(body).hexdigest())
"""


def _database_url(name: str) -> str:
    return os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + name


class Machine:
    """An Interlock installation of its own: a database and a media folder."""

    def __init__(self, folder: Path, database: str) -> None:
        self.folder = folder
        self.media = folder / "media"
        self.env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)} | {
            "INTERLOCK_VAR_DIR": str(folder),
            "INTERLOCK_MEDIA_ROOT": str(self.media),
            "PYTHONPATH": str(ROOT / "src"),
        }
        if "DATABASE_URL" in os.environ:
            self.env["DATABASE_URL"] = _database_url(database)
        else:
            self.env["INTERLOCK_SQLITE_PATH"] = str(folder / database)

    def run(self, *command: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(ROOT / "manage.py"), *command],
            env=self.env,
            input=stdin,
            capture_output=True,
            text=True,
            check=False,
        )


def _copy_test_database(target: Machine, name: str, settings: Any) -> None:
    """Machine A starts as the test database (the reference data and the cast), copied."""
    source = settings.DATABASES["default"]["NAME"]
    if "DATABASE_URL" not in os.environ:
        with sqlite3.connect(source) as original, sqlite3.connect(target.folder / name) as copy:
            original.backup(copy)
        return
    admin = _database_url("postgres")
    subprocess.run(["psql", admin, "-c", f'CREATE DATABASE "{name}"'], check=True)
    dump = subprocess.run(
        ["pg_dump", "--format=custom", _database_url(source)],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        ["pg_restore", "--no-owner", f"--dbname={_database_url(name)}"],
        input=dump.stdout,
        check=True,
    )


@pytest.fixture
def machines(tmp_path: Path, django_db_setup: Any, settings: Any) -> Iterator[tuple[Any, Any]]:
    suffix = uuid.uuid4().hex[:8]
    names = (f"backup_a_{suffix}", f"backup_b_{suffix}")
    a = Machine(tmp_path / "a", names[0])
    b = Machine(tmp_path / "b", names[1])
    a.folder.mkdir()
    b.folder.mkdir()
    _copy_test_database(a, names[0], settings)
    if "DATABASE_URL" in os.environ:
        admin = _database_url("postgres")
        subprocess.run(["psql", admin, "-c", f'CREATE DATABASE "{names[1]}"'], check=True)
    yield a, b
    if "DATABASE_URL" in os.environ:
        for name in names:
            subprocess.run(
                ["psql", _database_url("postgres"), "-c", f'DROP DATABASE IF EXISTS "{name}"'],
                check=True,
            )


def test_a_restored_backup_serves_every_uploaded_file(machines: tuple[Any, Any]) -> None:
    a, b = machines
    seeded = a.run("shell", "-v", "0", "-c", SEED)
    assert seeded.returncode == 0, seeded.stderr
    documents = ";".join(seeded.stdout.strip().splitlines())
    before = a.run("shell", "-v", "0", "-c", DOWNLOAD, stdin=documents).stdout.split("\n")[:-1]
    assert [line.split()[0] for line in before] == ["200", "200"]

    archive = a.folder / "backup.tar"
    made = a.run("backup", "--output", str(archive))
    assert made.returncode == 0, made.stderr
    with tarfile.open(archive) as tar:
        names = tar.getnames()
        manifest = json.load(tar.extractfile("manifest.json"))  # type: ignore[arg-type]
    assert len(manifest["files"]) == 2 and all(f"media/{n}" in names for n in manifest["files"])

    restored = b.run("restore", str(archive), "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "the database refers to 2 files" in restored.stdout
    after = b.run("shell", "-v", "0", "-c", DOWNLOAD, stdin=documents).stdout.split("\n")[:-1]
    assert after == before
    for name, recorded in manifest["files"].items():
        assert hashlib.sha256((b.media / name).read_bytes()).hexdigest() == recorded["sha256"]


def test_a_restore_reports_a_file_the_database_refers_to_that_is_missing(
    machines: tuple[Any, Any],
) -> None:
    a, b = machines
    assert a.run("shell", "-v", "0", "-c", SEED).returncode == 0
    lost = next(p for p in a.media.rglob("*.txt"))
    lost.unlink()
    archive = a.folder / "backup.tar"
    made = a.run("backup", "--output", str(archive))
    assert made.returncode == 0 and "1 files the database refers to are not" in made.stderr
    restored = b.run("restore", str(archive), "--yes")
    assert restored.returncode == 1
    assert "1 files the database refers to are missing" in restored.stderr
    assert lost.name in restored.stderr


def _tampered(archive: Path, folder: Path) -> Path:
    """The same archive with one byte of one uploaded file changed, its manifest unchanged."""
    out = folder / "tampered.tar"
    with tarfile.open(archive) as source, tarfile.open(out, "w") as target:
        for member in source:
            data = source.extractfile(member).read()  # type: ignore[union-attr]
            if member.name.startswith("media/"):
                data = b"X" + data[1:]
            target.addfile(member, io.BytesIO(data))
    return out


@pytest.mark.django_db
def test_a_damaged_archive_is_refused_before_anything_changes(tmp_path: Path, settings) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "documents").mkdir(parents=True)
    (tmp_path / "media" / "documents" / "a.txt").write_bytes(b"an uploaded file")
    archive = tmp_path / "backup.tar"
    call_command("backup", "--output", str(archive), stdout=io.StringIO(), stderr=io.StringIO())
    (tmp_path / "media" / "documents" / "a.txt").write_bytes(b"changed since")
    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(_tampered(archive, tmp_path)), "--yes")
    assert (tmp_path / "media" / "documents" / "a.txt").read_bytes() == b"changed since"
