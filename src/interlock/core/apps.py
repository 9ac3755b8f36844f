from django.apps import AppConfig


class Config(AppConfig):
    name = "interlock.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from interlock.core.references import discover

        discover()  # each app's references.py registers how its objects are named elsewhere
