"""Writes of the committees: the standing committee's terms of reference and their consent."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from interlock.committees.models import (
    BodyKind,
    Consent,
    TermsOfReference,
    WorkingGroup,
    WorkingGroupDetails,
)
from interlock.committees.selectors import consent_needed_from
from interlock.core.access import require
from interlock.core.services import audit_record
from interlock.domain.permissions import Action
from interlock.registry.models import Organization


def consent_record(*, actor: Any, terms: TermsOfReference, organization: Organization) -> Consent:
    """An organization consents to the standing committee's terms of reference; when the last
    participating organization has, they are adopted (¶7c)."""
    require(actor, Action.SPEAK_FOR_ORGANIZATION, organization_id=organization.pk)
    needed = consent_needed_from(terms)
    if organization.pk not in {o.pk for o in needed}:
        raise ValidationError(
            _("%(organization)s did not take part in the meeting; its consent is not asked.")
            % {"organization": organization.short_name}
        )
    now = timezone.now()
    try:
        with transaction.atomic():
            consent = Consent.objects.create(
                terms=terms, organization=organization, recorded_by=actor, recorded_at=now
            )
            audit_record(
                actor=actor,
                action="committee.terms.consent",
                target=terms,
                changes={"consent": [None, organization.acronym]},
            )
            given = set(terms.consents.values_list("organization_id", flat=True))
            if terms.adopted_at is None and {o.pk for o in needed} <= given:
                TermsOfReference.objects.filter(pk=terms.pk).update(adopted_at=now)
                audit_record(
                    actor=actor,
                    action="committee.terms.adopt",
                    target=terms,
                    changes={"adopted_at": [None, now.isoformat()]},
                )
    except IntegrityError:
        raise ValidationError(
            _("%(organization)s has already consented.") % {"organization": organization.short_name}
        ) from None
    return consent


def working_group_create(
    *,
    actor: Any,
    name_en: str,
    name_fr: str = "",
    source: Any,
    theme: str = "",
    convening_organization: Organization | None = None,
    chair: str = "",
    kind: str = BodyKind.WORKING_GROUP,
) -> WorkingGroup:
    """Add a working body (the secretariat), with the source that establishes it."""
    require(actor, Action.MANAGE_REGISTRY)
    key = slugify(name_en)[:60]
    if not key:
        raise ValidationError({"name_en": _("Name the group.")})
    if WorkingGroup.objects.filter(key=key).exists():
        raise ValidationError({"name_en": _("A group of this name exists already.")})
    # Atomic: the group, its details and the audit event stand or fall together.
    with transaction.atomic():
        last = WorkingGroup.objects.order_by("-position").first()
        group = WorkingGroup.objects.create(
            key=key,
            kind=kind,
            name_en=name_en.strip(),
            name_fr=name_fr.strip(),
            position=(last.position + 1) if last else 1,
            source=source,
        )
        WorkingGroupDetails.objects.create(
            group=group,
            theme=theme.strip(),
            convening_organization=convening_organization,
            chair=chair.strip(),
        )
        audit_record(
            actor=actor, action="committee.group.create", target=group, changes={"key": [None, key]}
        )
    return group


def working_group_update(
    *,
    actor: Any,
    group: WorkingGroup,
    expected_version: int,
    theme: str,
    convening_organization: Organization | None,
    chair: str,
    organizations: list[Organization],
) -> WorkingGroupDetails:
    """Change what the group is as a working body; a stale edit is refused, nothing lost."""
    require(actor, Action.MANAGE_REGISTRY)
    with transaction.atomic():
        details, _created = WorkingGroupDetails.objects.get_or_create(group=group)
        updated = WorkingGroupDetails.objects.filter(
            pk=details.pk, version=expected_version
        ).update(
            theme=theme.strip(),
            convening_organization=convening_organization,
            chair=chair.strip(),
            version=expected_version + 1,
        )
        if not updated:
            from interlock.registry.services import ConflictError

            raise ConflictError(
                _("Someone else changed this group while you were editing it. Reload and retry.")
            )
        details.organizations.set(organizations)
        audit_record(
            actor=actor,
            action="committee.group.update",
            target=group,
            changes={"chair": [None, chair], "organizations": [None, len(organizations)]},
        )
    details.refresh_from_db()
    return details


def terms_create(*, actor: Any, title: str, meeting: Any, text: str) -> TermsOfReference:
    """Put terms of reference of the standing committee to the participants for consent."""
    require(actor, Action.MANAGE_DECISIONS)
    if not title.strip() or not text.strip():
        raise ValidationError(_("Terms of reference need a title and a text."))
    with transaction.atomic():
        terms = TermsOfReference.objects.create(
            title=title.strip(), meeting=meeting, text=text.strip()
        )
        audit_record(actor=actor, action="committee.terms.create", target=terms)
    return terms
