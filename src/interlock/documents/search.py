"""Ranked full-text search with snippets, on SQLite (FTS5) and PostgreSQL (tsvector).

Search narrows a queryset that the policy has already filtered, so neither a result nor a snippet
of a document the reader may not read is ever computed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection
from django.db.models import BooleanField, FloatField, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from interlock.documents.models import Document

START, STOP = "\x02", "\x03"  # highlight markers: not HTML, so the text is escaped before marking
MAX_TERMS = 12


def terms(query: str) -> list[str]:
    """The words of a query (letters and digits in any script), at most twelve."""
    return re.findall(r"\w+", query)[:MAX_TERMS]


def search(documents: QuerySet[Document], query: str) -> QuerySet[Document]:
    """``documents`` that match every word of ``query``, best first, each with a ``rank``.

    Snippets are made afterwards, for the rows of one page only (:func:`attach_snippets`)."""
    words = terms(query)
    if not words:
        return documents.none()
    if connection.vendor == "postgresql":
        return _postgresql(documents, " ".join(words))
    return _sqlite(documents, _match(words))


def _match(words: list[str]) -> str:
    return " ".join(f'"{word}"' for word in words)


def _sqlite(documents: QuerySet[Document], match: str) -> QuerySet[Document]:
    # A join with the FTS5 table, so that the full-text query runs once: it drives the loop over
    # the matches, each joined to its document by primary key and checked against the policy.
    # (A correlated subquery per row would run the full-text query again for every match.)
    return documents.extra(
        tables=["documents_fts"],
        where=["documents_fts.rowid = documents_document.id", "documents_fts MATCH %s"],
        params=[match],
        # bm25 is lower for better matches; titles weigh ten times the text.
        select={"rank": "-bm25(documents_fts, 10.0, 1.0)"},
    ).order_by("-rank", "-id")


_TSQUERY = "plainto_tsquery('simple', %s)"
_HEADLINE = f"StartSel={START}, StopSel={STOP}, MaxWords=30, MinWords=12, MaxFragments=2"


def _postgresql(documents: QuerySet[Document], words: str) -> QuerySet[Document]:
    return (
        documents.annotate(
            matched=RawSQL(
                f"documents_document.search_vector @@ {_TSQUERY}",
                [words],
                output_field=BooleanField(),
            )
        )
        .filter(matched=True)
        .annotate(
            rank=RawSQL(
                f"ts_rank(documents_document.search_vector, {_TSQUERY})",
                [words],
                output_field=FloatField(),
            )
        )
        .order_by("-rank", "-id")
    )


def attach_snippets(documents: Iterable[Document], query: str) -> None:
    """Set ``snippet`` on each of ``documents`` (one page, already allowed by the policy) in one
    query: the text around the matches, marked with START and STOP."""
    page = list(documents)
    words = terms(query)
    if not page or not words:
        return
    ids = [d.pk for d in page]
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                f"SELECT id, ts_headline('simple', search_title || ' — ' || search_text, {_TSQUERY}, %s) "
                f"FROM documents_document WHERE id IN ({placeholders})",
                [" ".join(words), _HEADLINE, *ids],
            )
        else:
            cursor.execute(
                "SELECT rowid, snippet(documents_fts, -1, char(2), char(3), '…', 24) FROM documents_fts "
                f"WHERE documents_fts MATCH %s AND rowid IN ({placeholders})",
                [_match(words), *ids],
            )
        snippets = dict(cursor.fetchall())
    for document in page:
        document.snippet = snippets.get(document.pk, "")  # type: ignore[attr-defined]


def highlight(snippet: str | None) -> SafeString:
    """The snippet as HTML: the text escaped, the matches in ``<mark>``."""
    text = escape(snippet or "")
    return mark_safe(text.replace(START, "<mark>").replace(STOP, "</mark>"))  # noqa: S308 - escaped above
