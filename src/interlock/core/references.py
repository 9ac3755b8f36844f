"""Naming another object through the reading policy: the one helper for cross-references.

Any page, API answer, export or admin screen that shows an object's title, symbol, number or
existence on *another* object's behalf (an audit event's target, an agreement's text, an agenda
item's documents, a notification) names it here. Each app says once, in its ``references.py``,
how to tell in bulk which of its objects a reader may read::

    register(Document, noun=_("a document"), readable=lambda user, at: readable_documents(...))
    register_public(Organization, noun=_("an organization"))

and callers ask :func:`name_all` (a list, in one query per kind of target, whatever its length),
:func:`name_one`, or :func:`readable_q` (to filter or search a table of references without ever
matching what the reader may not read). A kind nobody registered is withheld from everyone:
forgetting to register fails closed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Given a reader and an instant: the queryset of the objects of one kind the reader may read, or
# None when every object of the kind is public.
Readable = Callable[[Any, dt.datetime], "QuerySet[Any] | None"]


@dataclass(frozen=True)
class Kind:
    label: str  # the model's ``_meta.label_lower``, as audit events store it
    noun: str | Promise  # "a document": what a withheld reference still says
    readable: Readable | None  # None: public
    # What the model's ``__str__`` reads from related rows, joined when it is named as it is
    # called now (:func:`name_current`), so that naming a page of targets costs one query a kind.
    named_with: tuple[str, ...] = ()


_KINDS: dict[str, Kind] = {}


def register(
    model: type[models.Model],
    *,
    noun: str | Promise,
    readable: Readable,
    named_with: tuple[str, ...] = (),
) -> None:
    """Say how to tell which objects of ``model`` a reader may read (one queryset, no loop)."""
    label = model._meta.label_lower
    _KINDS[label] = Kind(label, noun, readable, named_with)


def register_public(
    model: type[models.Model], *, noun: str | Promise, named_with: tuple[str, ...] = ()
) -> None:
    """Objects of ``model`` are public facts of the partnership: anyone may read their names."""
    _KINDS[model._meta.label_lower] = Kind(model._meta.label_lower, noun, None, named_with)


def kind_of(label: str) -> Kind | None:
    return _KINDS.get(label)


@dataclass(frozen=True)
class Reference:
    """How one object is named to one reader: its label, or only its kind, marked withheld."""

    target_type: str
    target_id: str
    label: str
    withheld: bool

    def __str__(self) -> str:
        return self.label


def withheld_label(target_type: str) -> str:
    kind = _KINDS.get(target_type)
    noun = kind.noun if kind is not None else gettext_lazy("an item")
    return _("%(kind)s (withheld)") % {"kind": noun}


def _readable_ids(kind: Kind, user: Any, ids: set[str], at: dt.datetime) -> set[str]:
    if kind.readable is None:
        return ids
    readable = kind.readable(user, at)
    if readable is None:
        return ids
    pks: list[Any] = list(ids)
    if _integer_pk(readable.model):
        pks = [int(i) for i in ids if i.isdigit() and len(i) <= 18]
    return {str(pk) for pk in readable.filter(pk__in=pks).values_list("pk", flat=True)}


def _integer_pk(model: type[models.Model]) -> bool:
    return isinstance(model._meta.pk, models.AutoField | models.BigAutoField | models.IntegerField)


def name_all(
    user: Any, targets: Iterable[tuple[str, str, str]], *, at: dt.datetime | None = None
) -> list[Reference]:
    """Name each ``(target_type, target_id, stored label)`` for ``user``: the label where the
    user may read the target, else ``"a document (withheld)"``. One query per kind of target
    present (plus what the kind's policy needs once, e.g. the reader's agreements), whatever the
    number of targets."""
    at = at or timezone.now()
    targets = [(str(t), str(i), label) for t, i, label in targets]
    wanted: dict[str, set[str]] = defaultdict(set)
    for target_type, target_id, _label in targets:
        wanted[target_type].add(target_id)
    readable = {
        target_type: _readable_ids(_KINDS[target_type], user, ids, at)
        for target_type, ids in wanted.items()
        if target_type in _KINDS
    }
    return [
        Reference(t, i, label, withheld=False)
        if i in readable.get(t, ())
        else Reference(t, i, withheld_label(t), withheld=True)
        for t, i, label in targets
    ]


def name_current(
    user: Any, targets: Iterable[tuple[str, str, str]], *, at: dt.datetime | None = None
) -> list[Reference]:
    """As :func:`name_all`, but a target the user may read is named as it is called now, in the
    active language (a meeting's title in the reader's language), not by the label stored when
    it was referred to (in English, as the audit trail stores labels). A public target that is
    no longer there keeps its stored label; any other target the user may not read, or that is
    gone, is withheld. One query per kind of target present."""
    at = at or timezone.now()
    targets = [(str(t), str(i), label) for t, i, label in targets]
    wanted: dict[str, set[str]] = defaultdict(set)
    for target_type, target_id, _label in targets:
        wanted[target_type].add(target_id)
    now_called: dict[tuple[str, str], str] = {}
    for target_type, ids in wanted.items():
        kind = _KINDS.get(target_type)
        if kind is None:
            continue
        readable = kind.readable(user, at) if kind.readable else None
        model = apps.get_model(target_type)
        objects = model._default_manager.all() if readable is None else readable
        if kind.named_with:
            objects = objects.select_related(*kind.named_with)
        pks: list[Any] = list(ids)
        if _integer_pk(model):
            pks = [int(i) for i in ids if i.isdigit() and len(i) <= 18]
        for obj in objects.filter(pk__in=pks):
            now_called[(target_type, str(obj.pk))] = str(obj)

    def named(target_type: str, target_id: str, label: str) -> Reference:
        if (target_type, target_id) in now_called:
            return Reference(target_type, target_id, now_called[(target_type, target_id)], False)
        kind = _KINDS.get(target_type)
        if kind is not None and kind.readable is None:
            return Reference(target_type, target_id, label, withheld=False)
        return Reference(target_type, target_id, withheld_label(target_type), withheld=True)

    return [named(*target) for target in targets]


def name_one(
    user: Any, target: models.Model | None, *, at: dt.datetime | None = None
) -> Reference | None:
    """One object named for ``user`` (None stays None)."""
    if target is None:
        return None
    (reference,) = name_all(user, [(target._meta.label_lower, str(target.pk), str(target))], at=at)
    return reference


def attach(
    user: Any,
    rows: Sequence[Any],
    *,
    type_field: str = "target_type",
    id_field: str = "target_id",
    label_field: str = "target_label",
    to: str = "reference",
    at: dt.datetime | None = None,
    current: bool = False,
) -> Sequence[Any]:
    """Set ``row.<to>`` to the :class:`Reference` of each row's target (rows such as audit
    events that store a target's type, id and label); returns the rows. ``current``: each
    target as it is called now (:func:`name_current`), not by its stored label."""
    references = (name_current if current else name_all)(
        user,
        [
            (getattr(row, type_field), getattr(row, id_field), getattr(row, label_field))
            for row in rows
        ],
        at=at,
    )
    for row, reference in zip(rows, references, strict=True):
        setattr(row, to, reference)
    return rows


def name_by_id(
    user: Any,
    model: type[models.Model],
    ids: Iterable[Any],
    *,
    label: Callable[[Any], str] = str,
    related: Sequence[str] = (),
    at: dt.datetime | None = None,
) -> dict[str, Reference]:
    """Each of ``ids`` (objects of a registered ``model``) named for ``user``, by id as text.
    Labels are read in the same single query as readability, so an unreadable title never
    leaves the database (``related``: what ``label`` needs, joined in that query)."""
    ids = set(ids)
    target_type = model._meta.label_lower
    kind = _KINDS.get(target_type)
    labels: dict[str, str] = {}
    if ids and kind is not None:
        readable = kind.readable(user, at or timezone.now()) if kind.readable else None
        objects = model._default_manager.all() if readable is None else readable
        if related:
            objects = objects.select_related(*related)
        labels = {str(obj.pk): label(obj) for obj in objects.filter(pk__in=ids)}
    return {
        str(pk): Reference(target_type, str(pk), labels[str(pk)], withheld=False)
        if str(pk) in labels
        else Reference(target_type, str(pk), withheld_label(target_type), withheld=True)
        for pk in ids
    }


def attach_foreign(
    user: Any, rows: Sequence[Any], field: str, *, at: dt.datetime | None = None
) -> Sequence[Any]:
    """For rows with a foreign key ``field`` to a registered kind (an agreement's ``text``), set
    ``row.<field>_reference`` to its :class:`Reference`, None where the key is empty; the
    related objects need not be loaded (see :func:`name_by_id`)."""
    if not rows:
        return rows
    model = rows[0]._meta.get_field(field).related_model
    ids = {pk for row in rows if (pk := getattr(row, f"{field}_id")) is not None}
    named = name_by_id(user, model, ids, at=at)
    for row in rows:
        pk = getattr(row, f"{field}_id")
        setattr(row, f"{field}_reference", None if pk is None else named[str(pk)])
    return rows


def readable_q(
    user: Any,
    *,
    type_field: str = "target_type",
    id_field: str = "target_id",
    at: dt.datetime | None = None,
) -> Q:
    """A filter on a table of references (type, id as text): only the rows whose target the
    reader may read. Search a stored label under it and a withheld label can never match."""
    at = at or timezone.now()
    allowed = Q(pk__in=[])
    for label, kind in sorted(_KINDS.items()):
        readable = kind.readable(user, at) if kind.readable else None
        if readable is None:
            allowed |= Q(**{type_field: label})
        else:
            ids = readable.order_by().annotate(_ref_id=Cast("pk", CharField())).values("_ref_id")
            allowed |= Q(**{type_field: label, f"{id_field}__in": ids})
    return allowed


class NamedOnSlice:
    """A queryset whose slices come back named (``namer`` applied to the rows of the slice only):
    what an API list decorated with ninja's ``@paginate`` returns, so that only the page's rows
    are named, in a constant number of queries."""

    def __init__(self, queryset: QuerySet[Any], namer: Callable[[list[Any]], Any]) -> None:
        self.queryset, self.namer = queryset, namer

    def __getitem__(self, window: slice) -> Any:
        return self.namer(list(self.queryset[window]))

    def __len__(self) -> int:
        return self.queryset.count()


def discover() -> None:
    """Import every app's ``references`` module, where it registers its kinds."""
    from django.utils.module_loading import autodiscover_modules

    autodiscover_modules("references")


def _register_core() -> None:
    from interlock.core.models import Source

    register_public(Source, noun=gettext_lazy("a source"))


_register_core()
