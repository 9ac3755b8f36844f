"""A range of days is written once, as each language writes it (CLDR's interval formats)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

from interlock.core.dates import date_range

JULY_25, JULY_26 = dt.date(2005, 7, 25), dt.date(2005, 7, 26)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "July 25\u2009–\u200926, 2005"),
        ("fr", "25–26 juillet 2005"),
        ("zh-hans", "2005年7月25日\u2009–\u200926日"),
        ("ar", "25–26 يوليو 2005"),
        ("ru", "25—26 июля 2005\u202fг."),
        ("es", "25–26 jul 2005"),
    ],
)
def test_the_sixth_meeting_s_two_days_read_as_one_range_in_each_language(language, expected):
    assert date_range(JULY_25, JULY_26, language=language) == expected


def test_a_range_over_two_months_or_years_names_each_once() -> None:
    assert (
        date_range(JULY_25, dt.date(2005, 8, 2), language="en")
        == "July 25\u2009–\u2009August 2, 2005"
    )
    assert date_range(JULY_25, dt.date(2006, 8, 2), language="zh-hans") == (
        "2005年7月25日\u2009–\u20092006年8月2日"
    )
    assert date_range(JULY_25, JULY_25, language="fr") == "25 juillet 2005"


def test_an_open_range_runs_to_the_present_in_the_reader_s_language() -> None:
    with translation.override("fr"):
        assert date_range(JULY_25, None) == "25 juillet 2005 – aujourd'hui"


def test_the_template_filter_writes_the_range_in_the_active_language() -> None:
    template = Template("{{ start|date_range:end }}")
    with translation.override("ar"):
        assert template.render(Context({"start": JULY_25, "end": JULY_26})) == "25–26 يوليو 2005"


FIRST_OF_JANUARY = dt.date(2005, 1, 1)


def test_french_writes_the_first_of_a_month_as_an_ordinal_in_ranges() -> None:
    assert date_range(dt.date(2005, 7, 1), dt.date(2005, 7, 3), language="fr") == (
        "1er–3 juillet 2005"
    )
    assert date_range(dt.date(2005, 6, 30), dt.date(2005, 7, 1), language="fr") == (
        "30 juin\u2009–\u20091er juillet 2005"
    )
    assert date_range(FIRST_OF_JANUARY, FIRST_OF_JANUARY, language="fr") == "1er janvier 2005"
    assert date_range(dt.date(2005, 7, 2), dt.date(2005, 7, 3), language="fr") == (
        "2–3 juillet 2005"
    )


@pytest.mark.parametrize(
    ("value", "format", "expected"),
    [
        (FIRST_OF_JANUARY, "DATE_FORMAT", "1er janvier 2005"),
        (dt.datetime(2005, 1, 1, 10, 0), "DATETIME_FORMAT", "1er janvier 2005 10:00"),
        (FIRST_OF_JANUARY, "j F Y", "1er janvier 2005"),
        (dt.date(2005, 1, 2), "DATE_FORMAT", "2 janvier 2005"),
        (FIRST_OF_JANUARY, "d/m/Y", "01/01/2005"),  # no month named, no ordinal
        (FIRST_OF_JANUARY, r"\j j F", "j 1er janvier"),  # an escaped "j" is a letter
    ],
)
def test_the_date_filter_writes_the_french_first_of_a_month_as_an_ordinal(
    value, format, expected
) -> None:
    template = Template("{{ value|date:format }}")
    with translation.override("fr"):
        assert template.render(Context({"value": value, "format": format})) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "Jan. 1, 2005"), ("es", "1 de enero de 2005"), ("ru", "1 января 2005 г.")],
)
def test_other_languages_keep_the_first_of_a_month_as_a_number(language, expected) -> None:
    with translation.override(language):
        assert (
            Template('{{ value|date:"DATE_FORMAT" }}').render(Context({"value": FIRST_OF_JANUARY}))
            == expected
        )
        assert "1er" not in date_range(FIRST_OF_JANUARY, dt.date(2005, 1, 3))
