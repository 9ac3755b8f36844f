"""Translated content of the agreements (core/i18n.py): six languages, English as the fallback."""

from modeltranslation.translator import register

from interlock.agreements.models import AgreementKind
from interlock.core.i18n import ContentTranslation


@register(AgreementKind)
class AgreementKindTranslation(ContentTranslation):
    fields = ("name",)
