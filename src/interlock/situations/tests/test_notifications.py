"""Article 54 notifications: drafted from the facts in the six official languages, edited by the
secretariat before sending (audited, every text kept), no longer edited once sent."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from interlock.core.models import AuditEvent
from interlock.registry.models import Country
from interlock.situations import services
from interlock.situations.models import Notification, NotificationRevision

pytestmark = pytest.mark.django_db


@pytest.fixture
def notification(cast, darfur, world) -> Notification:
    services.authorization_add(
        actor=cast["owner"],
        situation=darfur,
        symbol="S/RES/1590 (2005)",
        adopted_on=dt.date(2005, 3, 24),
        authorizes="Test authorization",
    )
    services.task_add(
        actor=cast["owner"],
        situation=darfur,
        domain=world["mediation"],
        description="Talks between the parties",
        amount=Decimal("2"),
        priority=5,
        country=Country.objects.get(alpha3="SDN"),
    )
    plan = services.plan_propose(actor=cast["owner"], situation=darfur)
    services.plan_adopt(actor=cast["secretariat"], plan=plan, day=dt.date(2005, 7, 25))
    return Notification.objects.get(engagement__organization__acronym="AU")


def test_the_draft_is_written_in_each_of_the_six_languages_from_the_facts(notification) -> None:
    texts = {
        language: getattr(notification, f"text_{language}")
        for language in ("ar", "zh_hans", "en", "fr", "ru", "es")
    }
    assert texts["en"].startswith("To the President of the Security Council")
    assert "Article 54" in texts["en"] and "S/RES/1590 (2005)" in texts["en"]
    assert "July 25, 2005" in texts["en"] and "25 juillet 2005" in texts["fr"]
    assert texts["fr"].startswith("Au Président du Conseil de sécurité")
    assert texts["es"].startswith("Al Presidente del Consejo de Seguridad")
    assert texts["ru"].startswith("Председателю Совета Безопасности")
    assert texts["zh_hans"].startswith("致安全理事会主席")
    assert texts["ar"].startswith("إلى رئيس مجلس الأمن")
    # The task's amount in its unit, in each language's plural form.
    assert "(Mediation and good offices: 2 teams)" in texts["en"]
    assert "2 équipes" in texts["fr"] and "2 команды" in texts["ru"]
    assert "فريقان (2)" in texts["ar"] and "2 个小组" in texts["zh_hans"]
    for language, text in texts.items():
        assert "S/RES/1590 (2005)" in text, language
        assert text != texts["en"] or language == "en", language
    revisions = NotificationRevision.objects.filter(notification=notification)
    assert sorted(revisions.values_list("language", "number")) == sorted(
        (language, 1) for language in ("ar", "zh-hans", "en", "fr", "ru", "es")
    )


def test_the_secretariat_edits_a_draft_the_edit_is_audited_and_the_history_kept(
    cast, notification
) -> None:
    original = notification.text_fr
    edited = services.notification_edit(
        actor=cast["secretariat"],
        notification=notification,
        language="fr",
        text="Au Président du Conseil de sécurité\n\nTexte revu.",
        version=notification.version,
    )
    assert edited.text_fr.endswith("Texte revu.") and edited.version == notification.version + 1
    assert edited.text_en == notification.text_en  # the other languages are untouched
    history = list(
        NotificationRevision.objects.filter(notification=notification, language="fr").order_by(
            "number"
        )
    )
    assert [(r.number, r.edited_by) for r in history] == [(1, None), (2, cast["secretariat"])]
    assert history[0].text == original
    event = AuditEvent.objects.get(action="notification.edit")
    assert event.changes == {"language": [None, "fr"], "revision": [1, 2]}


def test_only_the_secretariat_edits_and_only_a_pending_draft_on_the_version_it_saw(
    cast, notification
) -> None:
    def edit(actor, **kw):
        values = {"language": "en", "text": "New text", "version": notification.version}
        return services.notification_edit(actor=actor, notification=notification, **values | kw)

    with pytest.raises(PermissionDenied):
        edit(cast["owner"])
    with pytest.raises(ValidationError, match="cannot be empty"):
        edit(cast["secretariat"], text="   ")
    with pytest.raises(ValidationError, match="six official languages"):
        edit(cast["secretariat"], language="de")
    with pytest.raises(ValidationError, match="meanwhile"):
        edit(cast["secretariat"], version=notification.version + 5)
    assert NotificationRevision.objects.filter(notification=notification).count() == 6
    assert not AuditEvent.objects.filter(action="notification.edit").exists()
    services.notification_mark_sent(actor=cast["secretariat"], notification=notification)
    with pytest.raises(ValidationError, match="kept as sent"):
        edit(cast["secretariat"], version=Notification.objects.get(pk=notification.pk).version)


def test_the_page_shows_six_languages_and_saves_an_edit(client_for, notification) -> None:
    secretariat = client_for("secretariat")
    url = f"/situations/notifications/{notification.pk}/"
    page = secretariat.get(url).content.decode()
    assert 'lang="ar" dir="rtl"' in page and "Save this text" in page
    assert page.count('name="version"') == 6
    form = {"language": "es", "text": "Texto revisado.", "version": notification.version}
    assert secretariat.post(f"{url}text/", form).status_code == 302
    page = secretariat.get(url).content.decode()
    assert "Texto revisado." in page and "History (2 texts)" in page
    stale = secretariat.post(f"{url}text/", form | {"text": "Otro."}, follow=True)
    assert "Reload and retry" in stale.content.decode()
    assert client_for("owner").post(f"{url}text/", form).status_code == 403
    owner_page = client_for("owner").get(url).content.decode()
    assert "Save this text" not in owner_page and "Texto revisado." in owner_page


def test_the_api_returns_the_six_texts_and_edits_one(client_for, notification) -> None:
    secretariat = client_for("secretariat")
    (item,) = secretariat.get("/api/v1/notifications").json()["items"]
    assert set(item["texts"]) == {"ar", "zh-hans", "en", "fr", "ru", "es"}
    url = f"/api/v1/notifications/{notification.pk}/texts"
    body = {"language": "ru", "text": "Исправленный текст.", "version": item["version"]}
    response = secretariat.post(url, body, content_type="application/json")
    assert response.status_code == 200 and response.json()["texts"]["ru"] == "Исправленный текст."
    assert secretariat.post(url, body, content_type="application/json").status_code == 409
    assert client_for("owner").post(url, body, content_type="application/json").status_code == 403
