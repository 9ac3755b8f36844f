"""Every other list runs the same number of queries at two data sizes (the organization and
document lists have their own tests beside their apps)."""

import datetime as dt
from collections.abc import Callable

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pytestmark = pytest.mark.django_db
DAY = dt.date(2001, 1, 1)


def more_meetings(n: int) -> None:
    from interlock.core.models import Source
    from interlock.meetings.models import Delegation, Meeting, MeetingSeries
    from interlock.registry.models import Organization

    source = Source.objects.get(key="seed-p1")
    series = MeetingSeries.objects.get(key="high-level")
    orgs = list(Organization.objects.all()[:5])
    start = Meeting.objects.count() + 100
    for number in range(start, start + n):
        meeting = Meeting.objects.create(
            series=series,
            number=number,
            title_en=f"M{number}",
            title_fr=f"R{number}",
            starts_on=DAY,
            ends_on=DAY,
            venue="x",
            source=source,
        )
        Delegation.objects.bulk_create(
            Delegation(meeting=meeting, organization=o, source=source) for o in orgs
        )


def more_series(n: int) -> None:
    from interlock.meetings.models import MeetingSeries

    start = MeetingSeries.objects.count()
    MeetingSeries.objects.bulk_create(
        MeetingSeries(key=f"s{i}", kind="other", name=f"Series {i}")
        for i in range(start, start + n)
    )


def more_delegations(n: int) -> None:
    """The cast meeting with ``n`` more organizations invited, each registering a delegation."""
    from interlock.accounts.models import User
    from interlock.meetings.models import Delegation, Invitation, Meeting
    from interlock.reference.scale import scale_generate
    from interlock.registry.models import Organization

    scale_generate(organizations=n, memberships_per_organization=0)
    meeting = Meeting.objects.get(series__key="standing-committee", number=1)
    secretariat = User.objects.get(username="secretariat")
    fresh = Organization.objects.filter(acronym__startswith="scale-").exclude(
        invitations__meeting=meeting
    )
    now = timezone.now()
    for organization in fresh:
        Invitation.objects.create(
            meeting=meeting, organization=organization, invited_at=now, invited_by=secretariat
        )
        Delegation.objects.create(
            meeting=meeting,
            organization=organization,
            level="senior",
            head_name="H",
            members="A\nB",
        )


def more_comments(n: int) -> None:
    """The cast meeting's record (made on first use) with ``n`` more comments and versions, and a
    next meeting whose preparation page carries them forward."""
    import datetime as dt

    from interlock.accounts.models import User
    from interlock.meetings import services
    from interlock.meetings.models import Comment, Meeting, Record, RecordVersion

    meeting = Meeting.objects.get(series__key="standing-committee", number=1)
    secretariat = User.objects.get(username="secretariat")
    author = User.objects.get(username="au.liaison")
    record = Record.objects.filter(meeting=meeting).first() or services.record_create(
        actor=secretariat, meeting=meeting, text="One.\n\nTwo.", classification="partnership"
    )
    if not Meeting.objects.filter(series=meeting.series, number=2).exists():
        services.meeting_create(
            actor=secretariat,
            series=meeting.series,
            number=2,
            title_en="Second",
            starts_on=dt.date(2028, 1, 1),
            ends_on=dt.date(2028, 1, 1),
            venue="Geneva",
        )
    version = record.versions.first()
    now = timezone.now()
    Comment.objects.bulk_create(
        Comment(
            record=record,
            on_version=version,
            paragraph=1 + i % 2,
            text=f"C{i}",
            author=author,
            organization_id=author.organization_id,
            created_at=now,
        )
        for i in range(n)
    )
    start = record.versions.count() + 1
    RecordVersion.objects.bulk_create(
        RecordVersion(
            record=record, number=k, text="One.\n\nTwo.", created_at=now, created_by=secretariat
        )
        for k in range(start, start + n)
    )


def more_agreements(n: int) -> None:
    from interlock.agreements.models import Agreement, AgreementKind, Coverage
    from interlock.registry.models import Organization

    kind = AgreementKind.objects.first()
    a, b = Organization.objects.filter(acronym__in=["OSCE", "NATO"])
    for i in range(n):
        agreement = Agreement.objects.create(title=f"A{i}", kind=kind, party_a=a, party_b=b)
        Coverage.objects.create(agreement=agreement, topic_id="peacekeeping", up_to="restricted")


def more_agreements_with_texts(n: int) -> None:
    """Agreements whose texts are the AU's documents, readable to some readers, not to others."""
    from interlock.agreements.models import Agreement, AgreementKind
    from interlock.documents.models import Document
    from interlock.registry.models import Organization

    kind = AgreementKind.objects.first()
    au, eu = Organization.objects.filter(acronym__in=["AU", "EU"]).order_by("acronym")
    texts = list(Document.objects.filter(owner=au))
    Agreement.objects.bulk_create(
        Agreement(title=f"T{i}", kind=kind, party_a=au, party_b=eu, text=texts[i % len(texts)])
        for i in range(n)
    )


def more_document_audit(n: int) -> None:
    """Events naming the AU's documents and others: each kind of target named once per page."""
    from interlock.core.services import audit_record
    from interlock.documents.models import Document
    from interlock.registry.models import Organization

    targets = [*Document.objects.filter(owner__acronym="AU"), Organization.objects.first()]
    for i in range(n):
        audit_record(
            actor=None,
            action="test.bulk",
            target=targets[i % len(targets)],
            changes=_coverage(i, n),
        )


def _coverage(i: int, n: int) -> dict[str, list[object]] | None:
    """The newest event of a batch records coverage, so both sizes name topics (one query), as
    the cast's own agreement events do."""
    return {"coverage": [None, {"peacekeeping": "restricted"}]} if i == n - 1 else None


def more_audit(n: int) -> None:
    from interlock.agreements.models import Agreement
    from interlock.core.services import audit_record
    from interlock.documents.models import Document
    from interlock.meetings.models import Delegation, Invitation
    from interlock.registry.models import Organization
    from interlock.situations.models import Plan, Situation

    # Targets are named in one query per kind on the page: the events grow over the fixed mix of
    # kinds the cast's own events have, so that both sizes show the same kinds.
    au = Organization.objects.get(acronym="AU")
    kinds = (Document, Agreement, Situation, Plan, Invitation, Delegation)
    targets = [au, *(model.objects.order_by("pk").first() for model in kinds)]
    for i in range(n):
        audit_record(
            actor=None,
            action="test.bulk",
            target=targets[i % len(targets)],
            changes=_coverage(i, n),
        )


def more_memberships(n: int) -> None:
    from interlock.registry.models import Country, Membership, Organization

    osce = Organization.objects.get(acronym="OSCE")
    done = Membership.objects.filter(organization=osce, status="observer").count()
    for i, country in enumerate(Country.objects.filter(region_code="002")[done : done + n]):
        Membership.objects.create(
            organization=osce,
            country=country,
            status="observer",
            started_on=DAY + dt.timedelta(days=i),
            source_id="osce-members",
        )


def more_reads(n: int) -> None:
    from interlock.accounts.models import User
    from interlock.documents.models import Document, DocumentRead

    document = Document.objects.get(title__startswith="Cirrus")
    reader = User.objects.get(username="eu.liaison")
    DocumentRead.objects.bulk_create(
        DocumentRead(
            document=document,
            reader=reader,
            organization_id=reader.organization_id,
            at=timezone.now(),
            what="page",
            reason="x",
        )
        for _ in range(n)
    )


def reads_path() -> str:
    from interlock.documents.models import Document

    return f"/documents/{Document.objects.get(title__startswith='Cirrus').pk}/reads/"


def reads_api_path() -> str:
    return reads_path().replace("/documents/", "/api/v1/documents/").replace("/reads/", "/reads")


def _situation(title: str) -> object:
    from interlock.registry.models import Organization
    from interlock.situations.models import Situation

    situation = Situation.objects.create(
        title=title,
        kind="armed_conflict",
        phase="prevention",
        owner=Organization.objects.get(acronym="AU"),
        classification="partnership",
    )
    situation.countries.set(["SDN", "TCD"])
    return situation


def more_situations(n: int) -> None:
    for i in range(n):
        _situation(f"S{i}")


def more_capabilities(n: int) -> None:
    from interlock.registry.models import Organization
    from interlock.situations.models import Capability, CapabilityDomain

    pairs = [(o, d) for o in Organization.objects.all() for d in CapabilityDomain.objects.all()]
    done = Capability.objects.count()
    Capability.objects.bulk_create(
        Capability(organization=o, domain=d, effectiveness=0.5, capacity=10, unit=d.unit)
        for o, d in pairs[done : done + n]
    )


def more_tasks_and_engagements(n: int) -> None:
    from interlock.registry.models import Organization
    from interlock.situations.models import CapabilityDomain, Engagement, Notification, Task

    situation = _situation_for_lists()
    domain = CapabilityDomain.objects.get(key="mediation")
    au = Organization.objects.get(acronym="AU")
    for i in range(n):
        task = Task.objects.create(
            situation=situation, domain=domain, description=f"T{i}", amount=1, unit="teams"
        )
        engagement = Engagement.objects.create(
            situation=situation,
            organization=au,
            task=task,
            role="lead",
            status="alerted",
            started_on=DAY,
        )
        Notification.objects.create(engagement=engagement, status_after="alerted", text="x")


def more_engaged_organizations(n: int) -> None:
    """``n`` more engagements in the situation of the lists, spread over every organization,
    role and status, so that its map draws more organizations, markers and lines."""
    from interlock.registry.models import Organization
    from interlock.situations.models import Engagement, EngagementStatus, Role

    situation = _situation_for_lists()
    organizations = list(Organization.objects.order_by("pk"))
    roles, statuses = list(Role), list(EngagementStatus)
    start = Engagement.objects.filter(situation=situation).count()
    Engagement.objects.bulk_create(
        Engagement(
            situation=situation,
            organization=organizations[i % len(organizations)],
            role=roles[i % len(roles)],
            status=statuses[i % len(statuses)],
            started_on=DAY,
        )
        for i in range(start, start + n)
    )


def more_configurations(n: int) -> None:
    from interlock.registry.models import Country, Organization
    from interlock.situations.models import ConfigurationSeat, PeacebuildingConfiguration

    seated = list(Organization.objects.filter(acronym__in=["AU", "EU"]))
    free = Country.objects.exclude(
        pk__in=PeacebuildingConfiguration.objects.values("country_id")
    ).order_by("pk")[:n]
    for country in free:
        configuration = PeacebuildingConfiguration.objects.create(country=country)
        ConfigurationSeat.objects.bulk_create(
            ConfigurationSeat(configuration=configuration, organization=o, status=status)
            for o, status in zip(seated, ["adopted", "proposed"], strict=True)
        )


def _situation_for_lists() -> object:
    from interlock.situations.models import Situation

    return Situation.objects.filter(title="Lists").first() or _situation("Lists")


def situation_path() -> str:
    return f"/situations/{_situation_for_lists().pk}/"  # type: ignore[attr-defined]


def situation_map_api_path() -> str:
    return f"/api/v1/situations/{_situation_for_lists().pk}/map"  # type: ignore[attr-defined]


def more_notifications(n: int) -> None:
    """``n`` more notifications for the AU's liaison official, of every kind and target."""
    from interlock.accounts.models import User
    from interlock.core.models import Notification, NotificationKind
    from interlock.meetings.models import Meeting, Record

    owner = User.objects.get(username="au.liaison")
    meeting = Meeting.objects.get(series__key="standing-committee", number=1)
    record = Record.objects.first()
    kinds = list(NotificationKind)
    start = Notification.objects.count()
    Notification.objects.bulk_create(
        Notification(
            recipient=owner,
            kind=kinds[i % len(kinds)],
            target_type="meetings.record" if record and i % 2 else "meetings.meeting",
            target_id=str(record.pk if record and i % 2 else meeting.pk),
            target_label="T",
            link="/meetings/",
            occasion=str(i),
        )
        for i in range(start, start + n)
    )


def more_reminders(n: int) -> None:
    """``n`` more reminders sent, of meetings' and decisions' kinds, to readable and withheld
    targets alike."""
    from interlock.core.models import ReminderSent
    from interlock.meetings.models import Invitation, Record

    invitation = Invitation.objects.first()
    record = Record.objects.first()
    targets = [("meetings.invitation", invitation.pk if invitation else 1)]
    targets.append(("meetings.record", record.pk if record else 1))
    start = ReminderSent.objects.count()
    ReminderSent.objects.bulk_create(
        ReminderSent(
            kind="meetings.comment_deadline" if i % 2 else "decisions.report_before",
            target_type=targets[i % 2][0],
            target_id=str(targets[i % 2][1]),
            target_label="T",
            occasion=f"2027-01-{1 + i % 28:02d}#{i}",
            address=f"r{i}@cast.invalid",
            language="en",
            sent_at=timezone.now(),
        )
        for i in range(start, start + n)
    )


def more_calendar_tokens(n: int) -> None:
    from interlock.accounts.models import User
    from interlock.meetings import services

    owner = User.objects.get(username="au.liaison")
    for i in range(n):
        services.calendar_token_issue(actor=owner, name=f"Calendar {i}")


def _feed_path(username: str, tail: str) -> Callable[[], str]:
    """A private feed's address for one of the cast (a token made on first use)."""
    made: dict[str, str] = {}

    def path() -> str:
        from interlock.accounts.models import User
        from interlock.meetings import services

        if "raw" not in made:
            user = User.objects.get(username=username)
            made["raw"] = services.calendar_token_issue(actor=user, name="Lists")[1]
        return f"/meetings/feeds/{made['raw']}/{tail}"

    path.__name__ = f"feed_{tail}"
    return path


def more_deadlines(n: int) -> None:
    """``n`` more high-level meetings, each with a record circulated with a deadline (in 2001:
    the feeds are asked for ``?since=2000`` to hold them)."""
    from interlock.accounts.models import User
    from interlock.meetings import services
    from interlock.meetings.models import Meeting, MeetingSeries

    secretariat = User.objects.get(username="secretariat")
    series = MeetingSeries.objects.get(key="high-level")
    start = Meeting.objects.filter(series=series).count() + 500
    for number in range(start, start + n):
        meeting = Meeting.objects.create(
            series=series, number=number, title_en=f"D{number}", starts_on=DAY, ends_on=DAY
        )
        record = services.record_create(
            actor=secretariat, meeting=meeting, text="One.", classification="partnership"
        )
        services.record_move(
            actor=secretariat,
            record=record,
            to="circulated",
            expected_version=record.version,
            deadline=timezone.now() + dt.timedelta(days=3),
        )


def more_agenda_items(n: int) -> None:
    """The cast meeting's published agenda with ``n`` more items, each with the AU's documents
    (some the reader may not read), a proposal and a decision of the meeting."""
    from interlock.decisions.models import Decision, Proposal
    from interlock.documents.models import Document
    from interlock.meetings.models import AgendaItem, Meeting

    meeting = Meeting.objects.get(series__key="standing-committee", number=1)
    Meeting.objects.filter(pk=meeting.pk).update(agenda_published_at=timezone.now())
    documents = list(Document.objects.filter(owner__acronym="AU"))
    start = AgendaItem.objects.filter(meeting=meeting).count() + 1
    for number in range(start, start + n):
        item = AgendaItem.objects.create(meeting=meeting, number=number, title_en=f"Item {number}")
        item.documents.add(*documents)
        item.proposals.add(
            Proposal.objects.create(
                title=f"P{number}",
                proposer_kind="organization",
                organization=documents[0].owner,
                meeting=meeting,
            )
        )
        item.decisions.add(
            Decision.objects.create(
                meeting=meeting, number=number, title_en=f"D{number}", text_en="."
            )
        )


def more_for_the_home(n: int) -> None:
    """Rows in every block of the EU's home and of the secretariat's: documents the AU shares,
    coming meetings inviting the EU (half with a record open for comment, half past its
    deadline), agreements ending soon, reports due, proposals submitted, notifications and plans."""
    from interlock.accounts.models import User
    from interlock.agreements.models import Agreement, AgreementKind
    from interlock.decisions.models import Action, Decision, Indicator, Proposal
    from interlock.documents.models import Document
    from interlock.meetings.models import Delegation, Invitation, Meeting, MeetingSeries, Record
    from interlock.registry.models import Organization
    from interlock.situations.models import Plan

    now = timezone.now()
    au, eu, un = (Organization.objects.get(acronym=a) for a in ("AU", "EU", "UN"))
    secretariat = User.objects.get(username="secretariat")
    series = MeetingSeries.objects.get(key="standing-committee")
    kind = AgreementKind.objects.first()
    decision = Decision.objects.get(meeting__number=6, number=8)
    situation = _situation_for_lists()
    start = Meeting.objects.filter(series=series).count() + 100
    for i in range(n):
        Document.objects.create(
            owner=au, classification="partnership", title=f"H{i}", created_at=now, updated_at=now
        )
        meeting = Meeting.objects.create(
            series=series,
            number=start + i,
            title_en=f"M{start + i}",
            starts_on=now.date() + dt.timedelta(days=30),
            ends_on=now.date() + dt.timedelta(days=31),
        )
        Invitation.objects.create(
            meeting=meeting, organization=eu, invited_at=now, invited_by=secretariat
        )
        Delegation.objects.create(meeting=meeting, organization=eu)
        text = Document.objects.create(
            owner=un, classification="partnership", title=f"R{i}", created_at=now, updated_at=now
        )
        deadline = now + dt.timedelta(days=1 if i % 2 else -1)
        Record.objects.create(
            meeting=meeting, document=text, status="circulated", comment_deadline=deadline
        )
        Agreement.objects.create(
            title=f"E{i}", kind=kind, party_a=au, party_b=eu,
            in_force_from=now - dt.timedelta(days=10), expires_at=now + dt.timedelta(days=20 + i),
        )  # fmt: skip
        action = Action.objects.create(decision=decision, title=f"A{i}", lead=eu)
        due = now.date() + dt.timedelta(days=-5 if i % 2 else 5)
        Indicator.objects.create(
            action=action, title=f"I{i}", reports_from=due, reports_until=due,
            every_months=1, next_due_on=due,
        )  # fmt: skip
        Proposal.objects.create(
            title=f"P{i}", proposer_kind="organization", organization=au, status="submitted"
        )
        Plan.objects.create(situation=situation, result={}, objective=1, greedy_objective=1)
    more_tasks_and_engagements(n)  # Article 54 notifications not yet sent


def _plan_for_lists() -> object:
    from interlock.capacity_building.models import CapacityPlan
    from interlock.registry.models import Organization

    plan, _ = CapacityPlan.objects.get_or_create(
        title_en="Plan for lists",
        defaults={
            "beneficiary": Organization.objects.get(acronym="AU"),
            "status": "under_way",
            "classification": "partnership",
            "start_year": 2006,
        },
    )
    return plan


def more_capacity_plans(n: int) -> None:
    """More plans of the AU's (partnership) and the EU's (restricted, unseen by the OSCE), each
    with pillars, milestones and a contribution from the UN."""
    from interlock.capacity_building.models import CapacityPlan, Contribution, Milestone, Pillar
    from interlock.registry.models import Organization

    au, eu, un = (Organization.objects.get(acronym=a) for a in ("AU", "EU", "UN"))
    start = CapacityPlan.objects.count()
    for i in range(start, start + n):
        plan = CapacityPlan.objects.create(
            beneficiary=au if i % 2 else eu,
            title_en=f"Plan {i}",
            status="under_way",
            classification="partnership" if i % 2 else "restricted",
            start_year=2000 + i % 20,
        )
        pillar = Pillar.objects.create(plan=plan, position=1, title_en=f"Pillar {i}")
        Milestone.objects.bulk_create(
            Milestone(pillar=pillar, description_en=f"M{i}", status=s, target_year=2001 + i % 9)
            for s in ("achieved", "delayed", "unknown")
        )
        Contribution.objects.create(plan=plan, partner=un, kind="experts")


def more_plan_rows(n: int) -> None:
    """The plan for lists with ``n`` more pillars, milestones (with evidence) and contributions."""
    from interlock.capacity_building.models import Contribution, Milestone, Pillar
    from interlock.documents.models import Document
    from interlock.registry.models import Organization

    plan = _plan_for_lists()
    evidence = list(Document.objects.filter(owner__acronym="AU").order_by("pk")[:3])
    orgs = list(Organization.objects.order_by("pk")[:5])
    start = Pillar.objects.filter(plan=plan).count()
    for i in range(start, start + n):
        pillar = Pillar.objects.create(plan=plan, position=i + 1, title_en=f"Pillar {i}")
        Milestone.objects.create(
            pillar=pillar,
            description_en=f"M{i}",
            status=("achieved", "planned", "unknown")[i % 3],
            target_year=2006 + i % 11,
            evidence=evidence[i % 3],
        )
        Contribution.objects.create(
            plan=plan, pillar=pillar, partner=orgs[i % 5], kind="funding", amount=i, unit="USD"
        )


def plan_for_lists_path() -> str:
    return f"/situations/capacity-building/{_plan_for_lists().pk}/"  # type: ignore[attr-defined]


def plan_for_lists_api_path() -> str:
    return f"/api/v1/capacity-plans/{_plan_for_lists().pk}"  # type: ignore[attr-defined]


LISTS: list[tuple[str, Callable[[], str] | str, Callable[[int], None]]] = [
    ("outsider", "/situations/capacity-building/", more_capacity_plans),
    ("anonymous", "/situations/capacity-building/", more_capacity_plans),
    ("outsider", "/api/v1/capacity-plans?limit=100", more_capacity_plans),
    ("partner", "/organizations/UN/", more_capacity_plans),
    ("partner", plan_for_lists_path, more_plan_rows),
    ("owner", plan_for_lists_path, more_plan_rows),
    ("partner", plan_for_lists_api_path, more_plan_rows),
    ("partner", "/", more_for_the_home),
    ("owner_member", "/", more_for_the_home),
    ("secretariat", "/", more_for_the_home),
    ("outsider", "/situations/", more_situations),
    ("outsider", "/api/v1/situations?limit=100", more_situations),
    ("owner", "/situations/capabilities/", more_capabilities),
    ("owner", "/api/v1/capabilities?limit=100", more_capabilities),
    ("owner", situation_path, more_tasks_and_engagements),
    ("outsider", situation_path, more_engaged_organizations),
    ("outsider", situation_map_api_path, more_engaged_organizations),
    ("secretariat", "/situations/notifications/", more_tasks_and_engagements),
    ("secretariat", "/api/v1/notifications?limit=100", more_tasks_and_engagements),
    ("owner", "/situations/peacebuilding/", more_configurations),
    ("secretariat", "/situations/peacebuilding/", more_configurations),
    ("outsider", "/api/v1/peacebuilding/configurations?limit=100", more_configurations),
    ("anonymous", "/meetings/", more_meetings),
    ("secretariat", "/meetings/", more_meetings),
    ("anonymous", "/api/v1/series?limit=100", more_series),
    ("owner", "/meetings/standing-committee/1/record/", more_comments),
    ("secretariat", "/meetings/standing-committee/1/record/", more_comments),
    ("owner", "/api/v1/series/standing-committee/meetings/1/record", more_comments),
    (
        "owner",
        "/api/v1/series/standing-committee/meetings/1/record/comments?limit=100",
        more_comments,
    ),
    ("owner", "/meetings/standing-committee/2/preparation/", more_comments),
    ("anonymous", "/meetings/standing-committee/1/", more_delegations),
    ("owner", "/meetings/standing-committee/1/", more_delegations),
    ("anonymous", "/api/v1/series/standing-committee/meetings/1", more_delegations),
    ("anonymous", "/api/v1/series/standing-committee/meetings/1/delegations", more_delegations),
    ("anonymous", "/api/v1/series/standing-committee/meetings/1/invitations", more_delegations),
    ("anonymous", "/api/v1/meetings?limit=100", more_meetings),
    ("anonymous", "/meetings/calendar/high-level.ics?since=2000", more_deadlines),
    ("owner", "/meetings/feeds/", more_calendar_tokens),
    ("owner", "/notifications/", more_notifications),
    ("owner", "/api/v1/me/notifications?limit=100", more_notifications),
    ("owner", "/api/v1/me/calendar-tokens?limit=100", more_calendar_tokens),
    ("secretariat", "/reminders/", more_reminders),
    ("secretariat", _feed_path("secretariat", "organization.ics?since=2000"), more_deadlines),
    ("owner", _feed_path("au.liaison", "series/high-level.ics?since=2000"), more_deadlines),
    ("partner", "/agreements/", more_agreements),
    ("partner", "/api/v1/agreements?limit=100", more_agreements),
    ("outsider", "/organizations/OSCE/", more_agreements),
    ("secretariat", "/audit/", more_audit),
    ("secretariat", "/audit/", more_document_audit),
    ("secretariat", "/api/v1/audit?limit=100", more_document_audit),
    ("partner", "/agreements/", more_agreements_with_texts),
    ("outsider", "/api/v1/agreements?limit=100", more_agreements_with_texts),
    ("secretariat", "/api/v1/audit?limit=100", more_audit),
    ("anonymous", "/organizations/OSCE/", more_memberships),
    ("anonymous", "/api/v1/organizations/OSCE/members?limit=100", more_memberships),
    ("anonymous", "/api/v1/countries?limit=300", more_memberships),
    ("owner", reads_path, more_reads),
    ("owner", reads_api_path, more_reads),
    ("partner", "/meetings/standing-committee/1/agenda/", more_agenda_items),
    ("secretariat", "/meetings/standing-committee/1/agenda/", more_agenda_items),
    (
        "outsider",
        "/api/v1/series/standing-committee/meetings/1/agenda?limit=100",
        more_agenda_items,
    ),
]


def queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    ("part", "path", "grow"),
    LISTS,
    ids=[f"{p}:{getattr(u, '__name__', u)}:{g.__name__}" for p, u, g in LISTS],
)
def test_the_same_queries_at_two_sizes(client_for, part: str, path, grow) -> None:
    client = client_for(part)
    grow(3)
    url = path() if callable(path) else path
    # A warm-up: a signed-in session's first request writes the session (idle timeout), which is
    # not the list's cost.
    client.get(url)
    small = queries(client, url)
    grow(40)
    large = queries(client, url)
    assert small == large, f"{url}: {small} queries, then {large} with more rows"
