"""A fixed-window rate limit on Django's cache: so many requests per window per key.

Used by the API (per token, per signed-in user, or per address for the anonymous public) and by
password reset requests (per address, per e-mail address).
"""

from __future__ import annotations

import math
import time

from django.core.cache import cache


def _now() -> float:
    return time.time()


def rate_limit_wait(*, key: str, limit: int, window_s: int) -> int | None:
    """Count one request under ``key``: None while within ``limit`` for the current window, else
    the seconds until the window ends (the ``Retry-After`` to send)."""
    at = _now()
    start = int(at // window_s) * window_s
    bucket = f"rate:{key}:{start}"
    cache.add(bucket, 0, timeout=window_s + 1)
    try:
        count = cache.incr(bucket)
    except ValueError:  # evicted between add and incr
        cache.set(bucket, 1, timeout=window_s + 1)
        count = 1
    if count <= limit:
        return None
    return max(1, math.ceil(start + window_s - at))
