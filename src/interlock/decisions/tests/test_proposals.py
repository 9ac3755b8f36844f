"""A proposal goes from draft to "endorsed with modifications": participants propose
modifications to its paragraphs, organizations support it, the secretariat decides."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from interlock.decisions import services
from interlock.decisions.models import Proposal, ProposalStatus, Support
from interlock.registry.services import ConflictError

pytestmark = pytest.mark.django_db
TEXT = "To convene annually.\n\nTo establish a standing committee.\n\nTo name a liaison official."


def _proposal(cast, **kw) -> Proposal:
    return services.proposal_create(
        actor=cast["owner"], title="Annual cycle", text=TEXT, proposer_kind="organization", **kw
    )


def _move(cast, proposal, *states) -> Proposal:
    for state in states:
        proposal = services.proposal_move(
            actor=cast["secretariat"],
            proposal=proposal,
            to=state,
            expected_version=proposal.version,
        )
    return proposal


def test_a_draft_is_seen_only_by_its_organization_and_the_secretariat(cast, client_for) -> None:
    proposal = _proposal(cast)
    assert proposal.paragraphs == [
        "To convene annually.", "To establish a standing committee.", "To name a liaison official."
    ]  # fmt: skip
    for part, status in {"owner": 200, "secretariat": 200, "partner": 404, "outsider": 404}.items():
        assert client_for(part).get(f"/proposals/{proposal.pk}/").status_code == status, part
    assert "Annual cycle" not in client_for("partner").get("/proposals/").content.decode()
    assert client_for("anonymous").get("/api/v1/proposals").status_code == 401
    _move(cast, proposal, ProposalStatus.SUBMITTED)
    assert "Annual cycle" in client_for("partner").get("/proposals/").content.decode()


def test_endorsed_with_modifications_makes_the_final_text_and_shows_what_changed(
    cast, client_for
) -> None:
    from interlock.meetings.models import Meeting

    proposal = _move(
        cast, _proposal(cast, meeting=Meeting.objects.get(number=6)), ProposalStatus.SUBMITTED
    )
    replace = services.modification_propose(
        actor=cast["partner"], proposal=proposal, kind="replace", paragraph=2,
        text="To establish a standing committee with terms of reference.",
    )  # fmt: skip
    insert = services.modification_propose(
        actor=cast["outsider"], proposal=proposal, kind="insert", paragraph=3,
        text="To meet with the Security Council.",
    )  # fmt: skip
    refused = services.modification_propose(
        actor=cast["owner"], proposal=proposal, kind="delete", paragraph=1
    )
    services.modification_decide(actor=cast["secretariat"], modification=replace, accept=True)
    services.modification_decide(actor=cast["secretariat"], modification=insert, accept=True)
    services.modification_decide(
        actor=cast["secretariat"], modification=refused, accept=False, reason="Annual is agreed."
    )
    proposal.refresh_from_db()
    proposal = _move(cast, proposal, ProposalStatus.UNDER_CONSIDERATION,
                     ProposalStatus.ENDORSED_WITH_MODIFICATIONS)  # fmt: skip
    assert proposal.final_paragraphs == [
        "To convene annually.",
        "To establish a standing committee with terms of reference.",
        "To name a liaison official.",
        "To meet with the Security Council.",
    ]
    body = client_for("partner").get(f"/proposals/{proposal.pk}/").content.decode()
    assert "<ins>committee with terms of reference.</ins>" in body and "Annual is agreed." in body
    response = client_for("secretariat").post(f"/proposals/{proposal.pk}/decision/")
    decision = proposal.decisions.get()
    assert response.status_code == 302 and decision.text.endswith("Security Council.")


def test_a_modification_to_a_paragraph_that_does_not_exist_is_refused(cast) -> None:
    proposal = _proposal(cast)
    with pytest.raises(ValidationError, match="no paragraph 7"):
        services.modification_propose(
            actor=cast["partner"], proposal=proposal, kind="replace", paragraph=7, text="x"
        )
    assert not proposal.modifications.exists()


def test_a_settled_text_takes_no_modification(cast, client_for) -> None:
    proposal = _move(cast, _proposal(cast), ProposalStatus.SUBMITTED,
                     ProposalStatus.UNDER_CONSIDERATION, ProposalStatus.ENDORSED)  # fmt: skip
    response = client_for("partner").post(
        f"/proposals/{proposal.pk}/modify/", {"kind": "delete", "paragraph": 1}, follow=True
    )
    assert "takes no modification" in response.content.decode()
    assert not proposal.modifications.exists()


def test_states_follow_the_workflow_and_a_stale_move_is_refused(cast) -> None:
    proposal = _proposal(cast)
    with pytest.raises(ValidationError, match="cannot go from"):
        services.proposal_move(actor=cast["secretariat"], proposal=proposal,
                               to=ProposalStatus.ENDORSED, expected_version=proposal.version)  # fmt: skip
    stale = proposal.version
    _move(cast, proposal, ProposalStatus.SUBMITTED)
    with pytest.raises(ConflictError):
        services.proposal_move(actor=cast["secretariat"], proposal=proposal,
                               to=ProposalStatus.WITHDRAWN, expected_version=stale)  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.proposal_move(actor=cast["owner"], proposal=proposal,
                               to=ProposalStatus.WITHDRAWN, expected_version=stale + 1)  # fmt: skip


def test_an_organization_supports_once_through_its_liaison_official(cast, client_for) -> None:
    proposal = _move(cast, _proposal(cast), ProposalStatus.SUBMITTED)
    assert (
        client_for("partner")
        .post(f"/proposals/{proposal.pk}/support/", {"kind": "co_sponsor"})
        .status_code
        == 302
    )
    with pytest.raises(ValidationError, match="already supports"):
        services.support_record(actor=cast["partner"], proposal=proposal,
                                organization=cast["partner"].organization, kind="support")  # fmt: skip
    with pytest.raises(PermissionDenied):  # a member is not the organization's voice
        services.support_record(actor=cast["outsider"], proposal=proposal,
                                organization=cast["outsider"].organization, kind="support")  # fmt: skip
    assert list(Support.objects.values_list("organization__acronym", "kind")) == [
        ("EU", "co_sponsor")
    ]
    assert (
        "European Union" in client_for("owner").get(f"/proposals/{proposal.pk}/").content.decode()
    )


def test_the_research_partner_does_not_put_proposals_forward(cast, client_for) -> None:
    assert client_for("researcher").get("/proposals/new/").status_code == 403
