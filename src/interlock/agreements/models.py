from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager


class AgreementKind(models.Model):
    """Framework agreement, memorandum of understanding, … The secretariat may add kinds (¶6:
    "agreements of appropriate kinds")."""

    key = models.SlugField(max_length=60, primary_key=True)
    name = models.CharField(max_length=120)  # in the six languages (translation.py)

    objects: MultilingualManager[AgreementKind] = (
        MultilingualManager()
    )  # the same manager as registered (typed)

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name


class Agreement(models.Model):
    """An agreement between the UN and an organization, or between two organizations, that
    governs "the sharing of information, expertise and resources" (Annex II).

    Its status is derived from its dates (``interlock.agreements.selectors.status_of``):
    negotiation → signed → in force → expired or terminated. Access follows the instant: an
    agreement that expires or is terminated stops opening documents at that moment.
    """

    title = models.CharField(max_length=300)
    kind = models.ForeignKey(AgreementKind, on_delete=models.PROTECT, related_name="agreements")
    party_a = models.ForeignKey("registry.Organization", on_delete=models.PROTECT, related_name="+")
    party_b = models.ForeignKey("registry.Organization", on_delete=models.PROTECT, related_name="+")
    signed_on = models.DateField(null=True, blank=True)
    in_force_from = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    terminated_at = models.DateTimeField(null=True, blank=True)
    covers_expertise = models.BooleanField(default=False)
    covers_resources = models.BooleanField(default=False)
    text = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-in_force_from", "title"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(party_a=F("party_b")), name="agreement_between_two_parties"
            ),
            models.CheckConstraint(
                condition=Q(expires_at__isnull=True)
                | Q(in_force_from__isnull=True)
                | Q(expires_at__gt=F("in_force_from")),
                name="agreement_expires_after_entry_into_force",
            ),
            models.CheckConstraint(
                condition=Q(terminated_at__isnull=True)
                | (Q(in_force_from__isnull=False) & Q(terminated_at__gte=F("in_force_from"))),
                name="agreement_terminated_after_entry_into_force",
            ),
        ]
        indexes = [
            models.Index(fields=["party_a", "in_force_from"]),
            models.Index(fields=["party_b", "in_force_from"]),
        ]

    def __str__(self) -> str:
        return self.title


class Coverage(models.Model):
    """Information on one topic that the agreement opens between its parties, up to a level."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="coverage")
    topic = models.ForeignKey("documents.Topic", on_delete=models.PROTECT, related_name="coverage")
    up_to = models.CharField(
        max_length=16,
        choices=[("partnership", _("Partnership")), ("restricted", _("Restricted"))],
        help_text=_("The highest classification the agreement opens on this topic"),
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agreement", "topic"], name="one_coverage_per_topic")
        ]

    def __str__(self) -> str:
        return f"{self.topic_id} up to {self.up_to}"
