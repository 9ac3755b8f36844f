"""Facts stored in several languages are shown in the reader's language (English otherwise)."""

from __future__ import annotations

from django.utils.translation import get_language


def localized(english: str, french: str, arabic: str = "") -> str:
    """The reader's language where the fact is stored in it; English where it is not."""
    language = get_language() or "en"
    if language.startswith("fr") and french:
        return french
    if language.startswith("ar") and arabic:
        return arabic
    return english
