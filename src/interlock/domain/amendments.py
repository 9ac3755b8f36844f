"""Proposals in numbered paragraphs and their modifications (¶4: endorsed "with modifications
agreed upon at the meeting"), in plain Python.

A modification names a paragraph of the text it was proposed against, by number (1-based):
``replace`` and ``delete`` act on that paragraph; ``insert`` puts new text after it (after 0:
before the first). :func:`apply` produces the final text from the original and the accepted
modifications; :func:`diff` says, paragraph by paragraph and word by word, what changed.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    REPLACE = "replace"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Modification:
    kind: Kind
    paragraph: int  # 1-based; for an insertion, the paragraph it follows (0: at the start)
    text: str = ""


class ModificationError(ValueError):
    """A modification that cannot apply to the text; ``code`` names why, for the interface."""

    def __init__(self, code: str, paragraph: int) -> None:
        super().__init__(f"{code} (paragraph {paragraph})")
        self.code = code
        self.paragraph = paragraph


def check(paragraphs: Sequence[str], modification: Modification) -> None:
    """Raise ``ModificationError`` unless the modification can apply to ``paragraphs``."""
    count = len(paragraphs)
    lowest = 0 if modification.kind is Kind.INSERT else 1
    if not lowest <= modification.paragraph <= count:
        raise ModificationError("no_such_paragraph", modification.paragraph)
    if modification.kind is not Kind.DELETE and not modification.text.strip():
        raise ModificationError("empty_text", modification.paragraph)


def apply(paragraphs: Sequence[str], accepted: Sequence[Modification]) -> list[str]:
    """The text once every accepted modification is made.

    Modifications refer to the original numbering, so their order does not matter; two that
    replace or delete the same paragraph contradict each other and are refused. Insertions after
    the same paragraph keep the order in which they were accepted.
    """
    touched: dict[int, Modification] = {}
    inserted: dict[int, list[str]] = {}
    for modification in accepted:
        check(paragraphs, modification)
        if modification.kind is Kind.INSERT:
            inserted.setdefault(modification.paragraph, []).append(modification.text.strip())
            continue
        if modification.paragraph in touched:
            raise ModificationError("conflicting_modifications", modification.paragraph)
        touched[modification.paragraph] = modification
    result = list(inserted.get(0, []))
    for number, text in enumerate(paragraphs, start=1):
        change = touched.get(number)
        if change is None:
            result.append(text)
        elif change.kind is Kind.REPLACE:
            result.append(change.text.strip())
        result.extend(inserted.get(number, []))
    return result


class Change(StrEnum):
    SAME = "same"
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class Word:
    text: str
    change: Change  # SAME, ADDED or REMOVED


@dataclass(frozen=True)
class ParagraphDiff:
    change: Change
    old_number: int | None
    new_number: int | None
    words: tuple[Word, ...]


def diff(old: Sequence[str], new: Sequence[str]) -> list[ParagraphDiff]:
    """What changed between two versions of a text, paragraph by paragraph; a paragraph that was
    rewritten in part is shown word by word."""
    result: list[ParagraphDiff] = []
    matcher = difflib.SequenceMatcher(a=list(old), b=list(new), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result += [
                ParagraphDiff(Change.SAME, i + 1, j + 1, (Word(_plain(old[i]), Change.SAME),))
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            ]
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            result.append(
                ParagraphDiff(
                    Change.CHANGED, i1 + k + 1, j1 + k + 1, _words(old[i1 + k], new[j1 + k])
                )
            )
        result += [
            ParagraphDiff(Change.REMOVED, i + 1, None, (Word(_plain(old[i]), Change.REMOVED),))
            for i in range(i1 + pairs, i2)
        ]
        result += [
            ParagraphDiff(Change.ADDED, None, j + 1, (Word(_plain(new[j]), Change.ADDED),))
            for j in range(j1 + pairs, j2)
        ]
    return result


def _plain(text: str) -> str:
    return " ".join(text.split())


def _words(old: str, new: str) -> tuple[Word, ...]:
    a, b = old.split(), new.split()
    words: list[Word] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag == "equal":
            words.append(Word(" ".join(a[i1:i2]), Change.SAME))
            continue
        if i2 > i1:
            words.append(Word(" ".join(a[i1:i2]), Change.REMOVED))
        if j2 > j1:
            words.append(Word(" ".join(b[j1:j2]), Change.ADDED))
    return tuple(words)
