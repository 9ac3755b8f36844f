"""How situations and what hangs on them are named elsewhere (the audit trail, notifications):
through the information-sharing policy, like every read of a situation."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from interlock.core.references import register, register_public
from interlock.situations.models import (
    Capability,
    CapabilityDomain,
    Engagement,
    Notification,
    Plan,
    Situation,
)
from interlock.situations.selectors import readable_situations


def _situations(user: Any, at: dt.datetime) -> QuerySet[Situation]:
    return readable_situations(user, at=at)


def _on_situations(model: Any, path: str) -> Any:
    def readable(user: Any, at: dt.datetime) -> QuerySet[Any]:
        return model.objects.filter(**{f"{path}__in": readable_situations(user, at=at)})

    return readable


def _capabilities(user: Any, at: dt.datetime) -> QuerySet[Capability]:
    # Capabilities are not public: participating organizations' signed-in users read them.
    signed_in = getattr(user, "is_authenticated", False)
    return Capability.objects.all() if signed_in else Capability.objects.none()


register(Situation, noun=_("a situation"), readable=_situations)
register(Plan, noun=_("a plan"), readable=_on_situations(Plan, "situation"))
register(Engagement, noun=_("an engagement"), readable=_on_situations(Engagement, "situation"))
register(
    Notification,
    noun=_("a notification"),
    readable=_on_situations(Notification, "engagement__situation"),
)
register(Capability, noun=_("a capability"), readable=_capabilities)
register_public(CapabilityDomain, noun=_("a capability domain"))
