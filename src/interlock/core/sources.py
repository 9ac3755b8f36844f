"""A source cited in the reader's language, where the words are Interlock's own.

A source is stored as its title and locator in English (``core.models.Source``). The titles of
public records are cited as their publishers wrote them, in their own language; but the fixed
wording of the sources Interlock writes itself (the conclusions of the sixth meeting and where in
them, the Charter's chapters, Interlock's own rule for an organization's kind) is a gettext message
(context "source"), so a citation reads in the reader's language. Pages cite with
``{{ source|cited }}``.
"""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import pgettext, pgettext_lazy

from interlock.core.models import Source

WORDING: dict[str, Promise] = {
    "Identical letters dated 29 August 2005 from the Secretary-General addressed to the President "
    "of the General Assembly and the President of the Security Council (conclusions of the sixth "
    "high-level meeting)": pgettext_lazy(
        "source",
        "Identical letters dated 29 August 2005 from the Secretary-General addressed to the "
        "President of the General Assembly and the President of the Security Council "
        "(conclusions of the sixth high-level meeting)",
    ),
    "Identical letters dated 29 August 2005 from the Secretary-General": pgettext_lazy(
        "source", "Identical letters dated 29 August 2005 from the Secretary-General"
    ),
    "Conclusions of the Chairman of the sixth high-level meeting": pgettext_lazy(
        "source", "Conclusions of the Chairman of the sixth high-level meeting"
    ),
    "Opening statement of the Secretary-General at the sixth high-level meeting": pgettext_lazy(
        "source", "Opening statement of the Secretary-General at the sixth high-level meeting"
    ),
    "Charter of the United Nations": pgettext_lazy("source", "Charter of the United Nations"),
    "Charter of the United Nations (San Francisco, 26 June 1945)": pgettext_lazy(
        "source", "Charter of the United Nations (San Francisco, 26 June 1945)"
    ),
    "Charter of the United Nations, Article 111: the Chinese, French, Russian, English and "
    "Spanish texts are equally authentic (the Organization's name in each)": pgettext_lazy(
        "source",
        "Charter of the United Nations, Article 111: the Chinese, French, Russian, English and "
        "Spanish texts are equally authentic (the Organization's name in each)",
    ),
    # The rule of domain/kinds.py, as the "Kind" of an organization cites it.
    "Interlock classification by where the members are on a day (UN M49 regions): other "
    "intergovernmental where they are in four or more of the five regions; subregional where all "
    "are in one region and only some of its subregions; regional otherwise": pgettext_lazy(
        "source",
        "Interlock classification by where the members are on a day (UN M49 regions): other "
        "intergovernmental where they are in four or more of the five regions; subregional "
        "where all are in one region and only some of its subregions; regional otherwise",
    ),
    "Covering letter, first paragraph": pgettext_lazy("source", "Covering letter, first paragraph"),
    "Chapter VIII, Articles 52 to 54": pgettext_lazy("source", "Chapter VIII, Articles 52 to 54"),
    "Annex II": pgettext_lazy("source", "Annex II"),
    "Article 111": pgettext_lazy("source", "Article 111"),
    "Annex I, paragraph 1": pgettext_lazy("source", "Annex I, paragraph 1"),
    "Annex I, paragraph 4": pgettext_lazy("source", "Annex I, paragraph 4"),
    "Annex I, paragraph 5": pgettext_lazy("source", "Annex I, paragraph 5"),
    "Annex I, paragraph 8": pgettext_lazy("source", "Annex I, paragraph 8"),
    "Annex I, paragraph 11": pgettext_lazy("source", "Annex I, paragraph 11"),
    "Annex I, paragraph 7, first measure": pgettext_lazy(
        "source", "Annex I, paragraph 7, first measure"
    ),
    "Annex I, paragraph 7, second measure": pgettext_lazy(
        "source", "Annex I, paragraph 7, second measure"
    ),
    "Annex I, paragraph 7, third measure": pgettext_lazy(
        "source", "Annex I, paragraph 7, third measure"
    ),
    "Annex I, paragraph 7, fifth measure": pgettext_lazy(
        "source", "Annex I, paragraph 7, fifth measure"
    ),
    "Annex I, paragraph 7, sixth measure": pgettext_lazy(
        "source", "Annex I, paragraph 7, sixth measure"
    ),
}


def cited(source: Source | None) -> str:
    """``title, locator``, each in the active language where it is Interlock's own wording."""
    if source is None:
        return ""
    title = _worded(source.title)
    if not source.locator:
        return title
    return pgettext("source", "%(title)s, %(locator)s") % {
        "title": title,
        "locator": _worded(source.locator),
    }


def cited_html(source: Source | None) -> SafeString:
    """:func:`cited` for a page: a title or locator that is not Interlock's own wording stays as
    its publisher wrote it, in a language not known, so it is isolated (``<bdi>``) and keeps its
    own direction on a right-to-left page."""
    if source is None:
        return SafeString("")
    title = _worded_html(source.title)
    if not source.locator:
        return title
    pattern = str(conditional_escape(pgettext("source", "%(title)s, %(locator)s")))
    return format_html(
        pattern.replace("{", "{{")
        .replace("}", "}}")
        .replace("%(title)s", "{title}")
        .replace("%(locator)s", "{locator}"),
        title=title,
        locator=_worded_html(source.locator),
    )


def _worded(text: str) -> str:
    wording = WORDING.get(text)
    return str(wording) if wording is not None else text


def _worded_html(text: str) -> SafeString:
    wording = WORDING.get(text)
    return (
        conditional_escape(str(wording))
        if wording is not None
        else format_html("<bdi>{}</bdi>", text)
    )
