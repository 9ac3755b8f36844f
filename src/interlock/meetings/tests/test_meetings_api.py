"""The meetings API: the same vocabulary and the same refusals as the pages."""

import pytest

pytestmark = pytest.mark.django_db

MEETING = {
    "series": "high-level",
    "number": 7,
    "title_en": "Seventh high-level meeting",
    "starts_on": "2027-07-21",
    "ends_on": "2027-07-22",
    "venue": "New York",
}
BASE = "/api/v1/series/high-level/meetings/7"


def post(client, path, body, method="post"):
    return getattr(client, method)(path, body, content_type="application/json")


def test_the_secretariat_plans_invites_and_liaison_officials_register(client_for) -> None:
    secretariat, au, eu = client_for("secretariat"), client_for("owner"), client_for("partner")
    made = post(secretariat, "/api/v1/meetings", MEETING)
    assert made.status_code == 201 and made.json()["status"] == "planned"
    invited = post(secretariat, f"{BASE}/invitations", {"organizations": ["AU", "EU"]})
    assert invited.status_code == 201 and len(invited.json()) == 2
    assert (
        post(eu, f"{BASE}/invitations/EU/answer", {"accept": False}).json()["answer"] == "declined"
    )
    registered = post(
        au,
        f"{BASE}/delegations",
        {"organization": "AU", "level": "head", "head_name": "Chairperson", "members": ["A"]},
    )
    assert registered.status_code == 201 and registered.json()["members"] == ["A"]
    detail = secretariat.get(BASE).json()
    assert detail["status"] == "invited" and detail["figures"]["by_level"]["head"] == 1


def test_bad_input_is_refused_with_its_reason(client_for) -> None:
    secretariat, au = client_for("secretariat"), client_for("owner")
    backwards = post(secretariat, "/api/v1/meetings", {**MEETING, "ends_on": "2027-07-20"})
    assert (
        backwards.status_code == 422 and "cannot end before it starts" in backwards.json()["detail"]
    )
    post(secretariat, "/api/v1/meetings", MEETING)
    post(secretariat, f"{BASE}/invitations", {"organizations": ["EU"]})
    not_invited = post(
        au, f"{BASE}/delegations", {"organization": "AU", "level": "head", "head_name": "C"}
    )
    # A step the stored state refuses is a conflict (409), not a refused field.
    assert not_invited.status_code == 409 and "not invited" in not_invited.json()["detail"]
    post(secretariat, f"{BASE}/invitations", {"organizations": ["AU"]})
    body = {"organization": "AU", "level": "head", "head_name": "C"}
    assert post(au, f"{BASE}/delegations", body).status_code == 201
    second = post(au, f"{BASE}/delegations", body)
    assert second.status_code == 409 and "already registered" in second.json()["detail"]


def test_a_stale_update_is_refused_with_409(client_for) -> None:
    secretariat = client_for("secretariat")
    post(secretariat, "/api/v1/meetings", MEETING)
    fields = {k: v for k, v in MEETING.items() if k not in ("series", "number")}
    assert (
        post(secretariat, BASE, {**fields, "chair": "A", "version": 1}, "patch").status_code == 200
    )
    stale = post(secretariat, BASE, {**fields, "chair": "B", "version": 1}, "patch")
    assert stale.status_code == 409
    assert secretariat.get(BASE).json()["chair"] == "A"


@pytest.mark.parametrize(
    ("part", "status"), [("owner", 403), ("partner", 403), ("outsider", 403), ("anonymous", 401)]
)
def test_only_the_secretariat_writes_meetings(client_for, part, status) -> None:
    assert post(client_for(part), "/api/v1/meetings", MEETING).status_code == status
    assert (
        post(
            client_for(part), "/api/v1/series", {"key": "x", "kind": "other", "name": "X"}
        ).status_code
        == status
    )


def test_one_organization_does_not_answer_for_another(client_for) -> None:
    secretariat = client_for("secretariat")
    post(secretariat, "/api/v1/meetings", MEETING)
    post(secretariat, f"{BASE}/invitations", {"organizations": ["AU", "EU"]})
    assert (
        post(client_for("partner"), f"{BASE}/invitations/AU/answer", {"accept": True}).status_code
        == 403
    )
    assert (
        post(
            client_for("secretariat"), f"{BASE}/status", {"status": "convened", "version": 2}
        ).status_code
        == 200
    )


def test_a_session_write_without_the_csrf_token_is_refused(cast) -> None:
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(cast["secretariat"])
    assert post(client, "/api/v1/meetings", MEETING).status_code == 403
