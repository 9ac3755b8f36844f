"""Reasons in words: the one place where the domain's reason codes (``domain/decisions.py``)
become sentences in the reader's language, for pages (``{{ decision.reason|in_words }}``), the
API, refusals (403) and the reads kept for a document's owner.

The domain returns a code and its parameters; a parameter is shown as people read it: a day in
the reader's date format, a classification by its label. Names (an agreement, a topic) come
already in the reader's language from the Django side that built the domain's input, and stand
alone in quotation marks, so no sentence glues a name into a slot that needs an article or a case.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from interlock.core import dates
from interlock.domain import chapter_viii, meetings, permissions, sharing
from interlock.domain.decisions import Reason

# Every code of every domain module that gives reasons; a test checks each has its message.
CODES = (permissions.Why, sharing.Why, chapter_viii.Why, meetings.Why)

MESSAGES: dict[str, Promise] = {
    permissions.Why.PUBLIC_RECORD: _(
        "The registry, the meetings and the decisions of the partnership are public."
    ),
    permissions.Why.SIGN_IN: _("Sign in first."),
    permissions.Why.SECRETARIAT_ADMINISTERS: _(
        "The secretariat administers the partnership (¶7f)."
    ),
    permissions.Why.SECRETARIAT_ONLY: _("Only the secretariat may do this."),
    permissions.Why.OWN_API_TOKENS: _(
        "Every signed-in user may hold API tokens for their own account."
    ),
    permissions.Why.PARTICIPANTS_PROPOSE: _(
        "Participants put forward and discuss proposals (¶4, ¶7c)."
    ),
    permissions.Why.PROPOSALS_PARTICIPANTS_ONLY: _(
        "Only the staff of participating organizations take part in proposals."
    ),
    permissions.Why.OWN_CALENDARS: _(
        "Every signed-in user keeps their own calendar subscriptions."
    ),
    permissions.Why.OWN_INBOX: _("Every signed-in user reads their own notifications."),
    permissions.Why.LIAISON_ANSWERS: _("The liaison official answers for the organization (¶7d)."),
    permissions.Why.INVITATIONS_LIAISON_ONLY: _(
        "Only this organization's liaison official answers its invitations (¶7d)."
    ),
    permissions.Why.STAFF_COMMENT: _(
        "Liaison officials and members of organizations comment on records."
    ),
    permissions.Why.COMMENTS_STAFF_ONLY: _(
        "Only liaison officials and members of organizations comment on records."
    ),
    permissions.Why.PARTICIPANTS_SEE_AGREEMENTS: _(
        "Participating organizations see the agreements of the partnership."
    ),
    permissions.Why.ORGANIZATIONS_FOLLOW_NOTIFICATIONS: _(
        "Organizations follow the notifications drafted on their engagements."
    ),
    permissions.Why.LIAISON_DIRECTORY: _(
        "The liaison officials are the participants' contacts with one another (¶7d)."
    ),
    permissions.Why.OBSERVERS_READ: _("Observers read; they do not contribute documents."),
    permissions.Why.OWNER_CLASSIFIES: _("An organization chooses who reads its own documents."),
    permissions.Why.LIAISON_KEEPS_PROFILE: _(
        "The liaison official keeps the organization's profile (¶7d)."
    ),
    permissions.Why.SECRETARIAT_OR_LIAISON_ONLY: _(
        "Only the secretariat or this organization's liaison official may do this."
    ),
    permissions.Why.NO_RULE: _("No rule allows this."),
    permissions.Why.RESEARCH_PARTNER_READS: _(
        "The research partner reads partnership material as the participants do (¶7f)."
    ),
    permissions.Why.RESEARCH_PARTNER_PUBLISHES: _(
        "The research partner publishes its analyses to the partnership: public or partnership."
    ),
    permissions.Why.RESEARCH_PARTNER_READS_ONLY: _(
        "The research partner reads and publishes analyses; it may not do this."
    ),
    permissions.Why.LIAISON_SPEAKS: _("The liaison official speaks for the organization (¶7d)."),
    permissions.Why.SPEAK_LIAISON_ONLY: _(
        "Only this organization's liaison official may do this on its behalf."
    ),
    permissions.Why.OWN_DOCUMENTS_ONLY: _("Documents are added to one's own organization only."),
    permissions.Why.MEMBERS_CONTRIBUTE: _("Members of an organization contribute its documents."),
    permissions.Why.LIAISON_KEEPS_CAPABILITIES: _(
        "The liaison official keeps the organization's capabilities (¶7d)."
    ),
    permissions.Why.CAPABILITIES_LIAISON_ONLY: _(
        "Only this organization's liaison official keeps its capabilities."
    ),
    permissions.Why.BENEFICIARY_KEEPS_PLAN: _(
        "The beneficiary organization's liaison official keeps its capacity-building plans."
    ),
    permissions.Why.PLAN_SECRETARIAT_OR_BENEFICIARY: _(
        "Only the secretariat and the beneficiary organization's liaison official keep a "
        "capacity-building plan."
    ),
    permissions.Why.SITUATIONS_STAFF_ONLY: _(
        "Observers and researchers read situations; they do not record them."
    ),
    permissions.Why.SITUATION_OWNER_ONLY: _(
        "A situation is kept by the organization that owns it and the secretariat."
    ),
    permissions.Why.STAFF_RECORD_SITUATIONS: _(
        "Staff of an organization record and keep its situations."
    ),
    sharing.Why.PUBLIC: _("It is public."),
    sharing.Why.SIGN_IN: _("It is not public: sign in."),
    sharing.Why.OWNER: _("The reader's organization owns it."),
    sharing.Why.PARTNERSHIP: _("It is shared with every participating organization."),
    sharing.Why.NAMED_RECIPIENT: _("The owner names the reader's organization as a recipient."),
    sharing.Why.CONFIDENTIAL: _(
        "It is confidential to its owner and the organizations the owner names."
    ),
    sharing.Why.RESEARCH_PARTNER: _(
        "The research partner reads partnership material; restricted items travel by agreements "
        "between participants."
    ),
    sharing.Why.SECRETARIAT: _("The secretariat reads the restricted items of the partnership."),
    sharing.Why.AGREEMENT: _(
        "Agreement “%(agreement)s”, in force since %(since)s, covers the topic “%(topic)s” up to "
        "the level “%(level)s”."
    ),
    sharing.Why.NO_AGREEMENT: _(
        "There is no agreement between the reader's organization and the owner."
    ),
    sharing.Why.NOT_IN_FORCE: _("No agreement with the owner is in force at this time."),
    sharing.Why.NOT_COVERED: _(
        "No agreement in force with the owner covers its topics at this level."
    ),
    chapter_viii.Why.NOT_ENFORCEMENT: _("It is not an enforcement action."),
    chapter_viii.Why.NOT_CHAPTER_VIII: _("The organization does not act under Chapter VIII."),
    chapter_viii.Why.AUTHORIZED: _(
        "Authorized by the Security Council in %(symbol)s, which names: %(organizations)s."
    ),
    chapter_viii.Why.AUTHORIZED_GENERAL: _(
        "Authorized by the Security Council in %(symbol)s, to all Member States and regional "
        "arrangements."
    ),
    chapter_viii.Why.NEEDS_AUTHORIZATION: _(
        "Article 53: enforcement under a regional arrangement needs the Security Council's "
        "authorization."
    ),
    chapter_viii.Why.NOT_AUTHORIZED_BY_RECORDED: _(
        "Article 53: enforcement under a regional arrangement needs the Security Council's "
        "authorization, and none recorded gives it: %(recorded)s."
    ),
    meetings.Why.MEETING_NEXT: _("The meeting moves to its next status."),
    meetings.Why.MEETING_NOT_BACK: _("A meeting's status does not go back."),
    meetings.Why.MEETING_IN_TURN: _("A meeting passes through every status in turn."),
    meetings.Why.MEETING_CANCELLED: _("The meeting is cancelled; plan a new one instead."),
    meetings.Why.MAY_CANCEL: _("A meeting not yet convened may be cancelled."),
    meetings.Why.CONVENED_NOT_CANCELLED: _("A meeting that has been convened is not cancelled."),
    meetings.Why.RECORD_FINAL: _("The record is final and locked."),
    meetings.Why.RECORD_IN_TURN: _(
        "The record goes draft, circulated for comment, revised, final, in turn."
    ),
    meetings.Why.RECORD_UNDISPOSED: _(
        "Every comment needs a disposition before the record is final."
    ),
    meetings.Why.RECORD_NEXT: _("The record moves to its next stage."),
    meetings.Why.RECORD_OUT_FOR_COMMENT: _(
        "The record is out for comment; revise it once the round is closed."
    ),
    meetings.Why.RECORD_EDITABLE: _("The record may be edited."),
    meetings.Why.COMMENTS_CLOSED: _("The record is final; comments are closed."),
    meetings.Why.NOT_CIRCULATED: _("The record is not circulated for comment."),
    meetings.Why.PARTICIPANTS_COMMENT: _("Only participating organizations comment on the record."),
    meetings.Why.STAFF_COMMENT: _(
        "Only liaison officials and members of participating organizations comment."
    ),
    meetings.Why.DEADLINE_PASSED: _("The deadline for comments has passed."),
    meetings.Why.MAY_COMMENT: _("A participating organization comments before the deadline."),
}


def in_words(reason: Reason) -> str:
    """The reason as a sentence in the active language."""
    return words(str(reason.code), reason.params)


def words(code: str, params: Mapping[str, Any]) -> str:
    """A reason given by its code and parameters (as :func:`as_data` keeps them)."""
    message = MESSAGES.get(code)
    if message is None:  # a code without its message: tests/test_reasons.py keeps this away
        return code
    return str(message) % {key: _shown(key, value) for key, value in params.items()}


def read_reason(data: Mapping[str, Any], recorded: str) -> str:
    """A reason kept as data (:func:`as_data`), in words; ``recorded`` where none was kept."""
    if not data.get("code"):
        return recorded
    return words(str(data["code"]), data.get("params") or {})


def as_data(reason: Reason) -> dict[str, Any]:
    """The reason as JSON-ready data (``code``, ``params``), to store or to send."""
    return {"code": str(reason.code), "params": {k: _plain(v) for k, v in reason.params.items()}}


def _plain(value: object) -> object:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _shown(key: str, value: object) -> str:
    if key == "since" and isinstance(value, str):
        value = dt.date.fromisoformat(value)
    if isinstance(value, dt.datetime):
        value = value.astimezone(dt.UTC).date()  # days of agreements are UTC days (§3)
    if isinstance(value, dt.date):
        return dates.date_format(value, "DATE_FORMAT")
    if key == "level":
        return str(_LEVELS.get(str(value), value))
    if key == "recorded":  # Article 53: each recorded resolution and why it falls short
        return "; ".join(
            f"{symbol or EMPTY}: {_SHORTFALLS.get(str(why), why)}"
            for symbol, why in value  # type: ignore[attr-defined]
        )
    return str(value)


# The classifications' labels (documents.models.Classification speaks the same words).
_LEVELS: dict[str, Promise] = {
    "public": _("Public"),
    "partnership": _("Partnership"),
    "restricted": _("Restricted"),
    "confidential": _("Confidential"),
}

# Why a recorded authorization does not authorize an organization (domain/chapter_viii.py).
_SHORTFALLS: dict[str, Promise] = {
    chapter_viii.Shortfall.UNCITED: _("recorded without a resolution symbol or date"),
    chapter_viii.Shortfall.NOT_IN_FORCE: _("not in force that day"),
    chapter_viii.Shortfall.OTHER_DOMAINS: _("covers other domains"),
    chapter_viii.Shortfall.NOT_NAMED: _("does not name the organization"),
}
EMPTY = "—"
