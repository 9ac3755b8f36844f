"""Two-factor sign-in: enrollment with an authenticator (a known key here), verification at each
sign-in, single-use recovery codes, and enrollment required of the secretariat and liaison
officials when INTERLOCK_MFA_REQUIRED is on."""

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import CAST_PASSWORD
from interlock.accounts.services import recovery_codes_renew, two_factor_enroll
from interlock.accounts.views import ENROLLING

pytestmark = pytest.mark.django_db

KEY = "3132333435363738393031323334353637383930"  # RFC 6238's test key, "1234567890" twice


def _code(key: str = KEY) -> str:
    return f"{TOTP(bytes.fromhex(key)).token():06d}"


def _sign_in(client, username: str):
    return client.post("/accounts/sign-in/", {"username": username, "password": CAST_PASSWORD})


def test_the_secretariat_is_sent_to_enroll_before_anything_else(client, settings) -> None:
    settings.MFA_REQUIRED = True
    _sign_in(client, "secretariat")
    response = client.get("/documents/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/two-factor/?next=%2Fdocuments%2F"
    assert client.get("/audit/").status_code == 302
    assert client.get("/api/v1/me").json()["authenticated"] is False  # not signed in for the API
    assert client.get("/accounts/two-factor/").status_code == 200


def test_a_member_is_not_required_to_enroll(client, settings) -> None:
    settings.MFA_REQUIRED = True
    _sign_in(client, "au.member")
    assert client.get("/accounts/profile/").status_code == 200


def test_without_the_requirement_a_liaison_official_goes_straight_in(client, settings) -> None:
    settings.MFA_REQUIRED = False
    _sign_in(client, "au.liaison")
    assert client.get("/accounts/profile/").status_code == 200


def test_enrollment_with_a_known_key_turns_it_on_and_shows_recovery_codes_once(
    client, settings, cast
) -> None:
    settings.MFA_REQUIRED = True
    _sign_in(client, "au.liaison")
    session = client.session
    session[ENROLLING] = KEY
    session.save()
    page = client.get("/accounts/two-factor/?next=/documents/").content.decode()
    assert '<img class="qr" src="data:image/svg+xml' in page
    assert "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ" in page  # the key, base32, for typing
    wrong = client.post("/accounts/two-factor/", {"code": "000000", "next": "/documents/"})
    assert "That code is not right" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=cast["owner"]).exists()
    done = client.post("/accounts/two-factor/", {"code": _code(), "next": "/documents/"})
    assert done["Location"] == "/documents/"
    assert TOTPDevice.objects.get(user=cast["owner"]).confirmed
    profile = client.get("/accounts/profile/")
    assert len(profile.context["new_recovery_codes"]) == 10
    assert client.get("/accounts/profile/").context["new_recovery_codes"] is None


def test_an_enrolled_account_must_give_a_code_at_every_sign_in(client, cast, settings) -> None:
    settings.MFA_REQUIRED = False  # once enrolled, always asked, whatever the setting
    two_factor_enroll(actor=cast["owner_member"], key_hex=KEY, code=_code())
    _sign_in(client, "au.member")
    asked = client.get("/accounts/profile/")
    assert asked["Location"] == "/accounts/two-factor/verify/?next=%2Faccounts%2Fprofile%2F"
    verified = client.post(
        "/accounts/two-factor/verify/", {"code": _code(), "next": "/accounts/profile/"}
    )
    assert verified["Location"] == "/accounts/profile/"
    assert client.get("/accounts/profile/").status_code == 200
    assert client.get("/api/v1/me").json()["authenticated"] is True


def test_a_wrong_code_is_refused_with_a_message(client, cast) -> None:
    two_factor_enroll(actor=cast["owner_member"], key_hex=KEY, code=_code())
    _sign_in(client, "au.member")
    refused = client.post("/accounts/two-factor/verify/", {"code": "123456"})
    assert "That code is not right" in refused.content.decode()
    assert client.get("/accounts/profile/").status_code == 302


def test_a_recovery_code_works_once(client, cast, settings) -> None:
    settings.OTP_STATIC_THROTTLE_FACTOR = 0  # no back-off between the test's quick attempts
    _device, codes = two_factor_enroll(actor=cast["owner_member"], key_hex=KEY, code=_code())
    _sign_in(client, "au.member")
    typed = codes[0].upper()[:4] + " " + codes[0].upper()[4:]  # as a person may type it
    assert client.post("/accounts/two-factor/verify/", {"code": typed}).status_code == 302
    assert client.get("/accounts/profile/").context["recovery_codes_left"] == 9
    client.post("/accounts/sign-out/")
    _sign_in(client, "au.member")
    again = client.post("/accounts/two-factor/verify/", {"code": codes[0]})
    assert "That code is not right" in again.content.decode()
    assert client.post("/accounts/two-factor/verify/", {"code": codes[1]}).status_code == 302


def test_new_recovery_codes_replace_the_old_ones(client_for, cast) -> None:
    _device, old = two_factor_enroll(actor=cast["owner_member"], key_hex=KEY, code=_code())
    new = recovery_codes_renew(actor=cast["owner_member"])
    tokens = set(
        StaticToken.objects.filter(device__user=cast["owner_member"]).values_list(
            "token", flat=True
        )
    )
    assert tokens == set(new) and not tokens & set(old)


def test_the_profile_renews_recovery_codes_for_a_verified_session(client, cast) -> None:
    two_factor_enroll(actor=cast["owner_member"], key_hex=KEY, code=_code())
    _sign_in(client, "au.member")
    client.post("/accounts/two-factor/verify/", {"code": _code()})
    page = client.post("/accounts/two-factor/recovery-codes/", follow=True)
    assert len(page.context["new_recovery_codes"]) == 10


def _staff(client_for, cast):
    secretariat = cast["secretariat"]
    secretariat.is_staff = secretariat.is_superuser = True
    secretariat.save()
    return client_for("secretariat")


def test_removing_a_lost_authenticator_in_the_admin_is_audited(client_for, cast) -> None:
    from interlock.core.models import AuditEvent

    owner = cast["owner"]
    two_factor_enroll(actor=owner, key_hex=KEY, code=_code())
    device = TOTPDevice.objects.get(user=owner)
    staff = _staff(client_for, cast)
    page = staff.get(f"/admin/otp_totp/totpdevice/{device.pk}/change/")
    assert KEY not in page.content.decode()  # staff never see the key
    response = staff.post(f"/admin/otp_totp/totpdevice/{device.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=owner).exists()
    event = AuditEvent.objects.get(action="user.two_factor_remove")
    assert (event.actor_label, event.target_id) == ("secretariat", str(owner.pk))
    assert event.changes == {"device": ["authenticator: authenticator", None]}


def test_removing_recovery_codes_in_bulk_in_the_admin_is_audited(client_for, cast) -> None:
    from django_otp.plugins.otp_static.models import StaticDevice

    from interlock.core.models import AuditEvent

    owner = cast["owner"]
    two_factor_enroll(actor=owner, key_hex=KEY, code=_code())
    staff = _staff(client_for, cast)
    device = StaticDevice.objects.get(user=owner)
    response = staff.post(
        "/admin/otp_static/staticdevice/",
        {"action": "delete_selected", "_selected_action": [device.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert not StaticDevice.objects.filter(user=owner).exists()
    assert (
        AuditEvent.objects.filter(action="user.two_factor_remove", target_id=str(owner.pk)).count()
        == 1
    )
