from django.apps import AppConfig


class Config(AppConfig):
    name = "interlock.capacity_building"
    label = "capacity_building"
    default_auto_field = "django.db.models.BigAutoField"
