from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager


class Meeting(models.Model):
    """A high-level meeting between the UN and regional and other intergovernmental organizations."""

    number = models.PositiveSmallIntegerField(unique=True, help_text=_("Sixth, seventh, …"))
    title = models.CharField(max_length=300)  # title and theme in the six languages
    theme = models.CharField(max_length=300, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    venue = models.CharField(max_length=200)
    record_symbol = models.CharField(max_length=60, blank=True)
    reported_participants = models.PositiveSmallIntegerField(null=True, blank=True)
    reported_head_level = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("Delegations at the level of head of organization, as the record reports them"),
    )
    source = models.ForeignKey("core.Source", on_delete=models.PROTECT, related_name="+")

    objects: MultilingualManager[Meeting] = (
        MultilingualManager()
    )  # the same manager as registered (typed)

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="meeting_ends_on_or_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.title


class DelegationLevel(models.TextChoices):
    HEAD_OF_ORGANIZATION = "head", _("Head of organization")
    OTHER = "other", _("Below head of organization")
    UNKNOWN = "unknown", _("Unknown")


class Delegation(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="delegations")
    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="delegations"
    )
    level = models.CharField(
        max_length=10, choices=DelegationLevel.choices, default=DelegationLevel.UNKNOWN
    )
    level_source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    representation_note = models.CharField(max_length=300, blank=True)
    source = models.ForeignKey("core.Source", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["organization__short_name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organization"], name="one_delegation_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} at {self.meeting}"
