from django.urls import path

from interlock.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign-in"),
    path("sign-out/", views.sign_out, name="sign-out"),
    path("profile/", views.profile, name="profile"),
    path("tokens/", views.api_token_issue, name="token-issue"),
    path("tokens/<int:token_id>/revoke/", views.api_token_revoke, name="token-revoke"),
]
