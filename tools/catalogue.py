"""The interface catalogues (``src/interlock/locale/<lang>/LC_MESSAGES/django.po``) are the source
of every translation: translators and translation platforms edit them, nothing else does.

    python -m tools.catalogue update    # makemessages for every language, drop obsolete entries,
                                        # compile, and list what is left to translate
    python -m tools.catalogue compile   # compile the .mo files (make run and make test do this)
    python -m tools.catalogue check     # exit 1 while an entry is untranslated or fuzzy

Compiled ``.mo`` files are build products: they are not kept in git.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import polib

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "interlock"
LOCALE = PACKAGE / "locale"
LANGUAGES = ["fr", "ar", "es", "ru", "zh_Hans"]

PLURAL_FORMS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "es": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);",
    "zh_Hans": "nplurals=1; plural=0;",
    # As Django's own Arabic catalogue: zero, one, two, few (3–10), many (11–99), other.
    "ar": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : "
    "n%100>=11 ? 4 : 5);",
}


def catalogue(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "django.po"


def update() -> dict[str, list[str]]:
    """Extract the strings of the code into every catalogue, then tidy and compile them."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            "-v0",
            "--no-obsolete",
            "--add-location=file",
        ]
        + [f"-l{language}" for language in LANGUAGES]
        + ["--ignore=tests/*", "--ignore=static/*"],
        cwd=PACKAGE,
        check=True,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": ""},
    )
    missing = {}
    for language in LANGUAGES:
        path = catalogue(language)
        po = polib.pofile(str(path))
        for entry in [e for e in po if e.obsolete]:
            po.remove(entry)
        po.metadata["Language"] = language
        po.metadata["Plural-Forms"] = PLURAL_FORMS[language]
        po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
        po.save(str(path))
        missing[language] = untranslated(po)
    compile_all()
    return missing


def untranslated(po: polib.POFile) -> list[str]:
    return [e.msgid for e in po if not e.obsolete and (not e.translated() or e.fuzzy)]


def compile_all() -> None:
    for language in LANGUAGES:
        path = catalogue(language)
        polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "compile":
        compile_all()
        return 0
    if command == "update":
        missing = update()
    elif command == "check":
        missing = {lang: untranslated(polib.pofile(str(catalogue(lang)))) for lang in LANGUAGES}
    else:
        print(__doc__)
        return 2
    for language, msgids in missing.items():
        for msgid in msgids:
            print(f"{language}: untranslated: {msgid!r}")
    return 1 if command == "check" and any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
