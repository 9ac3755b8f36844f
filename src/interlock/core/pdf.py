"""Documents printed as the United Nations lays them out, rendered by WeasyPrint: the one helper
every PDF of the project goes through (the implementation monitor's report, a meeting's outcome
document). The layout is the template ``un_layout.html``: masthead with the organs on the start
side and the symbol on the end side, the distribution, date and original language beneath,
A4 pages numbered at the foot. Fonts are the system's (DejaVu, Noto CJK): nothing is fetched."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import override


def pdf_response(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    filename: str,
    language: str | None = None,
) -> HttpResponse:
    """Render ``template`` (which extends ``un_layout.html``) in ``language`` (the reader's by
    default) and answer it as an inline PDF named ``filename``."""
    from weasyprint import HTML  # heavy: loaded when a PDF is asked for

    with override(language) if language else nullcontext():
        html = render_to_string(template, context, request=request)
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
