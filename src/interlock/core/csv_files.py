"""The one way Interlock writes CSV: every file the project produces goes through here.

Cells are neutralized against CSV (formula) injection as OWASP's guidance says: a cell that
begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is prefixed with a single
quote, so that a spreadsheet shows it as text instead of running it. HXL hashtag rows
(``#org+name``) begin with ``#`` and pass unchanged, so HXL tools still read the file.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import StreamingHttpResponse

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value as a spreadsheet may show it without evaluating it."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    """Each row as one line of CSV, every cell neutralized."""
    writer = csv.writer(_Echo())
    for row in rows:
        yield writer.writerow([safe_cell(cell) for cell in row])


def csv_response(rows: Iterable[Iterable[Any]], *, filename: str) -> StreamingHttpResponse:
    """A streamed CSV download (UTF-8) of ``rows``, the header first."""
    response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
