from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The six official languages, as the interface names them (settings.LANGUAGES, the UN's order).
OFFICIAL_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)


class LiaisonContact(models.Model):
    """How to reach a liaison official while they hold the post (¶7d: "to strengthen communication
    with the United Nations and with one another"). Kept per appointment: a successor starts with
    their own contacts, and the predecessor's stay with the history of the post."""

    appointment = models.OneToOneField(
        "registry.LiaisonAppointment", on_delete=models.PROTECT, related_name="contact"
    )
    email = models.EmailField(blank=True)
    telephone = models.CharField(
        max_length=32, blank=True, help_text=_("International form (E.164), such as +3225550123")
    )
    # Space-separated codes of OFFICIAL_LANGUAGES, in the UN's order.
    working_languages = models.CharField(max_length=60, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"contact of {self.appointment}"

    @property
    def languages(self) -> list[str]:
        return self.working_languages.split()
