"""Load the reference data of the 2005 meeting (``reference/data/*.csv``).

Loading is all-or-nothing and idempotent: every row of every file is validated first, and any
error refuses the whole load, naming file and line; then rows are created or updated by their
natural key inside one transaction, so running the load twice changes nothing the second time.
"""

from __future__ import annotations

import csv
import datetime as dt
import gettext
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
from django.conf import settings
from django.db import models, transaction

from interlock.agreements.models import AgreementKind
from interlock.capacity_building.models import CapacityPlan, Pillar, PlanStatus
from interlock.committees.models import WorkingGroup
from interlock.core.i18n import column as translation_column
from interlock.core.models import Source
from interlock.core.services import audit_record
from interlock.documents.models import Topic
from interlock.domain.periods import Period, first_overlap
from interlock.meetings.models import (
    HIGH_LEVEL,
    Delegation,
    DelegationLevel,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    SeriesKind,
)
from interlock.registry.models import (
    CharterBasis,
    Country,
    DatePrecision,
    Membership,
    MembershipStatus,
    Organization,
    OrganizationKind,
    OrganizationName,
    ReportedMemberCount,
)

DATA_DIR = Path(__file__).resolve().parent / "data"

# Where each kind is read (source keys of sources.csv); every other kind follows Interlock's rule.
KIND_SOURCE_BY_KIND = {
    # The UN is what the Charter establishes.
    OrganizationKind.UNITED_NATIONS: "un-charter-preamble",
    # ¶7f names UNU-CRIS as the secretariat's research partner.
    OrganizationKind.RESEARCH_PARTNER: "seed-p7f",
}
PRECISIONS = {choice.value for choice in DatePrecision}


class ReferenceDataError(Exception):
    def __init__(self, errors: list[str]) -> None:
        self.errors = errors
        super().__init__("reference data refused:\n" + "\n".join(errors))


@dataclass
class LoadReport:
    created: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    updated: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    @property
    def changed(self) -> bool:
        return bool(sum(self.created.values()) or sum(self.updated.values()))

    def summary(self) -> str:
        kinds = sorted(set(self.created) | set(self.updated))
        parts = [
            f"{k}: {self.created.get(k, 0)} new, {self.updated.get(k, 0)} updated" for k in kinds
        ]
        return "; ".join(parts) if parts else "nothing changed"


def _rows(data_dir: Path, name: str) -> Iterator[tuple[str, dict[str, str]]]:
    with (data_dir / name).open(newline="", encoding="utf-8") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            yield f"{name}:{line}", {key: (value or "").strip() for key, value in row.items()}


NAME_COLUMNS = ("name_en", "name_fr", "name_es", "name_ru", "name_zh_hans", "name_ar")


def _names_in_six_languages(
    row: dict[str, str], where: str, what: str, errors: list[str]
) -> dict[str, str]:
    """A vocabulary entry's key and its name in each of the six official languages."""
    missing = [column for column in NAME_COLUMNS if not row.get(column)]
    if not row.get("key") or missing:
        errors.append(
            f"{where}: {what} needs a key and a name in each of the six languages"
            + (f" (missing: {', '.join(missing)})" if missing else "")
        )
    return {column: row.get(column, "") for column in NAME_COLUMNS}


def _date(value: str, where: str, column: str, errors: list[str]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        errors.append(f"{where}: {column} {value!r} is not a date (YYYY-MM-DD)")
        return None


@dataclass
class _Parsed:
    sources: dict[str, dict[str, Any]] = field(default_factory=dict)
    countries: dict[str, dict[str, Any]] = field(default_factory=dict)
    organizations: dict[str, dict[str, Any]] = field(default_factory=dict)
    memberships: list[dict[str, Any]] = field(default_factory=list)
    working_groups: dict[str, dict[str, Any]] = field(default_factory=dict)
    series: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The high-level meetings by number (delegations.csv names them so).
    meetings: dict[int, dict[str, Any]] = field(default_factory=dict)
    delegations: list[dict[str, Any]] = field(default_factory=list)
    reported_counts: list[dict[str, Any]] = field(default_factory=list)
    former_names: list[dict[str, Any]] = field(default_factory=list)
    topics: dict[str, dict[str, Any]] = field(default_factory=dict)
    agreement_kinds: dict[str, dict[str, Any]] = field(default_factory=dict)
    capacity_plans: dict[str, dict[str, Any]] = field(default_factory=dict)
    pillars: list[dict[str, Any]] = field(default_factory=list)


# The UN Statistics Division's file suffix for each official language (its Chinese file is "cn").
M49_FILES = {"ar": "ar", "zh-hans": "cn", "en": "en", "fr": "fr", "ru": "ru", "es": "es"}


def m49_names(folder: Path) -> dict[str, dict[str, str]]:
    """``{alpha3: {"name_ar": …, …}}``: the M49 standard's "Country or Area" in each language whose
    file (``UNSD-<suffix>.csv``, as the UN Statistics Division publishes it) is in ``folder``."""
    names: dict[str, dict[str, str]] = defaultdict(dict)
    for language, suffix in M49_FILES.items():
        path = folder / f"UNSD-{suffix}.csv"
        if not path.is_file():
            continue
        with path.open(newline="", encoding="utf-8-sig") as handle:
            for row in csv.DictReader(handle):
                code = (row.get("ISO-alpha3 Code") or "").strip()
                name = (row.get("Country or Area") or "").strip()
                if code and name:
                    names[code][translation_column("name", language)] = name
    return names


def parse(data_dir: Path = DATA_DIR, m49_dir: Path | None = None) -> _Parsed:
    """Read and validate every file; raise ``ReferenceDataError`` listing all problems."""
    errors: list[str] = []
    parsed = _Parsed()
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    # The other official languages' names, from the same ISO 3166 catalogue.
    catalogues = {
        language: gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[code])
        for language, code in (("ar", "ar"), ("es", "es"), ("ru", "ru"), ("zh_hans", "zh_CN"))
    }

    for where, row in _rows(data_dir, "sources.csv"):
        if not row["key"] or not row["title"]:
            errors.append(f"{where}: a source needs a key and a title")
        _check_lengths(Source, row, ("title", "url", "locator"), where, errors)
        parsed.sources[row["key"]] = {
            "title": row["title"],
            "url": row["url"],
            "locator": row["locator"],
        }

    def source(key: str, where: str) -> str:
        if key not in parsed.sources:
            errors.append(f"{where}: unknown source {key!r}")
        return key

    # The UN's short names where M49 has the country (and the folder is given); ISO 3166 otherwise.
    folder = m49_dir or (Path(settings.M49_NAMES_DIR) if settings.M49_NAMES_DIR else None)
    un_names = m49_names(folder) if folder else {}
    for where, row in _rows(data_dir, "countries.csv"):
        iso = pycountry.countries.get(alpha_3=row["alpha3"])
        if iso is None:
            errors.append(f"{where}: {row['alpha3']!r} is not an ISO 3166-1 alpha-3 code")
            continue
        parsed.countries[iso.alpha_3] = {
            "m49": row["m49"],
            "name_en": getattr(iso, "common_name", None) or iso.name,
            "name_fr": french.gettext(iso.name),
            # Blank where the ISO 3166 catalogue has no name in that language: English is shown.
            **{
                f"name_{language}": _translated(catalogue, iso.name)
                for language, catalogue in catalogues.items()
            },
            "region_code": row["region_code"],
            "region": row["region"],
            "subregion_code": row["subregion_code"],
            "subregion": row["subregion"],
            "note": row["note"],
            **un_names.get(iso.alpha_3, {}),
        }
        _check_lengths(
            Country,
            parsed.countries[iso.alpha_3],
            tuple(un_names.get(iso.alpha_3, {})),
            where,
            errors,
        )

    def country(code: str, where: str) -> str:
        if code not in parsed.countries:
            errors.append(f"{where}: unknown country code {code!r} (ISO 3166-1 alpha-3 expected)")
        return code

    for where, row in _rows(data_dir, "organizations.csv"):
        try:
            kind = OrganizationKind(row["kind"])
        except ValueError:
            errors.append(f"{where}: unknown kind {row['kind']!r}")
            continue
        parsed.organizations[row["acronym"]] = {
            "short_name_en": row["short_name_en"],
            "short_name_fr": row["short_name_fr"],
            "name_en": row["name_en"],
            "name_fr": row["name_fr"],
            "kind": kind.value,
            "kind_source_id": KIND_SOURCE_BY_KIND.get(kind, "interlock-scope"),
            "headquarters_city": row["hq_city"],
            "headquarters_country_id": country(row["hq_country"], where)
            if row["hq_country"]
            else None,
            "website": row["website"],
            "representation_note": row["representation_note"],
            "membership_recorded": bool(row["membership_source"]),
            "membership_source_id": source(row["membership_source"], where)
            if row["membership_source"]
            else None,
        }

    _parse_charter_bases(data_dir, parsed, source, errors)
    _parse_former_names(data_dir, parsed, source, errors)
    _parse_name_translations(data_dir, parsed, source, errors)

    periods: dict[tuple[str, str], list[tuple[Period, str]]] = defaultdict(list)
    for where, row in _rows(data_dir, "memberships.csv"):
        if row["organization"] not in parsed.organizations:
            errors.append(f"{where}: unknown organization {row['organization']!r}")
        country(row["country"], where)
        if row["status"] not in MembershipStatus.values:
            errors.append(f"{where}: unknown status {row['status']!r}")
        started = _date(row["started_on"], where, "started_on", errors)
        ended = _date(row["ended_on"], where, "ended_on", errors)
        for column in ("started_precision", "ended_precision"):
            if row[column] and row[column] not in PRECISIONS:
                errors.append(f"{where}: {column} must be one of {sorted(PRECISIONS)}")
        if started is None:
            errors.append(f"{where}: started_on is required")
            continue
        if ended is not None and ended <= started:
            errors.append(f"{where}: the membership ends ({ended}) before it starts ({started})")
            continue
        periods[(row["organization"], row["country"])].append((Period(started, ended), where))
        precision = row["started_precision"] or "day"
        parsed.memberships.append(
            {
                "organization_id": row["organization"],
                "country_id": row["country"],
                "status": row["status"],
                "started_on": started,
                "started_precision": precision,
                "ended_on": ended,
                "source_id": source(row["source"], where),
                "note": _membership_note(row, precision),
            }
        )
    for (organization, code), spans in periods.items():
        overlap = first_overlap(span for span, _ in spans)
        if overlap is not None:
            lines = [where for span, where in spans if span in overlap]
            errors.append(
                f"{' and '.join(lines)}: overlapping membership periods of {code} in {organization}"
            )

    seen_figures: dict[tuple[str, str, str], str] = {}
    for where, row in _rows(data_dir, "reported_member_counts.csv"):
        if row["organization"] not in parsed.organizations:
            errors.append(f"{where}: unknown organization {row['organization']!r}")
        day = _date(row["on"], where, "on", errors)
        precision = row["precision"] or "day"
        if precision not in PRECISIONS - {"by"}:
            errors.append(f"{where}: precision must be day, month or year")
        elif day is not None and not _ends_its_period(day, precision):
            # A figure known to the month or year holds by the end of it: that is the day stored,
            # so that "last reported on or before a day" never shows a figure before its time.
            errors.append(f"{where}: a {precision} figure is dated the last day of its {precision}")
        if not row["count"].isdigit():
            errors.append(f"{where}: count {row['count']!r} is not a whole number")
        if not row["counted_en"] or not row["counted_fr"]:
            errors.append(f"{where}: say what the figure counts, in English and French")
        if not row["source"]:
            errors.append(f"{where}: a reported figure must cite its source")
        _check_lengths(
            ReportedMemberCount, row, ("counted_en", "counted_fr", "note"), where, errors
        )
        key = (row["organization"], row["on"], row["counted_en"])
        if key in seen_figures:
            errors.append(f"{where}: the same figure is already reported at {seen_figures[key]}")
        seen_figures[key] = where
        if day is None or not row["count"].isdigit():
            continue
        parsed.reported_counts.append(
            {
                "organization_id": row["organization"],
                "on": day,
                "counted_en": row["counted_en"],
                "precision": precision,
                "count": int(row["count"]),
                "counted_fr": row["counted_fr"],
                "source_id": source(row["source"], where),
                "note": row["note"],
            }
        )

    for _where, row in _rows(data_dir, "working_groups.csv"):
        parsed.working_groups[row["key"]] = {
            "position": int(row["position"]),
            "name_en": row["name_en"],
            "name_fr": row["name_fr"],
            "source_id": "seed-p4",
        }

    for where, row in _rows(data_dir, "meeting_series.csv"):
        if row["kind"] not in SeriesKind.values:
            errors.append(f"{where}: unknown kind of series {row['kind']!r}")
        if row["working_group"] and row["working_group"] not in parsed.working_groups:
            errors.append(f"{where}: unknown working group {row['working_group']!r}")
        parsed.series[row["key"]] = {
            "kind": row["kind"],
            **_names_in_six_languages(row, where, "a meeting series", errors),
            "working_group": row["working_group"],
            "source_id": source(row["source"], where),
        }

    for where, row in _rows(data_dir, "meetings.csv"):
        starts = _date(row["starts_on"], where, "starts_on", errors)
        ends = _date(row["ends_on"], where, "ends_on", errors)
        if starts and ends and ends < starts:
            errors.append(f"{where}: the meeting ends before it starts")
        if row["series"] != HIGH_LEVEL:
            errors.append(f"{where}: the reference meetings are high-level meetings")
        if row["status"] not in MeetingStatus.values:
            errors.append(f"{where}: unknown status {row['status']!r}")
        parsed.meetings[int(row["number"])] = {
            "status": row["status"],
            "title_en": row["title_en"],
            "title_fr": row["title_fr"],
            "theme_en": row["theme_en"],
            "theme_fr": row["theme_fr"],
            "starts_on": starts,
            "ends_on": ends,
            "venue": row["venue"],
            "reported_participants": int(row["reported_participants"])
            if row["reported_participants"]
            else None,
            "reported_head_level": int(row["reported_head_level"])
            if row["reported_head_level"]
            else None,
            "source_id": source(row["source"], where),
        }

    for where, row in _rows(data_dir, "delegations.csv"):
        if int(row["meeting"]) not in parsed.meetings:
            errors.append(f"{where}: unknown meeting {row['meeting']!r}")
        if row["organization"] not in parsed.organizations:
            errors.append(f"{where}: unknown organization {row['organization']!r}")
        if row["level"] not in DelegationLevel.values:
            errors.append(f"{where}: unknown level {row['level']!r}")
        if row["level"] != DelegationLevel.UNKNOWN and not row["level_source"]:
            errors.append(f"{where}: a known delegation level must cite its source")
        parsed.delegations.append(
            {
                "meeting": int(row["meeting"]),
                "organization": row["organization"],
                "level": row["level"],
                "level_source_id": source(row["level_source"], where)
                if row["level_source"]
                else None,
                "representation_note": row["representation_note"],
                "source_id": source(row["source"], where),
            }
        )

    for where, row in _rows(data_dir, "topics.csv"):
        names = _names_in_six_languages(row, where, "a topic", errors)
        parsed.topics[row["key"]] = {**names, "source_id": source(row["source"], where)}

    for where, row in _rows(data_dir, "agreement_kinds.csv"):
        parsed.agreement_kinds[row["key"]] = _names_in_six_languages(row, where, "a kind", errors)

    _parse_capacity_plans(data_dir, parsed, source, errors)
    if errors:
        raise ReferenceDataError(errors)
    return parsed


TITLE_COLUMNS = tuple(name.replace("name_", "title_") for name in NAME_COLUMNS)


def _year(value: str, where: str, column: str, errors: list[str]) -> int | None:
    """A year, or None where the source does not state it (blank)."""
    if not value:
        return None
    if not value.isdigit() or not 1945 <= int(value) <= 2100:
        errors.append(f"{where}: {column} {value!r} is not a year between 1945 and 2100")
        return None
    return int(value)


def _parse_capacity_plans(
    data_dir: Path, parsed: _Parsed, source: Callable[[str, str], str], errors: list[str]
) -> None:
    """Capacity-building plans (¶4) and their pillars, each citing its source. Titles in the six
    languages; a year the source does not state stays blank (shown as unknown)."""
    for where, row in _rows(data_dir, "capacity_building_plans.csv"):
        missing = [
            column for column in ("key", "beneficiary", "source", *TITLE_COLUMNS) if not row[column]
        ]
        if missing:
            errors.append(f"{where}: a plan needs {', '.join(missing)}")
        if row["beneficiary"] not in parsed.organizations:
            errors.append(f"{where}: unknown organization {row['beneficiary']!r}")
        if row["status"] not in PlanStatus.values:
            errors.append(f"{where}: unknown status {row['status']!r}")
        start = _year(row["start_year"], where, "start_year", errors)
        end = _year(row["end_year"], where, "end_year", errors)
        if start is not None and end is not None and end < start:
            errors.append(f"{where}: the plan ends before it starts")
        parsed.capacity_plans[row["key"]] = {
            **{column: row[column] for column in TITLE_COLUMNS},
            "summary_en": row["summary_en"],
            "beneficiary": row["beneficiary"],
            "start_year": start,
            "end_year": end,
            "status": row["status"],
            "classification": row["classification"],
            "source_id": source(row["source"], where),
        }
    for where, row in _rows(data_dir, "capacity_building_pillars.csv"):
        missing = [column for column in ("source", *TITLE_COLUMNS) if not row[column]]
        if missing:
            errors.append(f"{where}: a pillar needs {', '.join(missing)}")
        if row["plan"] not in parsed.capacity_plans:
            errors.append(f"{where}: unknown plan {row['plan']!r}")
        if not row["position"].isdigit():
            errors.append(f"{where}: position {row['position']!r} is not a number")
        parsed.pillars.append(
            {
                "plan": row["plan"],
                "position": int(row["position"]) if row["position"].isdigit() else 0,
                **{column: row[column] for column in TITLE_COLUMNS},
                "source_id": source(row["source"], where),
            }
        )


def _parse_charter_bases(
    data_dir: Path, parsed: _Parsed, source: Callable[[str, str], str], errors: list[str]
) -> None:
    """What each organization's own instrument, or a recorded declaration, states of its relation
    to the Charter: one row per organization, never inferred from its kind. A declared basis
    names its source and the date of the instrument; "not_declared" names neither."""
    seen: dict[str, str] = {}
    for where, row in _rows(data_dir, "charter_bases.csv"):
        acronym = row["organization"]
        if acronym not in parsed.organizations:
            errors.append(f"{where}: unknown organization {acronym!r}")
            continue
        if acronym in seen:
            errors.append(f"{where}: {acronym} already has its Charter basis at {seen[acronym]}")
            continue
        seen[acronym] = where
        if row["basis"] not in CharterBasis.values:
            errors.append(
                f"{where}: unknown Charter basis {row['basis']!r} for {acronym} "
                f"(one of {', '.join(CharterBasis.values)})"
            )
            continue
        on = _date(row["on"], where, "on", errors)
        if row["basis"] == CharterBasis.NOT_DECLARED:
            if row["source"] or row["on"] or row["words"]:
                errors.append(
                    f"{where}: {acronym} is 'not_declared': leave source, date and words empty, "
                    "or record the basis its source states"
                )
            values: dict[str, Any] = {"charter_basis_source_id": None, "charter_basis_on": None}
        else:
            if not row["source"]:
                errors.append(
                    f"{where}: the Charter basis {row['basis']!r} of {acronym} has no source: "
                    "name the instrument or declaration that states it, or record 'not_declared'"
                )
            if on is None and not row["on"]:
                errors.append(
                    f"{where}: the Charter basis {row['basis']!r} of {acronym} has no date: "
                    "give the date of the instrument or declaration (YYYY-MM-DD)"
                )
            values = {
                "charter_basis_source_id": source(row["source"], where) if row["source"] else None,
                "charter_basis_on": on,
            }
        _check_lengths(
            Organization,
            {"charter_basis_words": row["words"]},
            ("charter_basis_words",),
            where,
            errors,
        )
        parsed.organizations[acronym].update(
            charter_basis=row["basis"], charter_basis_words=row["words"], **values
        )
    for acronym in parsed.organizations.keys() - seen.keys():
        errors.append(
            f"charter_bases.csv: {acronym} has no row: record its Charter basis with its source, "
            "or 'not_declared'"
        )


# The languages whose names come from organization_translations.csv (English and French are in
# organizations.csv). Blank where no source gives a name: the page shows English, marked lang="en".
TRANSLATED_LANGUAGES = ("ar", "zh-hans", "ru", "es")


def _parse_name_translations(
    data_dir: Path, parsed: _Parsed, source: Callable[[str, str], str], errors: list[str]
) -> None:
    """An organization's current names in Arabic, Chinese, Russian and Spanish, each row cited."""
    seen: dict[tuple[str, str], str] = {}
    for where, row in _rows(data_dir, "organization_translations.csv"):
        organization, language = row["organization"], row["language"]
        if organization not in parsed.organizations:
            errors.append(f"{where}: unknown organization {organization!r}")
            continue
        if language not in TRANSLATED_LANGUAGES:
            errors.append(f"{where}: language must be one of {', '.join(TRANSLATED_LANGUAGES)}")
            continue
        if (organization, language) in seen:
            errors.append(f"{where}: already given at {seen[(organization, language)]}")
        seen[(organization, language)] = where
        if not row["name"] or not row["source"]:
            errors.append(f"{where}: a translated name needs the name and its source")
            continue
        source(row["source"], where)
        names = {
            translation_column("short_name", language): row["short_name"],
            translation_column("name", language): row["name"],
        }
        _check_lengths(Organization, names, tuple(names), where, errors)
        parsed.organizations[organization].update(names)


def _parse_former_names(
    data_dir: Path, parsed: _Parsed, source: Callable[[str, str], str], errors: list[str]
) -> None:
    """Names an organization bore before its current one, each with the period it was in use."""
    for where, row in _rows(data_dir, "organization_names.csv"):
        if row["organization"] not in parsed.organizations:
            errors.append(f"{where}: unknown organization {row['organization']!r}")
            continue
        valid_from = _date(row["valid_from"], where, "valid_from", errors)
        valid_until = _date(row["valid_until"], where, "valid_until", errors)
        if valid_until is None:
            errors.append(
                f"{where}: a former name needs the day it stopped being used (valid_until)"
            )
            continue
        if valid_from is not None and valid_until <= valid_from:
            errors.append(f"{where}: the name ends ({valid_until}) before it starts ({valid_from})")
            continue
        if not row["source"]:
            errors.append(f"{where}: a former name must cite its source")
            continue
        _check_lengths(
            OrganizationName,
            row,
            ("short_name_en", "short_name_fr", "name_en", "name_fr"),
            where,
            errors,
        )
        parsed.former_names.append(
            {
                "organization_id": row["organization"],
                "valid_until": valid_until,
                "valid_from": valid_from,
                "short_name_en": row["short_name_en"],
                "short_name_fr": row["short_name_fr"],
                "name_en": row["name_en"],
                "name_fr": row["name_fr"],
                "source_id": source(row["source"], where),
            }
        )


def _translated(catalogue: gettext.NullTranslations, name: str) -> str:
    translated = catalogue.gettext(name)
    return "" if translated == name else translated


def _check_lengths(
    model: type[models.Model],
    row: dict[str, str],
    columns: tuple[str, ...],
    where: str,
    errors: list[str],
) -> None:
    for column in columns:
        db_field = model._meta.get_field(column)
        limit = db_field.max_length if isinstance(db_field, models.Field) else None
        if limit is not None and len(row[column]) > limit:
            errors.append(f"{where}: {column} is longer than {limit} characters")


def _ends_its_period(day: dt.date, precision: str) -> bool:
    if precision == "year":
        return (day.month, day.day) == (12, 31)
    if precision == "month":
        return (day + dt.timedelta(days=1)).day == 1
    return True


def _membership_note(row: dict[str, str], precision: str) -> str:
    note = row["note"]
    if row.get("ended_precision") == "year":
        note = (note + " " if note else "") + "(The end date is known to the year only.)"
    if row.get("ended_precision") == "month":
        note = (note + " " if note else "") + "(The end date is known to the month only.)"
    return note


def _upsert(
    model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any], report: LoadReport
) -> models.Model:
    instance = model._default_manager.filter(**lookup).first()
    label = model._meta.verbose_name_plural
    if instance is None:
        report.created[str(label)] += 1
        return model._default_manager.create(**lookup, **values)
    changed = {key: value for key, value in values.items() if getattr(instance, key) != value}
    if changed:
        for key, value in changed.items():
            setattr(instance, key, value)
        instance.save(update_fields=list(changed))
        report.updated[str(label)] += 1
    return instance


def load(data_dir: Path = DATA_DIR, m49_dir: Path | None = None) -> LoadReport:
    parsed = parse(data_dir, m49_dir)
    report = LoadReport()
    # One transaction: a load that fails half-way leaves the registry exactly as it was.
    with transaction.atomic():
        for key, values in parsed.sources.items():
            _upsert(Source, {"key": key}, values, report)
        for code, values in parsed.countries.items():
            _upsert(Country, {"alpha3": code}, values, report)
        organizations = {}
        for acronym, values in parsed.organizations.items():
            organizations[acronym] = _upsert(Organization, {"acronym": acronym}, values, report)
        for values in parsed.memberships:
            lookup = {key: values[key] for key in ("organization_id", "country_id", "started_on")}
            lookup["organization_id"] = organizations[values["organization_id"]].pk
            rest = {key: value for key, value in values.items() if key not in lookup}
            _upsert(Membership, lookup, rest, report)
        for values in parsed.former_names:
            lookup = {
                "organization_id": organizations[values["organization_id"]].pk,
                "valid_until": values["valid_until"],
            }
            rest = {key: value for key, value in values.items() if key not in lookup}
            _upsert(OrganizationName, lookup, rest, report)
        for values in parsed.reported_counts:
            lookup = {
                "organization_id": organizations[values["organization_id"]].pk,
                "on": values["on"],
                "counted_en": values["counted_en"],
            }
            rest = {key: value for key, value in values.items() if key not in lookup}
            _upsert(ReportedMemberCount, lookup, rest, report)
        for key, values in parsed.working_groups.items():
            _upsert(WorkingGroup, {"key": key}, values, report)
        series = {}
        for key, values in parsed.series.items():
            group = values["working_group"]
            values = {
                **values,
                "working_group_id": WorkingGroup.objects.get(key=group).pk if group else None,
            }
            del values["working_group"]
            series[key] = _upsert(MeetingSeries, {"key": key}, values, report)
        meetings = {}
        for number, values in parsed.meetings.items():
            lookup = {"series_id": series[HIGH_LEVEL].pk, "number": number}
            meetings[number] = _upsert(Meeting, lookup, values, report)
        for values in parsed.delegations:
            lookup = {
                "meeting_id": meetings[values["meeting"]].pk,
                "organization_id": organizations[values["organization"]].pk,
            }
            rest = {
                key: value
                for key, value in values.items()
                if key not in ("meeting", "organization")
            }
            _upsert(Delegation, lookup, rest, report)
        for key, values in parsed.topics.items():
            _upsert(Topic, {"key": key}, values, report)
        for key, values in parsed.agreement_kinds.items():
            _upsert(AgreementKind, {"key": key}, values, report)
        plans = {}
        for key, values in parsed.capacity_plans.items():
            beneficiary = organizations[values["beneficiary"]]
            rest = {k: v for k, v in values.items() if k != "beneficiary"}
            plans[key] = _upsert(
                CapacityPlan, {"key": key}, {**rest, "beneficiary_id": beneficiary.pk}, report
            )
        for values in parsed.pillars:
            lookup = {"plan_id": plans[values["plan"]].pk, "position": values["position"]}
            rest = {k: v for k, v in values.items() if k not in ("plan", "position")}
            _upsert(Pillar, lookup, rest, report)
        conclusions = _seed_document(Organization.objects.get(acronym="UN"), report)
        # The sixth meeting's conclusions are that document (its page links them).
        if 6 in meetings and Meeting.objects.filter(pk=meetings[6].pk, outcome=None).update(
            outcome=conclusions
        ):
            report.updated["meetings"] += 1
        # Situations from the public record (Darfur 2005, the tsunami of 2004), each fact cited.
        from interlock.situations.reference import load_reference_situations

        load_reference_situations()
        if 6 in meetings:
            from interlock.decisions.reference import load_decisions

            load_decisions(meeting=meetings[6], upsert=_upsert, report=report)
        if report.changed:
            audit_record(
                actor=None,
                action="reference.load",
                target=meetings[6] if 6 in meetings else next(iter(organizations.values())),
                changes={"summary": report.summary()},
            )
    return report


SEED_TITLE = (
    "Conclusions of the Chairman of the sixth high-level meeting between the United Nations and "
    "regional and other intergovernmental organizations (25 and 26 July 2005), with the "
    "Secretary-General's covering letter and opening statement"
)


def _seed_document(un: Organization, report: LoadReport) -> Any:
    """The source text itself, as a public document of the United Nations in the library."""
    from interlock.documents.models import Document, DocumentText
    from interlock.documents.services import refresh_search

    existing = Document.objects.filter(owner=un, title=SEED_TITLE).first()
    if existing is not None:
        return existing
    body = (DATA_DIR / "seed-2005-conclusions.md").read_text(encoding="utf-8")
    # Dated as distributed (8 September 2005), so that the library's date filters find it there.
    moment = dt.datetime(2005, 9, 8, 12, 0, tzinfo=dt.UTC)
    document = Document.objects.create(
        owner=un,
        classification="public",
        title=SEED_TITLE,
        original_language="en",
        created_at=moment,
        updated_at=moment,
    )
    document.topics.set(
        Topic.objects.filter(key__in=["peacekeeping", "conflict-prevention", "disaster-relief"])
    )
    DocumentText.objects.create(
        document=document,
        language="en",
        version=1,
        title=SEED_TITLE,
        body=body,
        created_at=moment,
        note="Distributed 8 September 2005 (General Assembly, sixtieth session; Security Council, sixtieth year)",
    )
    refresh_search(document)
    report.created["documents"] += 1
    return document
