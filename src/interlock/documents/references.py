"""How documents are named elsewhere: through the information-sharing policy, like every read."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from interlock.core.references import register, register_public
from interlock.documents.access import readable_documents
from interlock.documents.models import Document, DocumentText, Topic


def _documents(user: Any, at: dt.datetime) -> QuerySet[Document]:
    return readable_documents(user, at=at)


def _texts(user: Any, at: dt.datetime) -> QuerySet[DocumentText]:
    return DocumentText.objects.filter(document__in=readable_documents(user, at=at))


register(Document, noun=_("a document"), readable=_documents)
register(DocumentText, noun=_("a document"), readable=_texts)
register_public(Topic, noun=_("a topic"))
