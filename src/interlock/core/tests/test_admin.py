"""The Django admin, for the secretariat: its writes are audited and it deletes nothing."""

import pytest

from interlock.core.models import AuditEvent
from interlock.registry.models import Organization

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client_for, cast):
    secretariat = cast["secretariat"]
    secretariat.is_staff = secretariat.is_superuser = True
    secretariat.save()
    return client_for("secretariat")


def test_a_change_in_the_admin_is_audited(staff) -> None:
    au = Organization.objects.get(acronym="AU")
    page = staff.get(f"/admin/registry/organization/{au.pk}/change/")
    form = page.context["adminform"].form
    data = {name: form[name].value() or "" for name in form.fields}
    data.update(headquarters_city="Addis Ababa (changed)", **_inline_management(page))
    response = staff.post(f"/admin/registry/organization/{au.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="admin.change")
    assert event.changes["headquarters_city"] == ["Addis Ababa", "Addis Ababa (changed)"]


def _inline_management(page) -> dict[str, str]:
    data = {}
    for formset in page.context["inline_admin_formsets"]:
        management = formset.formset.management_form
        for name in management.fields:
            data[f"{management.prefix}-{name}"] = management[name].value()
        for inline in formset.formset.forms:
            for name in inline.fields:
                value = inline[name].value()
                data[f"{inline.prefix}-{name}"] = "" if value is None else value
    return data


def test_nothing_can_be_deleted_in_the_admin(staff) -> None:
    au = Organization.objects.get(acronym="AU")
    assert staff.get(f"/admin/registry/organization/{au.pk}/delete/").status_code == 403


@pytest.mark.parametrize("part", ["owner", "partner", "outsider", "researcher"])
def test_the_admin_is_closed_to_everyone_but_staff(client_for, part: str) -> None:
    response = client_for(part).get("/admin/registry/organization/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def _change_form(staff, organization) -> dict[str, str]:
    page = staff.get(f"/admin/registry/organization/{organization.pk}/change/")
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {name: "" if value is None else value for name, value in data.items()}
    return {**data, **_inline_management(page)}


def test_two_stale_saves_in_the_admin_do_not_revert_a_change(staff) -> None:
    au = Organization.objects.get(acronym="AU")
    first, second = _change_form(staff, au), _change_form(staff, au)
    url = f"/admin/registry/organization/{au.pk}/change/"
    saved = staff.post(url, {**first, "headquarters_city": "Addis Ababa (first)"})
    assert saved.status_code == 302
    stale = staff.post(url, {**second, "website": "https://au.int/stale"})
    assert stale.status_code == 200 and "Someone else changed this record" in stale.content.decode()
    au.refresh_from_db()
    assert au.headquarters_city == "Addis Ababa (first)" and au.website != "https://au.int/stale"
    assert au.version == 2
    assert AuditEvent.objects.filter(action="admin.change").count() == 1


def test_a_save_in_the_admin_after_a_service_update_is_refused(staff, cast) -> None:
    from interlock.registry.services import organization_update_profile

    au = Organization.objects.get(acronym="AU")
    loaded = _change_form(staff, au)
    organization_update_profile(
        actor=cast["owner"],
        organization=au,
        expected_version=au.version,
        website="https://au.int/new",
    )
    url = f"/admin/registry/organization/{au.pk}/change/"
    assert staff.post(url, {**loaded, "headquarters_city": "Elsewhere"}).status_code == 200
    au.refresh_from_db()
    assert au.website == "https://au.int/new" and au.headquarters_city == "Addis Ababa"
    fresh = _change_form(staff, au)
    assert staff.post(url, {**fresh, "headquarters_city": "Elsewhere"}).status_code == 302
    au.refresh_from_db()
    assert (au.headquarters_city, au.website, au.version) == ("Elsewhere", "https://au.int/new", 3)
