"""The explanations of who can read a document and who read it say what is true: the secretariat
is a row of its own, and an empty read log says why it is empty."""

import html
import re

import pytest

pytestmark = pytest.mark.django_db


def rows_of(page: str) -> dict[str, str]:
    table = page.split('id="explain-heading"', 1)[1].split("</table>", 1)[0]
    found = {}
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, flags=re.S):
        cells = [
            re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        if cells:
            found[cells[0]] = cells[1]
    return found


def test_the_secretariat_is_its_own_row_and_the_un_row_does_not_contradict_it(
    client_for, cast_documents
) -> None:
    page = client_for("owner").get(f"/documents/{cast_documents['restricted_uncovered'].pk}/")
    rows = rows_of(page.content.decode())
    assert rows["The secretariat (¶7f)"] == "Yes"
    (un_row,) = [name for name in rows if name.startswith("United Nations")]
    assert "other than the secretariat" in un_row and rows[un_row] == "No"
    assert next(iter(rows)) == "The secretariat (¶7f)"


@pytest.mark.parametrize("case", ["restricted_uncovered", "confidential_own", "restricted_covered"])
def test_the_api_answers_the_same_rows_as_the_page_the_secretariat_s_first(
    client_for, cast_documents, case
) -> None:
    pk = cast_documents[case].pk
    client = client_for("owner")
    page = client.get(f"/documents/{pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    answer = client.get(f"/api/v1/documents/{pk}/explain", HTTP_ACCEPT_LANGUAGE="en").json()
    assert len(answer) == len(rows_of(page))
    assert answer[0]["secretariat"] and answer[0]["organization"] == "UN"
    assert answer[0]["can_read"] == (rows_of(page)["The secretariat (¶7f)"] == "Yes")
    assert [row["can_read"] for row in answer] == [v == "Yes" for v in rows_of(page).values()]
    assert [row["reason"] for row in answer] == reasons_of(page)
    assert sum(row["organization"] == "UN" for row in answer) == 2


def test_the_api_row_of_the_un_holds_the_secretariat_s_row_and_its_other_users(
    client_for, cast_documents
) -> None:
    pk = cast_documents["restricted_uncovered"].pk
    answer = client_for("secretariat").get(f"/api/v1/documents/{pk}/explain?organization=UN")
    assert [(row["secretariat"], row["can_read"]) for row in answer.json()] == [
        (True, True),
        (False, False),
    ]


def reasons_of(page: str) -> list[str]:
    table = page.split('id="explain-heading"', 1)[1].split("</table>", 1)[0]
    return [
        html.unescape(re.sub(r"<[^>]+>", "", cells[-1]).strip())
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, flags=re.S)
        if (cells := re.findall(r"<td[^>]*>(.*?)</td>", row, re.S))
    ]


def test_the_secretariat_row_says_no_for_a_confidential_document(
    client_for, cast_documents
) -> None:
    page = client_for("owner").get(f"/documents/{cast_documents['confidential_own'].pk}/")
    assert rows_of(page.content.decode())["The secretariat (¶7f)"] == "No"


def test_an_empty_read_log_of_a_partnership_document_says_reads_are_not_logged(
    client_for, cast_documents
) -> None:
    document = cast_documents["partnership"]
    for part in ("partner", "outsider", "secretariat"):
        client_for(part).get(f"/documents/{document.pk}/")
    log = client_for("owner").get(f"/documents/{document.pk}/reads/").content.decode()
    assert "Reads are logged for restricted and confidential documents only" in log
    assert "No read is recorded yet." not in log


def test_an_empty_read_log_of_a_restricted_document_says_no_read_yet(
    client_for, cast_documents
) -> None:
    log = client_for("owner").get(f"/documents/{cast_documents['restricted_uncovered'].pk}/reads/")
    body = log.content.decode()
    assert "No read is recorded yet." in body and "logged for restricted" not in body
