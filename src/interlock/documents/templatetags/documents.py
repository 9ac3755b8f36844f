from django import template
from django.utils.safestring import SafeString

from interlock.documents.search import highlight as _highlight

register = template.Library()


@register.filter
def highlight(snippet: str | None) -> SafeString:
    return _highlight(snippet)
