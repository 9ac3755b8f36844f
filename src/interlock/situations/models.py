"""Situations and the division of labour (¶2, ¶5, Annex II; DESIGN.md §4 and §5).

A situation is owned by an organization and classified like a document: who may see it is the
information-sharing policy's answer (``situations.selectors.readable_situations``). Its tasks go
through the engine (``interlock.domain.engine``); a plan is proposed, then adopted by the
secretariat, and adopting it creates the engagements. Article 54 notifications are drafted from the
engagements of organizations acting under Chapter VIII.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager

from interlock.documents.models import Classification


class Kind(models.TextChoices):
    ARMED_CONFLICT = "armed_conflict", _("Armed conflict")
    POLITICAL_CRISIS = "political_crisis", _("Political crisis")
    TERRORISM = "terrorism", _("Terrorism")
    NATURAL_DISASTER = "natural_disaster", _("Natural disaster")
    HEALTH_EMERGENCY = "health_emergency", _("Health emergency")
    OTHER = "other", _("Other")


class Phase(models.TextChoices):
    PREVENTION = "prevention", _("Prevention")
    CRISIS_RESPONSE = "crisis_response", _("Crisis response")
    PEACEKEEPING = "peacekeeping", _("Peacekeeping")
    PEACEBUILDING = "peacebuilding", _("Peacebuilding")


class Reach(models.TextChoices):
    MEMBERS_ONLY = "members_only", _("Members only")
    REGION = "region", _("Its region")
    GLOBAL = "global", _("Global")


class CapabilityDomain(models.Model):
    """Mediation, police, disaster relief, …: data, not code. ``unit`` is the stated unit in
    which tasks and capacities of the domain are counted."""

    key = models.SlugField(max_length=60, primary_key=True)
    name = models.CharField(max_length=120)  # in the six languages (translation.py)
    unit = models.CharField(max_length=40)

    objects: MultilingualManager[CapabilityDomain] = MultilingualManager()

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name


class Capability(models.Model):
    """What an organization can bring to one domain, kept by its liaison official (¶7d)."""

    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="capabilities"
    )
    domain = models.ForeignKey(CapabilityDomain, on_delete=models.PROTECT, related_name="+")
    effectiveness = models.DecimalField(max_digits=4, decimal_places=3)
    capacity = models.DecimalField(max_digits=12, decimal_places=2)
    unit = models.CharField(max_length=40)
    readiness_days = models.PositiveIntegerField(default=0)
    reach = models.CharField(max_length=16, choices=Reach.choices, default=Reach.REGION)
    # Capabilities are not public: the ones shipped are made up for the demo, and say so.
    is_demo = models.BooleanField(default=False)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["organization__short_name_en", "domain__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "domain"], name="one_capability_per_domain"
            ),
            models.CheckConstraint(
                condition=Q(effectiveness__gte=0, effectiveness__lte=1),
                name="capability_effectiveness_0_to_1",
            ),
            models.CheckConstraint(
                condition=Q(capacity__gte=0), name="capability_capacity_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id}: {self.domain_id}"


class Situation(models.Model):
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=24, choices=Kind.choices)
    phase = models.CharField(max_length=24, choices=Phase.choices)
    countries = models.ManyToManyField("registry.Country", related_name="+")
    summary = models.TextField(blank=True)
    owner = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="situations"
    )
    classification = models.CharField(max_length=16, choices=Classification.choices)
    topics = models.ManyToManyField("documents.Topic", blank=True, related_name="+")
    named_readers = models.ManyToManyField("registry.Organization", blank=True, related_name="+")
    # A situation from the public record: its facts cite their sources.
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "pk"]
        indexes = [models.Index(fields=["owner", "classification"])]

    def __str__(self) -> str:
        return self.title


class TimelineEntry(models.Model):
    situation = models.ForeignKey(Situation, on_delete=models.PROTECT, related_name="timeline")
    occurred_on = models.DateField()
    text = models.TextField()
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["occurred_on", "pk"]

    def __str__(self) -> str:
        return f"{self.occurred_on}: {self.text[:60]}"


class AddressedTo(models.TextChoices):
    """Whom a resolution authorizes: the Council names organizations, or addresses all."""

    ALL = "all", _("All Member States and regional arrangements")
    NAMED = "named", _("The organizations it names")


class Authorization(models.Model):
    """A Security Council authorization (Article 53): no resolution symbol, no authorization.

    It authorizes the organizations it names (``addressed_to`` = named) or all Member States and
    regional arrangements, from its adoption to ``in_force_until`` (empty: no end stated).
    """

    situation = models.ForeignKey(
        Situation, on_delete=models.PROTECT, related_name="authorizations"
    )
    symbol = models.CharField(max_length=40)
    adopted_on = models.DateField()
    authorizes = models.TextField()
    # Empty: the authorization is not narrowed to domains.
    domains = models.ManyToManyField(CapabilityDomain, blank=True, related_name="+")
    addressed_to = models.CharField(
        max_length=8, choices=AddressedTo.choices, default=AddressedTo.ALL
    )
    organizations = models.ManyToManyField("registry.Organization", blank=True, related_name="+")
    in_force_until = models.DateField(null=True, blank=True)
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["adopted_on", "symbol"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(symbol=""), name="authorization_cites_a_resolution"
            ),
            models.CheckConstraint(
                condition=Q(in_force_until__isnull=True)
                | Q(in_force_until__gte=models.F("adopted_on")),
                name="authorization_ends_after_adoption",
            ),
        ]

    def __str__(self) -> str:
        return self.symbol


class Task(models.Model):
    situation = models.ForeignKey(Situation, on_delete=models.PROTECT, related_name="tasks")
    domain = models.ForeignKey(CapabilityDomain, on_delete=models.PROTECT, related_name="+")
    description = models.CharField(max_length=300)
    amount = models.DecimalField(max_digits=12, decimal_places=2)
    unit = models.CharField(max_length=40)
    priority = models.PositiveSmallIntegerField(default=3)
    country = models.ForeignKey(
        "registry.Country", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    enforcement = models.BooleanField(default=False)
    needed_within_days = models.PositiveIntegerField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-priority", "pk"]

    def __str__(self) -> str:
        return self.description


class PlanStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ADOPTED = "adopted", _("Adopted")
    SUPERSEDED = "superseded", _("Superseded")


class Plan(models.Model):
    """One run of the engine on a situation, kept with its result (assignments, gaps, reasons)."""

    situation = models.ForeignKey(Situation, on_delete=models.PROTECT, related_name="plans")
    status = models.CharField(
        max_length=16, choices=PlanStatus.choices, default=PlanStatus.PROPOSED
    )
    result = models.JSONField()
    objective = models.FloatField()
    greedy_objective = models.FloatField()
    uses_demo_data = models.BooleanField(default=False)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    adopted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-proposed_at", "-pk"]

    def __str__(self) -> str:
        return f"plan {self.pk} of situation {self.situation_id}"


class Role(models.TextChoices):
    LEAD = "lead", _("Lead")
    PARTNER = "partner", _("Partner")
    SUPPORT = "support", _("Support")


class EngagementStatus(models.TextChoices):
    ALERTED = "alerted", _("Alerted")
    STANDING_BY = "standing_by", _("Standing by")
    ACTIVE = "active", _("Active")
    DEACTIVATED = "deactivated", _("Deactivated")
    UNABLE_TO_ACT = "unable_to_act", _("Unable to act")


class PriorEffort(models.TextChoices):
    """Article 52(2): did a regional effort at peaceful settlement precede referral?"""

    YES = "yes", _("Yes")
    NO = "no", _("No")
    UNKNOWN = "unknown", _("Unknown")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class Engagement(models.Model):
    """Who does what where: one organization's part in a situation (for one task of a plan)."""

    situation = models.ForeignKey(Situation, on_delete=models.PROTECT, related_name="engagements")
    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="engagements"
    )
    task = models.ForeignKey(
        Task, null=True, blank=True, on_delete=models.PROTECT, related_name="engagements"
    )
    plan = models.ForeignKey(
        Plan, null=True, blank=True, on_delete=models.PROTECT, related_name="engagements"
    )
    role = models.CharField(max_length=16, choices=Role.choices)
    share = models.FloatField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=EngagementStatus.choices)
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    article_52_prior_effort = models.CharField(
        max_length=16, choices=PriorEffort.choices, default=PriorEffort.UNKNOWN
    )
    article_52_note = models.CharField(max_length=300, blank=True)
    # An engagement from the public record cites its source (reference data); one made by adopting
    # a plan has none: the plan is its record.
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["situation", "task", "role", "organization__short_name_en"]
        constraints = [
            # Loading the reference data twice records a cited engagement once.
            models.UniqueConstraint(
                fields=["situation", "organization", "source"],
                condition=Q(source__isnull=False),
                name="one_cited_engagement_per_source",
            ),
            # Adopting a plan twice creates its engagements once.
            models.UniqueConstraint(
                fields=["plan", "task", "organization"], name="one_engagement_per_plan_task"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gt=models.F("started_on")),
                name="engagement_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization_id} in situation {self.situation_id} ({self.role})"


class Notification(models.Model):
    """Article 54: the Security Council kept fully informed. Drafted from the facts when a
    Chapter VIII organization's engagement starts or changes, in the six official languages
    (``text`` is registered in translation.py); the secretariat may edit each language's text
    until the notification is marked sent. Every text, drafted or edited, is kept as a
    :class:`NotificationRevision`."""

    engagement = models.ForeignKey(
        Engagement, on_delete=models.PROTECT, related_name="notifications"
    )
    status_before = models.CharField(max_length=16, blank=True, choices=EngagementStatus.choices)
    status_after = models.CharField(max_length=16, choices=EngagementStatus.choices)
    text = models.TextField()
    drafted_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["sent_at", "-drafted_at", "-pk"]
        indexes = [models.Index(fields=["sent_at", "drafted_at"])]

    objects: MultilingualManager[Notification] = MultilingualManager()

    def __str__(self) -> str:
        return f"Article 54 notification {self.pk}"


class NotificationRevision(models.Model):
    """One language's text of a notification as drafted (``number`` 1, no editor) or edited."""

    notification = models.ForeignKey(
        Notification, on_delete=models.PROTECT, related_name="revisions"
    )
    language = models.CharField(max_length=8)
    number = models.PositiveIntegerField()
    text = models.TextField()
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    edited_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["notification", "language", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["notification", "language", "number"], name="one_revision_number"
            )
        ]

    def __str__(self) -> str:
        return f"notification {self.notification_id} ({self.language}) revision {self.number}"


class PeacebuildingConfiguration(models.Model):
    """A country configuration of the Peacebuilding Commission (established on 20 December 2005
    by A/RES/60/180 and S/RES/1645 (2005); country-specific meetings include "relevant regional
    and subregional organizations", A/RES/60/1 ¶100(b)). It follows a situation, whose
    peacebuilding tasks go through the engine there."""

    country = models.OneToOneField("registry.Country", on_delete=models.PROTECT, related_name="+")
    situation = models.ForeignKey(
        Situation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="configurations",
    )
    # The day the Commission took the country on its agenda: empty where it is not recorded.
    established_on = models.DateField(null=True, blank=True)
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["country__name_en"]

    def __str__(self) -> str:
        return f"Peacebuilding Commission configuration: {self.country_id}"


class SeatStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ADOPTED = "adopted", _("Adopted")


class ConfigurationSeat(models.Model):
    """A seat for a regional organization in a configuration ("a seat and a voice at the table",
    Annex II ¶8): proposed from the record with its reasons, adopted by the secretariat."""

    configuration = models.ForeignKey(
        PeacebuildingConfiguration, on_delete=models.PROTECT, related_name="seats"
    )
    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(
        max_length=16, choices=SeatStatus.choices, default=SeatStatus.PROPOSED
    )
    rank = models.PositiveSmallIntegerField(default=0)
    reasons = models.JSONField(default=list)
    proposed_at = models.DateTimeField(auto_now_add=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    adopted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["configuration", "status", "rank", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["configuration", "organization"], name="one_seat_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"seat of {self.organization_id} in {self.configuration_id}"
