"""Fill a language's catalogue (locale/<lang>/LC_MESSAGES/django.po) from a table kept as data.

A table maps each msgid to its translation; a msgid used in a context ({% translate "State" context
"token" %}) is looked up as "token\\x04State" first. A plural entry maps to a list of forms, one
per plural form of the language (one for Chinese, two for French and Spanish, three for
Russian, six for Arabic).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "src" / "interlock" / "locale"

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


def apply(language: str, table: Mapping[str, str | list[str]]) -> list[str]:
    """Fill locale/<language> from the table and compile it; return the msgids still missing."""
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    po = polib.pofile(str(path))
    nplurals = int(PLURAL_FORMS[language].split(";")[0].split("=")[1])
    missing = []
    for entry in [e for e in po if e.obsolete]:
        po.remove(entry)  # strings no longer in the code
    for entry in po:
        key = f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid
        value = table.get(key, table.get(entry.msgid))
        if value is None:
            missing.append(key)
            continue
        entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
        if entry.msgid_plural:
            forms = value if isinstance(value, list) else [value] * nplurals
            if len(forms) != nplurals:
                raise ValueError(f"{language}: {entry.msgid!r} needs {nplurals} plural forms")
            entry.msgstr_plural = dict(enumerate(forms))
        else:
            entry.msgstr = value if isinstance(value, str) else value[0]
    po.metadata["Language"] = language
    po.metadata["Plural-Forms"] = PLURAL_FORMS[language]
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    po.save(str(path))
    po.save_as_mofile(str(path.with_suffix(".mo")))
    return missing
