from __future__ import annotations

from django.db import models
from modeltranslation.manager import MultilingualManager


class WorkingGroup(models.Model):
    """One of the working groups whose proposals the sixth meeting endorsed (¶4)."""

    key = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=200)  # in the six languages (translation.py)
    position = models.PositiveSmallIntegerField(help_text="Order in which the source lists it")
    source = models.ForeignKey("core.Source", on_delete=models.PROTECT, related_name="+")

    objects: MultilingualManager[WorkingGroup] = (
        MultilingualManager()
    )  # the same manager as registered (typed)

    class Meta:
        ordering = ["position"]

    def __str__(self) -> str:
        return self.name
