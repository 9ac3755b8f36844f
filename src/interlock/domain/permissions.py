"""The one permission vocabulary of Interlock.

Who may do what is decided here and nowhere else: views, the API, exports and feeds all ask
:func:`decide`. Later pillars extend :class:`Action` and the table of rules below.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from interlock.domain.decisions import Allowed, Decision, Denied, because


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
    MANAGE_PEACEBUILDING = "manage_peacebuilding"
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
    # One's own in-app notifications (core.models.Notification): read them, mark them read.
    KEEP_OWN_INBOX = "keep_own_inbox"
    VIEW_REMINDERS = "view_reminders"
    # Capacity-building plans (¶4): kept by the secretariat and the beneficiary's liaison official.
    KEEP_CAPACITY_PLAN = "keep_capacity_plan"


class Why(StrEnum):
    """The reasons :func:`decide` gives; ``core/reasons.py`` says each in the reader's language."""

    PUBLIC_RECORD = "permission.public_record"
    SIGN_IN = "permission.sign_in"
    SECRETARIAT_ADMINISTERS = "permission.secretariat_administers"
    SECRETARIAT_ONLY = "permission.secretariat_only"
    OWN_API_TOKENS = "permission.own_api_tokens"
    PARTICIPANTS_PROPOSE = "permission.participants_propose"
    PROPOSALS_PARTICIPANTS_ONLY = "permission.proposals_participants_only"
    OWN_CALENDARS = "permission.own_calendars"
    OWN_INBOX = "permission.own_inbox"
    LIAISON_ANSWERS = "permission.liaison_answers"
    INVITATIONS_LIAISON_ONLY = "permission.invitations_liaison_only"
    STAFF_COMMENT = "permission.staff_comment"
    COMMENTS_STAFF_ONLY = "permission.comments_staff_only"
    PARTICIPANTS_SEE_AGREEMENTS = "permission.participants_see_agreements"
    ORGANIZATIONS_FOLLOW_NOTIFICATIONS = "permission.organizations_follow_notifications"
    LIAISON_DIRECTORY = "permission.liaison_directory"
    OBSERVERS_READ = "permission.observers_read"
    OWNER_CLASSIFIES = "permission.owner_classifies"
    LIAISON_KEEPS_PROFILE = "permission.liaison_keeps_profile"
    SECRETARIAT_OR_LIAISON_ONLY = "permission.secretariat_or_liaison_only"
    NO_RULE = "permission.no_rule"
    RESEARCH_PARTNER_READS = "permission.research_partner_reads"
    RESEARCH_PARTNER_PUBLISHES = "permission.research_partner_publishes"
    RESEARCH_PARTNER_READS_ONLY = "permission.research_partner_reads_only"
    LIAISON_SPEAKS = "permission.liaison_speaks"
    SPEAK_LIAISON_ONLY = "permission.speak_liaison_only"
    OWN_DOCUMENTS_ONLY = "permission.own_documents_only"
    MEMBERS_CONTRIBUTE = "permission.members_contribute"
    LIAISON_KEEPS_CAPABILITIES = "permission.liaison_keeps_capabilities"
    CAPABILITIES_LIAISON_ONLY = "permission.capabilities_liaison_only"
    SITUATIONS_STAFF_ONLY = "permission.situations_staff_only"
    SITUATION_OWNER_ONLY = "permission.situation_owner_only"
    STAFF_RECORD_SITUATIONS = "permission.staff_record_situations"
    BENEFICIARY_KEEPS_PLAN = "permission.beneficiary_keeps_plan"
    PLAN_SECRETARIAT_OR_BENEFICIARY = "permission.plan_secretariat_or_beneficiary"


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
        # The secretariat keeps the Peacebuilding Commission's configurations and their seats.
        Action.MANAGE_PEACEBUILDING,
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
        return Allowed(because(Why.PUBLIC_RECORD))
    if actor.is_anonymous:
        return Denied(because(Why.SIGN_IN))
    if action is Action.KEEP_OWN_INBOX:
        # Whatever the role: the inbox only ever holds what was sent to its owner.
        return Allowed(because(Why.OWN_INBOX))
    if action is Action.CONTRIBUTE_DOCUMENTS:
        return _contribute(actor, organization_id)
    if action is Action.EDIT_CAPABILITIES:
        return _capabilities(actor, organization_id)
    if action is Action.SPEAK_FOR_ORGANIZATION:
        return _speak_for(actor, organization_id)
    if actor.role is Role.SECRETARIAT:
        return Allowed(because(Why.SECRETARIAT_ADMINISTERS))
    if actor.role is Role.RESEARCH_PARTNER:
        return _research_partner(action)
    if action in _SECRETARIAT_ONLY:
        return Denied(because(Why.SECRETARIAT_ONLY))
    if action is Action.ISSUE_OWN_API_TOKEN:
        return Allowed(because(Why.OWN_API_TOKENS))
    if action is Action.KEEP_CAPACITY_PLAN:
        # The beneficiary's single accountable voice (¶7d) reports its plan's progress.
        if actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == organization_id:
            return Allowed(because(Why.BENEFICIARY_KEEPS_PLAN))
        return Denied(because(Why.PLAN_SECRETARIAT_OR_BENEFICIARY))
    if action in (Action.VIEW_PROPOSALS, Action.PROPOSE):
        if actor.role in _PARTICIPANT_ROLES:
            return Allowed(because(Why.PARTICIPANTS_PROPOSE))
        return Denied(because(Why.PROPOSALS_PARTICIPANTS_ONLY))
    if action in _OWN_ACCOUNT:
        return Allowed(because(Why.OWN_CALENDARS))
    if action is Action.ANSWER_INVITATION:
        if actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == organization_id:
            return Allowed(because(Why.LIAISON_ANSWERS))
        return Denied(because(Why.INVITATIONS_LIAISON_ONLY))
    if action is Action.COMMENT_ON_RECORDS:
        if actor.role in (Role.LIAISON_OFFICIAL, Role.MEMBER):
            return Allowed(because(Why.STAFF_COMMENT))
        return Denied(because(Why.COMMENTS_STAFF_ONLY))
    if action is Action.VIEW_AGREEMENTS:
        return Allowed(because(Why.PARTICIPANTS_SEE_AGREEMENTS))
    if action is Action.VIEW_NOTIFICATIONS:
        return Allowed(because(Why.ORGANIZATIONS_FOLLOW_NOTIFICATIONS))
    if action in (Action.RECORD_SITUATION, Action.EDIT_SITUATION):
        return _situation(actor, action, organization_id)
    if action is Action.VIEW_LIAISON_DIRECTORY:
        return Allowed(because(Why.LIAISON_DIRECTORY))
    if action is Action.CLASSIFY_RESTRICTED:
        if actor.role is Role.OBSERVER:
            return Denied(because(Why.OBSERVERS_READ))
        return Allowed(because(Why.OWNER_CLASSIFIES))
    if action in (Action.EDIT_ORGANIZATION_PROFILE, Action.HOLD_LIAISON_POST):
        if actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == organization_id:
            return Allowed(because(Why.LIAISON_KEEPS_PROFILE))
        return Denied(because(Why.SECRETARIAT_OR_LIAISON_ONLY))
    return Denied(because(Why.NO_RULE))


# The research partner (¶7f) reads partnership material as the participants do and publishes
# analyses to the library; it keeps no post and no profile of a participant. Its analyses are
# published to the partnership (public or partnership, never restricted or confidential):
# restricted material travels by agreements between participants, and the research partner's
# work is meant for all of them.
_RESEARCH_PARTNER_READS = frozenset({Action.VIEW_AGREEMENTS, Action.VIEW_LIAISON_DIRECTORY})


def _research_partner(action: Action) -> Decision:
    if action in _RESEARCH_PARTNER_READS:
        return Allowed(because(Why.RESEARCH_PARTNER_READS))
    if action is Action.ISSUE_OWN_API_TOKEN:
        return Allowed(because(Why.OWN_API_TOKENS))
    if action is Action.CLASSIFY_RESTRICTED:
        return Denied(because(Why.RESEARCH_PARTNER_PUBLISHES))
    return Denied(because(Why.RESEARCH_PARTNER_READS_ONLY))


def _speak_for(actor: Actor, organization_id: int | None) -> Decision:
    # Support, consent and progress reports are the organization's own word: its single
    # accountable voice is its liaison official (¶7d), not the secretariat on its behalf.
    if actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == organization_id:
        return Allowed(because(Why.LIAISON_SPEAKS))
    return Denied(because(Why.SPEAK_LIAISON_ONLY))


def _contribute(actor: Actor, organization_id: int | None) -> Decision:
    # Even the secretariat adds documents only to its own organization's (the UN's) library:
    # an organization's documents are its own.
    if actor.role is Role.OBSERVER:
        return Denied(because(Why.OBSERVERS_READ))
    if organization_id is not None and organization_id != actor.organization_id:
        return Denied(because(Why.OWN_DOCUMENTS_ONLY))
    return Allowed(because(Why.MEMBERS_CONTRIBUTE))


def _capabilities(actor: Actor, organization_id: int | None) -> Decision:
    # Only the organization knows what it can bring: not even the secretariat edits another's.
    if actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == organization_id:
        return Allowed(because(Why.LIAISON_KEEPS_CAPABILITIES))
    return Denied(because(Why.CAPABILITIES_LIAISON_ONLY))


def _situation(actor: Actor, action: Action, organization_id: int | None) -> Decision:
    if actor.role not in (Role.LIAISON_OFFICIAL, Role.MEMBER):
        return Denied(because(Why.SITUATIONS_STAFF_ONLY))
    if action is Action.EDIT_SITUATION and actor.organization_id != organization_id:
        return Denied(because(Why.SITUATION_OWNER_ONLY))
    return Allowed(because(Why.STAFF_RECORD_SITUATIONS))
