"""Facts stored in English and French are shown in the reader's language (English otherwise)."""

from __future__ import annotations

from django.utils.translation import get_language


def localized(english: str, french: str) -> str:
    return french if french and (get_language() or "en").startswith("fr") else english
