from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager

from interlock.domain.meetings import MeetingStatus as MeetingStatusRule
from interlock.domain.meetings import RecordStatus as RecordStatusRule
from interlock.domain.meetings import paragraphs as split_paragraphs

HIGH_LEVEL = "high-level"
COUNCIL = "security-council"


class SeriesKind(models.TextChoices):
    HIGH_LEVEL = "high_level", _("High-level meetings")
    SECURITY_COUNCIL = (
        "security_council",
        _("Security Council meetings with regional organizations"),
    )
    STANDING_COMMITTEE = "standing_committee", _("Standing committee")
    WORKING_GROUP = "working_group", _("Working group")
    PEACEBUILDING = "peacebuilding", _("Peacebuilding Commission configuration")
    COORDINATING_BODY = "coordinating_body", _("United Nations coordinating body")
    OTHER = "other", _("Other")


class MeetingSeries(models.Model):
    """Meetings that recur: the high-level meetings (¶7a), the Security Council's meetings with
    regional organizations (¶7b), the standing committee (¶7c), each working group (¶4), …"""

    key = models.SlugField(max_length=60, unique=True)
    kind = models.CharField(max_length=24, choices=SeriesKind.choices)
    name = models.CharField(max_length=200)
    working_group = models.ForeignKey(
        "committees.WorkingGroup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="series",
    )
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["kind", "name"]
        verbose_name_plural = "meeting series"

    def __str__(self) -> str:
        return self.name


class MeetingStatus(models.TextChoices):
    PLANNED = MeetingStatusRule.PLANNED.value, _("Planned")
    INVITED = MeetingStatusRule.INVITED.value, _("Invitations sent")
    CONVENED = MeetingStatusRule.CONVENED.value, _("Convened")
    CONCLUDED = MeetingStatusRule.CONCLUDED.value, _("Concluded")
    CANCELLED = MeetingStatusRule.CANCELLED.value, _("Cancelled")


class Meeting(models.Model):
    """One meeting of a series; the high-level meetings are numbered as the UN numbers them."""

    series = models.ForeignKey(MeetingSeries, on_delete=models.PROTECT, related_name="meetings")
    number = models.PositiveSmallIntegerField(help_text=_("Sixth, seventh, …"))
    title = models.CharField(max_length=300)  # title and theme in the six languages
    theme = models.CharField(max_length=300, blank=True)
    starts_on = models.DateField()
    ends_on = models.DateField()
    time_zone = models.CharField(max_length=64, default="America/New_York")
    venue = models.CharField(max_length=200, blank=True)
    online = models.BooleanField(default=False)
    chair = models.CharField(max_length=200, blank=True)
    status = models.CharField(
        max_length=12, choices=MeetingStatus.choices, default=MeetingStatus.PLANNED
    )
    record_symbol = models.CharField(max_length=60, blank=True)
    reported_participants = models.PositiveSmallIntegerField(null=True, blank=True)
    reported_head_level = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text=_("Delegations at the level of head of organization, as the record reports them"),
    )
    source = models.ForeignKey(
        "core.Source",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for meetings planned in Interlock: the record here is the source"),
    )
    outcome = models.ForeignKey(
        "documents.Document",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The meeting's conclusions as the library holds them"),
    )
    version = models.PositiveIntegerField(default=1)
    agenda_published_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Empty while the agenda is provisional")
    )

    objects: MultilingualManager[Meeting] = (
        MultilingualManager()
    )  # the same manager as registered (typed)

    class Meta:
        ordering = ["-starts_on", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="meeting_ends_on_or_after_it_starts",
            ),
            models.UniqueConstraint(fields=["series", "number"], name="one_number_per_series"),
        ]

    def __str__(self) -> str:
        return self.title


class InvitationAnswer(models.TextChoices):
    PENDING = "pending", _("Not yet answered")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")


class Invitation(models.Model):
    """An organization invited to a meeting, and its liaison official's answer."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="invitations")
    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="invitations"
    )
    invited_at = models.DateTimeField()
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    answer = models.CharField(
        max_length=10, choices=InvitationAnswer.choices, default=InvitationAnswer.PENDING
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["organization__short_name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organization"], name="one_invitation_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} invited to {self.meeting}"


class DelegationLevel(models.TextChoices):
    HEAD_OF_ORGANIZATION = "head", _("Head of organization")
    DEPUTY = "deputy", _("Deputy head of organization")
    SENIOR_OFFICIAL = "senior", _("Senior official")
    OTHER = "other", _("Other")
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
    head_name = models.CharField(max_length=200, blank=True)
    head_title = models.CharField(max_length=200, blank=True)
    members = models.TextField(blank=True, help_text=_("One person a line"))
    representation_note = models.CharField(max_length=300, blank=True)
    registered_at = models.DateTimeField(null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    source = models.ForeignKey(
        "core.Source",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for delegations registered in Interlock by their organization"),
    )

    class Meta:
        ordering = ["organization__short_name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "organization"], name="one_delegation_per_organization"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} at {self.meeting}"

    @property
    def member_list(self) -> list[str]:
        return [line.strip() for line in self.members.splitlines() if line.strip()]


class AgendaItem(models.Model):
    """A numbered item of a meeting's agenda, with its documents from the library (statements
    such as the Chairman's opening statement among them), its working group, and the proposals
    and decisions taken up under it. Until the agenda is published only the secretariat sees it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.PROTECT, related_name="agenda")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    working_group = models.ForeignKey(
        "committees.WorkingGroup",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="agenda_items",
    )
    documents = models.ManyToManyField(  # type: ignore[var-annotated]
        "documents.Document", blank=True, related_name="agenda_items"
    )
    result = models.TextField(
        blank=True, help_text=_("What the meeting concluded; empty while the result is pending")
    )
    proposals = models.ManyToManyField(  # type: ignore[var-annotated]
        "decisions.Proposal", blank=True, related_name="agenda_items"
    )
    decisions = models.ManyToManyField(  # type: ignore[var-annotated]
        "decisions.Decision", blank=True, related_name="agenda_items"
    )
    version = models.PositiveIntegerField(default=1, help_text=_("For optimistic locking"))

    objects: MultilingualManager[AgendaItem] = MultilingualManager()

    class Meta:
        ordering = ["meeting", "number"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "number"], name="one_agenda_item_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class RecordStatus(models.TextChoices):
    DRAFT = RecordStatusRule.DRAFT.value, _("Draft")
    CIRCULATED = RecordStatusRule.CIRCULATED.value, _("Circulated for comment")
    REVISED = RecordStatusRule.REVISED.value, _("Revised")
    FINAL = RecordStatusRule.FINAL.value, _("Final")


class Record(models.Model):
    """The detailed record of a meeting (¶10). Its entry in the library (``document``: owner,
    classification, topics, named recipients) decides who may see it, through the same policy as
    every document."""

    meeting = models.OneToOneField(Meeting, on_delete=models.PROTECT, related_name="record")
    document = models.OneToOneField(
        "documents.Document", on_delete=models.PROTECT, related_name="record"
    )
    status = models.CharField(
        max_length=12, choices=RecordStatus.choices, default=RecordStatus.DRAFT
    )
    comment_deadline = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text=_("For optimistic locking"))

    def __str__(self) -> str:
        return self.document.title


class RecordVersion(models.Model):
    """One text of the record. Versions are never changed: a revision is a new row."""

    record = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    text = models.TextField(help_text=_("Paragraphs separated by an empty line"))
    note = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["record", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["record", "number"], name="one_record_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.record_id} v{self.number}"

    @property
    def paragraphs(self) -> list[str]:
        return split_paragraphs(self.text)


class Disposition(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    ACCEPTED_IN_PART = "in_part", _("Accepted in part")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")


class Comment(models.Model):
    """A participant's comment on one paragraph of a circulated record, and its disposition."""

    record = models.ForeignKey(Record, on_delete=models.PROTECT, related_name="comments")
    on_version = models.ForeignKey(RecordVersion, on_delete=models.PROTECT, related_name="+")
    paragraph = models.PositiveSmallIntegerField()
    text = models.TextField()
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField()
    disposition = models.CharField(max_length=14, choices=Disposition.choices, blank=True)
    reason = models.TextField(blank=True)
    disposed_at = models.DateTimeField(null=True, blank=True)
    disposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["record", "paragraph", "created_at", "id"]
        indexes = [models.Index(fields=["record", "paragraph"])]

    def __str__(self) -> str:
        return f"¶{self.paragraph} ({self.organization_id})"


class CalendarToken(models.Model):
    """A private address for calendar clients, which cannot sign in (RFC 5545 feeds). Only its
    SHA-256 digest is kept; the address is shown once. The feed shows what the token's user may
    read, as a page would; a revoked token answers 410 Gone."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_tokens"
    )
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
