from django.apps import AppConfig


class Config(AppConfig):
    name = "interlock.core"
    label = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from interlock.core import references, reminders

        references.discover()  # each app's references.py: how its objects are named elsewhere
        reminders.discover()  # each app's reminders.py: the reminders it owes on a day
