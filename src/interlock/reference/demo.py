"""Demo sign-ins: one account per role, for trying Interlock out. Never used in production.

Passwords are random, made on first creation and kept in ``var/demo-sign-ins.txt`` so that
``make run`` can print them every time.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from interlock.accounts.models import User
from interlock.accounts.services import user_create
from interlock.domain.permissions import Role
from interlock.registry.models import LiaisonAppointment, Organization


@dataclass(frozen=True)
class DemoAccount:
    username: str
    organization: str
    role: Role
    liaison: bool = False


DEMO_ACCOUNTS = (
    DemoAccount("secretariat", "UN", Role.SECRETARIAT),
    DemoAccount("au.liaison", "AU", Role.LIAISON_OFFICIAL, liaison=True),
    DemoAccount("au.member", "AU", Role.MEMBER),
    DemoAccount("eu.liaison", "EU", Role.LIAISON_OFFICIAL, liaison=True),
    DemoAccount("researcher", "UNU-CRIS", Role.RESEARCH_PARTNER),
    DemoAccount("osce.observer", "OSCE", Role.OBSERVER),
)


def _read(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    pairs = (line.split()[:2] for line in path.read_text().splitlines() if line.strip())
    return {pair[0]: pair[1] for pair in pairs if len(pair) == 2}


def _keep_up_to_date(
    user: User, account: DemoAccount, organization: Organization, password: str
) -> None:
    """An existing demo account follows the list: the researcher, once of the UN, now belongs to
    the research partner (¶7f)."""
    fields = []
    if not user.check_password(password):
        user.set_password(password)
        fields.append("password")
    if user.organization_id != organization.pk:
        user.organization = organization
        fields.append("organization")
    if fields:
        user.save(update_fields=fields)


def demo_accounts_ensure(*, path: Path) -> list[tuple[DemoAccount, str]]:
    known = _read(path)
    result = []
    with transaction.atomic():  # all demo accounts or none
        for account in DEMO_ACCOUNTS:
            password = known.get(account.username) or secrets.token_urlsafe(12)
            organization = Organization.objects.get(acronym=account.organization)
            user = User.objects.filter(username=account.username).first()
            if user is None:
                user = user_create(
                    actor=None,
                    username=account.username,
                    email=f"{account.username}@demo.invalid",
                    organization=organization,
                    role=account.role,
                    password=password,
                    validate=False,
                )
                if account.role is Role.SECRETARIAT:
                    # The secretariat administers the partnership, Django's admin included.
                    user.is_staff = user.is_superuser = True
                    user.save(update_fields=["is_staff", "is_superuser"])
            else:
                _keep_up_to_date(user, account, organization, password)
            if (
                account.liaison
                and not LiaisonAppointment.objects.filter(
                    organization=organization, ended_on__isnull=True
                ).exists()
            ):
                LiaisonAppointment.objects.create(
                    organization=organization,
                    person_name=f"{account.username} (demo account, not a real official)",
                    user=user,
                    started_on=dt.date.today(),
                )
            result.append((account, password))
        # Demo capabilities come with the demo accounts only, marked as demo data.
        from interlock.situations.demo import demo_capabilities_ensure

        demo_capabilities_ensure()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(f"{a.username} {p}\n" for a, p in result))
    path.chmod(0o600)
    return result
