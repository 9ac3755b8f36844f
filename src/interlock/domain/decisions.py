"""Answers that carry their reason, so the interface can say why (after Weblate's Allowed/Denied).

A reason is a code and its parameters, never a sentence: the domain stays free of Django, and the
interface says it in the reader's language (``core/reasons.py``, one message per code).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True)
class Reason:
    """Why, as a code (a member of a domain module's ``Why``) and the values its message names."""

    code: StrEnum
    params: Mapping[str, object] = field(default_factory=dict, hash=False)

    def __str__(self) -> str:
        return self.code.value


def because(code: StrEnum, **params: object) -> Reason:
    return Reason(code, params)


@dataclass(frozen=True)
class Allowed:
    reason: Reason

    def __bool__(self) -> bool:
        return True


@dataclass(frozen=True)
class Denied:
    reason: Reason

    def __bool__(self) -> bool:
        return False


Decision = Allowed | Denied
