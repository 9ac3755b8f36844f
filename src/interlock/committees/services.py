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
    CommitteeMember,
    Consent,
    TermsOfReference,
    WorkingGroup,
    WorkingGroupDetails,
)
from interlock.committees.selectors import consent_needed_from
from interlock.core.access import require
from interlock.core.services import StateRefusedError, audit_record, link_toggle
from interlock.domain.permissions import Action
from interlock.registry.models import Organization


def consent_record(*, actor: Any, terms: TermsOfReference, organization: Organization) -> Consent:
    """An organization consents to the standing committee's terms of reference; when the last
    participating organization has, they are adopted (¶7c)."""
    require(actor, Action.SPEAK_FOR_ORGANIZATION, organization_id=organization.pk)
    needed = consent_needed_from(terms)
    if organization.pk not in {o.pk for o in needed}:
        raise StateRefusedError(
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
        raise StateRefusedError(
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


def _details(group: WorkingGroup) -> WorkingGroupDetails:
    details, _created = WorkingGroupDetails.objects.get_or_create(group=group)
    return details


def working_group_document(
    *, actor: Any, group: WorkingGroup, reference: str, linked: bool = True
) -> Any:
    """Link a library document to the group's work, or unlink it (the secretariat). The document
    is named by its number or symbol among those the actor may read; readers of the group's page
    see only those the sharing policy lets each of them read."""
    from interlock.documents.access import readable_documents

    require(actor, Action.MANAGE_REGISTRY)
    reference = reference.strip()
    readable = readable_documents(actor, at=timezone.now())
    document = (
        readable.filter(pk=int(reference)).first()
        if reference.isdigit() and len(reference) < 12
        else readable.filter(symbol__iexact=reference).order_by("-created_at").first()
        if reference
        else None
    )
    if document is None:
        raise ValidationError({"document": _("No document with this number or symbol.")})
    link_toggle(
        actor=actor,
        links=_details(group).documents,
        item=document,
        link=linked,
        field="document",
        already=_("This document is already linked to the group."),
        absent=_("This document is not linked to the group."),
        action="committee.group.document" if linked else "committee.group.document.unlink",
        target=group,
        label=document.pk,
    )
    return document


def working_group_people(*, actor: Any, group: WorkingGroup, people: list[Any]) -> None:
    """Name the people who take part in the group's work (the secretariat): each is a user of a
    member organization of the group, or of the secretariat."""
    require(actor, Action.MANAGE_REGISTRY)
    details = _details(group)
    members = set(details.organizations.values_list("pk", flat=True))
    if details.convening_organization_id:
        members.add(details.convening_organization_id)
    outside = [
        str(p)
        for p in people
        if p.organization_id not in members and getattr(p, "role", "") != "secretariat"
    ]
    if outside:
        raise ValidationError(
            {
                "people": _("Not of a member organization of the group: %(people)s.")
                % {"people": ", ".join(outside)}
            }
        )
    before = sorted(details.people.values_list("username", flat=True))
    # Atomic: the list and its audit event are one change.
    with transaction.atomic():
        details.people.set(people)
        audit_record(
            actor=actor,
            action="committee.group.people",
            target=group,
            changes={"people": [before, sorted(p.username for p in people)]},
        )


def committee_seat_add(
    *, actor: Any, organization: Organization, person_name: str, started_on: Any
) -> CommitteeMember:
    """Seat an organization on the standing committee from a date (the secretariat)."""
    require(actor, Action.MANAGE_DECISIONS)
    if CommitteeMember.objects.filter(organization=organization, ended_on__isnull=True).exists():
        raise StateRefusedError(
            {"organization": _("This organization already holds a seat on the committee.")}
        )
    try:
        # Atomic: the unique constraint decides between two officials seating the same
        # organization at once; the seat and its audit event are one fact.
        with transaction.atomic():
            seat = CommitteeMember.objects.create(
                organization=organization, person_name=person_name.strip(), started_on=started_on
            )
            audit_record(
                actor=actor,
                action="committee.seat.add",
                target=seat,
                changes={"organization": [None, organization.acronym]},
            )
    except IntegrityError:
        raise StateRefusedError(
            {"organization": _("This organization already holds a seat on the committee.")}
        ) from None
    return seat


def committee_seat_end(*, actor: Any, seat: CommitteeMember, ended_on: Any) -> None:
    """End a seat on a date (the secretariat); the seat stays in the committee's history."""
    require(actor, Action.MANAGE_DECISIONS)
    if seat.ended_on is not None:
        raise ValidationError({"ended_on": _("This seat has already ended.")})
    if ended_on < seat.started_on:
        raise ValidationError({"ended_on": _("A seat cannot end before it starts.")})
    with transaction.atomic():
        updated = CommitteeMember.objects.filter(pk=seat.pk, ended_on__isnull=True).update(
            ended_on=ended_on
        )
        if not updated:
            raise ValidationError({"ended_on": _("This seat has already ended.")})
        audit_record(
            actor=actor,
            action="committee.seat.end",
            target=seat,
            changes={"ended_on": [None, ended_on.isoformat()]},
        )
