"""A git merge driver for gettext catalogues: a three-way merge by entry, not by line.

Two branches that each add strings to a catalogue touch the same lines of the file, so a line merge
conflicts although the entries never do. Configured in ``.gitattributes`` (``*.po merge=po``) and
once per clone with::

    git config merge.po.driver "python3 tools/po_merge.py %O %A %B"   (python3 with polib)

An entry added or changed on one side is taken; an entry removed on one side and unchanged on the
other is removed; where both sides changed the same entry differently, ours wins and the entry is
marked fuzzy so that the completeness test asks a translator to look at it.
"""

from __future__ import annotations

import sys

import polib


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def _value(entry: polib.POEntry | None) -> object:
    if entry is None:
        return None
    return (entry.msgstr, tuple(sorted(entry.msgstr_plural.items())), tuple(sorted(entry.flags)))


def merge(base_path: str, ours_path: str, theirs_path: str) -> int:
    base = {_key(e): e for e in polib.pofile(base_path) if not e.obsolete}
    ours = polib.pofile(ours_path)
    theirs = {_key(e): e for e in polib.pofile(theirs_path) if not e.obsolete}
    ours_by_key = {_key(e): e for e in ours if not e.obsolete}
    for key, mine in list(ours_by_key.items()):
        original, other = base.get(key), theirs.get(key)
        if other is None:
            if original is not None and _value(original) == _value(mine):
                ours.remove(mine)  # removed on their side, untouched on ours
            continue
        if _value(other) == _value(mine) or _value(other) == _value(original):
            continue
        if _value(mine) == _value(original):
            mine.msgstr, mine.msgstr_plural, mine.flags = (
                other.msgstr,
                dict(other.msgstr_plural),
                list(other.flags),
            )
        elif "fuzzy" not in mine.flags:
            mine.flags.append("fuzzy")
    for key, other in theirs.items():
        if key not in ours_by_key and key not in base:
            ours.append(other)  # added on their side
    ours.save(ours_path)
    return 0


if __name__ == "__main__":
    sys.exit(merge(*sys.argv[1:4]))
