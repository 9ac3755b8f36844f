"""A record of the cast meeting circulated for comment, as several tests need one."""

import datetime as dt
from typing import Any

from django.utils import timezone

from interlock.meetings import services
from interlock.meetings.models import Meeting, Record


def circulated_record(
    secretariat: Any, classification: str, *, named: Any = (), days: float = 7
) -> Record:
    """The standing committee's first meeting's record, drafted and circulated with a deadline
    ``days`` ahead."""
    record = services.record_create(
        actor=secretariat,
        meeting=Meeting.objects.get(series__key="standing-committee", number=1),
        text="Opened.\n\nClosed.",
        classification=classification,
        named_readers=named,
    )
    return services.record_move(
        actor=secretariat,
        record=record,
        to="circulated",
        expected_version=record.version,
        deadline=timezone.now() + dt.timedelta(days=days),
    )
