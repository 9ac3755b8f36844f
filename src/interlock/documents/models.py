from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modeltranslation.manager import MultilingualManager


class Classification(models.TextChoices):
    """DESIGN.md §3. The order matters: see ``interlock.domain.sharing.Level``."""

    PUBLIC = "public", _("Public")
    PARTNERSHIP = "partnership", _("Partnership")
    RESTRICTED = "restricted", _("Restricted")
    CONFIDENTIAL = "confidential", _("Confidential")


class Language(models.TextChoices):
    """The six official languages of the United Nations."""

    ARABIC = "ar", _("Arabic")
    CHINESE = "zh", _("Chinese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    RUSSIAN = "ru", _("Russian")
    SPANISH = "es", _("Spanish")


class Topic(models.Model):
    """A subject of the partnership (peacekeeping, disaster relief, …): data, not code (¶5)."""

    key = models.SlugField(max_length=60, primary_key=True)
    name = models.CharField(max_length=120)  # in the six languages (translation.py)
    source = models.ForeignKey(
        "core.Source", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects: MultilingualManager[Topic] = (
        MultilingualManager()
    )  # the same manager as registered (typed)

    class Meta:
        ordering = ["name_en"]

    def __str__(self) -> str:
        return self.name


class Document(models.Model):
    """A document or record owned by one organization, with a classification and topics.

    ``title``, ``search_title`` and ``search_text`` are kept by ``documents.services`` from the
    current language versions; the full-text indexes (SQLite FTS5, PostgreSQL tsvector) follow them.
    """

    owner = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="documents"
    )
    classification = models.CharField(max_length=16, choices=Classification.choices)
    topics = models.ManyToManyField(Topic, through="DocumentTopic", related_name="documents")  # type: ignore[var-annotated]
    named_readers = models.ManyToManyField(
        "registry.Organization",
        blank=True,
        related_name="documents_named_to",
        help_text=_("For confidential documents: the organizations the owner names as recipients"),
    )
    symbol = models.CharField(
        max_length=80, blank=True, help_text=_("UN-style symbol, if it has one")
    )
    original_language = models.CharField(
        max_length=2, choices=Language.choices, default=Language.ENGLISH
    )
    title = models.CharField(max_length=400)
    # The title is the original language version's ({% tr document "title" %} marks it so).
    content_language_field = "original_language"
    search_title = models.TextField(blank=True)
    search_text = models.TextField(blank=True)
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for reference data loaded by the system"),
    )
    updated_at = models.DateTimeField()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["classification", "owner", "-created_at"]),
            models.Index(fields=["owner", "-created_at"]),
            models.Index(fields=["-created_at", "-id"]),
        ]

    def __str__(self) -> str:
        return self.symbol or self.title


class DocumentTopic(models.Model):
    document = models.ForeignKey(Document, on_delete=models.CASCADE)
    topic = models.ForeignKey(Topic, on_delete=models.PROTECT)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document", "topic"], name="one_topic_once_per_document"
            )
        ]
        indexes = [models.Index(fields=["topic", "document"])]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.topic_id}"


def _upload_path(instance: DocumentText, filename: str) -> str:
    return f"documents/{instance.document_id}/{instance.language}/v{instance.version}/{filename}"


class DocumentText(models.Model):
    """One version of one language version of a document. Versions are never changed or deleted:
    a new version is a new row, and the highest number is the current one."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="texts")
    language = models.CharField(max_length=2, choices=Language.choices)
    version = models.PositiveIntegerField()
    title = models.CharField(max_length=400)
    body = models.TextField(blank=True)
    file = models.FileField(upload_to=_upload_path, blank=True, max_length=300)
    file_name = models.CharField(max_length=200, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    note = models.CharField(max_length=300, blank=True, help_text=_("What changed in this version"))
    created_at = models.DateTimeField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty for reference data loaded by the system"),
    )

    class Meta:
        ordering = ["language", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language", "version"], name="one_number_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} [{self.language}] v{self.version}"


class DocumentRead(models.Model):
    """A read of a restricted or confidential document (DESIGN.md §3): its owner sees who read what."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="reads")
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organization = models.ForeignKey(
        "registry.Organization", on_delete=models.PROTECT, related_name="+"
    )
    at = models.DateTimeField()
    what = models.CharField(max_length=20)  # page, download, api
    reason = models.CharField(max_length=400)  # in English, as it was when read
    # The same reason as its code and parameters (core/reasons.py), shown in the reader's language.
    why = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["document", "-at"])]

    def __str__(self) -> str:
        return f"{self.reader_id} read {self.document_id} at {self.at:%Y-%m-%d %H:%M}"
