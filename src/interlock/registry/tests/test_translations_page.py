"""The secretariat keeps an organization's names in the six languages on a page of their own (the
names typed here are test values, not data)."""

import pytest

from interlock.core.models import AuditEvent
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db

PAGE = "/organizations/NATO/translations/"


def _form(version: int, **names: str) -> dict[str, object]:
    au = Organization.objects.get(acronym="NATO")
    data: dict[str, object] = {"version": version}
    for field in ("short_name", "name"):
        for language in ("ar", "zh_hans", "en", "fr", "ru", "es"):
            key = f"{field}_{language}"
            data[key] = names.get(key, getattr(au, key) or "")
    return data


def test_the_secretariat_saves_a_name_and_an_arabic_reader_sees_it(client_for) -> None:
    au = Organization.objects.get(acronym="NATO")
    client = client_for("secretariat")
    page = client.get(PAGE).content.decode()
    assert 'lang="ar" dir="rtl"' in page and 'name="name_zh_hans"' in page
    response = client.post(PAGE, _form(au.version, name_ar="منظمة حلف شمال الأطلسي"))
    assert response.status_code == 302
    au.refresh_from_db()
    assert au.name_ar == "منظمة حلف شمال الأطلسي" and au.version == 2
    event = AuditEvent.objects.get(action="organization.translate")
    assert event.changes == {"name_ar": ["", "منظمة حلف شمال الأطلسي"]}
    client.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    assert "<h1>منظمة حلف شمال الأطلسي" in client.get("/organizations/NATO/").content.decode()


def test_a_stale_edit_is_refused_and_changes_nothing(client_for) -> None:
    au = Organization.objects.get(acronym="NATO")
    client = client_for("secretariat")
    client.post(PAGE, _form(au.version, name_es="Organización del Tratado del Atlántico Norte"))
    response = client.post(
        PAGE, _form(au.version, name_ru="Организация Североатлантического договора")
    )
    assert response.status_code == 200
    assert "Someone else changed this organization" in response.content.decode()
    au.refresh_from_db()
    assert au.name_es == "Organización del Tratado del Atlántico Norte" and not au.name_ru


def test_the_english_name_is_required(client_for) -> None:
    au = Organization.objects.get(acronym="NATO")
    response = client_for("secretariat").post(PAGE, _form(au.version, name_en=""))
    assert response.status_code == 200
    au.refresh_from_db()
    assert au.name_en == "North Atlantic Treaty Organization" and au.version == 1


@pytest.mark.parametrize("part", ["owner", "partner", "outsider"])
def test_no_one_but_the_secretariat_may_change_names(client_for, part: str) -> None:
    au = Organization.objects.get(acronym="NATO")
    events = AuditEvent.objects.count()
    response = client_for(part).post(PAGE, _form(au.version, name_ar="X"))
    assert response.status_code == 403
    au.refresh_from_db()
    assert not au.name_ar and AuditEvent.objects.count() == events


def test_the_anonymous_public_is_sent_to_sign_in(client) -> None:
    assert client.post(PAGE, {"version": 1, "name_ar": "X"}).status_code == 302
    assert not Organization.objects.get(acronym="NATO").name_ar
