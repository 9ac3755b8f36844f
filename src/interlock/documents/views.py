from __future__ import annotations

import re
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from interlock.core.access import can, require
from interlock.core.csv_files import csv_response
from interlock.core.forms import attach_errors
from interlock.core.paging import CappedPaginator, query_without_page
from interlock.documents import search, selectors, services
from interlock.documents.access import (
    access_document,
    may_explain,
    readable_documents,
)
from interlock.documents.forms import DocumentFilterForm, DocumentForm, VersionForm
from interlock.domain.permissions import Action

PAGE_SIZE = 25


def _filters(form: DocumentFilterForm) -> selectors.DocumentFilters:
    if not (form.is_bound and form.is_valid()):
        return selectors.DocumentFilters()
    data = form.cleaned_data
    return selectors.DocumentFilters(
        owner=data["owner"],
        topic=data["topic"],
        classification=data["classification"],
        language=data["language"],
        since=data["since"],
        until=data["until"],
        query=data["q"],
    )


def document_list(request: HttpRequest) -> HttpResponse:
    form = DocumentFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        # A bad filter shows its error and no list, never an unfiltered list under it.
        return render(request, "documents/document_list.html", {"form": form, "refused": True})
    filters = _filters(form)
    documents = selectors.document_list(request.user, at=timezone.now(), filters=filters)
    page = CappedPaginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = list(page.object_list)
    if filters.query.strip():
        search.attach_snippets(rows, filters.query)
    context = {
        "form": form,
        "page": page,
        "documents": rows,
        "searching": bool(filters.query.strip()),
        "query_string": query_without_page(request),
        "may_contribute": bool(can(request.user, Action.CONTRIBUTE_DOCUMENTS)),
    }
    return render(request, "documents/document_list.html", context)


HXL = {
    "id": "#meta+id",
    "symbol": "#meta+symbol",
    "title": "#meta+title",
    "owner": "#org+owner",
    "classification": "#meta+classification",
    "topics": "#sector",
    "created": "#date+created",
}


def document_export(request: HttpRequest) -> HttpResponse | StreamingHttpResponse:
    """CSV of the documents the reader may read, with the same filters as the library; an HXL
    hashtag row follows the header when ``hxl=1``."""
    form = DocumentFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        # Not every document in place of the filtered ones: the errors, and nothing exported.
        errors = "; ".join(f"{name}: {' '.join(map(str, e))}" for name, e in form.errors.items())
        return HttpResponse(errors, status=400, content_type="text/plain; charset=utf-8")
    documents = selectors.document_list(request.user, at=timezone.now(), filters=_filters(form))

    def rows() -> Any:
        yield list(HXL)
        if request.GET.get("hxl") == "1":
            yield list(HXL.values())
        for document in documents.iterator(chunk_size=2000):
            yield [
                document.pk,
                document.symbol,
                document.title,
                document.owner.acronym,
                document.classification,
                ";".join(t.key for t in document.topics.all()),
                document.created_at.date().isoformat(),
            ]

    return csv_response(rows(), filename="interlock-documents.csv")


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    now = timezone.now()
    document, decision = access_document(request.user, pk, at=now)
    services.document_read_record(
        user=request.user, document=document, what="page", decision=decision
    )
    user: Any = request.user
    is_owner = getattr(user, "organization_id", None) == document.owner_id
    context = {
        "document": document,
        "decision": decision,
        "versions": selectors.language_versions(document),
        "who_can_read": selectors.who_can_read(document, at=now)
        if may_explain(user, document)
        else None,
        "is_owner": is_owner,
        "may_add_version": is_owner
        and bool(can(user, Action.CONTRIBUTE_DOCUMENTS, organization_id=document.owner_id)),
    }
    return render(request, "documents/document_detail.html", context)


def document_download(request: HttpRequest, pk: int, text_id: int) -> FileResponse:
    document, decision = access_document(request.user, pk, at=timezone.now())
    text = document.texts.filter(pk=text_id).exclude(file="").first()
    if text is None or not default_storage.exists(text.file.name):
        raise Http404
    services.document_read_record(
        user=request.user, document=document, what="download", decision=decision
    )
    response = FileResponse(text.file.open("rb"), as_attachment=True, filename=text.file_name)
    response["Content-Type"] = text.content_type or "application/octet-stream"
    return response


@login_required
def document_choices(request: HttpRequest) -> HttpResponse:
    """The documents the user may read that match ``q``, as radio buttons for the chooser of a
    form field (``field``); the field's current choice stays offered if the user may read it."""
    field = request.GET.get("field", "")
    if not re.fullmatch(r"[a-z_]{1,40}", field):
        raise Http404
    now = timezone.now()
    query = request.GET.get(f"{field}_search", request.GET.get("q", ""))[:200]
    current = request.GET.get(field, "")
    chosen = (
        readable_documents(request.user, at=now).filter(pk=int(current)).first()
        if current.isdigit() and len(current) <= 15
        else None
    )
    context = {
        "field": field,
        "chosen": chosen,
        "found": selectors.document_choices(request.user, at=now, query=query),
        "searched": bool(query.strip()),
    }
    return render(request, "documents/_document_choices.html", context)


@login_required
def document_reads(request: HttpRequest, pk: int) -> HttpResponse:
    document, _decision = access_document(request.user, pk, at=timezone.now())
    if getattr(request.user, "organization_id", None) != document.owner_id:
        raise Http404  # only the owner sees who read its documents
    page = Paginator(selectors.read_log(document=document), 50).get_page(request.GET.get("page"))
    return render(request, "documents/document_reads.html", {"document": document, "page": page})


@login_required
def document_create(request: HttpRequest) -> HttpResponse:
    require(request.user, Action.CONTRIBUTE_DOCUMENTS)
    user: Any = request.user
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            document = services.document_create(
                actor=user,
                owner=user.organization,
                classification=data["classification"],
                title=data["title"],
                language=data["language"],
                body=data["body"],
                topics=data["topics"],
                named_readers=data["named_readers"],
                symbol=data["symbol"],
                upload=data["upload"],
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The document is added."))
            return redirect("documents:document", pk=document.pk)
    return render(
        request, "documents/document_form.html", {"form": form, "owner": user.organization}
    )


@login_required
def document_add_version(request: HttpRequest, pk: int) -> HttpResponse:
    document, _decision = access_document(request.user, pk, at=timezone.now())
    require(request.user, Action.CONTRIBUTE_DOCUMENTS, organization_id=document.owner_id)
    form = VersionForm(
        request.POST or None,
        request.FILES or None,
        initial={"language": document.original_language, "title": document.title},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.document_add_version(
                actor=request.user, document=document, **form.cleaned_data
            )
        except ValidationError as error:
            attach_errors(form, error)
        else:
            messages.success(request, _("The new version is added."))
            return redirect("documents:document", pk=document.pk)
    return render(request, "documents/version_form.html", {"form": form, "document": document})
