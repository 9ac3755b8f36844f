from django.apps import AppConfig


class Config(AppConfig):
    name = "interlock.situations"
    label = "situations"
    default_auto_field = "django.db.models.BigAutoField"
