from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from interlock.accounts import selectors, services
from interlock.accounts.forms import ApiTokenForm
from interlock.accounts.models import TokenScope

sign_in = auth_views.LoginView.as_view(
    template_name="accounts/sign_in.html", redirect_authenticated_user=True
)
sign_out = auth_views.LogoutView.as_view()


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    context = {
        "tokens": list(selectors.api_token_list(user=request.user)),  # type: ignore[arg-type]
        "form": ApiTokenForm(),
        "new_token": request.session.pop("new_api_token", None),
        "now": timezone.now(),
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
