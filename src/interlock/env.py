"""Typed readers of the environment that fail loudly, naming the variable.

Settings read the environment only through these helpers, so that a malformed value stops
start-up with a message such as ``INTERLOCK_DEBUG must be a boolean (got 'maybe')``.
"""

from __future__ import annotations

import os
from collections.abc import Mapping


class ConfigurationError(ValueError):
    """A malformed or missing environment variable."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(
    name: str, default: str | None = None, *, environ: Mapping[str, str] | None = None
) -> str:
    source = os.environ if environ is None else environ
    value = source.get(name)
    if value is None:
        if default is None:
            raise ConfigurationError(f"{name} must be set")
        return default
    return value


def env_bool(name: str, default: bool, *, environ: Mapping[str, str] | None = None) -> bool:
    raw = env_str(name, "true" if default else "false", environ=environ).strip().lower()
    if raw in _TRUE:
        return True
    if raw in _FALSE:
        return False
    raise ConfigurationError(f"{name} must be a boolean (got {raw!r})")


def env_int(
    name: str, default: int, *, minimum: int | None = None, environ: Mapping[str, str] | None = None
) -> int:
    raw = env_str(name, str(default), environ=environ).strip()
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be an integer (got {raw!r})") from None
    if minimum is not None and value < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum} (got {value})")
    return value


def env_list(
    name: str, default: list[str], *, environ: Mapping[str, str] | None = None
) -> list[str]:
    raw = env_str(name, ",".join(default), environ=environ)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_choice(
    name: str, default: str, choices: tuple[str, ...], *, environ: Mapping[str, str] | None = None
) -> str:
    raw = env_str(name, default, environ=environ).strip()
    if raw not in choices:
        raise ConfigurationError(f"{name} must be one of {', '.join(choices)} (got {raw!r})")
    return raw
