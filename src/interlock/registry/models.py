from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager


class DatePrecision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")
    BY = "by", _("on or before")  # the exact day is not recorded; the member was in by this day


class Country(models.Model):
    """A country or territory by ISO 3166-1 alpha-3, placed in the UN M49 regions."""

    alpha3 = models.CharField(max_length=3, primary_key=True)
    m49 = models.CharField(max_length=3, unique=True)
    # In the six languages (translation.py): the UN's short name where M49 has one.
    name = models.CharField(max_length=120)
    region_code = models.CharField(max_length=3, blank=True)
    region = models.CharField(max_length=40, blank=True)
    subregion_code = models.CharField(max_length=3, blank=True)
    subregion = models.CharField(max_length=60, blank=True)
    note = models.CharField(max_length=300, blank=True)

    objects: MultilingualManager[Country] = MultilingualManager()

    class Meta:
        ordering = ["name_en"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return self.name


class OrganizationKind(models.TextChoices):
    UNITED_NATIONS = "united_nations", _("The United Nations")
    REGIONAL = "regional", _("Regional organization")
    SUBREGIONAL = "subregional", _("Subregional organization")
    OTHER_INTERGOVERNMENTAL = "other_intergovernmental", _("Other intergovernmental organization")
    # ¶7f names the secretariat's research partner; it is not one of the participants (¶11).
    RESEARCH_PARTNER = "research_partner", _("Research partner of the partnership")


# Kinds whose organizations take part in the partnership (¶11) besides the UN itself.
PARTICIPANT_KINDS = (
    OrganizationKind.REGIONAL,
    OrganizationKind.SUBREGIONAL,
    OrganizationKind.OTHER_INTERGOVERNMENTAL,
)


class CharterBasis(models.TextChoices):
    """What an organization's own instrument, or a recorded declaration, states of its relation to
    the Charter of the United Nations. Never inferred from its kind: where no source is recorded
    here, the basis is "not declared"."""

    THE_CHARTER = "the_charter", _("The Charter itself")
    CHAPTER_VIII = "chapter_viii", _("Chapter VIII: regional arrangement or agency")
    ARTICLE_51 = "article_51", _("Article 51: collective self-defence")
    NOT_DECLARED = "not_declared", _("Not declared")


class Organization(models.Model):
    acronym = models.SlugField(max_length=20, unique=True)
    short_name = models.CharField(max_length=30)  # in the six languages (translation.py)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=32, choices=OrganizationKind.choices)
    charter_basis = models.CharField(
        max_length=32, choices=CharterBasis.choices, default=CharterBasis.NOT_DECLARED
    )
    # Required (and only allowed) when a basis is declared: the instrument or declaration that
    # states it, its date, and its words.
    charter_basis_source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    charter_basis_on = models.DateField(
        null=True, blank=True, help_text=_("Date of the instrument or declaration")
    )
    charter_basis_words = models.CharField(
        max_length=300, blank=True, help_text=_("What the source says, in its own words")
    )
    kind_source = models.ForeignKey("core.Source", on_delete=models.PROTECT, related_name="+")
    headquarters_city = models.CharField(max_length=100, blank=True, help_text=_("Blank: unknown"))
    headquarters_country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    website = models.URLField(blank=True)
    head_title = models.CharField(max_length=120, blank=True, help_text=_("Blank: unknown"))
    head_name = models.CharField(max_length=120, blank=True, help_text=_("Blank: unknown"))
    representation_note = models.CharField(max_length=300, blank=True)
    membership_recorded = models.BooleanField(
        default=False,
        help_text=_(
            "Whether the dated list of members is loaded. Without it, member counts are unknown."
        ),
    )
    membership_source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    version = models.PositiveIntegerField(default=1)

    objects: MultilingualManager[Organization] = MultilingualManager()

    class Meta:
        ordering = ["short_name_en"]
        indexes = [models.Index(fields=["short_name_en"], name="registry_or_short_n_a13653_idx")]
        constraints = [
            # A declared basis names its source and date; "not declared" has neither.
            models.CheckConstraint(
                condition=(
                    Q(
                        charter_basis=CharterBasis.NOT_DECLARED,
                        charter_basis_source__isnull=True,
                        charter_basis_on__isnull=True,
                    )
                    | (
                        ~Q(charter_basis=CharterBasis.NOT_DECLARED)
                        & Q(charter_basis_source__isnull=False, charter_basis_on__isnull=False)
                    )
                ),
                name="charter_basis_declared_with_source_and_date",
                violation_error_message=_(
                    "A Charter basis other than “not declared” needs its source and date."
                ),
            ),
        ]

    def __str__(self) -> str:
        return self.short_name

    def named_on(self, day: dt.date) -> Organization | OrganizationName:
        """The name in use on ``day``: a former name whose period holds it, else the current one.

        Reads ``former_names`` through ``.all()``, so a prefetch serves a whole list.
        """
        for former in self.former_names.all():
            if former.in_use_on(day):
                return former
        return self

    @property
    def acts_under_chapter_viii(self) -> bool:
        """True only where a Chapter VIII basis is recorded with its source (Article 53 reads it)."""
        return (
            self.charter_basis == CharterBasis.CHAPTER_VIII
            and self.charter_basis_source_id is not None
        )


class OrganizationName(models.Model):
    """A name the organization bore before its current one, over [valid_from, valid_until).

    The current name is the organization's own (``Organization.name``); a page dated to a day
    inside one of these periods shows the name then in use (the 2005 meeting keeps 2005 names).
    ``valid_from`` is empty where the start of the name is not recorded here.
    """

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="former_names"
    )
    short_name = models.CharField(max_length=30)  # in the six languages (translation.py)
    name = models.CharField(max_length=200)
    valid_from = models.DateField(null=True, blank=True, help_text=_("Blank: not recorded"))
    valid_until = models.DateField(help_text=_("The first day of the next name"))
    source = models.ForeignKey("core.Source", on_delete=models.PROTECT, related_name="+")

    objects: MultilingualManager[OrganizationName] = MultilingualManager()

    class Meta:
        ordering = ["organization", "valid_until"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "valid_until"], name="one_former_name_per_end"
            ),
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True) | Q(valid_until__gt=models.F("valid_from")),
                name="former_name_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} (until {self.valid_until})"

    def in_use_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and day < self.valid_until


class MembershipStatus(models.TextChoices):
    MEMBER = "member", _("Member")
    SUSPENDED = "suspended", _("Member (suspended)")
    ASSOCIATE = "associate", _("Associate member")
    OBSERVER = "observer", _("Observer")


# Suspended states remain members: they count as members, and are shown as suspended.
COUNTED_AS_MEMBER = (MembershipStatus.MEMBER, MembershipStatus.SUSPENDED)


class Membership(models.Model):
    """One state's standing in one organization over the half-open period [started_on, ended_on)."""

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="memberships"
    )
    country = models.ForeignKey(Country, on_delete=models.PROTECT, related_name="memberships")
    status = models.CharField(max_length=16, choices=MembershipStatus.choices)
    started_on = models.DateField()
    started_precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    ended_on = models.DateField(null=True, blank=True)
    source = models.ForeignKey("core.Source", on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["organization", "country", "started_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gt=models.F("started_on")),
                name="membership_ends_after_it_starts",
            ),
            models.UniqueConstraint(
                fields=["organization", "country", "started_on"], name="one_membership_per_start"
            ),
        ]
        indexes = [
            models.Index(fields=["organization", "started_on", "ended_on"]),
            models.Index(fields=["country", "started_on"]),
            # The few memberships whose start is known only as "by" a day: whether a count is
            # a fact or a lower bound is then one lookup in a tiny index (selectors).
            models.Index(
                fields=["organization", "started_on"],
                condition=Q(started_precision="by"),
                name="membership_joined_by_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.country_id} in {self.organization} from {self.started_on}"


class LiaisonAppointment(models.Model):
    """The high-level official of an organization for liaison with the UN and one another (¶7d).

    At most one appointment per organization is active (``ended_on`` empty): the database enforces
    it, so no code path can leave an organization with two liaison officials.
    """

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="liaison_appointments"
    )
    person_name = models.CharField(max_length=160)
    title = models.CharField(max_length=160, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="liaison_appointments",
    )
    started_on = models.DateField()
    ended_on = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organization", "-started_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization"],
                condition=Q(ended_on__isnull=True),
                name="one_active_liaison_official_per_organization",
                violation_error_message=_("This organization already has a liaison official."),
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="liaison_appointment_ends_after_it_starts",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person_name} ({self.organization})"

    @property
    def is_active(self) -> bool:
        return self.ended_on is None


class ReportedMemberCount(models.Model):
    """A member figure as a cited record reports it on a date, kept beside the computed count.

    Where an organization's dated member list is not recorded, these figures are what is known;
    where it is, they are a check on the list: a reported figure that differs from the count is
    shown as differing, never silently replaced.
    """

    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="reported_counts"
    )
    on = models.DateField()
    precision = models.CharField(
        max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    count = models.PositiveIntegerField()
    counted = models.CharField(max_length=200, help_text=_("What the figure counts"))
    source = models.ForeignKey("core.Source", on_delete=models.PROTECT, related_name="+")
    note = models.CharField(max_length=400, blank=True)

    objects: MultilingualManager[ReportedMemberCount] = MultilingualManager()

    class Meta:
        ordering = ["organization", "on"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "on", "counted_en"], name="one_reported_figure_per_day"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization}: {self.count} {self.counted} ({self.on})"
