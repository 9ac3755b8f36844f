"""The policy written twice — plain Python and one SQL filter — always agrees.

Hypothesis builds random worlds in the database (agreements between five organizations, the
research partner among them, with dates and coverage; documents with owners, classifications,
topics and named recipients), picks a reader (anonymous, or a member, the secretariat or the
research partner of one of them) and an instant (often exactly at an agreement's start or
end), and compares what ``readable_filter`` selects with what ``may_read`` allows for every document. The number of
examples is ``INTERLOCK_POLICY_EXAMPLES`` (CI runs thousands on both databases).
"""

import datetime as dt
import os

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from interlock.accounts.models import User
from interlock.agreements.models import Agreement, AgreementKind, Coverage
from interlock.documents.access import agreement_terms, readable_filter
from interlock.documents.models import Document, Topic
from interlock.domain.sharing import AgreementTerms, Item, Level, Reader, may_read
from interlock.registry.models import Organization

ACRONYMS = ["AU", "EU", "OSCE", "UN", "UNU-CRIS"]
TOPICS = ["peacekeeping", "disarmament", "disaster-relief"]
T0 = dt.datetime(2021, 1, 1, tzinfo=dt.UTC)
EXAMPLES = int(os.environ.get("INTERLOCK_POLICY_EXAMPLES", "150"))

moments = st.integers(0, 60).map(lambda d: T0 + dt.timedelta(days=d))
agreement_specs = st.fixed_dictionaries(
    {
        "parties": st.lists(st.sampled_from(ACRONYMS), min_size=2, max_size=2, unique=True),
        "start": st.one_of(st.none(), moments),
        "expires_after": st.one_of(st.none(), st.integers(1, 40)),
        "terminated_after": st.one_of(st.none(), st.integers(0, 40)),
        "coverage": st.dictionaries(
            st.sampled_from(TOPICS), st.sampled_from(["partnership", "restricted"])
        ),
    }
)
document_specs = st.fixed_dictionaries(
    {
        "owner": st.sampled_from(ACRONYMS),
        "level": st.sampled_from(["public", "partnership", "restricted", "confidential"]),
        "topics": st.sets(st.sampled_from(TOPICS)),
        "named": st.sets(st.sampled_from(ACRONYMS)),
    }
)
# A reader: anonymous, or (organization, role) with the roles that the policy tells apart.
ROLES = ["member", "secretariat", "research_partner"]
reader_specs = st.one_of(st.none(), st.tuples(st.sampled_from(ACRONYMS), st.sampled_from(ROLES)))


@pytest.mark.django_db
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    st.lists(agreement_specs, max_size=5),
    st.lists(document_specs, min_size=1, max_size=8),
    reader_specs,
    st.data(),
)
def test_the_sql_filter_selects_exactly_what_the_policy_allows(
    agreements, documents, reader_spec, data
) -> None:
    orgs = {o.acronym: o for o in Organization.objects.filter(acronym__in=ACRONYMS)}
    creator = User.objects.get(username="au.liaison")
    kind = AgreementKind.objects.get(key="memorandum-of-understanding")
    topics = {t.key: t for t in Topic.objects.filter(key__in=TOPICS)}
    with transaction.atomic():  # each example's world is rolled back before the next
        Agreement.objects.all().delete()  # the world holds only the agreements drawn here
        terms, instants = [], {T0}
        for spec in agreements:
            a, b = (orgs[x] for x in spec["parties"])
            start = spec["start"]
            expires = (
                start + dt.timedelta(days=spec["expires_after"])
                if start and spec["expires_after"]
                else None
            )
            terminated = (
                start + dt.timedelta(days=spec["terminated_after"])
                if start and spec["terminated_after"] is not None
                else None
            )
            agreement = Agreement.objects.create(
                title=f"{a.acronym}-{b.acronym}",
                kind=kind,
                party_a=a,
                party_b=b,
                in_force_from=start,
                expires_at=expires,
                terminated_at=terminated,
            )
            Coverage.objects.bulk_create(
                Coverage(agreement=agreement, topic=topics[t], up_to=lv)
                for t, lv in spec["coverage"].items()
            )
            ends = [m for m in (expires, terminated) if m]
            terms.append(
                AgreementTerms(
                    name=agreement.title,
                    parties=frozenset({a.pk, b.pk}),
                    in_force_from=start,
                    ends_at=min(ends) if ends else None,
                    coverage=frozenset((t, Level.named(lv)) for t, lv in spec["coverage"].items()),
                )
            )
            for moment in (start, *ends):
                if moment:
                    instants |= {moment, moment - dt.timedelta(microseconds=1)}
        items = {}
        for spec in documents:
            document = Document.objects.create(
                owner=orgs[spec["owner"]],
                classification=spec["level"],
                title="x",
                created_at=T0,
                updated_at=T0,
                created_by=creator,
            )
            document.topics.set([topics[t] for t in spec["topics"]])
            document.named_readers.set([orgs[x] for x in spec["named"]])
            items[document.pk] = Item(
                owner=orgs[spec["owner"]].pk,
                level=Level.named(spec["level"]),
                topics=frozenset(spec["topics"]),
                named=frozenset(orgs[x].pk for x in spec["named"]),
            )
        at = data.draw(st.sampled_from(sorted(instants)), label="instant")
        reader = (
            Reader.anonymous()
            if reader_spec is None
            else Reader(
                orgs[reader_spec[0]].pk,
                is_secretariat=reader_spec[1] == "secretariat",
                is_research_partner=reader_spec[1] == "research_partner",
            )
        )
        # The SQL side reads the agreements back from the database, as the application does.
        from_db = (
            agreement_terms(organization_id=reader.organization) if reader.organization else []
        )
        selected = set(
            Document.objects.filter(pk__in=items)
            .filter(readable_filter(reader, from_db, at))
            .values_list("pk", flat=True)
        )
        allowed = {pk for pk, item in items.items() if may_read(reader, item, terms, at)}
        assert selected == allowed, (agreements, documents, reader_spec, at)
        transaction.set_rollback(True)
