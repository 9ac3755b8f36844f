from __future__ import annotations

from django.db import models

from interlock.core.i18n import localized


class WorkingGroup(models.Model):
    """One of the working groups whose proposals the sixth meeting endorsed (¶4)."""

    key = models.SlugField(max_length=60, unique=True)
    name_en = models.CharField(max_length=200)
    name_fr = models.CharField(max_length=200)
    position = models.PositiveSmallIntegerField(help_text="Order in which the source lists it")
    source = models.ForeignKey("core.Source", on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self.name_en, self.name_fr)
