"""The engine's reasons in words: one sentence per code, filled with the reason's numbers, in
the reader's language. The engine itself returns codes and numbers only."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy as _

from interlock.domain.engine import Code
from interlock.domain.peacebuilding import SeatCode

SENTENCES = {
    Code.RELATIVE_EFFECTIVENESS: _(
        "Effectiveness %(effectiveness)s, against %(next_best)s for the next best "
        "(%(next_organization)s)."
    ),
    Code.ONLY_ONE_ABLE: _(
        "The only organization able to take it (effectiveness %(effectiveness)s)."
    ),
    Code.REGIONAL_OWNERSHIP: _(
        "A regional arrangement of the place (%(place)s): Article 52(2) gives it preference "
        "(+%(bonus)s)."
    ),
    Code.CAPACITY_SHADOW_PRICE: _(
        "Its capacity is fully used (%(used)s of %(capacity)s): each further unit would be worth "
        "%(shadow_price)s, so this task's opportunity cost is %(opportunity_cost)s against a "
        "value of %(value)s."
    ),
    Code.CAPACITY_SPARE: _("It has capacity to spare (%(used)s of %(capacity)s used)."),
    Code.STANDING_ENGAGEMENT: _("It is already engaged on this task: switching would cost."),
    Code.AUTHORIZED: _(
        "Enforcement authorized by the Security Council in %(symbol)s (Article 53)."
    ),
    Code.INVALID_AMOUNT: _("The amount needed (%(amount)s) is not a positive number."),
    Code.NO_CAPABILITY: _("No organization has recorded a capability in this domain."),
    Code.WRONG_UNIT: _("Capacity recorded in another unit: %(organizations)s."),
    Code.INVALID_CAPABILITY: _("Capability recorded as zero or out of range: %(organizations)s."),
    Code.OUT_OF_REACH: _("Out of their reach: %(organizations)s."),
    Code.NOT_READY: _("Not ready in time: %(organizations)s."),
    Code.ARTICLE_53: _(
        "Flagged under Article 53: enforcement by a regional arrangement needs the Security "
        "Council's authorization, and none recorded covers it (%(organizations)s)."
    ),
    Code.UNCITED_AUTHORIZATION: _(
        "An authorization recorded without a resolution symbol or date authorizes nothing "
        "(%(symbol)s)."
    ),
    Code.AUTHORIZATION_NOT_IN_FORCE: _(
        "%(symbol)s is not in force on the plan's day (adopted %(adopted_on)s, in force until "
        "%(until)s)."
    ),
    Code.AUTHORIZATION_OTHER_DOMAINS: _("%(symbol)s authorizes other domains."),
    Code.AUTHORIZATION_NOT_NAMING: _(
        "%(symbol)s authorizes only the organizations it names (%(named)s), not %(organizations)s."
    ),
    Code.CAPACITY_EXHAUSTED: _("Capacity exhausted: %(organizations)s."),
    Code.NOT_WORTHWHILE: _("Taking it would cost more than it brings (switching costs)."),
    Code.SOLVER_FAILED: _("The solver did not finish: a simple assignment is shown instead."),
}


def in_words(reason: dict[str, Any]) -> str:
    """One reason ({"code", "params"}) as a sentence; an unknown code is shown as it is."""
    try:
        sentence = SENTENCES[Code(reason["code"])]
    except (KeyError, ValueError):
        return str(reason.get("code", ""))
    try:
        return str(sentence) % reason.get("params", {})
    except (KeyError, TypeError, ValueError):
        return str(sentence)


SEAT_SENTENCES = {
    SeatCode.MEMBER_COUNTRY: _("The country (%(country)s) is among its members."),
    SeatCode.SAME_SUBREGION: _("It has members in the country's subregion (%(region)s)."),
    SeatCode.ENGAGED: _("It is engaged in the situation (%(roles)s)."),
    SeatCode.COMPARATIVE_ADVANTAGE: _(
        "Its comparative advantage in peacebuilding: %(domain)s, effectiveness %(effectiveness)s."
    ),
}


def seat_names(
    reason: dict[str, Any], domains: Mapping[str, str], countries: Mapping[str, str]
) -> dict[str, str]:
    """The names, in the reader's language, of the keys a seat reason carries: its domain (key →
    name in ``domains``), its country (ISO alpha-3 → name in ``countries``), its M49 subregion
    (code → the UNSD's official name) and its roles (labels). A key with no name stored stays as
    it is."""
    from interlock.registry.regions import region_name
    from interlock.situations.models import Role

    params, names = reason.get("params", {}), {}
    if "domain" in params:
        names["domain"] = domains.get(str(params["domain"]), str(params["domain"]))
    if "country" in params:
        names["country"] = countries.get(str(params["country"]), str(params["country"]))
    if "region" in params:
        names["region"] = region_name(str(params["region"])) or str(params["region"])
    if "roles" in params:
        labels = dict(Role.choices)
        names["roles"] = ", ".join(
            str(labels.get(role, role)) for role in str(params["roles"]).split(", ")
        )
    return names


def seat_in_words(reason: dict[str, Any], names: Mapping[str, str] | None = None) -> str:
    """Why a regional organization is proposed for a seat, as a sentence, its keys replaced by
    their ``names`` (:func:`seat_names`)."""
    try:
        sentence = SEAT_SENTENCES[SeatCode(reason["code"])]
    except (KeyError, ValueError):
        return str(reason.get("code", ""))
    try:
        return str(sentence) % {**reason.get("params", {}), **(names or {})}
    except (KeyError, TypeError, ValueError):
        return str(sentence)
