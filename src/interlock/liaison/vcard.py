"""vCard 4.0 (RFC 6350) for the directory of liaison officials: one card per official.

Written here rather than with a library: the cards hold a handful of text properties, and the
one widely used Python vCard library writes vCard 3.0. Text values are escaped (RFC 6350 §3.4),
lines end with CRLF and are folded at 75 octets without splitting a UTF-8 sequence (§3.2).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

# A fixed namespace, so that an official's card keeps its UID from one export to the next.
_UID_NAMESPACE = uuid.UUID("6f1c2a8e-1d0b-4c4e-9d55-0b0e6c0f7d51")


@dataclass(frozen=True)
class Card:
    key: str  # stable: the appointment's id
    full_name: str
    organization: str
    title: str
    email: str
    telephone: str  # E.164
    languages: tuple[str, ...]


def escape(value: str) -> str:
    """A TEXT value (RFC 6350 §3.4): backslash, comma, semicolon and newlines escaped."""
    return (
        value.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """One content line, folded to at most 75 octets a line (continuations begin with a space)."""
    out: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append("".join(current))
            current, size = [" "], 1
        current.append(char)
        size += width
    out.append("".join(current))
    return "\r\n".join(out) + "\r\n"


def card(entry: Card) -> str:
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        "KIND:individual",
        f"UID:urn:uuid:{uuid.uuid5(_UID_NAMESPACE, entry.key)}",
        f"FN:{escape(entry.full_name)}",
        # ORG's components are separated by semicolons: one component, escaped.
        f"ORG:{escape(entry.organization)}",
        "ROLE:Liaison official",
    ]
    if entry.title:
        lines.append(f"TITLE:{escape(entry.title)}")
    if entry.email:
        lines.append(f"EMAIL;TYPE=work:{escape(entry.email)}")
    if entry.telephone:
        lines.append(f"TEL;VALUE=uri;TYPE=work,voice:tel:{entry.telephone}")
    for preference, language in enumerate(entry.languages, start=1):
        lines.append(f"LANG;PREF={preference}:{language}")
    lines.append("END:VCARD")
    return "".join(fold(line) for line in lines)


def cards(entries: Iterable[Card]) -> str:
    return "".join(card(entry) for entry in entries)
