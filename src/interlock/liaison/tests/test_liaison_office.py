"""The liaison official's office and the directory of officials (¶7d): the profile, the contacts,
the handover of the post; bad input refused with its reason and nothing changed."""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interlock.core.models import AuditEvent
from interlock.liaison.models import LiaisonContact
from interlock.liaison.vcard import Card, card, escape, fold
from interlock.registry.models import LiaisonAppointment, Organization
from interlock.registry.services import liaison_appoint

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 1, 5)


@pytest.fixture
def au() -> Organization:
    return Organization.objects.get(acronym="AU")


@pytest.fixture
def post(cast, au) -> LiaisonAppointment:
    """The AU's liaison official in post: the cast's owner."""
    return liaison_appoint(
        actor=cast["secretariat"],
        organization=au,
        person_name="Amina Official",
        title="Head of the liaison office",
        started_on=DAY,
        user=cast["owner"],
    )


PREFIXES = {"profile/": "profile", "contact/": "contact", "hand-over/": "handover", "end/": "end"}


def office(client, path: str = "", **data):
    prefix = PREFIXES.get(path)
    if prefix:
        data = {f"{prefix}-{key}": value for key, value in data.items()}
    return client.post(f"/organizations/AU/liaison-office/{path}", data, follow=True)


def test_the_liaison_official_edits_the_profile_and_it_is_audited(client_for, post, au) -> None:
    page = office(
        client_for("owner"), "profile/",
        headquarters_city="Addis Ababa", website="https://au.int/", head_title="Chairperson",
        head_name="A. Chair", version=au.version,
    )  # fmt: skip
    assert "The profile is saved." in page.content.decode()
    au.refresh_from_db()
    assert (au.head_name, au.version) == ("A. Chair", 2)
    assert AuditEvent.objects.filter(action="organization.update", target_id=str(au.pk)).exists()


def test_a_stale_profile_version_is_refused_and_nothing_changes(client_for, post, au) -> None:
    page = office(
        client_for("owner"), "profile/", headquarters_city="Elsewhere", website="",
        head_title="", head_name="", version=au.version - 1 if au.version > 1 else 99,
    )  # fmt: skip
    body = page.content.decode()
    assert "Someone else changed this profile" in body and "Nothing was changed" in body
    assert Organization.objects.get(pk=au.pk).headquarters_city == au.headquarters_city


def test_the_official_updates_their_contacts_in_international_form(client_for, post) -> None:
    page = office(
        client_for("owner"), "contact/", email="amina@au.example.org",
        telephone="+251 11 551 7700", working_languages=["fr", "en", "ar"], version=1,
    )  # fmt: skip
    assert "Your contact details are saved." in page.content.decode()
    contact = LiaisonContact.objects.get(appointment=post)
    assert (contact.telephone, contact.working_languages) == ("+251115517700", "ar en fr")
    assert AuditEvent.objects.filter(action="liaison.contact").count() == 1


@pytest.mark.parametrize(
    ("field", "value", "reason"),
    [
        ("telephone", "0115517700", "international form"),
        ("telephone", "+1 555", "international form"),
        ("email", "amina@", "e-mail address such as"),
    ],
)
def test_a_malformed_contact_is_refused_with_the_reason_and_nothing_changes(
    client_for, post, field: str, value: str, reason: str
) -> None:
    data = {"email": "amina@au.example.org", "telephone": "+251115517700", "version": 1}
    page = office(client_for("owner"), "contact/", **{**data, field: value})
    assert reason in page.content.decode()
    assert not LiaisonContact.objects.filter(appointment=post).exists()
    assert not AuditEvent.objects.filter(action="liaison.contact").exists()


def test_a_stale_contact_version_is_refused(client_for, post) -> None:
    client = client_for("owner")
    office(client, "contact/", email="a@au.example.org", telephone="", version=1)
    page = office(client, "contact/", email="b@au.example.org", telephone="", version=1)
    assert "Someone else changed these contacts" in page.content.decode()
    assert LiaisonContact.objects.get(appointment=post).email == "a@au.example.org"


@pytest.mark.parametrize("part", ["partner", "outsider", "owner_member"])
def test_no_one_else_may_use_the_office(client_for, post, part: str) -> None:
    for path in ("", "profile/", "contact/", "hand-over/", "end/"):
        response = client_for(part).post(f"/organizations/AU/liaison-office/{path}", {})
        assert response.status_code == 403, path


def test_the_official_hands_the_post_over_and_the_roles_follow_it(client_for, cast, post) -> None:
    page = office(
        client_for("owner"), "hand-over/", successor=cast["owner_member"].pk,
        person_name="Bello Successor", title="", started_on="2026-06-01",
    )  # fmt: skip
    assert page.redirect_chain[-1][0] == "/liaison/"  # no longer an official: to the directory
    assert "Bello Successor" in page.content.decode()
    post.refresh_from_db()
    assert post.ended_on == dt.date(2026, 6, 1)
    cast["owner"].refresh_from_db()
    cast["owner_member"].refresh_from_db()
    assert (cast["owner"].role, cast["owner_member"].role) == ("member", "liaison_official")
    roles = dict(AuditEvent.objects.filter(action="user.role").values_list("target_id", "changes"))
    assert roles == {
        str(cast["owner"].pk): {"role": ["liaison_official", "member"]},
        str(cast["owner_member"].pk): {"role": ["member", "liaison_official"]},
    }


def test_a_handover_to_a_user_of_another_organization_is_refused(client_for, cast, post) -> None:
    page = office(
        client_for("owner"), "hand-over/", successor=cast["partner"].pk,
        person_name="Someone", started_on="2026-06-01",
    )  # fmt: skip
    assert (
        "The successor must be a user of this organization (African Union)" in page.content.decode()
    )
    post.refresh_from_db()
    assert post.ended_on is None
    assert LiaisonAppointment.objects.filter(organization=post.organization).count() == 1
    cast["partner"].refresh_from_db()
    assert (
        cast["partner"].role == "liaison_official" and cast["partner"].organization.acronym == "EU"
    )


def test_the_official_ends_the_post_and_loses_the_role(client_for, cast, post) -> None:
    office(client_for("owner"), "end/", ended_on="2026-03-01")
    post.refresh_from_db()
    cast["owner"].refresh_from_db()
    assert post.ended_on == dt.date(2026, 3, 1) and cast["owner"].role == "member"


def test_the_secretariat_keeps_any_organizations_office(client_for, post, au) -> None:
    page = office(
        client_for("secretariat"), "contact/", email="desk@au.example.org", telephone="",
        version=1,
    )  # fmt: skip
    assert "Your contact details are saved." in page.content.decode()


@pytest.mark.parametrize("path", ["/liaison/", "/liaison/officials.vcf", "/liaison/officials.csv"])
def test_the_anonymous_public_is_sent_to_sign_in(client, post, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    assert client.get("/api/v1/liaison-officials").status_code == 401


def test_the_directory_exports_one_vcard_per_official(client_for, post) -> None:
    LiaisonContact.objects.create(
        appointment=post, email="amina@au.example.org", telephone="+251115517700",
        working_languages="en fr",
    )  # fmt: skip
    body = client_for("partner").get("/liaison/officials.vcf").content.decode()
    assert body.count("BEGIN:VCARD\r\n") == body.count("END:VCARD\r\n") == 1
    assert (
        "FN:Amina Official\r\n" in body
        and "TEL;VALUE=uri;TYPE=work,voice:tel:+251115517700" in body
    )
    assert "LANG;PREF=1:en\r\nLANG;PREF=2:fr\r\n" in body


def test_the_csv_neutralizes_formulas_and_has_an_hxl_row(client_for, cast, au) -> None:
    liaison_appoint(
        actor=cast["secretariat"], organization=au, person_name="=HYPERLINK(1)", started_on=DAY
    )
    response = client_for("outsider").get("/liaison/officials.csv?hxl=1")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[1].startswith("#org+code,#org+name,#contact+name")
    assert "'=HYPERLINK(1)" in lines[2]


def test_the_api_patches_the_profile_with_its_version_and_refuses_a_stale_one(
    client_for, post, au
) -> None:
    client = client_for("owner")
    url = "/api/v1/organizations/AU/profile"
    ok = client.patch(
        url, json.dumps({"version": au.version, "head_name": "X"}), "application/json"
    )
    assert ok.status_code == 200 and ok.json()["version"] == au.version + 1
    stale = client.patch(
        url, json.dumps({"version": au.version, "head_name": "Y"}), "application/json"
    )
    assert stale.status_code == 409 and "Someone else changed" in stale.json()["detail"]
    assert Organization.objects.get(pk=au.pk).head_name == "X"
    assert client_for("anonymous").patch(url, "{}", "application/json").status_code in (401, 422)


def test_the_api_refuses_a_malformed_telephone(client_for, post) -> None:
    response = client_for("owner").patch(
        "/api/v1/organizations/AU/liaison-official",
        json.dumps({"version": 1, "telephone": "12"}),
        "application/json",
    )
    assert response.status_code == 422 and "international form" in response.json()["detail"]
    assert not LiaisonContact.objects.exists()
    listed = client_for("partner").get("/api/v1/liaison-officials").json()
    assert [o["name"] for o in listed] == ["Amina Official"]


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        assert response.status_code == 200
    return len(captured)


def _appoint_all(cast, count: int) -> None:
    for organization in Organization.objects.order_by("acronym")[:count]:
        appointment = liaison_appoint(
            actor=cast["secretariat"],
            organization=organization,
            person_name=f"Official of {organization.acronym}",
            started_on=DAY,
            replace_current=True,
        )
        LiaisonContact.objects.create(appointment=appointment, email="x@example.org")


@pytest.mark.parametrize(
    "path",
    ["/liaison/", "/liaison/officials.vcf", "/liaison/officials.csv", "/api/v1/liaison-officials"],
)
def test_the_directory_runs_the_same_queries_at_two_sizes(client_for, cast, path: str) -> None:
    client = client_for("partner")
    client.get("/liaison/")  # the session's own first-request queries are not the directory's
    _appoint_all(cast, 2)
    small = queries(client, path)
    _appoint_all(cast, 20)
    large = queries(client, path)
    assert small == large, f"{small} queries with 2 officials, {large} with 20"


def test_vcard_text_is_escaped_and_long_lines_folded_at_75_octets() -> None:
    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    folded = fold("NOTE:" + "é" * 60)
    assert all(len(line.encode()) <= 75 for line in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == "NOTE:" + "é" * 60 + "\r\n"
    text = card(Card("1", "A, B", "Org; Inc", "", "", "", ()))
    assert "FN:A\\, B\r\n" in text and "ORG:Org\\; Inc\r\n" in text
