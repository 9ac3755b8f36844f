"""Proposals, decisions and the monitoring of their implementation (¶4, ¶7c).

A proposal is put forward in numbered paragraphs; participants propose modifications to its
paragraphs, which are accepted or not; organizations support it; the secretariat moves it through
its workflow. A decision comes from a meeting (its conclusions, or an endorsed proposal); actions
under it name lead and supporting organizations; indicators carry a reporting schedule whose due
dates the responsible organization's liaison official answers with progress reports. Nothing here
is deleted: reports are archived, proposals withdrawn, decisions superseded.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager

from interlock.domain.amendments import Kind
from interlock.domain.implementation import Status


class ProposalStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_CONSIDERATION = "under_consideration", _("Under consideration")
    ENDORSED = "endorsed", _("Endorsed")
    ENDORSED_WITH_MODIFICATIONS = "endorsed_with_modifications", _("Endorsed with modifications")
    NOT_ENDORSED = "not_endorsed", _("Not endorsed")
    DEFERRED = "deferred", _("Deferred")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Where a proposal may go from each state; the secretariat sets them (services.proposal_move).
PROPOSAL_FLOW: dict[str, tuple[str, ...]] = {
    ProposalStatus.DRAFT: (ProposalStatus.SUBMITTED, ProposalStatus.WITHDRAWN),
    ProposalStatus.SUBMITTED: (ProposalStatus.UNDER_CONSIDERATION, ProposalStatus.WITHDRAWN),
    ProposalStatus.UNDER_CONSIDERATION: (
        ProposalStatus.ENDORSED,
        ProposalStatus.ENDORSED_WITH_MODIFICATIONS,
        ProposalStatus.NOT_ENDORSED,
        ProposalStatus.DEFERRED,
        ProposalStatus.WITHDRAWN,
    ),
    ProposalStatus.DEFERRED: (ProposalStatus.UNDER_CONSIDERATION, ProposalStatus.WITHDRAWN),
    ProposalStatus.ENDORSED: (),
    ProposalStatus.ENDORSED_WITH_MODIFICATIONS: (),
    ProposalStatus.NOT_ENDORSED: (),
    ProposalStatus.WITHDRAWN: (),
}
# Modifications may be proposed and decided while the text is still open.
OPEN_FOR_MODIFICATION = (
    ProposalStatus.DRAFT,
    ProposalStatus.SUBMITTED,
    ProposalStatus.UNDER_CONSIDERATION,
    ProposalStatus.DEFERRED,
)


class ProposerKind(models.TextChoices):
    WORKING_GROUP = "working_group", _("A working group")
    ORGANIZATION = "organization", _("An organization")
    STANDING_COMMITTEE = "standing_committee", _("The standing committee")


class Proposal(models.Model):
    title = models.CharField(max_length=300)
    proposer_kind = models.CharField(max_length=24, choices=ProposerKind.choices)
    working_group = models.ForeignKey(
        "committees.WorkingGroup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
    )
    organization = models.ForeignKey(
        "registry.Organization",
        on_delete=models.PROTECT,
        related_name="proposals",
        help_text=_("The organization that put it forward, or that convenes the group"),
    )
    meeting = models.ForeignKey(
        "meetings.Meeting",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
        help_text=_("The meeting that is to consider it"),
    )
    status = models.CharField(
        max_length=32, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    paragraphs = models.JSONField(default=list, help_text=_("The text as put forward"))
    final_paragraphs = models.JSONField(
        null=True, blank=True, help_text=_("The text as endorsed, once endorsed")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(proposer_kind="working_group") | Q(working_group__isnull=False),
                name="proposal_of_a_group_names_it",
            )
        ]

    def __str__(self) -> str:
        return self.title


class ModificationStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")


MODIFICATION_KINDS = [
    (Kind.REPLACE.value, _("Replace the paragraph")),
    (Kind.INSERT.value, _("Insert after the paragraph")),
    (Kind.DELETE.value, _("Delete the paragraph")),
]


class Modification(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="modifications")
    kind = models.CharField(max_length=8, choices=MODIFICATION_KINDS)
    paragraph = models.PositiveSmallIntegerField()
    text = models.TextField(blank=True)
    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="+"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    proposed_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        max_length=16, choices=ModificationStatus.choices, default=ModificationStatus.PENDING
    )
    reason = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["paragraph", "proposed_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.paragraph}"


class SupportKind(models.TextChoices):
    CO_SPONSOR = "co_sponsor", _("Co-sponsor")
    SUPPORT = "support", _("Supports")


class Support(models.Model):
    """An organization's support for a proposal: the standing committee's "mobilizer" role."""

    proposal = models.ForeignKey(Proposal, on_delete=models.PROTECT, related_name="supports")
    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="+"
    )
    kind = models.CharField(max_length=12, choices=SupportKind.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["recorded_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "organization"], name="one_support_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} {self.kind}"


class Decision(models.Model):
    meeting = models.ForeignKey(
        "meetings.Meeting", on_delete=models.PROTECT, related_name="decisions"
    )
    number = models.PositiveSmallIntegerField(
        help_text=_("Its number among the meeting's decisions")
    )
    title = models.CharField(max_length=300)  # in the six languages (translation.py)
    text = models.TextField()  # in the six languages; the original is English (the source's)
    locator = models.CharField(
        max_length=120, blank=True, help_text=_("Where the outcome document states it")
    )
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    topics = models.ManyToManyField("documents.Topic", blank=True, related_name="+")
    related = models.ManyToManyField("self", blank=True, symmetrical=True)
    superseded_by = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="supersedes"
    )
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    objects: MultilingualManager[Decision] = MultilingualManager()

    class Meta:
        ordering = ["meeting__number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="one_decision_number_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.meeting.number}/{self.number} {self.title}"

    @property
    def reference(self) -> str:
        return f"HLM{self.meeting.number}/{self.number}"


STATUS_CHOICES = [
    (Status.NOT_REPORTED.value, _("Not yet reported")),
    (Status.NOT_STARTED.value, _("Not started")),
    (Status.IN_PROGRESS.value, _("In progress")),
    (Status.ADVANCED.value, _("Advanced")),
    (Status.COMPLETED.value, _("Completed")),
    (Status.DISCONTINUED.value, _("Discontinued")),
]


class Action(models.Model):
    """Work under a decision, led by one organization with others in support."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="actions")
    title = models.CharField(max_length=300)
    lead = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="led_actions"
    )
    supporting = models.ManyToManyField(
        "registry.Organization", blank=True, related_name="supported_actions"
    )
    target_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default=Status.NOT_REPORTED)
    progress = models.FloatField(
        null=True, blank=True, help_text=_("Share done, 0 to 1, from the latest report")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["decision", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__gte=0, progress__lte=1),
                name="action_progress_is_a_share",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Indicator(models.Model):
    """What is measured of an action, and when its lead organization reports on it."""

    action = models.ForeignKey(Action, on_delete=models.PROTECT, related_name="indicators")
    title = models.CharField(max_length=300)
    unit = models.CharField(max_length=60, blank=True)
    target = models.CharField(max_length=120, blank=True)
    reports_from = models.DateField()
    reports_until = models.DateField()
    every_months = models.PositiveSmallIntegerField()
    next_due_on = models.DateField(
        null=True,
        blank=True,
        help_text=_("The first due date without a submitted report; empty when all are in"),
    )

    class Meta:
        ordering = ["action", "id"]
        indexes = [models.Index(fields=["next_due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(reports_until__gte=F("reports_from")),
                name="indicator_schedule_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=Q(every_months__gte=1), name="indicator_reports_at_least_monthly"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class ReportState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    ARCHIVED = "archived", _("Archived")


class ProgressReport(models.Model):
    """One report for one due date of an indicator. Never deleted: the secretariat archives."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="reports")
    due_on = models.DateField()
    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="+"
    )
    state = models.CharField(max_length=10, choices=ReportState.choices, default=ReportState.DRAFT)
    status = models.CharField(max_length=16, choices=STATUS_CHOICES)
    progress = models.FloatField(null=True, blank=True)
    value = models.CharField(max_length=120, blank=True)
    narrative = models.TextField(blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    archived_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["indicator", "due_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "due_on"],
                condition=~Q(state="archived"),
                name="one_live_report_per_due_date",
            ),
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__gte=0, progress__lte=1),
                name="report_progress_is_a_share",
            ),
        ]
        indexes = [models.Index(fields=["state", "due_on"])]

    def __str__(self) -> str:
        return f"{self.indicator} ({self.due_on})"
