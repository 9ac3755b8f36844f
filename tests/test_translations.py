"""The interface is complete in the six official languages: every string in the code is translated.

The .po catalogues are the source of the translations (see tools/catalogue.py)."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "interlock"
LANGUAGES = ["fr", "ar", "es", "ru", "zh_Hans"]
PLURAL_FORMS = {"fr": 2, "ar": 6, "es": 2, "ru": 3, "zh_Hans": 1}


def catalogue(language: str) -> Path:
    return PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_not_fuzzy(language: str) -> None:
    po = polib.pofile(str(catalogue(language)))
    assert po.percent_translated() == 100
    assert not po.fuzzy_entries()


@pytest.mark.parametrize("language", LANGUAGES)
def test_plurals_have_each_form_of_the_language_each_carrying_the_number(language: str) -> None:
    po = polib.pofile(str(catalogue(language)))
    forms = PLURAL_FORMS[language]
    assert po.metadata["Plural-Forms"].startswith(f"nplurals={forms};")
    plurals = [e for e in po if e.msgid_plural]
    assert plurals
    for entry in plurals:
        assert len(entry.msgstr_plural) == forms
        assert all("%(counter)s" in form for form in entry.msgstr_plural.values()), entry.msgid


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_survive_translation(language: str) -> None:
    placeholder = re.compile(r"%\(\w+\)s")
    for entry in polib.pofile(str(catalogue(language))):
        if entry.msgid_plural:
            continue
        assert set(placeholder.findall(entry.msgstr)) == set(placeholder.findall(entry.msgid)), (
            entry.msgid
        )


def test_the_compiled_catalogues_match_the_sources(tmp_path: Path) -> None:
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
    assert len(fresh) > 100, "makemessages found the strings of the interface"
    for language in LANGUAGES:
        committed = {e.msgid for e in polib.pofile(str(catalogue(language))) if not e.obsolete}
        assert fresh - committed == set(), (
            "run `python -m tools.catalogue update` and translate the new entries in the .po files"
        )
        mo = polib.mofile(str(catalogue(language).with_suffix(".mo")))
        assert {e.msgid for e in mo} >= committed - {""}
