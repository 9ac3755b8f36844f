from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager


class BodyKind(models.TextChoices):
    WORKING_GROUP = "working_group", _("Working group")
    # Appendix, paragraph 4: "a group of leading personalities from various sectors of society".
    LEADING_PERSONALITIES = "leading_personalities", _("Group of leading personalities")


class WorkingGroup(models.Model):
    """A working body of the partnership: one of the working groups whose proposals the sixth
    meeting endorsed (¶4), a group the secretariat adds (such as one on disaster relief, ¶5), or
    the group of leading personalities of the Appendix."""

    key = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=24, choices=BodyKind.choices, default=BodyKind.WORKING_GROUP)
    name = models.CharField(max_length=200)  # in the six languages (translation.py)
    position = models.PositiveSmallIntegerField(help_text="Order in which the source lists it")
    source = models.ForeignKey("core.Source", on_delete=models.PROTECT, related_name="+")

    objects: MultilingualManager[WorkingGroup] = (
        MultilingualManager()
    )  # the same manager as registered (typed)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name


class WorkingGroupDetails(models.Model):
    """What a working group is as a working body: its theme, who convenes and chairs it, and who
    takes part. Kept apart from the reference row so that the names of the source stay as loaded."""

    group = models.OneToOneField(WorkingGroup, on_delete=models.PROTECT, related_name="details")
    theme = models.TextField(blank=True)
    convening_organization = models.ForeignKey(
        "registry.Organization", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    chair = models.CharField(max_length=160, blank=True, help_text=_("Blank: unknown"))
    organizations = models.ManyToManyField(
        "registry.Organization", blank=True, related_name="working_groups"
    )
    people = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+")
    # Library documents of the group's work; each reader sees those the sharing policy lets them.
    documents = models.ManyToManyField(
        "documents.Document", blank=True, related_name="working_group_details"
    )
    version = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return str(self.group)


class CommitteeMember(models.Model):
    """A seat on the standing committee (¶7c), held by an organization over a period."""

    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="committee_seats"
    )
    person_name = models.CharField(max_length=160, blank=True, help_text=_("Blank: unknown"))
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["organization__short_name_en", "-started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(ended_on__isnull=True),
                name="one_current_committee_seat_per_organization",
            )
        ]

    def __str__(self) -> str:
        return str(self.organization)


class TermsOfReference(models.Model):
    """The standing committee's terms of reference: adopted only when every organization that
    took part in ``meeting`` has consented (¶7c: "agreed upon by all participating
    organizations")."""

    title = models.CharField(max_length=300)
    meeting = models.ForeignKey(
        "meetings.Meeting",
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Its participants are the organizations whose consent is needed"),
    )
    document = models.ForeignKey(
        "documents.Document", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(blank=True)
    adopted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title


class Consent(models.Model):
    terms = models.ForeignKey(TermsOfReference, on_delete=models.PROTECT, related_name="consents")
    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["terms", "organization"], name="one_consent_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} consents to {self.terms}"
