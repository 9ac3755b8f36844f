"""No surface leaks a document to a reader the policy does not allow: not its title, not its
existence, not its count, not a snippet."""

import pytest

from conftest import CAN_READ, CAST_DOCUMENTS

pytestmark = pytest.mark.django_db
PARTS = ["owner", "partner", "outsider", "secretariat", "researcher", "anonymous"]


def marker(case: str) -> str:
    return CAST_DOCUMENTS[case][3].split()[0]  # the title's unique first word


def assert_exactly_readable(part: str, text: str) -> None:
    for case in CAST_DOCUMENTS:
        shown = marker(case) in text
        assert shown == (case in CAN_READ[part]), (
            f"{part}: {case} {'leaked' if shown else 'missing'}"
        )


@pytest.mark.parametrize("part", PARTS)
def test_the_library_lists_and_counts_only_readable_documents(client_for, part: str) -> None:
    page = client_for(part).get("/documents/", {"owner": "AU"})
    assert_exactly_readable(part, page.content.decode())
    assert page.context["page"].paginator.count == len(CAN_READ[part])


@pytest.mark.parametrize("part", PARTS)
def test_search_results_and_snippets_show_only_readable_documents(client_for, part: str) -> None:
    # "body" is in every cast document's text, so every document matches the words.
    page = client_for(part).get("/documents/", {"q": "body document situation"})
    body = page.content.decode()
    assert_exactly_readable(part, body)
    assert body.count('class="snippet"') == len(CAN_READ[part])


@pytest.mark.parametrize("part", PARTS)
def test_a_search_for_an_unreadable_title_word_finds_nothing(client_for, part: str) -> None:
    for case in set(CAST_DOCUMENTS) - CAN_READ[part]:
        page = client_for(part).get("/documents/", {"q": marker(case)})
        assert page.context["page"].paginator.count == 0
        body = page.content.decode()
        results = body[
            body.index('<ol class="results">') : body.index(
                "</ol>", body.index('<ol class="results">')
            )
        ]
        assert marker(case) not in results  # the query itself is echoed in the form, nothing else


@pytest.mark.parametrize("part", PARTS)
def test_the_csv_export_holds_only_readable_documents(client_for, part: str) -> None:
    response = client_for(part).get("/documents/export.csv", {"owner": "AU", "hxl": "1"})
    text = b"".join(response.streaming_content).decode()
    assert_exactly_readable(part, text)
    assert text.splitlines()[1].startswith("#meta+id,")
    assert len(text.splitlines()) == 2 + len(CAN_READ[part])


@pytest.mark.parametrize("part", PARTS)
def test_the_api_lists_counts_and_searches_only_readable_documents(client_for, part: str) -> None:
    client = client_for(part)
    listed = client.get("/api/v1/documents", {"owner": "AU"}).json()
    assert listed["count"] == len(CAN_READ[part])
    assert_exactly_readable(part, str(listed))
    found = client.get("/api/v1/documents", {"q": "body situation"}).json()
    assert_exactly_readable(part, str(found))


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("case", sorted(CAST_DOCUMENTS))
def test_a_download_is_served_only_to_readers(
    client_for, cast_documents, part: str, case: str
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from interlock.documents.services import document_add_version

    document = cast_documents[case]
    from interlock.accounts.models import User

    text = document_add_version(
        actor=User.objects.get(username="au.liaison"),
        document=document,
        language="fr",
        title="Version française",
        upload=SimpleUploadedFile("note.txt", f"{marker(case)} texte".encode()),
    )
    response = client_for(part).get(f"/documents/{document.pk}/texts/{text.pk}/download/")
    if case in CAN_READ[part]:
        assert response.status_code == 200 and marker(case).encode() in b"".join(
            response.streaming_content
        )
    else:
        assert response.status_code == 404
