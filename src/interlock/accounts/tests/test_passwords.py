"""Password change, and reset by e-mail: the link arrives in the outbox, sent by a background
task; the answer never tells whether an address belongs to an account, nor does the work done
for it; requests are throttled."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import CAST_PASSWORD

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "a quite different passphrase 2026"
IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings) -> None:
    # Here the worker is the request itself, so the outbox can be read right after the answer.
    settings.TASKS = IMMEDIATE


def test_a_signed_in_user_changes_their_password(client_for, cast) -> None:
    owner = client_for("owner")
    response = owner.post(
        "/accounts/password/",
        {
            "old_password": CAST_PASSWORD,
            "new_password1": NEW_PASSWORD,
            "new_password2": NEW_PASSWORD,
        },
        follow=True,
    )
    assert "Your password is changed." in response.content.decode()
    cast["owner"].refresh_from_db()
    assert cast["owner"].check_password(NEW_PASSWORD)
    assert owner.get("/accounts/profile/").status_code == 200  # still signed in


def test_a_wrong_old_password_changes_nothing(client_for, cast) -> None:
    response = client_for("owner").post(
        "/accounts/password/",
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200 and "field-error" in response.content.decode()
    cast["owner"].refresh_from_db()
    assert cast["owner"].check_password(CAST_PASSWORD)


def test_a_reset_link_arrives_by_e_mail_and_sets_a_new_password(client, cast) -> None:
    response = client.post("/accounts/password/reset/", {"email": "au.liaison@cast.invalid"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["au.liaison@cast.invalid"]
    assert "au.liaison" in mail.outbox[0].body
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/\S+/)", mail.outbox[0].body)
    form = client.get(link.group(1), follow=True)
    assert form.status_code == 200 and form.context["validlink"]
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done["Location"] == "/accounts/password/reset/done/"
    cast["owner"].refresh_from_db()
    assert cast["owner"].check_password(NEW_PASSWORD)
    again = client.get(link.group(1), follow=True)
    assert not again.context["validlink"]  # a link works once


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client) -> None:
    known = client.post("/accounts/password/reset/", {"email": "au.liaison@cast.invalid"})
    unknown = client.post("/accounts/password/reset/", {"email": "nobody@cast.invalid"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [m.to for m in mail.outbox] == [["au.liaison@cast.invalid"]]


def test_reset_mails_to_one_address_are_limited_silently(client, settings) -> None:
    settings.PASSWORD_RESET_EMAILS_PER_HOUR = 2
    answers = {
        client.post("/accounts/password/reset/", {"email": "au.liaison@cast.invalid"})["Location"]
        for _ in range(4)
    }
    assert answers == {"/accounts/password/reset/sent/"}
    assert len(mail.outbox) == 2


def test_reset_requests_from_one_address_are_throttled_whatever_the_e_mail(client, settings):
    settings.PASSWORD_RESET_PER_HOUR = 3
    for n in range(3):
        client.post("/accounts/password/reset/", {"email": f"someone{n}@cast.invalid"})
    refused = client.post("/accounts/password/reset/", {"email": "au.liaison@cast.invalid"})
    assert refused.status_code == 429
    assert "Too many password reset requests came from this address" in refused.content.decode()
    assert mail.outbox == []


def test_the_reset_page_only_queues_the_mail_doing_the_same_work_for_any_address(
    client, settings
) -> None:
    from django_tasks import default_task_backend

    settings.TASKS = DUMMY
    answers, queries = [], []
    for email in ("au.liaison@cast.invalid", "nobody@cast.invalid"):
        with CaptureQueriesContext(connection) as captured:
            answers.append(client.post("/accounts/password/reset/", {"email": email})["Location"])
        queries.append([re.sub(r"'[^']*'|\b\d+\b", "?", q["sql"]) for q in captured])
    assert answers == ["/accounts/password/reset/sent/"] * 2
    assert queries[0] == queries[1]
    assert not any("accounts_user" in q for q in queries[0])  # no look-up of the account
    assert mail.outbox == []
    queued = default_task_backend.results  # type: ignore[attr-defined]
    assert [r.kwargs["email"] for r in queued] == ["au.liaison@cast.invalid", "nobody@cast.invalid"]


def test_the_queued_task_sends_the_link_only_to_an_existing_account() -> None:
    from interlock.accounts.tasks import password_reset_send

    known = password_reset_send.call(
        email="au.liaison@cast.invalid", domain="interlock.example", use_https=True, language="fr"
    )
    unknown = password_reset_send.call(
        email="nobody@cast.invalid", domain="interlock.example", use_https=True, language="fr"
    )
    assert (known, unknown) == (1, 0)
    assert len(mail.outbox) == 1
    assert "https://interlock.example/accounts/password/reset/" in mail.outbox[0].body
