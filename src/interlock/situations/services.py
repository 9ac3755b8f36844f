"""Writes of situations: keyword-only, with the acting user, checked, atomic and audited."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from interlock.core.access import require
from interlock.core.dates import date_format
from interlock.core.i18n import CONTENT_LANGUAGES, FALLBACK, column, shown
from interlock.core.services import StateRefusedError, audit_record
from interlock.documents.models import Classification, Topic
from interlock.domain import engine
from interlock.domain.chapter_viii import article_54_due
from interlock.domain.permissions import Action
from interlock.registry.models import Country, Organization
from interlock.situations import selectors
from interlock.situations.models import (
    AddressedTo,
    Authorization,
    Capability,
    CapabilityDomain,
    ConfigurationSeat,
    Engagement,
    EngagementStatus,
    Kind,
    Notification,
    NotificationRevision,
    PeacebuildingConfiguration,
    Phase,
    Plan,
    PlanStatus,
    PriorEffort,
    Reach,
    Role,
    SeatStatus,
    Situation,
    Task,
    TimelineEntry,
)
from interlock.situations.units import in_unit, unit_name

# S/RES/1590 (2005): the Council's own form of a resolution symbol.
RESOLUTION = re.compile(r"^S/RES/\d{1,5} \(\d{4}\)$")


def situation_create(
    *,
    actor: Any,
    title: str,
    kind: str,
    phase: str,
    owner: Organization,
    classification: str,
    countries: Iterable[Country] = (),
    topics: Iterable[Topic] = (),
    named_readers: Iterable[Organization] = (),
    summary: str = "",
    source: Any = None,
) -> Situation:
    if actor is not None:
        require(actor, Action.RECORD_SITUATION, organization_id=owner.pk)
        if not getattr(actor, "role", None) == "secretariat" and actor.organization_id != owner.pk:
            raise ValidationError(
                {"owner": _("A situation is recorded for one's own organization.")}
            )
    if not title.strip():
        raise ValidationError({"title": _("Give the situation a title.")})
    if kind not in Kind.values or phase not in Phase.values:
        raise ValidationError(_("Choose a kind and a phase from the lists."))
    if classification not in Classification.values:
        raise ValidationError({"classification": _("Choose a classification from the list.")})
    with transaction.atomic():  # the situation, its countries and its audit event together
        situation = Situation.objects.create(
            title=title.strip(),
            kind=kind,
            phase=phase,
            owner=owner,
            classification=classification,
            summary=summary,
            source=source,
            created_by=actor,
        )
        situation.countries.set(list(countries))
        situation.topics.set(list(topics))
        situation.named_readers.set(list(named_readers))
        audit_record(
            actor=actor,
            action="situation.create",
            target=situation,
            organization=owner,
            changes={"classification": [None, classification]},
        )
    return situation


def _edit(actor: Any, situation: Situation) -> None:
    if actor is not None:
        require(actor, Action.EDIT_SITUATION, organization_id=situation.owner_id)


def timeline_add(
    *, actor: Any, situation: Situation, occurred_on: dt.date, text: str, source: Any = None
) -> TimelineEntry:
    _edit(actor, situation)
    if not text.strip():
        raise ValidationError({"text": _("Say what happened.")})
    with transaction.atomic():  # the entry and its audit event together
        entry = TimelineEntry.objects.create(
            situation=situation, occurred_on=occurred_on, text=text.strip(), source=source
        )
        audit_record(
            actor=actor,
            action="situation.timeline_add",
            target=situation,
            organization=situation.owner,
            changes={"occurred_on": [None, occurred_on.isoformat()]},
        )
    return entry


def authorization_add(
    *,
    actor: Any,
    situation: Situation,
    symbol: str,
    adopted_on: dt.date | None,
    authorizes: str,
    domains: Iterable[CapabilityDomain] = (),
    addressed_to: str = AddressedTo.ALL,
    organizations: Iterable[Organization] = (),
    in_force_until: dt.date | None = None,
    source: Any = None,
) -> Authorization:
    """Record a Council authorization: whom it names (or all), what it covers, until when."""
    _edit(actor, situation)
    symbol = " ".join(symbol.split())
    named = sorted(organizations, key=lambda o: o.acronym)
    if not RESOLUTION.match(symbol):
        raise ValidationError(
            {"symbol": _("An authorization cites a resolution, such as S/RES/1590 (2005).")}
        )
    if adopted_on is None:
        raise ValidationError({"adopted_on": _("Give the date the resolution was adopted.")})
    if not authorizes.strip():
        raise ValidationError({"authorizes": _("Say what the resolution authorizes.")})
    if addressed_to not in AddressedTo.values:
        raise ValidationError({"addressed_to": _("Choose whom the resolution authorizes.")})
    if addressed_to == AddressedTo.NAMED and not named:
        raise ValidationError(
            {"organizations": _("Name the organizations the resolution authorizes.")}
        )
    if addressed_to == AddressedTo.ALL and named:
        raise ValidationError(
            {
                "organizations": _(
                    "A resolution addressed to all Member States and regional arrangements "
                    "names no organization: choose one or the other."
                )
            }
        )
    if in_force_until is not None and in_force_until < adopted_on:
        raise ValidationError(
            {"in_force_until": _("An authorization cannot end before it was adopted.")}
        )
    with transaction.atomic():  # the authorization, its scope and its audit event together
        authorization = Authorization.objects.create(
            situation=situation,
            symbol=symbol,
            adopted_on=adopted_on,
            authorizes=authorizes.strip(),
            addressed_to=addressed_to,
            in_force_until=in_force_until,
            source=source,
        )
        authorization.domains.set(list(domains))
        authorization.organizations.set(named)
        audit_record(
            actor=actor,
            action="situation.authorization_add",
            target=situation,
            organization=situation.owner,
            changes={
                "authorization": [None, symbol],
                "addressed_to": [None, ", ".join(o.acronym for o in named) or addressed_to],
                "in_force_until": [
                    None,
                    in_force_until.isoformat() if in_force_until else None,
                ],
            },
        )
    return authorization


def task_add(
    *,
    actor: Any,
    situation: Situation,
    domain: CapabilityDomain,
    description: str,
    amount: Decimal,
    priority: int = 3,
    country: Country | None = None,
    enforcement: bool = False,
    needed_within_days: int | None = None,
) -> Task:
    _edit(actor, situation)
    if not description.strip():
        raise ValidationError({"description": _("Describe the task.")})
    if amount is None or not amount.is_finite() or amount <= 0:
        raise ValidationError({"amount": _("The amount needed must be more than zero.")})
    if not 1 <= priority <= 5:
        raise ValidationError({"priority": _("Priority goes from 1 (lowest) to 5 (highest).")})
    with transaction.atomic():  # the task and its audit event together
        task = Task.objects.create(
            situation=situation,
            domain=domain,
            description=description.strip(),
            amount=amount,
            unit=domain.unit,
            priority=priority,
            country=country,
            enforcement=enforcement,
            needed_within_days=needed_within_days,
        )
        audit_record(
            actor=actor,
            action="situation.task_add",
            target=situation,
            organization=situation.owner,
            changes={"task": [None, f"{domain.pk}: {amount} {domain.unit}"]},
        )
    return task


def capability_set(
    *,
    actor: Any,
    organization: Organization,
    domain: CapabilityDomain,
    effectiveness: Decimal,
    capacity: Decimal,
    unit: str,
    readiness_days: int,
    reach: str,
    version: int | None = None,
    is_demo: bool = False,
) -> Capability:
    """Record or change what ``organization`` can bring to ``domain``. ``version`` is the one the
    editor saw (None for a new capability): a stale edit is refused."""
    if actor is not None:
        require(actor, Action.EDIT_CAPABILITIES, organization_id=organization.pk)
    if not Decimal(0) <= effectiveness <= Decimal(1):
        raise ValidationError({"effectiveness": _("Effectiveness goes from 0 to 1.")})
    if capacity < 0:
        raise ValidationError({"capacity": _("Capacity cannot be negative.")})
    if unit != domain.unit:
        raise ValidationError(
            {
                "unit": _("Capacity in this domain is counted in this unit: %(unit)s.")
                % {"unit": unit_name(domain.unit)}
            }
        )
    if reach not in Reach.values:
        raise ValidationError({"reach": _("Choose a reach from the list.")})
    values = {
        "effectiveness": effectiveness,
        "capacity": capacity,
        "unit": unit,
        "readiness_days": readiness_days,
        "reach": reach,
        "is_demo": is_demo,
    }
    with transaction.atomic():  # the capability and its audit event together
        current = Capability.objects.filter(organization=organization, domain=domain).first()
        if current is None:
            capability = Capability.objects.create(
                organization=organization, domain=domain, **values
            )
            before: dict[str, Any] = {}
        else:
            # Optimistic lock: an edit made on a stale copy is refused, never silently lost.
            if version is not None and version != current.version:
                raise ValidationError(
                    _("Someone else changed this capability meanwhile. Reload and retry.")
                )
            before = {key: str(getattr(current, key)) for key in values}
            Capability.objects.filter(pk=current.pk, version=current.version).update(
                **values, version=current.version + 1
            )
            capability = Capability.objects.get(pk=current.pk)
        audit_record(
            actor=actor,
            action="capability.set",
            target=capability,
            organization=organization,
            changes={
                key: [before.get(key), str(value)]
                for key, value in values.items()
                if before.get(key) != str(value)
            },
        )
    return capability


def plan_propose(*, actor: Any, situation: Situation, day: dt.date | None = None) -> Plan:
    """Run the engine on the situation's tasks and keep the result as a proposed plan."""
    _edit(actor, situation)
    world, demo = selectors.world_of(situation, day=day or timezone.now().date())
    result = engine.solve(world)
    with transaction.atomic():  # the plan and its audit event together
        plan = Plan.objects.create(
            situation=situation,
            result=selectors.plan_as_json(result),
            objective=result.objective,
            greedy_objective=result.greedy_objective,
            uses_demo_data=demo,
            proposed_by=actor,
        )
        audit_record(
            actor=actor,
            action="plan.propose",
            target=plan,
            organization=situation.owner,
            changes={"gaps": [None, len(result.gaps)]},
        )
    return plan


def plan_adopt(*, actor: Any, plan: Plan, day: dt.date | None = None) -> Plan:
    """Adopt a proposed plan: engagements are created (or updated) from it, exactly once.

    Adopting it again changes nothing. Standing engagements the plan no longer needs are
    deactivated. Every start or change of a Chapter VIII organization's engagement drafts an
    Article 54 notification.
    """
    require(actor, Action.ADOPT_PLAN)
    today = day or timezone.now().date()
    with transaction.atomic():
        # The status flips from proposed to adopted in one conditional UPDATE: of two concurrent
        # adoptions one wins, the other finds nothing to do (idempotent).
        won = Plan.objects.filter(pk=plan.pk, status=PlanStatus.PROPOSED).update(
            status=PlanStatus.ADOPTED, adopted_by=actor, adopted_at=timezone.now()
        )
        plan.refresh_from_db()
        if not won:
            if plan.status == PlanStatus.ADOPTED:
                return plan
            raise StateRefusedError(_("This plan was superseded; run the engine again."))
        Plan.objects.filter(situation_id=plan.situation_id, status=PlanStatus.PROPOSED).exclude(
            pk=plan.pk
        ).update(status=PlanStatus.SUPERSEDED)
        _engage(actor, plan, today)
        audit_record(actor=actor, action="plan.adopt", target=plan, organization=actor.organization)
    return plan


def _engage(actor: Any, plan: Plan, today: dt.date) -> None:
    situation = plan.situation
    organizations = selectors.organizations_by_acronym()
    task_ids = {t.pk for t in selectors.tasks(situation)}
    wanted = {
        (a["task"], a["organization"]): a
        for a in plan.result["assignments"]
        if a["task"] in task_ids and a["organization"] in organizations
    }
    standing = {
        (e.task_id, e.organization.acronym): e
        # Engagements from the public record (cited, no plan) are facts, not the plan's to end.
        for e in selectors.engagements(situation).filter(
            status__in=selectors.STANDING, source__isnull=True
        )
    }
    for key, assignment in sorted(wanted.items()):
        role = Role.LEAD if assignment["role"] == "lead" else Role.SUPPORT
        current = standing.get(key)
        if current is None:
            engagement = Engagement.objects.create(
                situation=situation,
                organization=organizations[key[1]],
                task_id=key[0],
                plan=plan,
                role=role,
                share=assignment["share"],
                status=EngagementStatus.ALERTED,
                started_on=today,
                article_52_prior_effort=PriorEffort.UNKNOWN
                if organizations[key[1]].acts_under_chapter_viii
                else PriorEffort.NOT_APPLICABLE,
            )
            _article_54(engagement, before=None)
        elif current.role != role or current.share != assignment["share"]:
            before_role = current.role
            Engagement.objects.filter(pk=current.pk).update(
                role=role, share=assignment["share"], plan=plan, version=current.version + 1
            )
            current.refresh_from_db()
            if before_role != role:
                _article_54(current, before=current.status, role_before=before_role)
    for key, engagement in sorted(standing.items()):
        if key not in wanted:
            _status(actor, engagement, EngagementStatus.DEACTIVATED, today)


def _article_54(engagement: Engagement, *, before: str | None, role_before: str = "") -> None:
    organization = engagement.organization
    if not organization.acts_under_chapter_viii:
        return
    if role_before == "" and not article_54_due(
        chapter_viii=True, before=before, after=engagement.status
    ):
        return
    drafts = draft_article_54(engagement, before=before, role_before=role_before)
    notification = Notification.objects.create(
        engagement=engagement,
        status_before=before or "",
        status_after=engagement.status,
        text=drafts[FALLBACK],
        **{column("text", language): text for language, text in drafts.items()},
    )
    NotificationRevision.objects.bulk_create(
        NotificationRevision(notification=notification, language=language, number=1, text=text)
        for language, text in drafts.items()
    )


def draft_article_54(
    engagement: Engagement, *, before: str | None, role_before: str = ""
) -> dict[str, str]:
    """The letter to the President of the Security Council, from the facts, in each of the six
    official languages (the interface catalogues hold its sentences). The secretariat edits it
    before sending."""
    return {
        language: _draft_in(language, engagement, before=before, role_before=role_before)
        for language in CONTENT_LANGUAGES
    }


def _draft_in(
    language: str, engagement: Engagement, *, before: str | None, role_before: str
) -> str:
    situation = engagement.situation
    task = engagement.task
    with translation.override(language):
        facts = {
            "organization": shown(engagement.organization, "name", language)[0],
            "situation": situation.title,
            "date": date_format(engagement.started_on, "DATE_FORMAT"),
            "role": str(Role(engagement.role).label),
            "status": str(EngagementStatus(engagement.status).label),
        }
        if before is None:
            change = _(
                "In accordance with Article 54 of the Charter of the United Nations, the Security "
                "Council is informed that the %(organization)s, acting under Chapter VIII of the "
                "Charter, began an engagement in the situation “%(situation)s” on %(date)s, in "
                "the role “%(role)s”, with the status “%(status)s”."
            )
        elif role_before:
            facts["before"] = str(Role(role_before).label)
            change = _(
                "In accordance with Article 54 of the Charter of the United Nations, the Security "
                "Council is informed that the %(organization)s, acting under Chapter VIII of the "
                "Charter, has changed its role in the situation “%(situation)s” from "
                "“%(before)s” to “%(role)s”."
            )
        else:
            facts["before"] = str(EngagementStatus(before).label)
            change = _(
                "In accordance with Article 54 of the Charter of the United Nations, the Security "
                "Council is informed that the %(organization)s, acting under Chapter VIII of the "
                "Charter, has changed the status of its engagement in the situation "
                "“%(situation)s” from “%(before)s” to “%(status)s”."
            )
        paragraphs = [_("To the President of the Security Council"), change % facts]
        if task is not None:
            paragraphs.append(
                _("The engagement concerns the task “%(task)s” (%(domain)s: %(quantity)s).")
                % {
                    "task": task.description,
                    "domain": shown(task.domain, "name", language)[0],
                    "quantity": in_unit(task.amount, task.unit),
                }
            )
        symbols = ", ".join(a.symbol for a in situation.authorizations.all())
        paragraphs.append(
            _("Security Council authorizations recorded for this situation: %(symbols)s.")
            % {"symbols": symbols}
            if symbols
            else _("No Security Council authorization is recorded for this situation.")
        )
        paragraphs.append(
            _(
                "A regional effort at peaceful settlement before referral to the Security "
                "Council (Article 52(2)): %(answer)s."
            )
            % {"answer": str(PriorEffort(engagement.article_52_prior_effort).label)}
        )
        return "\n\n".join(str(p) for p in paragraphs)


def _status(actor: Any, engagement: Engagement, status: str, today: dt.date) -> Engagement:
    before = engagement.status
    values: dict[str, Any] = {"status": status}
    if status in (EngagementStatus.DEACTIVATED, EngagementStatus.UNABLE_TO_ACT):
        values["ended_on"] = max(today, engagement.started_on + dt.timedelta(days=1))
    # Optimistic lock: a change made on a stale copy is refused, never silently lost.
    updated = Engagement.objects.filter(pk=engagement.pk, version=engagement.version).update(
        **values, version=engagement.version + 1
    )
    if not updated:
        raise ValidationError(
            _("Someone else changed this engagement meanwhile. Reload and retry.")
        )
    engagement.refresh_from_db()
    _article_54(engagement, before=before)
    audit_record(
        actor=actor,
        action="engagement.status",
        target=engagement,
        organization=engagement.organization,
        changes={"status": [before, status]},
    )
    return engagement


def engagement_set_status(
    *, actor: Any, engagement: Engagement, status: str, day: dt.date | None = None
) -> Engagement:
    """The secretariat or the engaged organization's staff record a change of status."""
    engaged = actor.organization_id == engagement.organization_id
    keeper = engagement.organization_id if engaged else engagement.situation.owner_id
    require(actor, Action.EDIT_SITUATION, organization_id=keeper)
    if status not in EngagementStatus.values:
        raise ValidationError({"status": _("Choose a status from the list.")})
    if status == engagement.status:
        return engagement
    with transaction.atomic():  # the status, its Article 54 draft and the audit event together
        return _status(actor, engagement, status, day or timezone.now().date())


def engagement_record_article_52(
    *, actor: Any, engagement: Engagement, prior_effort: str, note: str = ""
) -> Engagement:
    require(actor, Action.EDIT_SITUATION, organization_id=engagement.situation.owner_id)
    if prior_effort not in PriorEffort.values:
        raise ValidationError({"prior_effort": _("Choose an answer from the list.")})
    with transaction.atomic():  # the record and its audit event together
        updated = Engagement.objects.filter(pk=engagement.pk, version=engagement.version).update(
            article_52_prior_effort=prior_effort,
            article_52_note=note[:300],
            version=engagement.version + 1,
        )
        if not updated:
            raise ValidationError(
                _("Someone else changed this engagement meanwhile. Reload and retry.")
            )
        audit_record(
            actor=actor,
            action="engagement.article_52",
            target=engagement,
            organization=engagement.organization,
            changes={"article_52_prior_effort": [engagement.article_52_prior_effort, prior_effort]},
        )
    engagement.refresh_from_db()
    return engagement


def notification_mark_sent(*, actor: Any, notification: Notification) -> Notification:
    require(actor, Action.SEND_NOTIFICATIONS)
    with transaction.atomic():  # the mark and its audit event together
        updated = Notification.objects.filter(pk=notification.pk, sent_at__isnull=True).update(
            sent_at=timezone.now(), sent_by=actor, version=notification.version + 1
        )
        if updated:
            audit_record(
                actor=actor,
                action="notification.sent",
                target=notification,
                changes={"sent": [False, True]},
            )
    notification.refresh_from_db()
    return notification


def notification_edit(
    *, actor: Any, notification: Notification, language: str, text: str, version: int
) -> Notification:
    """The secretariat's edit of one language's text of a draft. ``version`` is the one the editor
    saw: an edit made on a stale copy is refused. A sent notification is no longer edited."""
    require(actor, Action.SEND_NOTIFICATIONS)
    if language not in CONTENT_LANGUAGES:
        raise ValidationError({"language": _("Choose one of the six official languages.")})
    text = text.strip().replace("\r\n", "\n")
    if not text:
        raise ValidationError({"text": _("A notification cannot be empty.")})
    field = column("text", language)
    with transaction.atomic():  # the text, its revision and the audit event together
        current = Notification.objects.select_for_update().get(pk=notification.pk)
        if current.sent_at is not None:
            raise StateRefusedError(_("This notification was sent: its text is kept as sent."))
        if current.version != version:
            raise StateRefusedError(
                _("Someone else changed this notification meanwhile. Reload and retry.")
            )
        before = getattr(current, field) or ""
        if before == text:
            return current
        values: dict[str, Any] = {field: text, "version": current.version + 1}
        if language == FALLBACK:
            values["text"] = text  # the untranslated column holds the English, as elsewhere
        Notification.objects.filter(pk=current.pk).update(**values)
        last = (
            NotificationRevision.objects.filter(notification=current, language=language)
            .order_by("-number")
            .values_list("number", flat=True)
            .first()
        )
        NotificationRevision.objects.create(
            notification=current,
            language=language,
            number=(last or 0) + 1,
            text=text,
            edited_by=actor,
        )
        audit_record(
            actor=actor,
            action="notification.edit",
            target=current,
            organization=actor.organization,
            changes={"language": [None, language], "revision": [last, (last or 0) + 1]},
        )
    current.refresh_from_db()
    return current


# --- the Peacebuilding Commission's country configurations (Annex II ¶8) ----------------------


def configuration_create(
    *,
    actor: Any,
    country: Country,
    situation: Situation | None = None,
    established_on: dt.date | None = None,
) -> PeacebuildingConfiguration:
    require(actor, Action.MANAGE_PEACEBUILDING)
    if PeacebuildingConfiguration.objects.filter(country=country).exists():
        raise ValidationError({"country": _("This country already has a configuration.")})
    if situation is not None and not situation.countries.filter(pk=country.pk).exists():
        raise ValidationError(
            {"situation": _("The situation it follows must concern the same country.")}
        )
    with transaction.atomic():  # the configuration and its audit event together
        configuration = PeacebuildingConfiguration.objects.create(
            country=country, situation=situation, established_on=established_on, created_by=actor
        )
        audit_record(
            actor=actor,
            action="peacebuilding.configuration_create",
            target=configuration,
            changes={"country": [None, country.pk]},
        )
    return configuration


def seats_propose(
    *, actor: Any, configuration: PeacebuildingConfiguration, day: dt.date | None = None
) -> list[ConfigurationSeat]:
    """Propose seats for regional organizations from the record (``domain.peacebuilding``). The
    proposals replace the earlier ones not adopted; adopted seats stay as they are."""
    require(actor, Action.MANAGE_PEACEBUILDING)
    proposals = selectors.seat_proposals(configuration, day=day or timezone.now().date())
    organizations = selectors.organizations_by_acronym()
    with transaction.atomic():  # the new proposals replace the old ones at once, audited
        adopted = set(
            configuration.seats.filter(status=SeatStatus.ADOPTED).values_list(
                "organization__acronym", flat=True
            )
        )
        configuration.seats.filter(status=SeatStatus.PROPOSED).delete()
        ConfigurationSeat.objects.bulk_create(
            ConfigurationSeat(
                configuration=configuration,
                organization=organizations[p.organization],
                rank=p.rank,
                reasons=[{"code": r.code.value, "params": r.values} for r in p.reasons],
            )
            for p in proposals
            if p.organization not in adopted
        )
        audit_record(
            actor=actor,
            action="peacebuilding.seats_propose",
            target=configuration,
            changes={"proposed": [None, ", ".join(p.organization for p in proposals)]},
        )
    return list(configuration.seats.select_related("organization"))


def seat_adopt(*, actor: Any, seat: ConfigurationSeat) -> ConfigurationSeat:
    """The secretariat gives the organization its seat; adopting it again changes nothing."""
    require(actor, Action.MANAGE_PEACEBUILDING)
    with transaction.atomic():  # the status and its audit event together
        won = ConfigurationSeat.objects.filter(pk=seat.pk, status=SeatStatus.PROPOSED).update(
            status=SeatStatus.ADOPTED, adopted_by=actor, adopted_at=timezone.now()
        )
        if won:
            audit_record(
                actor=actor,
                action="peacebuilding.seat_adopt",
                target=seat.configuration,
                changes={"seat": [None, seat.organization.acronym]},
            )
    seat.refresh_from_db()
    return seat
