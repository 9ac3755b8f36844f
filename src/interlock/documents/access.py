"""The information-sharing policy on Django's side: one queryset filter that selects exactly the
documents :func:`interlock.domain.sharing.may_read` allows, and the per-document decision.

Every surface (pages, search, exports, downloads, the API) reads documents only through
:func:`readable_documents` or :func:`access_document`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404

from interlock.agreements.models import Agreement
from interlock.documents.models import Classification, Document, DocumentTopic
from interlock.domain.decisions import Decision
from interlock.domain.permissions import Role
from interlock.domain.sharing import AgreementTerms, Item, Level, Reader, may_read
from interlock.registry.models import Organization, OrganizationKind


def reader_of(user: Any) -> Reader:
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Reader.anonymous()
    return Reader(
        organization=user.organization_id,
        is_secretariat=user.role == Role.SECRETARIAT,
        is_research_partner=user.role == Role.RESEARCH_PARTNER,
    )


def agreement_terms(*, organization_id: int, named: bool = False) -> list[AgreementTerms]:
    """The terms of every agreement the organization is a party to (two queries; with ``named``,
    three: the topics' names, for a reason that names the topic)."""
    agreements = Agreement.objects.filter(
        Q(party_a_id=organization_id) | Q(party_b_id=organization_id)
    )
    coverage = "coverage__topic" if named else "coverage"
    return [terms_of(agreement, named=named) for agreement in agreements.prefetch_related(coverage)]


def terms_of(agreement: Agreement, *, named: bool = False) -> AgreementTerms:
    ends = [
        moment for moment in (agreement.expires_at, agreement.terminated_at) if moment is not None
    ]
    return AgreementTerms(
        name=agreement.title,
        parties=frozenset({agreement.party_a_id, agreement.party_b_id}),
        in_force_from=agreement.in_force_from,
        ends_at=min(ends) if ends else None,
        coverage=frozenset((c.topic_id, Level.named(c.up_to)) for c in agreement.coverage.all()),
        topic_names={c.topic_id: c.topic.name for c in agreement.coverage.all()} if named else {},
    )


def policy_filter(
    reader: Reader,
    terms: list[AgreementTerms],
    at: dt.datetime,
    *,
    named: Callable[[int], QuerySet[Any]],
    covered: Callable[[list[str]], QuerySet[Any]],
    owner: str = "owner",
) -> Q:
    """The policy as a filter on any model with an owner (the field ``owner`` names: a
    capacity-building plan's is its beneficiary) and ``classification``, mirroring ``may_read``
    rule by rule. ``named(organization)`` and ``covered(topics)`` are the model's own subqueries
    (correlated on ``OuterRef("pk")``) for named readers and topics."""
    allowed = Q(classification=Classification.PUBLIC)
    if reader.organization is None:
        return allowed
    allowed |= Q(**{f"{owner}_id": reader.organization}) | Q(
        classification=Classification.PARTNERSHIP
    )
    allowed |= Q(Exists(named(reader.organization)), classification=Classification.CONFIDENTIAL)
    if reader.is_research_partner:
        return allowed  # no restricted item of another organization (may_read says why)
    if reader.is_secretariat:
        return allowed | Q(classification=Classification.RESTRICTED)
    topics_by_owner: dict[int, set[str]] = defaultdict(set)
    for agreement in terms:
        if reader.organization not in agreement.parties or not agreement.in_force_at(at):
            continue
        (other,) = agreement.parties - {reader.organization}
        topics_by_owner[other] |= {
            t for t, up_to in agreement.coverage if up_to >= Level.RESTRICTED
        }
    for owner_id, topics in sorted(topics_by_owner.items()):
        if topics:
            allowed |= Q(
                Exists(covered(sorted(topics))),
                classification=Classification.RESTRICTED,
                **{f"{owner}_id": owner_id},
            )
    return allowed


def readable_filter(reader: Reader, terms: list[AgreementTerms], at: dt.datetime) -> Q:
    """The policy as a filter on Document."""
    return policy_filter(
        reader,
        terms,
        at,
        named=lambda organization: Document.named_readers.through.objects.filter(
            document_id=OuterRef("pk"), organization_id=organization
        ),
        covered=lambda topics: DocumentTopic.objects.filter(
            document_id=OuterRef("pk"), topic_id__in=topics
        ),
    )


def readable_documents(
    user: Any, *, at: dt.datetime, terms: list[AgreementTerms] | None = None
) -> QuerySet[Document]:
    """Every document ``user`` may read at the instant ``at``. ``terms``: the reader's agreement
    terms (:func:`reader_terms`), where the caller has looked them up already."""
    reader = reader_of(user)
    if terms is None:
        terms = reader_terms(reader)
    return Document.objects.filter(readable_filter(reader, terms, at))


def reader_terms(reader: Reader) -> list[AgreementTerms]:
    """The terms of the reader's organization's agreements, none without an organization."""
    return agreement_terms(organization_id=reader.organization) if reader.organization else []


def item_of(document: Document) -> Item:
    return Item(
        owner=document.owner_id,
        level=Level.named(document.classification),
        topics=frozenset(t.key for t in document.topics.all()),
        named=frozenset(o.pk for o in document.named_readers.all()),
    )


def may_explain(user: Any, document: Document) -> bool:
    """Who may see, for every organization, whether it can read a document: its owner and the
    secretariat."""
    return getattr(user, "organization_id", None) == document.owner_id or (
        getattr(user, "role", None) == Role.SECRETARIAT
    )


def explanations(
    document: Document, *, at: dt.datetime, organizations: Iterable[Organization]
) -> list[tuple[Organization, Decision]]:
    """Why each organization's users (other than the secretariat) can or cannot read the document.

    The research partner's organization is judged as its users are: as the research partner."""
    item, terms = item_of(document), agreement_terms(organization_id=document.owner_id, named=True)
    return [(org, may_read(_reader_for(org), item, terms, at)) for org in organizations]


def secretariat_explanation(document: Document, *, at: dt.datetime) -> Decision:
    """Why the secretariat can or cannot read the document. It is a reader of its own (¶7f): its
    users belong to the United Nations, yet read restricted documents that the United Nations'
    other users, judged by agreements like any organization's, may not; so the table that explains
    who can read shows it as its own row."""
    un = Organization.objects.filter(kind=OrganizationKind.UNITED_NATIONS).values_list("pk")[:1]
    reader = Reader(organization=un[0][0] if un else 0, is_secretariat=True)
    return may_read(reader, item_of(document), [], at)


def _reader_for(organization: Organization) -> Reader:
    return Reader(
        organization=organization.pk,
        is_research_partner=organization.kind == OrganizationKind.RESEARCH_PARTNER,
    )


def access_document(user: Any, pk: int, *, at: dt.datetime) -> tuple[Document, Decision]:
    """The document and why the user may read it, or ``Http404``: a reader who may not read a
    document learns nothing of it, not even that it exists."""
    document = (
        Document.objects.select_related("owner", "created_by")
        .prefetch_related("topics", "named_readers")
        .filter(pk=pk)
        .first()
    )
    if document is None:
        raise Http404
    return document, decision_or_404(user, item_of(document), at=at)


def decision_or_404(user: Any, item: Item, *, at: dt.datetime) -> Decision:
    """Why the user may read a shared object (a document, a situation, a plan: each app's
    ``item_of`` gives its ``Item``), or ``Http404``: a reader who may not read it learns nothing
    of it, not even that it exists."""
    reader = reader_of(user)
    terms = (
        agreement_terms(organization_id=reader.organization, named=True)
        if reader.organization
        else []
    )
    decision = may_read(reader, item, terms, at)
    if not decision:
        raise Http404
    return decision
