import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils import timezone
from ninja import Field, Path, Query, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from interlock.core import reasons
from interlock.core.api_access import api_signed_in, api_user
from interlock.core.api_schema import Day, Who, callers
from interlock.core.paging import CappedLimitOffsetPagination, Paging
from interlock.core.reasons import in_words
from interlock.documents import selectors, services
from interlock.documents.access import access_document, may_explain
from interlock.documents.models import Classification, Document, DocumentRead, Language
from interlock.documents.search import START, STOP, attach_snippets
from interlock.domain.decisions import Decision

router = Router(tags=["documents"])


class DocumentOut(Schema):
    id: int
    symbol: str
    title: str
    owner: str
    classification: str
    topics: list[str]
    original_language: str
    created_at: dt.datetime
    snippet: str | None = None

    @staticmethod
    def resolve_owner(d: Document) -> str:
        return d.owner.acronym

    @staticmethod
    def resolve_topics(d: Document) -> list[str]:
        return [t.key for t in d.topics.all()]

    @staticmethod
    def resolve_snippet(d: Document) -> str | None:
        snippet = getattr(d, "snippet", None)
        return snippet.replace(START, "[").replace(STOP, "]") if snippet else None


class TextOut(Schema):
    id: int
    language: str
    version: int
    title: str
    body: str
    file_name: str
    size: int
    created_at: dt.datetime


class DocumentDetailOut(DocumentOut):
    texts: list[TextOut]
    why: str
    why_code: str

    @staticmethod
    def resolve_texts(d: Document) -> list[object]:
        return list(d.texts.order_by("language", "-version"))

    @staticmethod
    def resolve_why(d: Document) -> str:
        return d.why  # type: ignore[attr-defined, no-any-return]

    @staticmethod
    def resolve_why_code(d: Document) -> str:
        return d.why_code  # type: ignore[attr-defined, no-any-return]


class SearchPaging(CappedLimitOffsetPagination):
    """Pages of documents; when the request searches, each row of the page gets its snippet."""

    def paginate_queryset(
        self, queryset: Any, pagination: Any, request: HttpRequest, **params: Any
    ) -> Any:
        page = super().paginate_queryset(queryset, pagination, request, **params)
        query = request.GET.get("q", "")[:200]
        if query.strip():
            rows = list(page[self.items_attribute])
            attach_snippets(rows, query)
            page[self.items_attribute] = rows
        return page


class DocumentQuery(Schema):
    q: str | None = Field(None, max_length=200)
    owner: str | None = Field(None, max_length=20, description="The owner's acronym")
    topic: str | None = Field(None, max_length=60)
    classification: Classification | None = None
    language: Language | None = None
    since: Day | None = None
    until: Day | None = None


@router.get(
    "/documents",
    response=list[DocumentOut],
    summary="Documents the caller may read, searchable",
    description="`count` is exact up to 500; 501 means more than 500.",
    openapi_extra=callers(Who.PUBLIC),
)
@paginate(SearchPaging)
def document_list(request: HttpRequest, filters: Query[DocumentQuery]) -> object:
    return selectors.document_list(
        api_user(request),
        at=timezone.now(),
        filters=selectors.DocumentFilters(
            owner=filters.owner or "",
            topic=filters.topic or "",
            classification=filters.classification or "",
            language=filters.language or "",
            since=filters.since,
            until=filters.until,
            query=filters.q or "",
        ),
    )


def _readable(request: HttpRequest, pk: int) -> tuple[Document, Decision]:
    from django.http import Http404

    try:
        return access_document(api_user(request), pk, at=timezone.now())
    except Http404:
        raise HttpError(404, "No document with this number, or none you may read.") from None


ID = Path(..., ge=1, le=2**53)


@router.get(
    "/documents/{pk}",
    response=DocumentDetailOut,
    summary="One document, with why the caller may read it",
    openapi_extra=callers(Who.PUBLIC),
)
def document_detail(request: HttpRequest, pk: int = ID) -> Document:
    document, decision = _readable(request, pk)
    services.document_read_record(
        user=api_user(request), document=document, what="api", decision=decision
    )  # type: ignore[arg-type]
    document.why = in_words(decision.reason)  # type: ignore[attr-defined]
    document.why_code = str(decision.reason.code)  # type: ignore[attr-defined]
    return document


class ExplainOut(Schema):
    organization: str
    secretariat: bool  # the secretariat's own row (¶7f); the UN's other row is its other users
    can_read: bool
    reason: str
    reason_code: str


@router.get(
    "/documents/{pk}/explain",
    response=list[ExplainOut],
    summary="Why each organization can or cannot read the document (owner and secretariat only)",
    openapi_extra=callers(Who.OWNER),
)
def document_explain(
    request: HttpRequest, pk: int = ID, organization: str | None = Query(None, max_length=20)
) -> list[ExplainOut]:
    api_signed_in(request)
    document, _decision = _readable(request, pk)
    if not may_explain(api_user(request), document):
        raise HttpError(403, "Only the owner and the secretariat see who can read a document.")
    return [
        ExplainOut(
            organization=row.organization.acronym if row.organization else "",
            secretariat=row.secretariat,
            can_read=bool(row.decision),
            reason=in_words(row.decision.reason),
            reason_code=str(row.decision.reason.code),
        )
        for row in selectors.who_can_read(document, at=timezone.now(), acronym=organization or None)
    ]


class ReadOut(Schema):
    at: dt.datetime
    reader: str
    organization: str
    what: str
    reason: str

    @staticmethod
    def resolve_reader(r: DocumentRead) -> str:
        return r.reader.username

    @staticmethod
    def resolve_reason(r: DocumentRead) -> str:
        return reasons.read_reason(r.why, r.reason)

    @staticmethod
    def resolve_organization(r: DocumentRead) -> str:
        return r.organization.acronym


@router.get(
    "/documents/{pk}/reads",
    response=list[ReadOut],
    summary="Who read the document (owner only)",
    openapi_extra=callers(Who.OWNER),
)
@paginate(Paging)
def document_reads(request: HttpRequest, pk: int = ID) -> object:
    api_signed_in(request)
    document, _decision = _readable(request, pk)
    if getattr(api_user(request), "organization_id", None) != document.owner_id:
        raise HttpError(403, "Only the owner sees who read its documents.")
    return selectors.read_log(document=document)
