"""Interlock's settings with the benchmark's URLs (the bare floor view beside every route)."""

from interlock.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
