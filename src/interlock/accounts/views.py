from __future__ import annotations

import hashlib
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.util import random_hex

from interlock.accounts import selectors, services
from interlock.accounts.addresses import client_address
from interlock.accounts.forms import ApiTokenForm, TwoFactorCodeForm
from interlock.accounts.models import TokenScope
from interlock.accounts.ratelimit import rate_limit_wait
from interlock.accounts.tasks import password_reset_send
from interlock.accounts.two_factor import enrollment_picture, forget_need, normalize_code

ENROLLING = "interlock_two_factor_key"

sign_in = auth_views.LoginView.as_view(
    template_name="accounts/sign_in.html", redirect_authenticated_user=True
)
sign_out = auth_views.LogoutView.as_view()


class _PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is changed."))
        return response


class _PasswordResetView(auth_views.PasswordResetView):
    """Django's reset by e-mail, throttled. The answer is the same whether or not the address
    belongs to an account (no enumeration), and so is the work done for it: the page only queues
    the mail (accounts.tasks), whose task looks the address up. Past the limit per e-mail address
    the link is silently not sent again; past the limit per client address the page says so
    (that is about the address, not about any account)."""

    template_name = "accounts/password_reset.html"
    success_url = reverse_lazy("accounts:password-reset-sent")

    def form_valid(self, form: Any) -> HttpResponse:
        address = client_address(self.request)
        if rate_limit_wait(
            key=f"reset:address:{address}", limit=settings.PASSWORD_RESET_PER_HOUR, window_s=3600
        ):
            return render(self.request, "accounts/password_reset_throttled.html", status=429)
        email = hashlib.sha256(form.cleaned_data["email"].strip().lower().encode()).hexdigest()
        if rate_limit_wait(
            key=f"reset:email:{email}", limit=settings.PASSWORD_RESET_EMAILS_PER_HOUR, window_s=3600
        ):
            return redirect(self.get_success_url())
        password_reset_send.enqueue(
            email=form.cleaned_data["email"],
            domain=self.request.get_host(),
            use_https=self.request.is_secure(),
            language=get_language(),
        )
        return redirect(self.get_success_url())


password_change = login_required(_PasswordChangeView.as_view())
password_reset = _PasswordResetView.as_view()
password_reset_sent = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_sent.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password-reset-done"),
)
password_reset_done = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_done.html"
)


def _safe_next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    allowed = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if allowed else ""


def _next_or(request: HttpRequest, fallback: str) -> str:
    return _safe_next(request) or resolve_url(fallback)


@login_required
def two_factor_enroll(request: HttpRequest) -> HttpResponse:
    """Turn on two-factor sign-in: the key lives in the session until a code confirms it."""
    if user_has_device(request.user, confirmed=True):
        return redirect("accounts:profile")
    key = request.session.get(ENROLLING) or random_hex(20)
    request.session[ENROLLING] = key
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = services.two_factor_enroll(
                actor=request.user,  # type: ignore[arg-type]
                key_hex=key,
                code=form.cleaned_data["code"],
            )
        except ValidationError as error:
            form.add_error("code", " ".join(error.messages))
        else:
            del request.session[ENROLLING]
            otp_login(request, device)
            forget_need(request)
            request.session["new_recovery_codes"] = codes
            messages.success(request, _("Two-factor sign-in is on."))
            return redirect(_next_or(request, "accounts:profile"))
    picture, secret = enrollment_picture(request.user, key)
    context = {"form": form, "picture": picture, "secret": secret, "next": _safe_next(request)}
    return render(request, "accounts/two_factor_enroll.html", context)


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of signing in: a code of the authenticator, or a recovery code (used up)."""
    verified = request.user.is_verified()  # type: ignore[union-attr]  # django-otp's middleware adds it
    if verified or not user_has_device(request.user, confirmed=True):
        forget_need(request)
        return redirect(_next_or(request, "core:home"))
    form = TwoFactorCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, normalize_code(form.cleaned_data["code"]))
        if device is None:
            form.add_error(
                "code", _("That code is not right. Check the time on your device and try again.")
            )
        else:
            otp_login(request, device)
            forget_need(request)
            return redirect(_next_or(request, "core:home"))
    context = {"form": form, "next": _safe_next(request)}
    return render(request, "accounts/two_factor_verify.html", context)


@login_required
@require_POST
def recovery_codes_renew(request: HttpRequest) -> HttpResponse:
    try:
        codes = services.recovery_codes_renew(actor=request.user)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        request.session["new_recovery_codes"] = codes
    return redirect("accounts:profile")


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    context = {
        "tokens": list(selectors.api_token_list(user=request.user)),  # type: ignore[arg-type]
        "form": ApiTokenForm(),
        "new_token": request.session.pop("new_api_token", None),
        "now": timezone.now(),
        "two_factor": user_has_device(request.user, confirmed=True),
        "recovery_codes_left": StaticToken.objects.filter(device__user=request.user).count(),
        "new_recovery_codes": request.session.pop("new_recovery_codes", None),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def api_token_issue(request: HttpRequest) -> HttpResponse:
    form = ApiTokenForm(request.POST)
    if not form.is_valid():
        name_missing = "name" in form.errors
        messages.error(
            request,
            _("Give the token a name.")
            if name_missing
            else _("Choose a lifetime and a scope from the lists."),
        )
        return redirect("accounts:profile")
    try:
        _token, raw = services.api_token_issue(
            actor=request.user,  # type: ignore[arg-type]
            name=form.cleaned_data["name"],
            days=form.cleaned_data["days"],
            scope=TokenScope(form.cleaned_data["scope"] or TokenScope.READ),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        # Shown once on the next page, then forgotten: only its hash is stored.
        request.session["new_api_token"] = raw
    return redirect("accounts:profile")


@login_required
@require_POST
def api_token_revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    token = selectors.api_token_list(user=request.user).filter(pk=token_id).first()  # type: ignore[arg-type]
    if token is None:
        raise Http404
    services.api_token_revoke(actor=request.user, token=token)  # type: ignore[arg-type]
    messages.success(request, _("The token is revoked."))
    return redirect("accounts:profile")
