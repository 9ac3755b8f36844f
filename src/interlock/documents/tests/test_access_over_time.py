"""Time matters: an agreement that expires or is terminated revokes access from that instant."""

import datetime as dt

import pytest
from django.http import Http404
from django.utils import timezone

from conftest import CAST_AGREEMENT
from interlock.agreements.models import Agreement
from interlock.agreements.services import agreement_terminate
from interlock.documents.access import access_document, readable_documents

pytestmark = pytest.mark.django_db


def test_an_expired_agreement_revokes_access_at_the_instant_it_expires(
    cast, cast_documents
) -> None:
    agreement = Agreement.objects.get(title=CAST_AGREEMENT)
    expiry = dt.datetime(2030, 6, 30, 12, 0, tzinfo=dt.UTC)
    agreement.expires_at = expiry
    agreement.save()
    report = cast_documents["restricted_covered"]
    just_before = expiry - dt.timedelta(microseconds=1)
    assert access_document(cast["partner"], report.pk, at=just_before)
    assert readable_documents(cast["partner"], at=just_before).filter(pk=report.pk).exists()
    with pytest.raises(Http404):
        access_document(cast["partner"], report.pk, at=expiry)
    assert not readable_documents(cast["partner"], at=expiry).filter(pk=report.pk).exists()


def test_terminating_the_agreement_closes_the_document_page_at_once(
    cast, cast_documents, client_for
) -> None:
    partner = client_for("partner")
    page = f"/documents/{cast_documents['restricted_covered'].pk}/"
    assert partner.get(page).status_code == 200
    agreement_terminate(
        actor=cast["secretariat"],
        agreement=Agreement.objects.get(title=CAST_AGREEMENT),
        at=timezone.now(),
    )
    assert partner.get(page).status_code == 404
    assert "Cirrus" not in partner.get("/documents/").content.decode()


def test_an_agreement_not_yet_in_force_opens_nothing(cast, cast_documents) -> None:
    agreement = Agreement.objects.get(title=CAST_AGREEMENT)
    before = agreement.in_force_from - dt.timedelta(seconds=1)
    with pytest.raises(Http404):
        access_document(cast["partner"], cast_documents["restricted_covered"].pk, at=before)
