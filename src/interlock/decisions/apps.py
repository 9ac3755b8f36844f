from django.apps import AppConfig


class DecisionsConfig(AppConfig):
    name = "interlock.decisions"
    verbose_name = "Proposals and decisions"
    default_auto_field = "django.db.models.BigAutoField"
