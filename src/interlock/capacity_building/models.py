"""Capacity-building plans (¶4: "the proposed 10-year capacity-building plan for the African
Union"; DESIGN.md §1, row ¶4).

A plan belongs to its beneficiary organization and is classified like a document: who may see it
is the information-sharing policy's answer (``capacity_building.selectors.readable_plans``). It
has ordered pillars (the plan's areas, optionally tied to capability domains), milestones by
year with a status, and partners' contributions. Progress is computed from the milestones
(``interlock.domain.capacity``), never typed in. Where a source is silent the value is stored as
unknown (a blank year, a blank amount, the status "unknown") and the pages say so.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager

from interlock.documents.models import Classification


class PlanStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    UNDER_WAY = "under_way", _("Under way")
    COMPLETED = "completed", _("Completed")
    DISCONTINUED = "discontinued", _("Discontinued")
    UNKNOWN = "unknown", _("Unknown")


class MilestoneStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    DELAYED = "delayed", _("Delayed")
    DROPPED = "dropped", _("Dropped")
    UNKNOWN = "unknown", _("Unknown")


class ContributionKind(models.TextChoices):
    FUNDING = "funding", _("Funding")
    EXPERTS = "experts", _("Experts")
    TRAINING = "training", _("Training")
    EQUIPMENT = "equipment", _("Equipment")
    OTHER = "other", _("Other")


class CapacityPlan(models.Model):
    beneficiary = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="capacity_plans"
    )
    title = models.CharField(max_length=300)  # in the six languages (translation.py)
    summary = models.TextField(blank=True)  # in the six languages (translation.py)
    # Blank: the source does not state the year.
    start_year = models.PositiveSmallIntegerField(null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=PlanStatus.choices)
    classification = models.CharField(max_length=16, choices=Classification.choices)
    topics = models.ManyToManyField("documents.Topic", blank=True, related_name="+")
    named_readers = models.ManyToManyField("registry.Organization", blank=True, related_name="+")
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # The reference data's plans are keyed so that loading twice changes nothing.
    key = models.SlugField(max_length=80, null=True, blank=True, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    objects: MultilingualManager[CapacityPlan] = MultilingualManager()

    class Meta:
        ordering = ["-start_year", "title_en", "pk"]
        indexes = [models.Index(fields=["beneficiary", "classification"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="capacity_plan_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Pillar(models.Model):
    """One area of a plan, in the plan's order (``position`` 1, 2, …)."""

    plan = models.ForeignKey(CapacityPlan, on_delete=models.PROTECT, related_name="pillars")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)  # in the six languages (translation.py)
    domains = models.ManyToManyField("situations.CapabilityDomain", blank=True, related_name="+")
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    objects: MultilingualManager[Pillar] = MultilingualManager()

    class Meta:
        ordering = ["plan", "position"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "position"], name="one_pillar_per_position")
        ]

    def __str__(self) -> str:
        return self.title


class Milestone(models.Model):
    """What a pillar should reach by a year; its status says how far it is. The evidence is a
    document of the library, named to each reader through the reading policy."""

    pillar = models.ForeignKey(Pillar, on_delete=models.PROTECT, related_name="milestones")
    # Blank: the target year is not known.
    target_year = models.PositiveSmallIntegerField(null=True, blank=True)
    description = models.CharField(max_length=500)  # in the six languages (translation.py)
    status = models.CharField(
        max_length=16, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED
    )
    evidence = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    objects: MultilingualManager[Milestone] = MultilingualManager()

    class Meta:
        ordering = ["pillar__position", "target_year", "pk"]

    def __str__(self) -> str:
        return self.description


class Contribution(models.Model):
    """A partner's contribution to a plan (to one pillar, or to the whole plan). ``amount`` blank:
    not known; ``unit`` says what it counts (USD, experts, courses, …)."""

    plan = models.ForeignKey(CapacityPlan, on_delete=models.PROTECT, related_name="contributions")
    pillar = models.ForeignKey(
        Pillar, null=True, blank=True, on_delete=models.PROTECT, related_name="contributions"
    )
    partner = models.ForeignKey("registry.Organization", on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(max_length=16, choices=ContributionKind.choices)
    amount = models.DecimalField(max_digits=16, decimal_places=2, null=True, blank=True)
    unit = models.CharField(max_length=40, blank=True)
    start_year = models.PositiveSmallIntegerField(null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(null=True, blank=True)
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["plan", "partner__short_name_en", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="contribution_amount_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(start_year__isnull=True)
                | Q(end_year__isnull=True)
                | Q(end_year__gte=models.F("start_year")),
                name="contribution_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner_id} to plan {self.plan_id} ({self.kind})"
