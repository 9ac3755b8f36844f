"""Reads of the library. Every read starts from ``access.readable_documents``: the policy first,
then filters and search, so counts, pages, snippets and exports never include what may not be read."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from interlock.documents import search
from interlock.documents.access import explanations, readable_documents, secretariat_explanation
from interlock.documents.models import Document, DocumentRead, DocumentText, Topic
from interlock.domain.decisions import Decision
from interlock.registry.models import Organization, OrganizationKind


@dataclass(frozen=True)
class DocumentFilters:
    owner: str = ""  # acronym
    topic: str = ""
    classification: str = ""
    language: str = ""
    since: dt.date | None = None
    until: dt.date | None = None
    query: str = ""


def document_list(
    user: Any, *, at: dt.datetime, filters: DocumentFilters | None = None
) -> QuerySet[Document]:
    filters = filters or DocumentFilters()
    documents = (
        readable_documents(user, at=at)
        .select_related("owner")
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.order_by("name_en")))
    )
    if filters.owner:
        documents = documents.filter(owner__acronym=filters.owner)
    if filters.topic:
        documents = documents.filter(
            Exists(
                Document.topics.through.objects.filter(
                    document_id=OuterRef("pk"), topic_id=filters.topic
                )
            )
        )
    if filters.classification:
        documents = documents.filter(classification=filters.classification)
    if filters.language:
        documents = documents.filter(
            Exists(
                DocumentText.objects.filter(document_id=OuterRef("pk"), language=filters.language)
            )
        )
    if filters.since:
        documents = documents.filter(created_at__date__gte=filters.since)
    if filters.until:
        documents = documents.filter(created_at__date__lte=filters.until)
    if filters.query.strip():
        return search.search(documents, filters.query)
    return documents.order_by("-created_at", "-id")


@dataclass(frozen=True)
class LanguageVersion:
    language: str
    current: DocumentText
    history: list[DocumentText]


def language_versions(document: Document) -> list[LanguageVersion]:
    """Each language version with its current text and its history, newest first (one query)."""
    by_language: dict[str, list[DocumentText]] = {}
    for text in document.texts.select_related("created_by").order_by("language", "-version"):
        by_language.setdefault(text.language, []).append(text)
    order = [document.original_language, *sorted(set(by_language) - {document.original_language})]
    return [
        LanguageVersion(code, by_language[code][0], by_language[code])
        for code in order
        if code in by_language
    ]


@dataclass(frozen=True)
class ReaderRow:
    """One row of the table that explains who can read a document: the secretariat (¶7f, a reader
    of its own, under the United Nations) or one organization's other users."""

    organization: Organization | None  # None only for the secretariat where no UN is recorded
    decision: Decision
    secretariat: bool = False


def who_can_read(
    document: Document, *, at: dt.datetime, acronym: str | None = None
) -> list[ReaderRow]:
    """Who can read ``document`` and why, on its page and in the API alike: the secretariat's row
    first, then each organization's users by name; with ``acronym``, that organization's rows only
    (the United Nations' include the secretariat's)."""
    organizations = Organization.objects.order_by("short_name_en")
    if acronym is not None:
        organizations = organizations.filter(acronym=acronym)
    rows = [
        ReaderRow(org, decision)
        for org, decision in explanations(document, at=at, organizations=organizations)
    ]
    un = next(
        (
            r.organization
            for r in rows
            if r.organization and r.organization.kind == OrganizationKind.UNITED_NATIONS
        ),
        None,
    )
    if un is None and acronym is not None:
        return rows
    return [ReaderRow(un, secretariat_explanation(document, at=at), secretariat=True), *rows]


def read_log(*, document: Document) -> QuerySet[DocumentRead]:
    return document.reads.select_related("reader", "organization").order_by("-at", "-id")


CHOICES_SHOWN = 10


def document_choices(user: Any, *, at: dt.datetime, query: str) -> list[Document]:
    """Documents ``user`` may read matching ``query``, for a chooser: a symbol by its beginning
    ("S/RES/1631"), otherwise words of the title or text through the full-text search."""
    query = query.strip()
    if not query:
        return []
    readable = readable_documents(user, at=at).select_related("owner")
    if "/" in query:
        matches = readable.filter(symbol__istartswith=query).order_by("symbol", "-id")
    else:
        matches = search.search(readable, query)
    return list(matches[:CHOICES_SHOWN])
