"""Translated content of capacity-building plans (core/i18n.py): six languages, English the
fallback."""

from modeltranslation.translator import register

from interlock.capacity_building.models import CapacityPlan, Milestone, Pillar
from interlock.core.i18n import ContentTranslation


@register(CapacityPlan)
class CapacityPlanTranslation(ContentTranslation):
    fields = ("title", "summary")


@register(Pillar)
class PillarTranslation(ContentTranslation):
    fields = ("title",)


@register(Milestone)
class MilestoneTranslation(ContentTranslation):
    fields = ("description",)
