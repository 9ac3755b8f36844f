"""Interlock's URLs plus the bare floor: a plain Django view that renders a page of the same size
(same rows, same columns) with one query and no filters, permissions, chart or shell."""

from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import include, path

from interlock.registry.models import Organization

_FLOOR = engines["django"].from_string(
    '<!doctype html><html><body><table>{% for o in rows %}<tr><td><a href="/organizations/{{ o.acronym }}/">'
    "{{ o.name_en }}</a></td><td>{{ o.kind }}</td><td>{{ o.charter_basis }}</td>"
    "<td>{{ o.headquarters_city }}</td></tr>{% endfor %}</table></body></html>"
)


def floor(request: HttpRequest) -> HttpResponse:
    limit = int(request.GET.get("limit", "50"))
    rows = Organization.objects.order_by("short_name_en").values(
        "acronym", "name_en", "kind", "charter_basis", "headquarters_city"
    )[:limit]
    return HttpResponse(_FLOOR.render({"rows": list(rows)}))


urlpatterns = [path("bench/floor/", floor), path("", include("interlock.urls"))]
