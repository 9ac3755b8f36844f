"""``{% reference ref "documents:document" %}``: an object named through the reading policy
(core.references), linked where its reader may read it, in italics and unlinked where withheld.
A label is stored as its object names itself, in a language not known: it is isolated (``<bdi>``),
so that an English title on an Arabic page keeps its own direction and punctuation."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from interlock.core.references import Reference

register = template.Library()


@register.simple_tag
def reference(ref: Reference | None, url_name: str = "") -> SafeString | str:
    if ref is None:
        return "—"
    if ref.withheld:
        return format_html('<em class="withheld">{}</em>', ref.label)
    if url_name:
        return format_html(
            '<a href="{}"><bdi>{}</bdi></a>', reverse(url_name, args=[ref.target_id]), ref.label
        )
    return format_html("<bdi>{}</bdi>", ref.label)
