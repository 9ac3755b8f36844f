from django.apps import AppConfig


class Config(AppConfig):
    name = "interlock.committees"
    label = "committees"
    default_auto_field = "django.db.models.BigAutoField"
