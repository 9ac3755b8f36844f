"""Background work of accounts, run by Django's tasks framework (`make worker`)."""

from __future__ import annotations

from django.contrib.auth.forms import PasswordResetForm
from django.utils import translation
from django_tasks import task

EMAIL_TEMPLATE = "accounts/password_reset_email.txt"
SUBJECT_TEMPLATE = "accounts/password_reset_subject.txt"


@task()
def password_reset_send(*, email: str, domain: str, use_https: bool, language: str) -> int:
    """E-mail a reset link to each active account with this address (none, usually one); returns
    how many. Run in the background, so that the page answers in the same time whether or not
    the address belongs to an account, and a slow mail server delays nobody."""
    form = PasswordResetForm({"email": email})
    if not form.is_valid():
        return 0
    users = list(form.get_users(email))
    with translation.override(language):
        form.save(
            domain_override=domain,
            use_https=use_https,
            email_template_name=EMAIL_TEMPLATE,
            subject_template_name=SUBJECT_TEMPLATE,
        )
    return len(users)
