from django.apps import AppConfig


class Config(AppConfig):
    name = "interlock.agreements"
    label = "agreements"
    default_auto_field = "django.db.models.BigAutoField"
