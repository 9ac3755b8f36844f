"""The Django side of the permission vocabulary: turn a request's user into an
:class:`~interlock.domain.permissions.Actor` and ask :func:`~interlock.domain.permissions.decide`.

Views, the API, exports and feeds call only these helpers, never ``decide`` with ad-hoc checks.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied

from interlock.core.reasons import in_words
from interlock.domain.decisions import Decision
from interlock.domain.permissions import Action, Actor, Role, decide


def actor_of(user: Any) -> Actor:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Actor.anonymous()
    return Actor(user_id=user.pk, organization_id=user.organization_id, role=Role(user.role))


def can(user: Any, action: Action, *, organization_id: int | None = None) -> Decision:
    return decide(actor_of(user), action, organization_id=organization_id)


def require(user: Any, action: Action, *, organization_id: int | None = None) -> None:
    """Raise ``PermissionDenied`` with the reason unless the user may do ``action``."""
    decision = can(user, action, organization_id=organization_id)
    if not decision:
        raise PermissionDenied(in_words(decision.reason))
