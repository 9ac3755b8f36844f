from django.apps import AppConfig


class Config(AppConfig):
    name = "interlock.accounts"
    label = "accounts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from interlock.accounts.middleware import session_start

        # Every way of signing in (the form, the admin's, a test's force_login) ends in Django's
        # login(), which sends this signal: the one place to stamp a new session.
        user_logged_in.connect(session_start, dispatch_uid="interlock.accounts.session_start")
