"""Two-factor sign-in (django-otp): an authenticator app (TOTP) and single-use recovery codes.

Who must use it: every account that has enrolled, and, when ``INTERLOCK_MFA_REQUIRED`` is on
(the production profile's default), the secretariat and liaison officials, who are sent to enroll
before anything else once signed in. What a session still needs is worked out once per session.
"""

from __future__ import annotations

from base64 import b32encode
from typing import Any, Literal, cast

import segno
from django.conf import settings
from django_otp import user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from interlock.domain.permissions import Role

REQUIRED_ROLES = frozenset({Role.SECRETARIAT.value, Role.LIAISON_OFFICIAL.value})
NEED = "interlock_two_factor_need"
Need = Literal["verify", "enroll", "none"]


def two_factor_need(request: Any, *, user: Any = None) -> Need:
    """What the signed-in, not yet verified session must do before anything else."""
    need = request.session.get(NEED) if user is None else None
    if need is None:
        user = user or request.user
        if user_has_device(user, confirmed=True):
            need = "verify"
        elif settings.MFA_REQUIRED and user.role in REQUIRED_ROLES:
            need = "enroll"
        else:
            need = "none"
        request.session[NEED] = need
    return cast(Need, need)


def forget_need(request: Any) -> None:
    request.session.pop(NEED, None)


def code_matches(key_hex: str, code: str) -> bool:
    """Whether ``code`` is the authenticator's current code (one step of drift either way)."""
    code = code.strip().replace(" ", "")
    if not code.isdigit() or len(code) != 6:
        return False
    return TOTP(bytes.fromhex(key_hex), step=30, t0=0, digits=6).verify(int(code), tolerance=1)


def enrollment_picture(user: Any, key_hex: str) -> tuple[str, str]:
    """The QR code (an SVG data: URI, drawn here: no script, no outside service) and the key
    grouped for typing by hand."""
    url = TOTPDevice(user=user, key=key_hex, name="authenticator").config_url
    secret = b32encode(bytes.fromhex(key_hex)).decode()
    grouped = " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))
    return segno.make(url, micro=False).svg_data_uri(scale=5, border=2), grouped


def normalize_code(code: str) -> str:
    """Recovery codes are shown in lower case; people type them in any case, with spaces."""
    return "".join(code.split()).replace("-", "").lower()
