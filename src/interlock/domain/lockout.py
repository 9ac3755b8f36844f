"""When a sign-in lock ends: the rule behind the "try again after" that the locked-out page states.

Failures are counted over a sliding window (the cool-off): a failure at ``t`` counts until
``t + cool_off``. A lock holds while the failures still counted reach the limit, so it ends when
enough of the oldest ones have aged out to bring the count below it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable


def lock_ends_at(
    failures: Iterable[tuple[dt.datetime, int]], *, limit: int, cool_off: dt.timedelta
) -> dt.datetime | None:
    """The instant the lock ends, or None if these failures (``(last at, how many)``, all still
    counted) do not reach ``limit``. Failures grouped in one pair age out together, at its time."""
    ordered = sorted(failures)
    counted = sum(count for _at, count in ordered)
    if counted < limit:
        return None
    for at, count in ordered:
        counted -= count
        if counted < limit:
            return at + cool_off
    raise AssertionError("unreachable: the count reaches zero, which is below any limit >= 1")
