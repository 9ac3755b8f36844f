"""Answers that carry their reason, so the interface can say why (after Weblate's Allowed/Denied)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Allowed:
    reason: str

    def __bool__(self) -> bool:
        return True


@dataclass(frozen=True)
class Denied:
    reason: str

    def __bool__(self) -> bool:
        return False


Decision = Allowed | Denied
