"""The parts of a UN document, read from the plain text the library keeps (no Django).

The text is written as the seed document is (`reference/data/seed-2005-conclusions.md`): a front
part (masthead lines in bold, a "Distr.: …" block, the covering letter, a signature, a rule and
footnotes), then parts headed ``## Annex I``, ``## Appendix``, ``## Annex II``, each with an
optional ``[Original: …]`` note, a ``### title``, a bold subtitle, and paragraphs: numbered
(``1. …``), bulleted (``- …``) or plain. A plain paragraph that begins in lower case continues the
one before it (the source was cut there by a page break). The layout (``core/pdf.py`` and its
template) draws these parts as the UN prints them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NUMBERED = re.compile(r"^(\d{1,3})\.\s+(.*)$")
BULLET = re.compile(r"^[-•]\s+(.*)$")
BOLD = re.compile(r"^\*\*(.+?)\*\*$", re.DOTALL)
SIGNED = re.compile(r"^\*\(([^)]*)\)\*\s*(.*)$")


@dataclass(frozen=True)
class Block:
    """One paragraph: ``number`` as the source numbers it (None when unnumbered); ``kind`` is
    "paragraph", "bullet", "signature" or "footnote"."""

    text: str
    kind: str = "paragraph"
    number: int | None = None


@dataclass
class Part:
    label: str = ""  # "Annex I", "Appendix"; empty for the document's own body
    original: str = ""  # "English", from "[Original: English]"
    title: str = ""
    subtitle: str = ""
    blocks: list[Block] = field(default_factory=list)


@dataclass
class UnDocument:
    masthead: list[str] = field(default_factory=list)  # organs: "General Assembly", …
    distribution: str = ""  # "General", as the text says it ("Distr.: General")
    date: str = ""
    languages: list[str] = field(default_factory=list)  # "English", "Original: …"
    # Session lines, the agenda item, the title: each a list of lines, and whether it is bold.
    headings: list[tuple[list[str], bool]] = field(default_factory=list)
    parts: list[Part] = field(default_factory=list)

    @property
    def body(self) -> Part:
        return self.parts[0]


def _plain(text: str) -> str:
    """Markdown's escapes and hard breaks to plain text (a line break stays a line break)."""
    text = text.replace("\\*", "*")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip()


def _lines(block: str) -> list[str]:
    """A block cut where a numbered paragraph or a bullet starts a line of its own."""
    items: list[str] = []
    for line in block.split("\n"):
        if items and not (NUMBERED.match(line) or BULLET.match(line)):
            items[-1] += "\n" + line
        else:
            items.append(line)
    return items


def _add(part: Part, text: str) -> None:
    if numbered := NUMBERED.match(text):
        part.blocks.append(Block(_joined(numbered.group(2)), number=int(numbered.group(1))))
    elif bullet := BULLET.match(text):
        part.blocks.append(Block(_joined(bullet.group(1)), kind="bullet"))
    elif signed := SIGNED.match(text):
        part.blocks.append(Block(f"({signed.group(1)}) {signed.group(2)}", kind="signature"))
    elif text.startswith("\\*") or (text.startswith("*") and not text.startswith("**")):
        part.blocks.append(Block(_plain(text), kind="footnote"))
    elif part.blocks and text[:1].islower() and part.blocks[-1].kind in ("paragraph", "bullet"):
        last = part.blocks[-1]
        part.blocks[-1] = Block(f"{last.text} {_joined(text)}", last.kind, last.number)
    else:
        part.blocks.append(Block(_joined(text)))


def _joined(text: str) -> str:
    return " ".join(_plain(text).split())


def _front(document: UnDocument, part: Part, block: str) -> bool:
    """The masthead's blocks, before the first paragraph of the body; True when one was taken."""
    if part.blocks:
        return False
    lines = [_plain(line) for line in block.split("\n")]
    if bold := BOLD.match(block.strip()):
        heading = [_plain(line) for line in bold.group(1).split("\n")]
        if not document.masthead and not document.headings:
            document.masthead = heading
        else:
            document.headings.append((heading, True))
        return True
    if lines[0].startswith("Distr.:"):
        document.distribution = lines[0].removeprefix("Distr.:").strip()
        document.date = lines[1] if len(lines) > 1 else ""
        document.languages = lines[2:]
        return True
    if len(lines) == 1 and "provisional agenda" in lines[0]:
        document.headings.append((lines, False))
        return True
    return False


def parse(text: str) -> UnDocument:
    document = UnDocument(parts=[Part()])
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        block = chunk.strip("\n")
        if not block.strip() or block.strip() == "---":
            continue
        part = document.parts[-1]
        if block.startswith("## "):
            document.parts.append(Part(label=_plain(block[3:])))
            continue
        if block.startswith("[Original:"):
            part.original = block.strip("[]").removeprefix("Original:").strip()
        elif block.startswith("### "):
            part.title = _joined(block[4:].replace("**", ""))
        elif part.label and not part.blocks and (bold := BOLD.match(block.strip())):
            part.subtitle = _joined(bold.group(1))
        elif not part.label and _front(document, part, block):
            continue
        else:
            for line in _lines(block):
                _add(part, line)
    return document


def paragraphs(document: UnDocument) -> list[str]:
    """Every paragraph's text in reading order: what a reader of the printed page reads."""
    return [block.text for part in document.parts for block in part.blocks]
