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
