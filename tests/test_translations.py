"""The French interface is complete: every string in the code has a French translation."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "interlock"
FRENCH = PACKAGE / "locale" / "fr" / "LC_MESSAGES" / "django.po"


def test_every_french_entry_is_translated_and_not_fuzzy() -> None:
    po = polib.pofile(str(FRENCH))
    assert po.percent_translated() == 100
    assert not po.fuzzy_entries()


def test_the_compiled_catalogue_matches_the_sources(tmp_path: Path) -> None:
    if shutil.which("xgettext") is None:
        pytest.skip("xgettext (gettext) is not installed")
    copy = tmp_path / "interlock"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("tests", "static", "__pycache__"))
    subprocess.run(
        [sys.executable, "-m", "django", "makemessages", "-l", "fr", "-v0"],
        cwd=copy,
        check=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": ""},
    )
    fresh = {
        e.msgid for e in polib.pofile(str(copy / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    }
    committed = {e.msgid for e in polib.pofile(str(FRENCH)) if not e.obsolete}
    assert len(fresh) > 100, "makemessages found the strings of the interface"
    assert fresh - committed == set(), "run makemessages and tools/translations_fr.py"
    mo = polib.mofile(str(FRENCH.with_suffix(".mo")))
    assert {e.msgid for e in mo} >= committed - {""}
