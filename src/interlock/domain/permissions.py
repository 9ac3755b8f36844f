"""The one permission vocabulary of Interlock.

Who may do what is decided here and nowhere else: views, the API, exports and feeds all ask
:func:`decide`. Later pillars extend :class:`Action` and the table of rules below.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from interlock.domain.decisions import Allowed, Decision, Denied


class Role(StrEnum):
    """The roles of DESIGN.md §2. Each user holds one, within one organization."""

    SECRETARIAT = "secretariat"
    LIAISON_OFFICIAL = "liaison_official"
    MEMBER = "member"
    RESEARCH_PARTNER = "research_partner"
    OBSERVER = "observer"


class Action(StrEnum):
    VIEW_REGISTRY = "view_registry"
    VIEW_MEETINGS = "view_meetings"
    VIEW_AUDIT = "view_audit"
    MANAGE_REGISTRY = "manage_registry"
    APPOINT_LIAISON = "appoint_liaison"
    EDIT_ORGANIZATION_PROFILE = "edit_organization_profile"
    MANAGE_USERS = "manage_users"
    ISSUE_OWN_API_TOKEN = "issue_own_api_token"  # noqa: S105 - an action name, not a secret
    CONTRIBUTE_DOCUMENTS = "contribute_documents"
    VIEW_AGREEMENTS = "view_agreements"
    MANAGE_AGREEMENTS = "manage_agreements"
    # Situations (¶2, ¶5): seeing one is the information-sharing policy's answer, not this table.
    RECORD_SITUATION = "record_situation"
    EDIT_SITUATION = "edit_situation"
    ADOPT_PLAN = "adopt_plan"
    EDIT_CAPABILITIES = "edit_capabilities"
    VIEW_NOTIFICATIONS = "view_notifications"
    SEND_NOTIFICATIONS = "send_notifications"
    # Give a contributed document a classification above ``partnership``.
    CLASSIFY_RESTRICTED = "classify_restricted"
    # The liaison network (¶7d): the directory of officials and their contacts, and the post.
    VIEW_LIAISON_DIRECTORY = "view_liaison_directory"
    HOLD_LIAISON_POST = "hold_liaison_post"
    VIEW_DECISIONS = "view_decisions"
    VIEW_PROPOSALS = "view_proposals"
    PROPOSE = "propose"
    MANAGE_DECISIONS = "manage_decisions"
    SPEAK_FOR_ORGANIZATION = "speak_for_organization"
    MANAGE_MEETINGS = "manage_meetings"
    ANSWER_INVITATION = "answer_invitation"
    MANAGE_RECORDS = "manage_records"
    COMMENT_ON_RECORDS = "comment_on_records"
    SUBSCRIBE_CALENDARS = "subscribe_calendars"
    VIEW_REMINDERS = "view_reminders"


@dataclass(frozen=True)
class Actor:
    """Who is acting: a signed-in user of an organization, or the anonymous public."""

    user_id: int | None
    organization_id: int | None
    role: Role | None

    @property
    def is_anonymous(self) -> bool:
        return self.user_id is None

    @classmethod
    def anonymous(cls) -> Actor:
        return cls(user_id=None, organization_id=None, role=None)


# The registry of organizations, their memberships, the meetings and their decisions are public facts of the
# partnership (the source is a public UN document), so anyone may read them.
_PUBLIC_ACTIONS = frozenset({Action.VIEW_REGISTRY, Action.VIEW_MEETINGS, Action.VIEW_DECISIONS})
_SECRETARIAT_ONLY = frozenset(
    {
        Action.VIEW_AUDIT,
        Action.MANAGE_REGISTRY,
        Action.APPOINT_LIAISON,
        Action.MANAGE_USERS,
        # The Secretary-General concludes the agreements (¶6); the secretariat records them.
        Action.MANAGE_AGREEMENTS,
        # The secretariat adopts the division of labour and keeps the Council informed (Art. 54).
        Action.ADOPT_PLAN,
        Action.SEND_NOTIFICATIONS,
        # The secretariat moves proposals through their workflow and records decisions (¶7f).
        Action.MANAGE_DECISIONS,
        # The secretariat convenes the meetings, keeps their record and circulates it (¶7f, ¶10).
        Action.MANAGE_MEETINGS,
        Action.MANAGE_RECORDS,
        Action.VIEW_REMINDERS,
    }
)
# Those who take part in the work of the partnership: they read proposals and put them forward.
_PARTICIPANT_ROLES = frozenset({Role.SECRETARIAT, Role.LIAISON_OFFICIAL, Role.MEMBER})
# What every signed-in user does for themself.
_OWN_ACCOUNT = frozenset({Action.SUBSCRIBE_CALENDARS})


def decide(actor: Actor, action: Action, *, organization_id: int | None = None) -> Decision:
    """May ``actor`` do ``action`` (on the organization ``organization_id``, where it matters)?"""
    if action in _PUBLIC_ACTIONS:
        return Allowed("the registry and meetings of the partnership are public")
    if actor.is_anonymous:
        return Denied("sign in first")
    if action is Action.CONTRIBUTE_DOCUMENTS:
        return _contribute(actor, organization_id)
    if action is Action.EDIT_CAPABILITIES:
        return _capabilities(actor, organization_id)
    if action is Action.SPEAK_FOR_ORGANIZATION:
        return _speak_for(actor, organization_id)
    if actor.role is Role.SECRETARIAT:
        return Allowed("the secretariat administers the partnership (¶7f)")
    if actor.role is Role.RESEARCH_PARTNER:
        return _research_partner(action)
    if action in _SECRETARIAT_ONLY:
        return Denied("only the secretariat may do this")
    if action is Action.ISSUE_OWN_API_TOKEN:
        return Allowed("every signed-in user may hold API tokens for their own account")
    if action in (Action.VIEW_PROPOSALS, Action.PROPOSE):
        if actor.role in _PARTICIPANT_ROLES:
            return Allowed("participants put forward and discuss proposals (¶4, ¶7c)")
        return Denied("only participating organizations' staff take part in proposals")
    if action in _OWN_ACCOUNT:
        return Allowed("every signed-in user keeps their own calendar subscriptions")
    if action is Action.ANSWER_INVITATION:
        if actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == organization_id:
            return Allowed("the liaison official answers for the organization (¶7d)")
        return Denied("only this organization's liaison official answers its invitations (¶7d)")
    if action is Action.COMMENT_ON_RECORDS:
        if actor.role in (Role.LIAISON_OFFICIAL, Role.MEMBER):
            return Allowed("liaison officials and members of organizations comment on records")
        return Denied("only liaison officials and members of organizations comment on records")
    if action is Action.VIEW_AGREEMENTS:
        return Allowed("participating organizations see the agreements of the partnership")
    if action is Action.VIEW_NOTIFICATIONS:
        return Allowed("organizations follow the notifications drafted on their engagements")
    if action in (Action.RECORD_SITUATION, Action.EDIT_SITUATION):
        return _situation(actor, action, organization_id)
    if action is Action.VIEW_LIAISON_DIRECTORY:
        return Allowed(
            "the liaison officials are the participants' contacts with one another (¶7d)"
        )
    if action is Action.CLASSIFY_RESTRICTED:
        if actor.role is Role.OBSERVER:
            return Denied("observers read; they do not contribute documents")
        return Allowed("an organization chooses who reads its own documents")
    if action in (Action.EDIT_ORGANIZATION_PROFILE, Action.HOLD_LIAISON_POST):
        if actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == organization_id:
            return Allowed("the liaison official keeps the organization's profile (¶7d)")
        return Denied("only the secretariat or this organization's liaison official may do this")
    return Denied(f"no rule allows {action.value}")


# The research partner (¶7f) reads partnership material as the participants do and publishes
# analyses to the library; it keeps no post and no profile of a participant. Its analyses are
# published to the partnership (public or partnership, never restricted or confidential):
# restricted material travels by agreements between participants, and the research partner's
# work is meant for all of them.
_RESEARCH_PARTNER_READS = frozenset({Action.VIEW_AGREEMENTS, Action.VIEW_LIAISON_DIRECTORY})


def _research_partner(action: Action) -> Decision:
    if action in _RESEARCH_PARTNER_READS:
        return Allowed(
            "the research partner reads partnership material as the participants do (¶7f)"
        )
    if action is Action.ISSUE_OWN_API_TOKEN:
        return Allowed("every signed-in user may hold API tokens for their own account")
    if action is Action.CLASSIFY_RESTRICTED:
        return Denied(
            "the research partner publishes its analyses to the partnership: public or partnership"
        )
    return Denied("the research partner reads and publishes analyses; it may not do this")


def _speak_for(actor: Actor, organization_id: int | None) -> Decision:
    # Support, consent and progress reports are the organization's own word: its single
    # accountable voice is its liaison official (¶7d), not the secretariat on its behalf.
    if actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == organization_id:
        return Allowed("the liaison official speaks for the organization (¶7d)")
    return Denied("only this organization's liaison official may do this on its behalf")


def _contribute(actor: Actor, organization_id: int | None) -> Decision:
    # Even the secretariat adds documents only to its own organization's (the UN's) library:
    # an organization's documents are its own.
    if actor.role is Role.OBSERVER:
        return Denied("observers read; they do not contribute documents")
    if organization_id is not None and organization_id != actor.organization_id:
        return Denied("documents are added to one's own organization only")
    return Allowed("members of an organization contribute its documents")


def _capabilities(actor: Actor, organization_id: int | None) -> Decision:
    # Only the organization knows what it can bring: not even the secretariat edits another's.
    if actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == organization_id:
        return Allowed("the liaison official keeps the organization's capabilities (¶7d)")
    return Denied("only this organization's liaison official keeps its capabilities")


def _situation(actor: Actor, action: Action, organization_id: int | None) -> Decision:
    if actor.role not in (Role.LIAISON_OFFICIAL, Role.MEMBER):
        return Denied("observers and researchers read situations; they do not record them")
    if action is Action.EDIT_SITUATION and actor.organization_id != organization_id:
        return Denied("a situation is kept by the organization that owns it and the secretariat")
    return Allowed("staff of an organization record and keep its situations")
