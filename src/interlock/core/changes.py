"""An audit event's changes as people read them, in the reader's language.

Services record ``{field: [before, after]}`` with plain values (``core.services.changes_between``):
primary keys, ISO dates, choice values. The audit page shows each field by its name ("Venue", not
``venue``) and each value as the interface shows it elsewhere: a choice by its label, a related
object by its name through the reading policy (``core.references``: what the reader may not read
is named only by its kind), a day or an instant in the reader's date format, "Yes"/"No", and "—"
where there is nothing. One query per kind of related object on the page, whatever its length.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import get_language_info, gettext_lazy, pgettext
from django.utils.translation import gettext as _

from interlock.core import dates, references

EMPTY = "—"

# Field names as the interface says them, where the model's own verbose name is not translated.
LABELS: dict[str, Promise] = {
    "acronym": gettext_lazy("Acronym"),
    "adopted_at": gettext_lazy("Adopted at (UTC)"),
    "answer": gettext_lazy("Answer"),
    "article_52_prior_effort": gettext_lazy("Regional effort before referral (Article 52)"),
    "authorization": gettext_lazy("Authorization"),
    "chair": gettext_lazy("Chair"),
    "charter_basis": gettext_lazy("Charter basis"),
    "charter_basis_on": gettext_lazy("Date of the instrument or declaration"),
    "charter_basis_source": gettext_lazy("Source of the Charter basis"),
    "charter_basis_words": gettext_lazy("What the source says, in its own words"),
    "classification": gettext_lazy("Classification"),
    "consent": gettext_lazy("Consent"),
    "coverage": gettext_lazy("Coverage"),
    "disposition": gettext_lazy("Disposition"),
    "due_on": gettext_lazy("Due on"),
    "email": gettext_lazy("Email address"),
    "ended_on": gettext_lazy("Ended on"),
    "ends_on": gettext_lazy("Last day"),
    "every_months": gettext_lazy("Every (months)"),
    "expires_at": gettext_lazy("Expires at (UTC)"),
    "gaps": gettext_lazy("Gaps"),
    "head_name": gettext_lazy("Head of organization"),
    "head_title": gettext_lazy("Title of the head of organization"),
    "headquarters_city": gettext_lazy("Headquarters"),
    "in_force_from": gettext_lazy("In force from (UTC)"),
    "key": gettext_lazy("Key"),
    "kind": gettext_lazy("Kind"),
    "language": gettext_lazy("Language"),
    "lead": gettext_lazy("Lead"),
    "level": gettext_lazy("Level"),
    "modification": gettext_lazy("Modification"),
    "name": gettext_lazy("Name"),
    "number": gettext_lazy("Number"),
    "occurred_on": gettext_lazy("Date"),
    "online": gettext_lazy("Online"),
    "organization": gettext_lazy("Organization"),
    "outcome": gettext_lazy("Conclusions"),
    "organizations": gettext_lazy("Organizations"),
    "paragraph": gettext_lazy("Paragraph"),
    "paragraphs": gettext_lazy("Paragraphs"),
    "parties": gettext_lazy("Parties"),
    "person_name": gettext_lazy("Name"),
    "role": gettext_lazy("Role"),
    "scope": gettext_lazy("Scope"),
    "sent": gettext_lazy("Sent"),
    "signed_on": gettext_lazy("Signed on"),
    "source": gettext_lazy("Source"),
    "started_on": gettext_lazy("Started on"),
    "starts_on": gettext_lazy("First day"),
    "state": gettext_lazy("State"),
    "status": gettext_lazy("Status"),
    "summary": gettext_lazy("Summary"),
    "support": gettext_lazy("Support"),
    "task": gettext_lazy("Task"),
    "telephone": gettext_lazy("Telephone"),
    "terminated_at": gettext_lazy("Terminated at (UTC)"),
    "theme": gettext_lazy("Theme"),
    "time_zone": gettext_lazy("Time zone"),
    "title": gettext_lazy("Title"),
    "venue": gettext_lazy("Venue"),
    "version": gettext_lazy("Version"),
    "website": gettext_lazy("Website"),
    "working_languages": gettext_lazy("Working languages"),
}


# Changes recorded as a mapping {a related object's key: a choice}, by the name they are recorded
# under: the model of the rows it stands for, the field its keys name an object through, and the
# field its values are choices of. An agreement's coverage: {topic: the highest classification}.
KEYED: dict[str, tuple[str, str, str]] = {"coverage": ("agreements.Coverage", "topic", "up_to")}

Keyed = tuple["models.Field[Any, Any]", "models.Field[Any, Any]"]


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def read_changes(reader: Any, events: Sequence[Any]) -> None:
    """Set ``event.changes_read`` (a list of :class:`Change`) on each event, from its
    ``shown_changes`` (already empty where the event's target is withheld)."""
    related = _RelatedNames(reader)
    pending: list[tuple[Any, list[tuple[str, Any, Any, models.Field[Any, Any] | None]]]] = []
    for event in events:
        model = _model(event.target_type)
        rows = []
        for key, pair in event.shown_changes.items():
            before, after = (
                pair if isinstance(pair, list | tuple) and len(pair) == 2 else (None, pair)
            )
            field = _field(model, key)
            rows.append((key, before, after, field))
            if field is not None and field.many_to_one:
                related.want(field, before, after)
            if (keyed := _keyed(key)) is not None:
                related.want(keyed[0], *_keys_of(before), *_keys_of(after))
        pending.append((event, rows))
    related.load()
    for event, rows in pending:
        event.changes_read = [
            Change(
                _label(key, field),
                _value(before, field, related, _keyed(key)),
                _value(after, field, related, _keyed(key)),
            )
            for key, before, after, field in rows
        ]


def _keyed(key: str) -> Keyed | None:
    if key not in KEYED:
        return None
    label, through, choice = KEYED[key]
    model = apps.get_model(label)
    return _field(model, through), _field(model, choice)  # type: ignore[return-value]


def _keys_of(value: Any) -> list[Any]:
    return list(value) if isinstance(value, Mapping) else []


def _model(target_type: str) -> type[models.Model] | None:
    try:
        return apps.get_model(target_type)
    except (LookupError, ValueError):
        return None


def _field(model: type[models.Model] | None, key: str) -> models.Field[Any, Any] | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(key)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _label(key: str, field: models.Field[Any, Any] | None) -> str:
    base, _sep, language = key.rpartition("_")
    if language in _LANGUAGES and base:
        return (
            f"{_label(base, None)} ({get_language_info(_LANGUAGES[language])['name_translated']})"
        )
    if key in LABELS:
        return str(LABELS[key])
    if field is not None and isinstance(field.verbose_name, Promise):
        return capfirst(str(field.verbose_name))
    return key.replace("_", " ")


# The suffixes of translated content columns (``title_fr``, ``name_zh_hans``).
_LANGUAGES = {"en": "en", "fr": "fr", "es": "es", "ru": "ru", "ar": "ar", "hans": "zh-hans"}


def _value(
    value: Any,
    field: models.Field[Any, Any] | None,
    related: _RelatedNames,
    keyed: Keyed | None = None,
) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, list):
        return ", ".join(_value(v, field, related) for v in value)
    if isinstance(value, Mapping):
        through, choice = keyed or (None, None)
        return ", ".join(
            pgettext("an entry of a mapping in an audit change", "%(key)s: %(value)s")
            % {
                "key": related.name(through, k) if through else k,
                "value": _value(v, choice, related),
            }
            for k, v in value.items()
        )
    if field is not None and field.many_to_one:
        return related.name(field, value)
    if field is not None and field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.DateField):  # a DateTimeField is one too
        return _day_or_instant(str(value))
    return str(value)


def _day_or_instant(value: str) -> str:
    try:
        instant = dt.datetime.fromisoformat(value)
    except ValueError:
        return value
    if len(value) <= 10:
        return dates.date_format(instant.date(), "DATE_FORMAT")
    if instant.tzinfo is not None:
        instant = instant.astimezone(dt.UTC)
    return dates.date_format(instant, "DATETIME_FORMAT")


class _RelatedNames:
    """Names of the related objects the page's changes point at, through the reading policy."""

    def __init__(self, reader: Any) -> None:
        self.reader = reader
        self.wanted: dict[type[models.Model], set[str]] = defaultdict(set)
        self.names: dict[tuple[type[models.Model], str], str] = {}

    def want(self, field: models.Field[Any, Any], *values: Any) -> None:
        model = field.related_model
        if isinstance(model, type):
            self.wanted[model].update(str(v) for v in values if v not in (None, ""))

    def load(self) -> None:
        for model, values in self.wanted.items():
            # A value is the object's key, or (for organizations) its acronym, as services store it.
            lookup = "acronym" if any(f.name == "acronym" for f in model._meta.fields) else None
            objects = {
                str(o.pk): o for o in model._default_manager.filter(pk__in=_keys(model, values))
            }
            if lookup:
                extra = model._default_manager.filter(**{f"{lookup}__in": values})
                objects.update({str(getattr(o, lookup)): o for o in extra})
            label = model._meta.label_lower
            found = [(value, objects[value]) for value in values if value in objects]
            named = references.name_all(
                self.reader, [(label, str(obj.pk), str(obj)) for _value, obj in found]
            )
            for (value, _obj), reference in zip(found, named, strict=True):
                self.names[(model, value)] = reference.label

    def name(self, field: models.Field[Any, Any], value: Any) -> str:
        model = field.related_model
        return (
            self.names.get((model, str(value)), str(value))
            if isinstance(model, type)
            else str(value)
        )


def _keys(model: type[models.Model], values: set[str]) -> list[Any]:
    if isinstance(model._meta.pk, models.AutoField | models.BigAutoField | models.IntegerField):
        return [int(v) for v in values if v.isdigit() and len(v) <= 18]
    return list(values)
