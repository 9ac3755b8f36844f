"""How agreements are named elsewhere: to whoever may view agreements (every signed-in user)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from interlock.agreements.models import Agreement, AgreementKind
from interlock.core.access import can
from interlock.core.references import register, register_public
from interlock.domain.permissions import Action


def _agreements(user: Any, at: dt.datetime) -> QuerySet[Agreement] | None:
    return None if can(user, Action.VIEW_AGREEMENTS) else Agreement.objects.none()


register(Agreement, noun=_("an agreement"), readable=_agreements)
register_public(AgreementKind, noun=_("a kind of agreement"))
