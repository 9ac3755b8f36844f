from django.apps import AppConfig


class LiaisonConfig(AppConfig):
    """The liaison network (¶7d): the officials' contacts, their page and their directory."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "interlock.liaison"
