"""The permission vocabulary, tested without Django or a database."""

from hypothesis import given
from hypothesis import strategies as st

from interlock.domain.decisions import Allowed, Denied, because
from interlock.domain.permissions import Action, Actor, Role, Why, decide

actors = st.builds(
    Actor,
    user_id=st.one_of(st.none(), st.integers(1, 50)),
    organization_id=st.integers(1, 5),
    role=st.sampled_from(Role),
).map(lambda a: Actor.anonymous() if a.user_id is None else a)
organizations = st.one_of(st.none(), st.integers(1, 5))


@given(actors, st.sampled_from(Action), organizations)
def test_every_decision_carries_a_reason(actor: Actor, action: Action, org: int | None) -> None:
    decision = decide(actor, action, organization_id=org)
    assert isinstance(decision, Allowed | Denied)
    assert decision.reason.code in set(Why)


@given(st.sampled_from(Action), organizations)
def test_the_anonymous_public_may_only_read_public_facts(action: Action, org: int | None) -> None:
    allowed = bool(decide(Actor.anonymous(), action, organization_id=org))
    assert allowed == (
        action in {Action.VIEW_REGISTRY, Action.VIEW_MEETINGS, Action.VIEW_DECISIONS}
    )


@given(st.integers(1, 50), st.integers(1, 5), st.sampled_from(Action), organizations)
def test_the_secretariat_may_do_everything_but_write_or_speak_for_another_organization(
    user: int, home: int, action: Action, org: int | None
) -> None:
    actor = Actor(user_id=user, organization_id=home, role=Role.SECRETARIAT)
    foreign_library = action is Action.CONTRIBUTE_DOCUMENTS and org is not None and org != home
    # Only an organization knows what it can bring, and only it speaks for itself (support,
    # consent, progress reports): never the secretariat on its behalf.
    speaking = action in (Action.EDIT_CAPABILITIES, Action.SPEAK_FOR_ORGANIZATION)
    assert bool(decide(actor, action, organization_id=org)) is not (foreign_library or speaking)


@given(actors, organizations)
def test_documents_are_contributed_to_ones_own_organization_by_non_observers(
    actor: Actor, org: int | None
) -> None:
    allowed = bool(decide(actor, Action.CONTRIBUTE_DOCUMENTS, organization_id=org))
    expected = (
        not actor.is_anonymous
        and actor.role is not Role.OBSERVER
        and (org is None or org == actor.organization_id)
    )
    assert allowed == expected


@given(actors)
def test_only_the_secretariat_reads_the_audit_trail(actor: Actor) -> None:
    assert bool(decide(actor, Action.VIEW_AUDIT)) == (actor.role is Role.SECRETARIAT)


@given(actors, st.integers(1, 5))
def test_a_profile_is_kept_by_its_own_liaison_official_or_the_secretariat(
    actor: Actor, org: int
) -> None:
    allowed = bool(decide(actor, Action.EDIT_ORGANIZATION_PROFILE, organization_id=org))
    expected = actor.role is Role.SECRETARIAT or (
        actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == org
    )
    assert allowed == expected


def test_a_refusal_tells_the_anonymous_to_sign_in() -> None:
    assert decide(Actor.anonymous(), Action.VIEW_AUDIT) == Denied(because(Why.SIGN_IN))


@given(actors, organizations)
def test_capabilities_are_kept_by_the_organizations_own_liaison_official(
    actor: Actor, org: int | None
) -> None:
    allowed = bool(decide(actor, Action.EDIT_CAPABILITIES, organization_id=org))
    assert allowed == (actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == org)


@given(actors, organizations)
def test_situations_are_kept_by_their_owners_staff_and_the_secretariat(
    actor: Actor, org: int | None
) -> None:
    allowed = bool(decide(actor, Action.EDIT_SITUATION, organization_id=org))
    staff = actor.role in (Role.LIAISON_OFFICIAL, Role.MEMBER) and actor.organization_id == org
    assert allowed == (actor.role is Role.SECRETARIAT or staff)


RESEARCHER = Actor(user_id=7, organization_id=5, role=Role.RESEARCH_PARTNER)


def test_the_research_partner_reads_partnership_material_and_publishes_to_its_own_library() -> None:
    assert decide(RESEARCHER, Action.VIEW_AGREEMENTS)
    assert decide(RESEARCHER, Action.VIEW_LIAISON_DIRECTORY)
    assert decide(RESEARCHER, Action.CONTRIBUTE_DOCUMENTS, organization_id=5)
    assert not decide(RESEARCHER, Action.CONTRIBUTE_DOCUMENTS, organization_id=1)


@given(organizations)
def test_the_research_partner_publishes_no_restricted_analysis_and_keeps_no_post(
    org: int | None,
) -> None:
    refusal = decide(RESEARCHER, Action.CLASSIFY_RESTRICTED)
    assert refusal.reason.code is Why.RESEARCH_PARTNER_PUBLISHES
    for action in (
        Action.EDIT_ORGANIZATION_PROFILE,
        Action.HOLD_LIAISON_POST,
        Action.APPOINT_LIAISON,
        Action.MANAGE_AGREEMENTS,
    ):
        assert not decide(RESEARCHER, action, organization_id=org)


@given(actors, st.integers(1, 5))
def test_only_its_liaison_official_speaks_for_an_organization(actor: Actor, org: int) -> None:
    allowed = bool(decide(actor, Action.SPEAK_FOR_ORGANIZATION, organization_id=org))
    assert allowed == (actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == org)


@given(actors)
def test_proposals_are_for_the_staff_of_participating_organizations(actor: Actor) -> None:
    allowed = bool(decide(actor, Action.PROPOSE))
    assert allowed == (actor.role in {Role.SECRETARIAT, Role.LIAISON_OFFICIAL, Role.MEMBER})


@given(actors, organizations)
def test_a_capacity_building_plan_is_kept_by_the_secretariat_and_the_beneficiarys_liaison_official(
    actor: Actor, org: int | None
) -> None:
    allowed = bool(decide(actor, Action.KEEP_CAPACITY_PLAN, organization_id=org))
    liaison = actor.role is Role.LIAISON_OFFICIAL and actor.organization_id == org
    assert allowed == (actor.role is Role.SECRETARIAT or liaison)
