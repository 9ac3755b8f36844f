"""Writes of the document library. Every write checks the permission vocabulary, stays whole
(database and stored file together), and is audited."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from interlock.core import reasons
from interlock.core.access import require
from interlock.core.services import audit_record
from interlock.documents.models import (
    Classification,
    Document,
    DocumentRead,
    DocumentText,
    Language,
    Topic,
)
from interlock.documents.uploads import CheckedUpload, check_upload
from interlock.domain.decisions import Decision, Reason
from interlock.domain.permissions import Action
from interlock.registry.models import Organization


def document_create(
    *,
    actor: Any,
    owner: Organization,
    classification: str,
    title: str,
    language: str = Language.ENGLISH,
    body: str = "",
    topics: Iterable[Topic] = (),
    named_readers: Iterable[Organization] = (),
    symbol: str = "",
    upload: UploadedFile | None = None,
) -> Document:
    """Add a document owned by the actor's organization, with its first language version."""
    require(actor, Action.CONTRIBUTE_DOCUMENTS)
    if owner.pk != actor.organization_id:
        raise ValidationError(
            {
                "owner": _("You can only add documents owned by your own organization (%(name)s).")
                % {"name": actor.organization.short_name}
            }
        )
    if classification in (Classification.RESTRICTED, Classification.CONFIDENTIAL):
        require(actor, Action.CLASSIFY_RESTRICTED)
    # Every problem at once, so that the form names them all.
    problems: dict[str, list[Any]] = {}
    if classification not in Classification.values:
        problems["classification"] = [_("Choose a classification.")]
    named = [o for o in named_readers if o.pk != owner.pk]
    if named and classification != Classification.CONFIDENTIAL:
        problems["named_readers"] = [_("Only confidential documents name their recipients.")]
    try:
        title = _clean_title(title)
    except ValidationError as error:
        error.update_error_dict(problems)
    checked = None
    if upload is not None:
        try:
            checked = check_upload(upload)
        except ValidationError as error:
            problems.setdefault("upload", []).extend(error.messages)
    if problems:
        raise ValidationError(problems)
    now = timezone.now()
    stored = (
        _store(upload, checked, prefix=f"documents/new/{now:%Y%m%d%H%M%S%f}") if checked else ""
    )
    try:
        # One transaction: the document, its first version, its topics and the audit event.
        with transaction.atomic():
            document = Document.objects.create(
                owner=owner,
                classification=classification,
                symbol=symbol.strip()[:80],
                original_language=language,
                title=title,
                created_at=now,
                created_by=actor,
                updated_at=now,
            )
            document.topics.set(list(topics))
            document.named_readers.set(named)
            DocumentText.objects.create(
                document=document,
                language=language,
                version=1,
                title=title,
                body=body,
                file=stored,
                file_name=checked.name if checked else "",
                content_type=checked.kind.content_type if checked else "",
                size=checked.size if checked else 0,
                created_at=now,
                created_by=actor,
            )
            refresh_search(document, extra=checked.text if checked else "")
            audit_record(
                actor=actor,
                action="document.create",
                target=document,
                changes={"classification": [None, classification], "title": [None, title]},
                organization=owner,
            )
    except BaseException:
        _discard(stored)
        raise
    return document


def document_add_version(
    *,
    actor: Any,
    document: Document,
    language: str,
    title: str,
    body: str = "",
    note: str = "",
    upload: UploadedFile | None = None,
) -> DocumentText:
    """Add the next version of one language version (a new language starts at version 1).

    Two people adding a version at once both succeed, one after the other: the row lock on the
    document orders them, and each gets its own number. Nothing earlier is changed."""
    require(actor, Action.CONTRIBUTE_DOCUMENTS, organization_id=document.owner_id)
    if language not in Language.values:
        raise ValidationError({"language": _("Choose one of the six official languages.")})
    title = _clean_title(title)
    checked = check_upload(upload) if upload is not None else None
    now = timezone.now()
    stored = (
        _store(upload, checked, prefix=f"documents/{document.pk}/{language}") if checked else ""
    )
    try:
        with transaction.atomic():
            Document.objects.select_for_update().filter(pk=document.pk).first()
            latest = document.texts.filter(language=language).aggregate(n=Max("version"))["n"] or 0
            try:
                with transaction.atomic():
                    text = DocumentText.objects.create(
                        document=document,
                        language=language,
                        version=latest + 1,
                        title=title,
                        body=body,
                        note=note.strip()[:300],
                        file=stored,
                        file_name=checked.name if checked else "",
                        content_type=checked.kind.content_type if checked else "",
                        size=checked.size if checked else 0,
                        created_at=now,
                        created_by=actor,
                    )
            except IntegrityError:
                raise ValidationError(
                    _("Someone else added a version at the same moment. Try again.")
                ) from None
            if language == document.original_language:
                document.title = title
            document.updated_at = now
            document.save(update_fields=["title", "updated_at"])
            refresh_search(document, extra=checked.text if checked else "")
            audit_record(
                actor=actor,
                action="document.version",
                target=document,
                changes={"language": [None, language], "version": [None, latest + 1]},
                organization=document.owner,
            )
    except BaseException:
        _discard(stored)
        raise
    return text


def document_read_record(*, user: Any, document: Document, what: str, decision: Decision) -> None:
    """Record a read of a restricted or confidential document, for its owner to see (§3)."""
    if document.classification not in (Classification.RESTRICTED, Classification.CONFIDENTIAL):
        return
    if not getattr(user, "is_authenticated", False):
        return
    DocumentRead.objects.create(
        document=document,
        reader=user,
        organization_id=user.organization_id,
        at=timezone.now(),
        what=what,
        reason=_english(decision.reason)[:400],
        why=reasons.as_data(decision.reason),
    )


def _english(reason: Reason) -> str:
    with translation.override("en"):
        return reasons.in_words(reason)


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ValidationError({"title": _("Give the document a title.")})
    if len(title) > 400:
        raise ValidationError({"title": _("A title has at most 400 characters.")})
    return title


def _store(upload: UploadedFile | None, checked: CheckedUpload | None, *, prefix: str) -> str:
    if upload is None or checked is None:
        return ""
    return default_storage.save(f"{prefix}/{checked.name}", upload)


def _discard(stored: str) -> None:
    """A failed write leaves no orphan file behind."""
    if stored and default_storage.exists(stored):
        default_storage.delete(stored)


def refresh_search(document: Document, *, extra: str = "") -> None:
    """Keep the searchable title and text of the current version of every language."""
    current: dict[str, DocumentText] = {}
    for text in document.texts.order_by("language", "version"):
        current[text.language] = text
    titles = [t.title for t in current.values()]
    bodies = [t.body for t in current.values() if t.body]
    if extra:
        bodies.append(extra)
    document.search_title = " · ".join(dict.fromkeys(titles))
    document.search_text = "\n\n".join(bodies)[:1_000_000]
    document.save(update_fields=["search_title", "search_text"])
