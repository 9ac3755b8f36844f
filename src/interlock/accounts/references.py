"""How accounts are named elsewhere: to those who manage users, and a person to themselves."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from interlock.accounts.models import ApiToken, User
from interlock.core.access import can
from interlock.core.references import register
from interlock.domain.permissions import Action


def _users(user: Any, at: dt.datetime) -> QuerySet[User] | None:
    if can(user, Action.MANAGE_USERS):
        return None
    return User.objects.filter(pk=getattr(user, "pk", None) or 0)


def _tokens(user: Any, at: dt.datetime) -> QuerySet[ApiToken] | None:
    if can(user, Action.MANAGE_USERS):
        return None
    return ApiToken.objects.filter(user_id=getattr(user, "pk", None) or 0)


register(User, noun=_("a user"), readable=_users)
register(ApiToken, noun=_("an API token"), readable=_tokens)
