"""The rules of the meeting cycle (¶7a, ¶7b, ¶10), in plain Python.

- a meeting moves forward through its statuses, one step at a time;
- the figures a record reports are compared with the figures counted from the delegations;
- each year should have a high-level meeting that coincides with the Security Council's meeting
  with regional organizations (¶7b);
- the record goes draft → circulated for comment → revised → final, and only participants
  comment, before the deadline, on a record that is circulated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from interlock.domain.decisions import Allowed, Decision, Denied, because


class Why(StrEnum):
    """The reasons of the meeting and record rules; ``core/reasons.py`` says each in words."""

    MEETING_NEXT = "meetings.meeting_next"
    MEETING_NOT_BACK = "meetings.meeting_not_back"
    MEETING_IN_TURN = "meetings.meeting_in_turn"
    MEETING_CANCELLED = "meetings.meeting_cancelled"
    MAY_CANCEL = "meetings.may_cancel"
    CONVENED_NOT_CANCELLED = "meetings.convened_not_cancelled"
    RECORD_FINAL = "meetings.record_final"
    RECORD_IN_TURN = "meetings.record_in_turn"
    RECORD_UNDISPOSED = "meetings.record_undisposed"
    RECORD_NEXT = "meetings.record_next"
    RECORD_OUT_FOR_COMMENT = "meetings.record_out_for_comment"
    RECORD_EDITABLE = "meetings.record_editable"
    COMMENTS_CLOSED = "meetings.comments_closed"
    NOT_CIRCULATED = "meetings.not_circulated"
    PARTICIPANTS_COMMENT = "meetings.participants_comment"
    STAFF_COMMENT = "meetings.staff_comment"
    DEADLINE_PASSED = "meetings.deadline_passed"
    MAY_COMMENT = "meetings.may_comment"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    INVITED = "invited"
    CONVENED = "convened"
    CONCLUDED = "concluded"
    CANCELLED = "cancelled"  # not held: calendars are told (STATUS:CANCELLED)


_MEETING_ORDER = [s for s in MeetingStatus if s is not MeetingStatus.CANCELLED]


def may_move_meeting(current: MeetingStatus, wanted: MeetingStatus) -> Decision:
    """A meeting moves one step forward: planned → invited → convened → concluded; one not yet
    convened may be cancelled, and a cancelled meeting stays so."""
    if current is MeetingStatus.CANCELLED:
        return Denied(because(Why.MEETING_CANCELLED))
    if wanted is MeetingStatus.CANCELLED:
        if current in (MeetingStatus.PLANNED, MeetingStatus.INVITED):
            return Allowed(because(Why.MAY_CANCEL))
        return Denied(because(Why.CONVENED_NOT_CANCELLED))
    step = _MEETING_ORDER.index(wanted) - _MEETING_ORDER.index(current)
    if step == 1:
        return Allowed(because(Why.MEETING_NEXT))
    if step <= 0:
        return Denied(because(Why.MEETING_NOT_BACK))
    return Denied(because(Why.MEETING_IN_TURN))


class Agreement(StrEnum):
    """How a reported figure compares with the figures counted from the delegations."""

    AGREES = "agrees"
    UNCONFIRMED = "unconfirmed"  # possible, but the data cannot confirm it (levels unknown)
    DISAGREES = "disagrees"
    NOT_REPORTED = "not_reported"


def compare_figure(reported: int | None, confirmed: int, unknown: int = 0) -> Agreement:
    """``reported`` against ``confirmed`` counted items plus ``unknown`` ones that might count."""
    if reported is None:
        return Agreement.NOT_REPORTED
    if reported == confirmed and unknown == 0:
        return Agreement.AGREES
    if confirmed <= reported <= confirmed + unknown:
        return Agreement.UNCONFIRMED
    return Agreement.DISAGREES


@dataclass(frozen=True)
class Sitting:
    """A meeting reduced to what the annual cycle needs: its first and last day."""

    starts_on: dt.date
    ends_on: dt.date

    def coincides_with(self, other: Sitting, *, within_days: int) -> bool:
        """The two overlap, or lie no more than ``within_days`` apart."""
        gap = max(
            (other.starts_on - self.ends_on).days,
            (self.starts_on - other.ends_on).days,
            0,
        )
        return gap <= within_days


class CycleFlag(StrEnum):
    NO_HIGH_LEVEL_MEETING = "no_high_level_meeting"
    NO_COUNCIL_MEETING = "no_council_meeting"
    DOES_NOT_COINCIDE = "does_not_coincide"


@dataclass(frozen=True)
class CycleYear:
    year: int
    high_level: tuple[Sitting, ...]
    council: tuple[Sitting, ...]
    flags: tuple[CycleFlag, ...]

    @property
    def in_order(self) -> bool:
        return not self.flags


# "Coincide" (¶7b): held back to back in the same week, as the sixth meeting was.
COINCIDE_WITHIN_DAYS = 3


def annual_cycle(
    high_level: Iterable[Sitting], council: Iterable[Sitting], years: Iterable[int]
) -> list[CycleYear]:
    """For each year: its high-level meetings and Council meetings, and what is out of order."""
    high, sc = list(high_level), list(council)
    answer = []
    for year in sorted(set(years)):
        ours = tuple(s for s in high if s.starts_on.year == year)
        theirs = tuple(s for s in sc if s.starts_on.year == year)
        flags: list[CycleFlag] = []
        if not ours:
            flags.append(CycleFlag.NO_HIGH_LEVEL_MEETING)
        if not theirs:
            flags.append(CycleFlag.NO_COUNCIL_MEETING)
        if (
            ours
            and theirs
            and not all(
                any(o.coincides_with(t, within_days=COINCIDE_WITHIN_DAYS) for t in theirs)
                for o in ours
            )
        ):
            flags.append(CycleFlag.DOES_NOT_COINCIDE)
        answer.append(CycleYear(year, ours, theirs, tuple(flags)))
    return answer


def proposed_dates(council: Sitting, length_days: int) -> Sitting:
    """Dates for a high-level meeting that coincide with the Council's: it starts the day the
    Council's meeting ends (the sixth meeting and the Council's met on consecutive days)."""
    start = council.ends_on
    return Sitting(start, start + dt.timedelta(days=max(length_days, 1) - 1))


class RecordStatus(StrEnum):
    DRAFT = "draft"
    CIRCULATED = "circulated"
    REVISED = "revised"
    FINAL = "final"


_RECORD_STEPS = {
    RecordStatus.DRAFT: RecordStatus.CIRCULATED,
    RecordStatus.CIRCULATED: RecordStatus.REVISED,
    RecordStatus.REVISED: RecordStatus.FINAL,
}


def may_move_record(
    current: RecordStatus, wanted: RecordStatus, *, undisposed_comments: int
) -> Decision:
    """¶10: draft → circulated for comment → revised → final; final is locked."""
    if current is RecordStatus.FINAL:
        return Denied(because(Why.RECORD_FINAL))
    if _RECORD_STEPS.get(current) is not wanted:
        return Denied(because(Why.RECORD_IN_TURN))
    if wanted is RecordStatus.FINAL and undisposed_comments:
        return Denied(because(Why.RECORD_UNDISPOSED))
    return Allowed(because(Why.RECORD_NEXT))


def may_edit_record(status: RecordStatus) -> Decision:
    if status is RecordStatus.FINAL:
        return Denied(because(Why.RECORD_FINAL))
    if status is RecordStatus.CIRCULATED:
        return Denied(because(Why.RECORD_OUT_FOR_COMMENT))
    return Allowed(because(Why.RECORD_EDITABLE))


@dataclass(frozen=True)
class CommentRound:
    status: RecordStatus
    deadline: dt.datetime | None
    participants: frozenset[int]


def may_comment(
    *, organization: int | None, commenting_role: bool, round_: CommentRound, at: dt.datetime
) -> Decision:
    """¶10: the record "will be distributed to participants for comment"."""
    if round_.status is RecordStatus.FINAL:
        return Denied(because(Why.COMMENTS_CLOSED))
    if round_.status is not RecordStatus.CIRCULATED:
        return Denied(because(Why.NOT_CIRCULATED))
    if organization is None or organization not in round_.participants:
        return Denied(because(Why.PARTICIPANTS_COMMENT))
    if not commenting_role:
        return Denied(because(Why.STAFF_COMMENT))
    if round_.deadline is not None and at >= round_.deadline:
        return Denied(because(Why.DEADLINE_PASSED))
    return Allowed(because(Why.MAY_COMMENT))


def paragraphs(text: str) -> list[str]:
    """A record's paragraphs: blocks separated by an empty line, each on one line, numbered
    from 1 by their position (comments anchor to that number)."""
    blocks = [" ".join(block.split()) for block in text.replace("\r\n", "\n").split("\n\n")]
    return [block for block in blocks if block]


@dataclass(frozen=True)
class DiffRow:
    """One row of a readable diff: a paragraph kept, removed, added, or changed (with the words
    that changed: ``words`` is a list of (kind, text), kind one of equal, delete, insert)."""

    kind: str  # equal, delete, insert, replace
    old_number: int | None
    new_number: int | None
    words: tuple[tuple[str, str], ...]


def _word_diff(old: str, new: str) -> tuple[tuple[str, str], ...]:
    a, b = old.split(" "), new.split(" ")
    segments: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if tag in ("equal", "delete", "replace") and i2 > i1:
            segments.append(("equal" if tag == "equal" else "delete", " ".join(a[i1:i2])))
        if tag in ("insert", "replace") and j2 > j1:
            segments.append(("insert", " ".join(b[j1:j2])))
    return tuple(segments)


def paragraph_diff(old: list[str], new: list[str]) -> list[DiffRow]:
    """Paragraph by paragraph (difflib), and word by word inside a changed paragraph."""
    rows: list[DiffRow] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if tag == "equal":
            rows += [
                DiffRow("equal", i + 1, j + 1, (("equal", old[i]),))
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            ]
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            rows.append(
                DiffRow("replace", i1 + k + 1, j1 + k + 1, _word_diff(old[i1 + k], new[j1 + k]))
            )
        rows += [
            DiffRow("delete", i + 1, None, (("delete", old[i]),)) for i in range(i1 + pairs, i2)
        ]
        rows += [
            DiffRow("insert", None, j + 1, (("insert", new[j]),)) for j in range(j1 + pairs, j2)
        ]
    return rows
