"""Every reason the domain gives is said in the reader's language: each code has its message, and
in French, Spanish, Russian, Chinese and Arabic no English word of it is left."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import translation

from interlock.core.reasons import CODES, MESSAGES, in_words
from interlock.domain import chapter_viii, sharing
from interlock.domain.decisions import Reason

OTHER_LANGUAGES = ["fr", "es", "ru", "zh-hans", "ar"]
EVERY_CODE = [code for codes in CODES for code in codes]
# Values a reason names: they are shown as given (names come already in the reader's language).
PARAMS = {
    sharing.Why.AGREEMENT: {
        "agreement": "Ω-1",
        "since": dt.datetime(2020, 1, 1, tzinfo=dt.UTC),
        "topic": "Ω-2",
        "level": "restricted",
    },
    chapter_viii.Why.AUTHORIZED: {"symbol": "S/RES/1556 (2004)", "organizations": "Ω-3"},
    chapter_viii.Why.AUTHORIZED_GENERAL: {"symbol": "S/RES/1590 (2005)"},
    chapter_viii.Why.NOT_AUTHORIZED_BY_RECORDED: {
        "recorded": tuple(("S/RES/1556 (2004)", why) for why in chapter_viii.Shortfall)
    },
}
# Words spelled alike in English and the language, checked by hand ("les documents", "el
# material"); "API" and the Roman numeral of Chapter VIII are written alike everywhere.
SAME_EVERYWHERE = {"api", "viii"}
SAME_WORD = {
    "fr": {
        "action",
        "analyses",
        "article",
        "date",
        "documents",
        "engagements",
        "invitations",
        "liaison",
        "notifications",
        "part",
        "participants",
        "plan",
        "plans",
        "public",
        "situation",
        "situations",
    },
    "es": {"material", "plan", "tokens"},
}


def _said(code: object, language: str) -> str:
    with translation.override(language):
        return in_words(Reason(code, PARAMS.get(code, {})))  # type: ignore[arg-type]


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)}


@pytest.mark.parametrize("code", EVERY_CODE, ids=str)
def test_every_reason_code_has_its_message(code) -> None:
    assert code in MESSAGES
    assert _said(code, "en") != str(code)


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
@pytest.mark.parametrize("code", EVERY_CODE, ids=str)
def test_every_reason_is_said_without_english_in_each_other_language(code, language) -> None:
    english, said = _said(code, "en"), _said(code, language)
    assert said != english
    named = {w for value in PARAMS.get(code, {}).values() for w in _words(str(value))}
    alike = SAME_EVERYWHERE | SAME_WORD.get(language, set())
    left = (_words(english) - named - alike) & _words(said)
    assert not left, f"{language}: {said!r} keeps {left}"


def test_an_agreement_reason_names_its_day_and_level_as_the_reader_reads_them() -> None:
    assert _said(sharing.Why.AGREEMENT, "fr") == (
        "Accord : « Ω-1 », en vigueur depuis le 1er janvier 2020 ; il couvre le thème « Ω-2 » "
        "jusqu'au niveau « Restreint »."
    )
    assert "2020年1月1日" in _said(sharing.Why.AGREEMENT, "zh-hans")
