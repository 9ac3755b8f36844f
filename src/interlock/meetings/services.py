"""Writes of the meeting cycle: series, meetings, invitations and delegations (¶7a, ¶7b, ¶7d).

Every write takes the acting user as ``actor``, asks the permission vocabulary, writes in one
transaction and appends to the audit trail. A refusal is a ``ValidationError`` (bad input, said in
words) or a ``ConflictError`` (someone else saved first); in both cases nothing is written.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import zoneinfo
from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from interlock.core.access import require
from interlock.core.i18n import CONTENT_LANGUAGES, stored_value
from interlock.core.models import NotificationKind
from interlock.core.reasons import in_words
from interlock.core.services import (
    StateRefusedError,
    audit_record,
    changes_between,
    link_toggle,
    notify,
)
from interlock.documents.access import explanations, readable_documents
from interlock.documents.models import Document, Topic
from interlock.documents.services import document_add_version, document_create
from interlock.domain.meetings import (
    CommentRound,
    may_comment,
    may_edit_record,
    may_move_meeting,
    may_move_record,
)
from interlock.domain.meetings import MeetingStatus as Status
from interlock.domain.meetings import RecordStatus as RecordStatusRule
from interlock.domain.meetings import paragraphs as split_paragraphs
from interlock.domain.permissions import Action, Role
from interlock.meetings.models import (
    AgendaItem,
    CalendarToken,
    Comment,
    Delegation,
    DelegationLevel,
    Disposition,
    Invitation,
    InvitationAnswer,
    Meeting,
    MeetingSeries,
    Record,
    RecordStatus,
    RecordVersion,
    SeriesKind,
)
from interlock.registry.models import Organization


class ConflictError(Exception):
    """Someone else changed the object since it was read; nothing was written."""


# Words the pages use after /meetings/ for themselves; a series cannot take them as its key.
RESERVED_KEYS = frozenset({"new", "series", "calendar", "feeds", "notifications", "reminders"})


def series_create(*, actor: Any, key: str, kind: str, name: str) -> MeetingSeries:
    require(actor, Action.MANAGE_MEETINGS)
    key, name = key.strip().lower(), name.strip()
    errors = {}
    if not name:
        errors["name"] = _("Name the series.")
    if kind not in SeriesKind.values:
        errors["kind"] = _("Choose the kind of series.")
    if key in RESERVED_KEYS or MeetingSeries.objects.filter(key=key).exists():
        errors["key"] = _("This key is taken; choose another.")
    if errors:
        raise ValidationError(errors)
    # Atomic: the series and its audit event are one fact.
    with transaction.atomic():
        series = MeetingSeries.objects.create(key=key, kind=kind, name_en=name)
        audit_record(
            actor=actor, action="series.create", target=series, changes={"name": [None, name]}
        )
    return series


MEETING_FIELDS = (
    "title_en",
    "title_fr",
    "theme_en",
    "theme_fr",
    "starts_on",
    "ends_on",
    "time_zone",
    "venue",
    "online",
    "chair",
)


def _check_meeting(values: dict[str, Any]) -> None:
    errors = {}
    if not values.get("title_en", "").strip():
        errors["title_en"] = _("Give the meeting a title.")
    starts, ends = values.get("starts_on"), values.get("ends_on")
    if starts and ends and ends < starts:
        errors["ends_on"] = _("The meeting cannot end before it starts.")
    if values.get("time_zone") not in zoneinfo.available_timezones():
        errors["time_zone"] = _("Choose a time zone such as Europe/Zurich or America/New_York.")
    if not values.get("online") and not values.get("venue", "").strip():
        errors["venue"] = _("Give the venue, or say that the meeting is held online.")
    if errors:
        raise ValidationError(errors)


def meeting_create(*, actor: Any, series: MeetingSeries, number: int, **values: Any) -> Meeting:
    """Plan a meeting of a series. It starts as ``planned``."""
    require(actor, Action.MANAGE_MEETINGS)
    defaults = {field.name: field.get_default() for field in Meeting._meta.concrete_fields}
    values = {field: values.get(field, defaults[field]) for field in MEETING_FIELDS}
    values = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    _check_meeting(values)
    if Meeting.objects.filter(series=series, number=number).exists():
        raise ValidationError({"number": _("This series already has a meeting with this number.")})
    try:
        # Atomic: the meeting and its audit event are one fact; the unique constraint decides
        # between two secretariat officials planning the same number at once.
        with transaction.atomic():
            meeting = Meeting.objects.create(series=series, number=number, **values)
            audit_record(
                actor=actor,
                action="meeting.create",
                target=meeting,
                changes=changes_between({}, {"number": number, **values}),
            )
    except IntegrityError:
        raise ValidationError(
            {"number": _("This series already has a meeting with this number.")}
        ) from None
    return meeting


def _meeting_conflict() -> ConflictError:
    return ConflictError(
        _("Someone else changed this meeting while you were editing it. Reload and retry.")
    )


def _refuse_reference(meeting: Meeting) -> None:
    if meeting.source_id is not None:
        raise StateRefusedError(
            _("This meeting is kept as its cited source records it; it is not edited here.")
        )


def meeting_update(
    *, actor: Any, meeting: Meeting, expected_version: int, **values: Any
) -> Meeting:
    """Change a meeting's facts, refusing with ``ConflictError`` if someone else saved it after
    ``expected_version`` was read."""
    require(actor, Action.MANAGE_MEETINGS)
    _refuse_reference(meeting)
    unknown = set(values) - set(MEETING_FIELDS)
    if unknown:
        raise ValueError(f"not meeting fields: {sorted(unknown)}")
    before = {field: getattr(meeting, field) for field in MEETING_FIELDS}
    after = {**before, **{k: v.strip() if isinstance(v, str) else v for k, v in values.items()}}
    _check_meeting(after)
    changes = changes_between(before, after)
    if not changes:
        return meeting
    # Atomic: the conditional update and its audit event stand or fall together.
    with transaction.atomic():
        updated = Meeting.objects.filter(pk=meeting.pk, version=expected_version).update(
            **after, version=expected_version + 1
        )
        if not updated:
            raise _meeting_conflict()
        for field, value in after.items():
            setattr(meeting, field, value)
        meeting.version = expected_version + 1
        audit_record(actor=actor, action="meeting.update", target=meeting, changes=changes)
    return meeting


def meeting_set_status(
    *, actor: Any, meeting: Meeting, status: str, expected_version: int
) -> Meeting:
    require(actor, Action.MANAGE_MEETINGS)
    _refuse_reference(meeting)
    if status not in {s.value for s in Status}:
        raise ValidationError({"status": _("Choose a status.")})
    decision = may_move_meeting(Status(meeting.status), Status(status))
    if not decision:
        raise StateRefusedError({"status": in_words(decision.reason)})
    if status == Status.INVITED and not meeting.invitations.exists():
        raise StateRefusedError({"status": _("Invite at least one organization first.")})
    # Atomic: the conditional update and its audit event stand or fall together.
    with transaction.atomic():
        if not Meeting.objects.filter(pk=meeting.pk, version=expected_version).update(
            status=status, version=expected_version + 1
        ):
            raise _meeting_conflict()
        audit_record(
            actor=actor,
            action="meeting.status",
            target=meeting,
            changes={"status": [meeting.status, status]},
        )
        meeting.status, meeting.version = status, expected_version + 1
    return meeting


def document_refused() -> ValidationError:
    # One refusal for a document the chooser may not read and for one that does not exist, so
    # that a refusal never tells them apart (the same words as the chooser's field).
    return ValidationError(
        {"document": _("Choose a document you may read from the search results.")}
    )


def meeting_set_outcome(
    *, actor: Any, meeting: Meeting, document: Document | None, expected_version: int
) -> Meeting:
    """Set the meeting's conclusions to a document of the library (``None`` clears them). The
    chooser must be able to read the document; refused with ``ConflictError`` if someone else
    changed the meeting after ``expected_version`` was read."""
    require(actor, Action.MANAGE_MEETINGS)
    _refuse_reference(meeting)
    if (
        document is not None
        and not readable_documents(actor, at=timezone.now()).filter(pk=document.pk).exists()
    ):
        raise document_refused()
    before, after = meeting.outcome_id, document.pk if document is not None else None
    if before == after:
        return meeting
    # Atomic: the conditional update and its audit event stand or fall together. The event keeps
    # the documents' keys only: the audit page names them through the reading policy, so a
    # colleague who may not read the document never sees its title there.
    with transaction.atomic():
        if not Meeting.objects.filter(pk=meeting.pk, version=expected_version).update(
            outcome_id=after, version=expected_version + 1
        ):
            raise _meeting_conflict()
        meeting.outcome_id, meeting.version = after, expected_version + 1
        audit_record(
            actor=actor,
            action="meeting.outcome",
            target=meeting,
            changes={"outcome": [before, after]},
        )
    return meeting


def meeting_invite(
    *, actor: Any, meeting: Meeting, organizations: Iterable[Organization]
) -> list[Invitation]:
    """Invite organizations; those already invited are left as they are. The first invitations
    move a planned meeting to ``invited``."""
    require(actor, Action.MANAGE_MEETINGS)
    _refuse_reference(meeting)
    if meeting.status == Status.CONCLUDED:
        raise StateRefusedError(_("The meeting is concluded; it takes no more invitations."))
    if meeting.status == Status.CANCELLED:
        raise StateRefusedError(_("The meeting is cancelled."))
    wanted = {o.pk: o for o in organizations}
    if not wanted:
        raise ValidationError({"organizations": _("Choose at least one organization.")})
    now = timezone.now()
    # Atomic: the invitations, the meeting's status and the audit events are one act of inviting.
    with transaction.atomic():
        already = set(
            Invitation.objects.filter(meeting=meeting, organization_id__in=wanted).values_list(
                "organization_id", flat=True
            )
        )
        created = Invitation.objects.bulk_create(
            Invitation(meeting=meeting, organization=org, invited_at=now, invited_by=actor)
            for pk, org in sorted(wanted.items())
            if pk not in already
        )
        for invitation in created:
            audit_record(
                actor=actor,
                action="invitation.create",
                target=invitation,
                organization=invitation.organization,
            )
        notify(
            recipients=people_of([i.organization_id for i in created]),
            kind=NotificationKind.INVITATION,
            target=meeting,
            link=_meeting_link(meeting),
        )
        if created and meeting.status == Status.PLANNED:
            Meeting.objects.filter(pk=meeting.pk).update(
                status=Status.INVITED, version=meeting.version + 1
            )
            meeting.status, meeting.version = Status.INVITED, meeting.version + 1
    return created


def invitation_answer(*, actor: Any, invitation: Invitation, accept: bool) -> Invitation:
    require(actor, Action.ANSWER_INVITATION, organization_id=invitation.organization_id)
    registered = Delegation.objects.filter(
        meeting_id=invitation.meeting_id, organization_id=invitation.organization_id
    ).exists()
    if registered and not accept:
        raise StateRefusedError(_("Your delegation is registered; the invitation stays accepted."))
    answer = InvitationAnswer.ACCEPTED if accept else InvitationAnswer.DECLINED
    # Atomic: the answer and its audit event are one fact.
    with transaction.atomic():
        before = invitation.answer
        invitation.answer, invitation.answered_at, invitation.answered_by = (
            answer,
            timezone.now(),
            actor,
        )
        invitation.save(update_fields=["answer", "answered_at", "answered_by"])
        audit_record(
            actor=actor,
            action="invitation.answer",
            target=invitation,
            changes={"answer": [before, answer]},
            organization=invitation.organization,
        )
    return invitation


def delegation_register(
    *,
    actor: Any,
    meeting: Meeting,
    organization: Organization,
    level: str,
    head_name: str,
    head_title: str = "",
    members: str = "",
) -> Delegation:
    """The liaison official registers the organization's delegation (which accepts the
    invitation). Refused for an organization not invited, or registered already."""
    require(actor, Action.ANSWER_INVITATION, organization_id=organization.pk)
    if level not in DelegationLevel.values:
        raise ValidationError({"level": _("Choose the level of the delegation.")})
    if not head_name.strip():
        raise ValidationError({"head_name": _("Name the head of the delegation.")})
    if meeting.status == Status.CONCLUDED:
        raise StateRefusedError(_("The meeting is concluded; delegations can no longer register."))
    if meeting.status == Status.CANCELLED:
        raise StateRefusedError(_("The meeting is cancelled."))
    now = timezone.now()
    try:
        # Atomic: the delegation, the accepted invitation and the audit event are one registration;
        # the unique constraint decides between two registrations sent at once.
        with transaction.atomic():
            invitation = (
                Invitation.objects.select_for_update()
                .filter(meeting=meeting, organization=organization)
                .first()
            )
            if invitation is None:
                raise StateRefusedError(
                    _("%(organization)s was not invited to this meeting.")
                    % {"organization": organization.short_name}
                )
            if Delegation.objects.filter(meeting=meeting, organization=organization).exists():
                raise StateRefusedError(
                    _("%(organization)s has already registered its delegation.")
                    % {"organization": organization.short_name}
                )
            delegation = Delegation.objects.create(
                meeting=meeting,
                organization=organization,
                level=level,
                head_name=head_name.strip(),
                head_title=head_title.strip(),
                members="\n".join(line.strip() for line in members.splitlines() if line.strip()),
                registered_at=now,
                registered_by=actor,
            )
            if invitation.answer != InvitationAnswer.ACCEPTED:
                invitation.answer, invitation.answered_at, invitation.answered_by = (
                    InvitationAnswer.ACCEPTED,
                    now,
                    actor,
                )
                invitation.save(update_fields=["answer", "answered_at", "answered_by"])
            audit_record(
                actor=actor,
                action="delegation.register",
                target=delegation,
                changes={"level": [None, level], "head_name": [None, head_name.strip()]},
                organization=organization,
            )
    except IntegrityError:
        raise StateRefusedError(
            _("%(organization)s has already registered its delegation.")
            % {"organization": organization.short_name}
        ) from None
    return delegation


# The record and its comment round (¶10) ------------------------------------------------------


class RecordConflict(ConflictError):  # noqa: N818 - a ConflictError, named for what it is about
    """Someone else saved a version of the record after the one the editor started from. It
    carries that version so the page can show the other's changes beside the editor's text."""

    def __init__(self, message: str, *, theirs: RecordVersion) -> None:
        super().__init__(message)
        self.theirs = theirs


def record_create(
    *,
    actor: Any,
    meeting: Meeting,
    text: str,
    classification: str,
    topics: Iterable[Topic] = (),
    named_readers: Iterable[Organization] = (),
) -> Record:
    """Draft the record of a meeting. Its entry in the library (owned by the secretariat's
    organization, with the classification chosen) decides who may see it."""
    require(actor, Action.MANAGE_RECORDS)
    if Record.objects.filter(meeting=meeting).exists():
        raise StateRefusedError(_("This meeting already has its record."))
    if not split_paragraphs(text):
        raise ValidationError(
            {"text": _("Write the record: paragraphs separated by an empty line.")}
        )
    # The title is content (in the record's original language, English), not an interface word.
    english = stored_value(meeting, "title", "en")
    title = f"Record of the {english[:1].lower()}{english[1:]}"
    # Atomic: the library entry, the record, its first version and their audit events are one
    # draft; a failure of any leaves no half-made record.
    with transaction.atomic():
        document = document_create(
            actor=actor,
            owner=actor.organization,
            classification=classification,
            title=title[:400],
            body=text,
            topics=topics,
            named_readers=named_readers,
        )
        record = Record.objects.create(meeting=meeting, document=document)
        RecordVersion.objects.create(
            record=record, number=1, text=text, created_at=timezone.now(), created_by=actor
        )
        audit_record(actor=actor, action="record.create", target=record)
    return record


def record_revise(
    *, actor: Any, record: Record, text: str, based_on: int, note: str = ""
) -> RecordVersion:
    """Save a new version of the record's text. ``based_on`` is the number of the version the
    editor started from: if someone saved another since, nothing is written and ``RecordConflict``
    carries their version."""
    require(actor, Action.MANAGE_RECORDS)
    decision = may_edit_record(RecordStatusRule(record.status))
    if not decision:
        raise StateRefusedError(in_words(decision.reason))
    if not split_paragraphs(text):
        raise ValidationError(
            {"text": _("Write the record: paragraphs separated by an empty line.")}
        )
    # Atomic: the version number is claimed under the record's row lock, with the library's copy
    # and the audit event; two editors are ordered by the lock and the second is refused.
    with transaction.atomic():
        locked = Record.objects.select_for_update().select_related("document").get(pk=record.pk)
        latest = locked.versions.order_by("-number").first()
        assert latest is not None  # a record is created with its first version
        if latest.number != based_on:
            raise RecordConflict(
                _(
                    "Someone else saved the record while you were editing it. Their changes are "
                    "shown below; your text is kept in the form."
                ),
                theirs=latest,
            )
        if latest.text == text:
            return latest
        version = RecordVersion.objects.create(
            record=locked,
            number=latest.number + 1,
            text=text,
            note=note.strip()[:300],
            created_at=timezone.now(),
            created_by=actor,
        )
        document_add_version(
            actor=actor,
            document=locked.document,
            language=locked.document.original_language,
            title=locked.document.title,
            body=text,
            note=note,
        )
        Record.objects.filter(pk=record.pk).update(version=F("version") + 1)
        record.version = locked.version + 1
        audit_record(
            actor=actor,
            action="record.revise",
            target=locked,
            changes={"version": [latest.number, version.number]},
        )
    return version


def record_move(
    *,
    actor: Any,
    record: Record,
    to: str,
    expected_version: int,
    deadline: dt.datetime | None = None,
) -> Record:
    """Circulate the record for comment (with a deadline in the future), close the round
    (revised), or make it final (every comment disposed of)."""
    require(actor, Action.MANAGE_RECORDS)
    if to not in {s.value for s in RecordStatusRule}:
        raise ValidationError(
            _("The record goes draft, circulated for comment, revised, final, in turn.")
        )
    undisposed = record.comments.filter(disposition="").count()
    decision = may_move_record(
        RecordStatusRule(record.status), RecordStatusRule(to), undisposed_comments=undisposed
    )
    if not decision:
        raise StateRefusedError(in_words(decision.reason))
    values: dict[str, Any] = {"status": to}
    if to == RecordStatus.CIRCULATED:
        if deadline is None or deadline <= timezone.now():
            raise ValidationError({"deadline": _("Set a deadline for comments in the future.")})
        values["comment_deadline"] = deadline
    # Atomic: the conditional update and the audit event stand or fall together.
    with transaction.atomic():
        if not Record.objects.filter(pk=record.pk, version=expected_version).update(
            **values, version=expected_version + 1
        ):
            raise ConflictError(_("Someone else changed the record meanwhile. Reload and retry."))
        audit_record(
            actor=actor,
            action=f"record.{to}",
            target=record,
            changes=changes_between({"status": record.status}, values),
        )
        for key, value in values.items():
            setattr(record, key, value)
        record.version = expected_version + 1
        if to == RecordStatus.CIRCULATED:
            notify(
                recipients=record_readers(record),
                kind=NotificationKind.RECORD_CIRCULATED,
                target=record,
                link=_record_link(record),
                occasion=record.comment_deadline.isoformat() if record.comment_deadline else "",
            )
    return record


def people_of(organization_ids: Iterable[int]) -> QuerySet[Any]:
    """Those who act for organizations in the partnership's work: their liaison officials and
    members (active accounts)."""
    return get_user_model().objects.filter(
        organization_id__in=list(organization_ids),
        is_active=True,
        role__in=[Role.LIAISON_OFFICIAL, Role.MEMBER],
    )


def record_readers(record: Record) -> QuerySet[Any]:
    """The people of the participating organizations whose organization may read the record
    (the library's policy, asked once for every participant)."""
    participants = Organization.objects.filter(pk__in=participants_of(record.meeting))
    readable = explanations(record.document, at=timezone.now(), organizations=participants)
    return people_of(org.pk for org, decision in readable if decision)


def _meeting_link(meeting: Meeting) -> str:
    return reverse("meetings:meeting", args=[meeting.series.key, meeting.number])


def _record_link(record: Record) -> str:
    return reverse("meetings:record", args=[record.meeting.series.key, record.meeting.number])


def participants_of(meeting: Meeting) -> frozenset[int]:
    """¶10's "participants": the organizations whose delegation is registered at the meeting."""
    return frozenset(
        Delegation.objects.filter(meeting=meeting).values_list("organization_id", flat=True)
    )


def comment_add(*, actor: Any, record: Record, paragraph: int, text: str) -> Comment:
    """A participant comments on one paragraph of the circulated record (¶10)."""
    require(actor, Action.COMMENT_ON_RECORDS)
    decision = may_comment(
        organization=actor.organization_id,
        commenting_role=actor.role in (Role.LIAISON_OFFICIAL, Role.MEMBER),
        round_=CommentRound(
            status=RecordStatusRule(record.status),
            deadline=record.comment_deadline,
            participants=participants_of(record.meeting),
        ),
        at=timezone.now(),
    )
    if not decision:
        raise StateRefusedError(in_words(decision.reason))
    current = record.versions.order_by("-number").first()
    assert current is not None
    if not 1 <= paragraph <= len(current.paragraphs):
        raise ValidationError({"paragraph": _("Choose a paragraph of the record.")})
    if not text.strip():
        raise ValidationError({"text": _("Write the comment.")})
    # Atomic: the comment and its audit event are one fact.
    with transaction.atomic():
        comment = Comment.objects.create(
            record=record,
            on_version=current,
            paragraph=paragraph,
            text=text.strip(),
            author=actor,
            organization_id=actor.organization_id,
            created_at=timezone.now(),
        )
        audit_record(
            actor=actor,
            action="comment.add",
            target=comment,
            changes={"paragraph": [None, paragraph]},
        )
    return comment


def comment_dispose(*, actor: Any, comment: Comment, disposition: str, reason: str) -> Comment:
    """The secretariat disposes of a comment: accepted, accepted in part, or not accepted, with
    the reason (required unless the comment is accepted as it is)."""
    require(actor, Action.MANAGE_RECORDS)
    if comment.record.status == RecordStatus.FINAL:
        raise StateRefusedError(_("The record is final and locked."))
    if disposition not in Disposition.values:
        raise ValidationError({"disposition": _("Choose a disposition.")})
    if disposition != Disposition.ACCEPTED and not reason.strip():
        raise ValidationError({"reason": _("Give the reason for this disposition.")})
    before = comment.disposition
    # Atomic: the disposition and its audit event are one fact.
    with transaction.atomic():
        comment.disposition, comment.reason = disposition, reason.strip()
        comment.disposed_at, comment.disposed_by = timezone.now(), actor
        comment.save(update_fields=["disposition", "reason", "disposed_at", "disposed_by"])
        audit_record(
            actor=actor,
            action="comment.dispose",
            target=comment,
            changes={"disposition": [before, disposition]},
            organization=comment.organization,
        )
        notify(
            recipients=[comment.author],
            kind=NotificationKind.DISPOSITION,
            target=comment.record,
            link=f"{_record_link(comment.record)}#comment-{comment.pk}",
            occasion=f"{comment.pk}@{comment.disposed_at:%Y%m%dT%H%M%S}",
        )
    return comment


# Calendar subscriptions (RFC 5545): calendar clients cannot sign in, so a feed's address carries
# a token. Only its digest is kept; revoking it answers 410 Gone to the client from then on.

CALENDAR_TOKEN_PREFIX = "ilc_"  # noqa: S105 - a marker in front of the token, not a secret


def calendar_token_digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def calendar_token_issue(*, actor: Any, name: str) -> tuple[CalendarToken, str]:
    """A new private calendar address for the actor's own account; the raw token is returned
    once and never stored."""
    require(actor, Action.SUBSCRIBE_CALENDARS)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Name the subscription, e.g. the calendar it goes to.")})
    raw = CALENDAR_TOKEN_PREFIX + secrets.token_urlsafe(32)
    # Atomic: the token and its audit event stand or fall together.
    with transaction.atomic():
        token = CalendarToken.objects.create(
            user=actor,
            name=name[:100],
            prefix=raw[:12],
            digest=calendar_token_digest(raw),
            created_at=timezone.now(),
        )
        audit_record(actor=actor, action="calendar_token.issue", target=token)
    return token, raw


def calendar_token_revoke(*, actor: Any, token: CalendarToken) -> CalendarToken:
    """Revoke a calendar address: its feeds answer 410 Gone from now on."""
    if token.user_id != actor.pk:
        require(actor, Action.MANAGE_USERS)
    if token.revoked_at is not None:
        raise StateRefusedError(_("This subscription was already revoked."))
    # Atomic: the revocation and its audit event stand or fall together.
    with transaction.atomic():
        token.revoked_at = timezone.now()
        CalendarToken.objects.filter(pk=token.pk).update(revoked_at=token.revoked_at)
        audit_record(actor=actor, action="calendar_token.revoke", target=token)
    return token


def calendar_token_use(*, raw: str) -> CalendarToken | None:
    """The token for this raw value with its user, its use noted; None if there is none or its
    user can no longer sign in. A revoked token is returned as it is (the feed answers 410)."""
    if not raw.startswith(CALENDAR_TOKEN_PREFIX):
        return None
    token = (
        CalendarToken.objects.select_related("user__organization")
        .filter(digest=calendar_token_digest(raw))
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    if token.revoked_at is None:
        CalendarToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token


# The agenda (item 4 of the mechanism's meetings) ----------------------------------------------

AGENDA_TITLES = tuple(f"title_{code.replace('-', '_')}" for code in CONTENT_LANGUAGES)
# Items are renumbered through numbers above this one (see _renumber), so an agenda holds fewer.
AGENDA_LIMIT = 500
_RENUMBER_OFFSET = 10_000


def _agenda_conflict() -> ConflictError:
    return ConflictError(
        _("Someone else changed this agenda item while you were editing it. Reload and retry.")
    )


def _agenda_open(meeting: Meeting) -> None:
    """The secretariat keeps the agenda of meetings planned here; a reference meeting's agenda is
    what its cited source says, and a concluded meeting's is history."""
    _refuse_reference(meeting)
    if meeting.status in (Status.CONCLUDED, Status.CANCELLED):
        raise StateRefusedError(_("The meeting is over; its agenda is no longer changed."))


def _provisional(actor: Any, item: AgendaItem, refusal: str) -> Meeting:
    """The item's meeting, if the actor may change its agenda and it is still provisional."""
    require(actor, Action.MANAGE_MEETINGS)
    meeting = item.meeting
    _agenda_open(meeting)
    if meeting.agenda_published_at is not None:
        raise StateRefusedError(refusal)
    return meeting


def _check_titles(titles: dict[str, str]) -> dict[str, str]:
    unknown = set(titles) - set(AGENDA_TITLES)
    if unknown:
        raise ValueError(f"not agenda title fields: {sorted(unknown)}")
    titles = {field: (titles.get(field) or "").strip() for field in AGENDA_TITLES}
    if not titles["title_en"]:
        raise ValidationError({"title_en": _("Give the item a title in English.")})
    return titles


def _lock_meeting(meeting: Meeting) -> Meeting:
    """The meeting's row, locked: agenda changes that renumber are made one at a time."""
    return Meeting.objects.select_for_update().get(pk=meeting.pk)


def agenda_item_add(
    *, actor: Any, meeting: Meeting, working_group: Any = None, **titles: str
) -> AgendaItem:
    """Add an item at the end of the meeting's agenda (after publication too: a supplementary
    item takes the next number, and no published number changes)."""
    require(actor, Action.MANAGE_MEETINGS)
    _agenda_open(meeting)
    values = _check_titles(titles)
    # Atomic: the number is taken under the meeting's row lock, so two additions at once get
    # two numbers; the item and its audit event are one fact.
    with transaction.atomic():
        _lock_meeting(meeting)
        count = AgendaItem.objects.filter(meeting=meeting).count()
        if count >= AGENDA_LIMIT:
            raise StateRefusedError(
                _("An agenda holds at most %(limit)s items.") % {"limit": AGENDA_LIMIT}
            )
        last = AgendaItem.objects.filter(meeting=meeting).order_by("-number").first()
        item = AgendaItem.objects.create(
            meeting=meeting,
            number=(last.number if last else 0) + 1,
            working_group=working_group,
            **values,
        )
        audit_record(
            actor=actor,
            action="agenda.add",
            target=item,
            changes=changes_between(
                {}, {**values, "number": item.number, "working_group": _key(working_group)}
            ),
        )
    return item


def _key(working_group: Any) -> str | None:
    return working_group.key if working_group is not None else None


def agenda_item_update(
    *,
    actor: Any,
    item: AgendaItem,
    expected_version: int,
    working_group: Any = None,
    result: str = "",
    **titles: str,
) -> AgendaItem:
    """Change an item's titles, working group or result; refused with ``ConflictError`` if someone
    else saved it after ``expected_version`` was read."""
    require(actor, Action.MANAGE_MEETINGS)
    _agenda_open(item.meeting)
    after: dict[str, Any] = {
        **_check_titles(titles),
        "working_group_id": working_group.pk if working_group is not None else None,
        "result": result.strip(),
    }
    before = {field: getattr(item, field) for field in after}
    changes = changes_between(before, after)
    if not changes:
        return item
    # Atomic: the conditional update and its audit event stand or fall together.
    with transaction.atomic():
        if not AgendaItem.objects.filter(pk=item.pk, version=expected_version).update(
            **after, version=expected_version + 1
        ):
            raise _agenda_conflict()
        for field, value in after.items():
            setattr(item, field, value)
        item.version = expected_version + 1
        audit_record(actor=actor, action="agenda.update", target=item, changes=changes)
    return item


def _renumber(meeting: Meeting, ordered: list[int]) -> None:
    """Give the meeting's items (ids in ``ordered``) the numbers 1, 2, …. Every number first moves
    above the offset, so no two items ever hold the same number, row by row, on either database
    (PostgreSQL checks the unique constraint at each row of an UPDATE)."""
    AgendaItem.objects.filter(meeting=meeting).update(number=F("number") + _RENUMBER_OFFSET)
    for number, pk in enumerate(ordered, start=1):
        AgendaItem.objects.filter(pk=pk).update(number=number)


def agenda_item_move(*, actor: Any, item: AgendaItem, to: int, expected_version: int) -> AgendaItem:
    """Move a provisional item to number ``to``; the items between shift by one."""
    meeting = _provisional(actor, item, _("The agenda is published; its items keep their numbers."))
    # Atomic: the whole agenda is renumbered under the meeting's row lock; the item's version
    # decides between two people moving it at once.
    with transaction.atomic():
        _lock_meeting(meeting)
        ordered = list(
            AgendaItem.objects.filter(meeting=meeting)
            .order_by("number")
            .values_list("pk", "version")
        )
        if (item.pk, expected_version) not in ordered:
            raise _agenda_conflict()
        if not 1 <= to <= len(ordered):
            raise ValidationError({"to": _("Choose a number of the agenda.")})
        before = item.number
        ids = [pk for pk, _version in ordered if pk != item.pk]
        ids.insert(to - 1, item.pk)
        _renumber(meeting, ids)
        AgendaItem.objects.filter(pk=item.pk).update(version=expected_version + 1)
        item.number, item.version = to, expected_version + 1
        audit_record(
            actor=actor, action="agenda.move", target=item, changes={"number": [before, to]}
        )
    return item


def agenda_item_remove(*, actor: Any, item: AgendaItem, expected_version: int) -> Meeting:
    """Remove an item of a provisional agenda (with its links); the items after it move up.
    Returns the meeting whose agenda it was."""
    meeting = _provisional(
        actor, item, _("The agenda is published; its items are no longer removed.")
    )
    # Atomic: the removal, the renumbering and the audit event are one change of the agenda.
    with transaction.atomic():
        _lock_meeting(meeting)
        if not AgendaItem.objects.filter(pk=item.pk, version=expected_version).exists():
            raise _agenda_conflict()
        audit_record(
            actor=actor,
            action="agenda.remove",
            target=item,
            changes={
                "number": [item.number, None],
                "title_en": [stored_value(item, "title", "en"), None],
            },
        )
        item.documents.clear()
        item.proposals.clear()
        item.decisions.clear()
        AgendaItem.objects.filter(pk=item.pk).delete()
        rest = AgendaItem.objects.filter(meeting=meeting).order_by("number")
        _renumber(meeting, list(rest.values_list("pk", flat=True)))
    return meeting


def agenda_publish(*, actor: Any, meeting: Meeting) -> Meeting:
    """Publish the agenda: from now on everyone sees it, and its numbers stay."""
    require(actor, Action.MANAGE_MEETINGS)
    _agenda_open(meeting)
    if meeting.agenda_published_at is not None:
        raise StateRefusedError(_("The agenda is already published."))
    if not AgendaItem.objects.filter(meeting=meeting).exists():
        raise StateRefusedError(_("Add at least one item before publishing the agenda."))
    now = timezone.now()
    # Atomic: the conditional update (published once only) and its audit event are one fact.
    with transaction.atomic():
        if not Meeting.objects.filter(pk=meeting.pk, agenda_published_at__isnull=True).update(
            agenda_published_at=now
        ):
            raise StateRefusedError(_("The agenda is already published."))
        meeting.agenda_published_at = now
        audit_record(
            actor=actor,
            action="agenda.publish",
            target=meeting,
            changes={"agenda_published_at": [None, now.isoformat()]},
        )
    return meeting


def _relink(
    actor: Any, item: AgendaItem, related: Any, target: Any, *, field: str, adding: bool
) -> AgendaItem:
    """Put ``target`` on the item (or take it off) with the project's one link helper. The audit
    event's target is the linked object, so wherever the event is shown it is named through the
    reading policy; the item is named by its number and title (the agenda is the secretariat's
    while provisional, public once published)."""
    link_toggle(
        actor=actor,
        links=related,
        item=target,
        link=adding,
        field=field,
        already=_("It is already on this item."),
        absent=_("It is not on this item."),
        action=f"agenda.{field}.{'add' if adding else 'remove'}",
        target=target,
        label=str(item),
    )
    return item


def agenda_document_add(*, actor: Any, item: AgendaItem, document: Document) -> AgendaItem:
    """Put a document of the library on an item (a statement, a report, a draft). The chooser
    must be able to read it: a hidden document and a missing one get the same refusal."""
    require(actor, Action.MANAGE_MEETINGS)
    _agenda_open(item.meeting)
    if not readable_documents(actor, at=timezone.now()).filter(pk=document.pk).exists():
        raise ValidationError(
            {"document": _("Choose a document you may read from the search results.")}
        )
    return _relink(actor, item, item.documents, document, field="document", adding=True)


def agenda_document_remove(*, actor: Any, item: AgendaItem, document_id: int) -> AgendaItem:
    require(actor, Action.MANAGE_MEETINGS)
    _agenda_open(item.meeting)
    document = item.documents.filter(pk=document_id).first()
    if document is None:
        raise ValidationError(_("It is not on this item."))
    return _relink(actor, item, item.documents, document, field="document", adding=False)


def agenda_link(
    *, actor: Any, item: AgendaItem, proposal: Any = None, decision: Any = None
) -> AgendaItem:
    """Take up a proposal or a decision of the same meeting under an item."""
    require(actor, Action.MANAGE_MEETINGS)
    _agenda_open(item.meeting)
    target = proposal if proposal is not None else decision
    if target is None or (proposal is not None and decision is not None):
        raise ValidationError(_("Choose a proposal or a decision of this meeting."))
    if target.meeting_id != item.meeting_id:
        raise ValidationError(_("Choose a proposal or a decision of this meeting."))
    field = "proposal" if proposal is not None else "decision"
    return _relink(actor, item, getattr(item, f"{field}s"), target, field=field, adding=True)


def agenda_unlink(
    *, actor: Any, item: AgendaItem, proposal_id: int | None = None, decision_id: int | None = None
) -> AgendaItem:
    require(actor, Action.MANAGE_MEETINGS)
    _agenda_open(item.meeting)
    field = "proposal" if proposal_id is not None else "decision"
    related = getattr(item, f"{field}s")
    wanted = proposal_id if proposal_id is not None else decision_id
    target = related.filter(pk=wanted).first() if wanted is not None else None
    if target is None:
        raise ValidationError(_("It is not on this item."))
    return _relink(actor, item, related, target, field=field, adding=False)
