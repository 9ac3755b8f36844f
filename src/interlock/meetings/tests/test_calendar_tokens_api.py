"""The API of one's calendar subscriptions: listed without their secret, made with the secret
shown once, revoked so that their feeds answer 410 Gone, as on the page."""

import pytest

from interlock.accounts.models import TokenScope
from interlock.accounts.services import api_token_issue
from interlock.core.models import AuditEvent
from interlock.meetings import services
from interlock.meetings.models import CalendarToken

pytestmark = pytest.mark.django_db

TOKENS = "/api/v1/me/calendar-tokens"


def make(client, name="Office", **headers):
    return client.post(TOKENS, {"name": name}, content_type="application/json", headers=headers)


def test_a_subscription_made_by_the_api_shows_its_secret_once_and_its_feeds_answer(
    client, client_for, cast
) -> None:
    owner = client_for("owner")
    made = make(owner)
    assert made.status_code == 201
    body = made.json()
    raw = body["token"]
    assert raw.startswith("ilc_") and body["prefix"] == raw[:12] and body["active"] is True
    organization = body["addresses"]["organization"]
    assert organization == f"http://testserver/meetings/feeds/{raw}/organization.ics"
    assert body["addresses"]["series"]["standing-committee"].endswith(
        f"/meetings/feeds/{raw}/series/standing-committee.ics"
    )
    assert client.get(organization.removeprefix("http://testserver")).status_code == 200
    listed = owner.get(TOKENS).json()
    assert listed["count"] == 1 and listed["items"][0]["name"] == "Office"
    assert raw not in str(listed) and "digest" not in listed["items"][0]
    assert raw not in owner.get(f"{TOKENS}?limit=100").content.decode()
    assert AuditEvent.objects.filter(action="calendar_token.issue").count() == 1


def test_a_revoked_subscription_answers_410_and_cannot_be_revoked_twice(
    client, client_for, cast
) -> None:
    owner = client_for("owner")
    body = make(owner).json()
    revoked = owner.post(f"{TOKENS}/{body['id']}/revoke")
    assert revoked.status_code == 200
    assert revoked.json()["active"] is False and revoked.json()["revoked_at"] is not None
    feed = body["addresses"]["organization"].removeprefix("http://testserver")
    assert client.get(feed).status_code == 410
    again = owner.post(f"{TOKENS}/{body['id']}/revoke")
    assert again.status_code == 409 and "already revoked" in again.json()["detail"]


def test_one_lists_and_revokes_only_ones_own_subscriptions(client_for, cast) -> None:
    theirs, _raw = services.calendar_token_issue(actor=cast["partner"], name="EU office")
    owner = client_for("owner")
    assert owner.get(TOKENS).json()["count"] == 0
    assert owner.post(f"{TOKENS}/{theirs.pk}/revoke").status_code == 404
    assert owner.post(f"{TOKENS}/99999999/revoke").status_code == 404
    assert CalendarToken.objects.get(pk=theirs.pk).revoked_at is None


def test_bad_input_and_the_wrong_caller_are_refused_with_the_reason(client, client_for, cast):
    nameless = make(client_for("owner"), name="  ")
    assert nameless.status_code == 422
    assert [error["loc"][-1] for error in nameless.json()["detail"]] == ["name"]
    anonymous = client.get(TOKENS)
    assert anonymous.status_code == 401 and anonymous.json()["detail"] == "Sign in first."
    assert make(client).status_code == 401
    # The research partner keeps no calendar subscriptions on the page, nor here.
    assert client_for("researcher").get(TOKENS).status_code == 403
    assert not CalendarToken.objects.exists()


def test_a_read_only_token_lists_subscriptions_but_makes_or_revokes_none(client, cast) -> None:
    made, _raw = services.calendar_token_issue(actor=cast["owner"], name="Office")
    _token, raw = api_token_issue(actor=cast["owner"], name="reads", scope=TokenScope.READ)
    reads = {"Authorization": f"Bearer {raw}"}
    assert client.get(TOKENS, headers=reads).json()["count"] == 1
    assert make(client, **reads).status_code == 403
    assert client.post(f"{TOKENS}/{made.pk}/revoke", headers=reads).status_code == 403
    assert CalendarToken.objects.count() == 1 and made.revoked_at is None
    _token, raw = api_token_issue(actor=cast["owner"], name="w", scope=TokenScope.READ_WRITE)
    writes = {"Authorization": f"Bearer {raw}"}
    assert client.post(f"{TOKENS}/{made.pk}/revoke", headers=writes).status_code == 200
