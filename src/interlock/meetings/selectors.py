from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override, pgettext_lazy

from interlock.core.access import can
from interlock.core.dates import date_format
from interlock.core.references import Reference, name_by_id
from interlock.documents.access import readable_documents
from interlock.documents.models import Document, DocumentText
from interlock.domain.meetings import (
    Agreement,
    CycleYear,
    DiffRow,
    Sitting,
    annual_cycle,
    compare_figure,
    paragraph_diff,
    proposed_dates,
)
from interlock.domain.meetings import paragraphs as split_paragraphs
from interlock.domain.permissions import Action
from interlock.domain.un_document import UnDocument
from interlock.domain.un_document import parse as parse_un_document
from interlock.meetings.models import (
    COUNCIL,
    HIGH_LEVEL,
    AgendaItem,
    CalendarToken,
    Comment,
    Delegation,
    DelegationLevel,
    Disposition,
    Invitation,
    Meeting,
    MeetingSeries,
    MeetingStatus,
    Record,
    RecordVersion,
)


def series_list() -> QuerySet[MeetingSeries]:
    return MeetingSeries.objects.select_related("working_group").annotate(
        meeting_count=Count("meetings")
    )


def series_get(*, key: str) -> MeetingSeries:
    return MeetingSeries.objects.get(key=key)


def meeting_list(*, series: str | None = None) -> QuerySet[Meeting]:
    meetings = Meeting.objects.select_related("source", "series").annotate(
        delegation_count=Count("delegations", distinct=True),
        head_level_count=Count(
            "delegations",
            filter=Q(delegations__level=DelegationLevel.HEAD_OF_ORGANIZATION),
            distinct=True,
        ),
    )
    return meetings.filter(series__key=series) if series else meetings


def meeting_get(*, number: int, series: str = HIGH_LEVEL) -> Meeting:
    """One meeting with its delegations and invitations (three queries, whatever their number)."""
    return (
        meeting_list(series=series)
        .prefetch_related(
            Prefetch(
                "delegations",
                queryset=Delegation.objects.select_related(
                    "organization", "source", "level_source"
                ),
            ),
            # Each organization under the name it bore at the meeting (registry|name_on).
            "delegations__organization__former_names",
            Prefetch(
                "invitations",
                queryset=Invitation.objects.select_related("organization"),
            ),
        )
        .get(number=number)
    )


@dataclass(frozen=True)
class AttendanceFigures:
    """What the record reports beside what Interlock can count from the delegations it holds."""

    reported_participants: int | None
    counted_participants: int
    reported_head_level: int | None
    confirmed_head_level: int
    unknown_level: int
    by_level: tuple[tuple[str, str, int], ...]  # (level, label, count), in the levels' order
    participants_agreement: Agreement
    head_level_agreement: Agreement

    @property
    def marked(self) -> bool:
        """A reported figure the delegations do not confirm."""
        return any(
            state in (Agreement.UNCONFIRMED, Agreement.DISAGREES)
            for state in (self.participants_agreement, self.head_level_agreement)
        )


def attendance_figures(meeting: Meeting) -> AttendanceFigures:
    """Counted from the meeting's prefetched delegations (no query of its own)."""
    delegations = list(meeting.delegations.all())
    counts = {level: 0 for level in DelegationLevel.values}
    for delegation in delegations:
        counts[delegation.level] += 1
    head, unknown = counts[DelegationLevel.HEAD_OF_ORGANIZATION], counts[DelegationLevel.UNKNOWN]
    return AttendanceFigures(
        reported_participants=meeting.reported_participants,
        counted_participants=len(delegations),
        reported_head_level=meeting.reported_head_level,
        confirmed_head_level=head,
        unknown_level=unknown,
        by_level=tuple(
            (level, str(label), counts[level]) for level, label in DelegationLevel.choices
        ),
        participants_agreement=compare_figure(meeting.reported_participants, len(delegations)),
        head_level_agreement=compare_figure(meeting.reported_head_level, head, unknown),
    )


def _sitting(meeting: Meeting) -> Sitting:
    return Sitting(meeting.starts_on, meeting.ends_on)


def cycle(*, years: range) -> list[CycleYear]:
    """¶7a, ¶7b: for each year, the high-level meetings beside the Council's meetings with
    regional organizations, and what is out of order (one query)."""
    meetings = list(
        Meeting.objects.filter(
            series__key__in=[HIGH_LEVEL, COUNCIL],
            starts_on__year__gte=years.start,
            starts_on__year__lt=years.stop,
        )
        .exclude(status=MeetingStatus.CANCELLED)
        .values_list("series__key", "starts_on", "ends_on")
    )
    high = [Sitting(s, e) for key, s, e in meetings if key == HIGH_LEVEL]
    council = [Sitting(s, e) for key, s, e in meetings if key == COUNCIL]
    return annual_cycle(high, council, years)


def cycle_years(today: dt.date) -> range:
    """The years the secretariat watches: from the last meeting held back to 2005, to next year."""
    return range(max(2005, today.year - 2), today.year + 2)


@dataclass(frozen=True)
class CouncilProposal:
    council: Meeting
    starts_on: dt.date
    ends_on: dt.date


def council_proposal(*, year: int) -> CouncilProposal | None:
    """That year's Council meeting with regional organizations and dates that coincide with it."""
    council = (
        Meeting.objects.filter(series__key=COUNCIL, starts_on__year=year)
        .exclude(status=MeetingStatus.CANCELLED)
        .order_by("starts_on")
        .first()
    )
    if council is None:
        return None
    sitting = proposed_dates(_sitting(council), 2)
    return CouncilProposal(council, sitting.starts_on, sitting.ends_on)


def next_number(*, series: MeetingSeries) -> int:
    last = Meeting.objects.filter(series=series).order_by("-number").first()
    return last.number + 1 if last else 1


# The record (¶10): read through the library's policy ------------------------------------------


def record_for(user: Any, *, meeting: Meeting, at: dt.datetime) -> Record | None:
    """The meeting's record if ``user`` may read it, else None: the record is read through its
    library entry with the same filter as every document (``documents.access``)."""
    return (
        Record.objects.select_related("document", "meeting__series")
        .filter(meeting=meeting, document__in=readable_documents(user, at=at))
        .first()
    )


def records_readable(
    user: Any, *, at: dt.datetime, documents: QuerySet[Document] | None = None
) -> QuerySet[Record]:
    """Records whose document ``user`` may read; ``documents``: ``readable_documents(user, at=at)``
    where the caller has it already (its agreements are then looked up once)."""
    if documents is None:
        documents = readable_documents(user, at=at)
    return Record.objects.select_related("document", "meeting__series").filter(
        document__in=documents
    )


@dataclass(frozen=True)
class RecordPage:
    record: Record
    current: RecordVersion
    versions: list[RecordVersion]
    comments: list[Comment]
    undisposed: int

    def paragraphs(self) -> list[tuple[int, str, list[Comment]]]:
        """Each paragraph of the current text with the comments anchored to it."""
        by_paragraph: dict[int, list[Comment]] = {}
        for comment in self.comments:
            by_paragraph.setdefault(comment.paragraph, []).append(comment)
        return [
            (number, text, by_paragraph.get(number, []))
            for number, text in enumerate(self.current.paragraphs, start=1)
        ]


def record_page(record: Record) -> RecordPage:
    """The record's versions and comments (two queries, whatever their number)."""
    versions = list(record.versions.select_related("created_by").order_by("-number"))
    comments = list(
        record.comments.select_related("author", "organization", "disposed_by", "on_version")
    )
    return RecordPage(
        record=record,
        current=versions[0],
        versions=versions,
        comments=comments,
        undisposed=sum(1 for c in comments if not c.disposition),
    )


def record_diff(record: Record, *, old: int, new: int) -> list[DiffRow] | None:
    texts = dict(record.versions.filter(number__in=[old, new]).values_list("number", "text"))
    if old not in texts or new not in texts:
        return None
    return paragraph_diff(split_paragraphs(texts[old]), split_paragraphs(texts[new]))


@dataclass(frozen=True)
class Preparation:
    """What the previous meeting of the series leaves open for this one (¶10)."""

    previous: Meeting | None
    record: Record | None  # None also when the reader may not see it
    unresolved: list[Comment]
    pending: list[AgendaItem]
    decisions: Any = None  # decisions.selectors.CarryForward, or None when not for this reader


def preparation(user: Any, *, meeting: Meeting, at: dt.datetime) -> Preparation:
    previous = (
        Meeting.objects.filter(series=meeting.series, number__lt=meeting.number)
        .order_by("-number")
        .first()
    )
    if previous is None:
        return Preparation(None, None, [], [])
    record = record_for(user, meeting=previous, at=at)
    unresolved = (
        list(
            record.comments.exclude(disposition=Disposition.ACCEPTED).select_related("organization")
        )
        if record is not None
        else []
    )
    pending = list(
        agenda_items(user, meeting=previous).filter(working_group__isnull=False, result="")
    )
    # The decisions app builds on meetings (a decision names its meeting), so it is asked here
    # and not imported at the top.
    from interlock.decisions.selectors import carried_forward

    decisions = carried_forward(user, meeting=previous, today=timezone.localdate(at))
    return Preparation(previous, record, unresolved, pending, decisions)


# Calendar feeds (RFC 5545): what a subscriber may read, as a page would show it --------------


@dataclass(frozen=True)
class Feed:
    meetings: list[Meeting]
    deadlines: list[Record]  # records the reader may read, with a comment deadline


# A feed holds the meetings from 1 January of the year this many years back, and every later one:
# calendars poll feeds often, and a series that meets for decades must not send them all each time.
FEED_YEARS_BACK = 2
FEED_EARLIEST_YEAR = 1945  # the Charter: no meeting of the partnership is older


def feed_start(*, today: dt.date, since: int | None = None) -> dt.date:
    """The first day a feed covers: 1 January of ``since`` (a subscriber's choice), else of the
    year ``FEED_YEARS_BACK`` years before ``today``'s."""
    return dt.date(today.year - FEED_YEARS_BACK if since is None else since, 1, 1)


def _feed(user: Any, meetings: QuerySet[Meeting], *, at: dt.datetime, start: dt.date) -> Feed:
    """The meetings still going on ``start`` or later (one query) and the comment deadlines of
    their records that ``user`` may read (one query: the record's library entry through the
    library's policy)."""
    if not can(user, Action.VIEW_MEETINGS):
        return Feed([], [])
    chosen = list(
        meetings.filter(ends_on__gte=start).select_related("series").order_by("starts_on", "id")
    )
    deadlines = list(
        records_readable(user, at=at)
        .filter(meeting__in=[m.pk for m in chosen], comment_deadline__isnull=False)
        .order_by("comment_deadline", "id")
    )
    return Feed(chosen, deadlines)


def feed_of_series(user: Any, *, series: MeetingSeries, at: dt.datetime, start: dt.date) -> Feed:
    return _feed(user, Meeting.objects.filter(series=series), at=at, start=start)


def feed_of_organization(user: Any, *, at: dt.datetime, start: dt.date) -> Feed:
    """The meetings that concern the user's organization: those it is invited to or registered
    at. The secretariat convenes every meeting, so its feed has them all."""
    if can(user, Action.MANAGE_MEETINGS):
        return _feed(user, Meeting.objects.all(), at=at, start=start)
    organization = getattr(user, "organization_id", None) or 0
    concerned = Meeting.objects.filter(
        Q(invitations__organization_id=organization) | Q(delegations__organization_id=organization)
    ).values("pk")
    return _feed(user, Meeting.objects.filter(pk__in=concerned), at=at, start=start)


def calendar_tokens(*, user: Any) -> QuerySet[CalendarToken]:
    return CalendarToken.objects.filter(user=user)


# The agenda: its items and what is on each, named through the reading policy ------------------


def agenda_visible(user: Any, *, meeting: Meeting) -> bool:
    """A published agenda is public; a provisional one is the secretariat's working copy."""
    return meeting.agenda_published_at is not None or bool(can(user, Action.MANAGE_MEETINGS))


def agenda_items(user: Any, *, meeting: Meeting) -> QuerySet[AgendaItem]:
    items = AgendaItem.objects.filter(meeting=meeting).select_related("working_group")
    return items if agenda_visible(user, meeting=meeting) else items.none()


@dataclass(frozen=True)
class Named:
    """Another object on an agenda item as its reader may see it: a link, or only its kind."""

    reference: Reference
    url: str | None


@dataclass(frozen=True)
class AgendaRow:
    item: AgendaItem
    documents: list[Named]
    proposals: list[Named]
    decisions: list[Named]


def _document_label(document: Document) -> str:
    return f"{document.symbol} — {document.title}" if document.symbol else document.title


def _links(through: Any, field: str, ids: list[int]) -> list[tuple[int, int]]:
    return list(
        through.objects.filter(agendaitem_id__in=ids)
        .order_by("id")
        .values_list("agendaitem_id", f"{field}_id")
    )


def agenda_rows(user: Any, items: list[AgendaItem], *, at: dt.datetime) -> list[AgendaRow]:
    """What is on each item (documents, proposals, decisions), each named for ``user``: a fixed
    number of queries (one per kind of link and one per kind of target), whatever the number of
    items. What the reader may not read is named only by its kind ("a document (withheld)")."""
    # The decisions app builds on meetings (a decision names its meeting): asked here, as above.
    from interlock.decisions.models import Decision, Proposal

    ids = [item.pk for item in items]
    documents = _links(AgendaItem.documents.through, "document", ids)
    proposals = _links(AgendaItem.proposals.through, "proposal", ids)
    decisions = _links(AgendaItem.decisions.through, "decision", ids)
    named_documents = name_by_id(
        user, Document, {d for _i, d in documents}, label=_document_label, at=at
    )
    named_proposals = name_by_id(user, Proposal, {p for _i, p in proposals}, at=at)
    decision_rows = {
        d.pk: d
        for d in Decision.objects.filter(pk__in={d for _i, d in decisions}).select_related(
            "meeting__series"
        )
    }
    named_decisions = name_by_id(
        user,
        Decision,
        decision_rows,
        label=lambda d: f"{d.reference} {d.title}",
        related=("meeting",),
        at=at,
    )

    def url_of(reference: Reference, kind: str) -> str | None:
        if reference.withheld:
            return None
        if kind == "decision":
            decision = decision_rows[int(reference.target_id)]
            return reverse("decisions:decision", args=[decision.meeting.number, decision.number])
        name = "documents:document" if kind == "document" else "decisions:proposal"
        return reverse(name, args=[reference.target_id])

    def on(item: AgendaItem, links: list[tuple[int, int]], named: Any, kind: str) -> list[Named]:
        return [
            Named(named[str(target)], url_of(named[str(target)], kind))
            for item_id, target in links
            if item_id == item.pk
        ]

    return [
        AgendaRow(
            item,
            on(item, documents, named_documents, "document"),
            on(item, proposals, named_proposals, "proposal"),
            on(item, decisions, named_decisions, "decision"),
        )
        for item in items
    ]


# The outcome document, laid out as the UN prints it -------------------------------------------


@dataclass(frozen=True)
class Outcome:
    document: Document
    language: str  # the language of the text printed (a Django language code)
    layout: UnDocument
    distribution: str  # as the text says it, else from the library's classification
    date: str
    languages: list[str]  # the "Original: …" lines, as the text says them (empty: from the entry)


# A UN document's distribution, from the library's classification of its entry.
DISTRIBUTION = {
    "public": pgettext_lazy("distribution", "General"),
    "partnership": pgettext_lazy("distribution", "Limited"),
    "restricted": pgettext_lazy("distribution", "Restricted"),
    "confidential": pgettext_lazy("distribution", "Restricted"),
}


def outcome_text(document: Document, *, language: str) -> DocumentText | None:
    """The current text of ``document`` in ``language`` if it has one, else in its original
    language (one query)."""
    wanted = {language[:2], document.original_language}
    texts = list(document.texts.filter(language__in=wanted).order_by("-version", "-id"))
    return next((t for t in texts if t.language == language[:2]), None) or next(
        (t for t in texts if t.language == document.original_language), None
    )


def outcome(document: Document, *, language: str) -> Outcome | None:
    """The outcome document's text parsed into the UN layout's parts, or None without a text.
    The masthead's distribution, date and languages come from the text where it states them
    (the sixth meeting's source does), otherwise from the library's entry."""
    text = outcome_text(document, language=language)
    if text is None:
        return None
    layout = parse_un_document(text.body)
    code = "zh-hans" if text.language == "zh" else text.language
    with override(code):
        return Outcome(
            document=document,
            language=code,
            layout=layout,
            distribution=layout.distribution or str(DISTRIBUTION[document.classification]),
            date=layout.date or date_format(text.created_at.date(), "j F Y"),
            languages=layout.languages,
        )
