"""The library runs the same number of queries whatever the number of documents."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interlock.reference.scale import scale_documents

pytestmark = pytest.mark.django_db

PATHS = [
    "/documents/",
    "/documents/?q=ceasefire+monitoring",
    "/documents/?topic=peacekeeping&classification=restricted",
    "/api/v1/documents?limit=100",
    "/api/v1/documents?q=ceasefire",
]


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
        assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("part", ["partner", "anonymous"])
def test_the_same_queries_at_ten_and_at_four_hundred_documents(
    client_for, part: str, path: str
) -> None:
    client = client_for(part)
    scale_documents(count=5, seed=1)  # so that every search has matches at both sizes
    small = queries(client, path)
    scale_documents(count=400, seed=2)
    large = queries(client, path)
    assert small == large, f"{small} queries with 11 documents, {large} with 400 more"


def test_counts_stop_at_the_cap_and_say_so(client_for, monkeypatch) -> None:
    from interlock.core import paging

    monkeypatch.setattr(paging, "COUNT_CAP", 3)
    page = client_for("owner").get("/documents/")
    assert page.context["page"].paginator.count == 4
    assert page.context["page"].paginator.is_capped
    assert client_for("owner").get("/api/v1/documents").json()["count"] == 4
