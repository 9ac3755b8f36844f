"""The client's address: the peer's, or the one a trusted reverse proxy forwarded.

``X-Forwarded-For`` is believed only when the peer (``REMOTE_ADDR``) is one of the proxies named in
``INTERLOCK_TRUSTED_PROXIES``; then the address is the right-most entry that is not itself a trusted
proxy (entries to its left were written by the client and may be forged). django-ipware, which
django-axes would otherwise use, believes the header by its shape and never checks who sent it, so
a client reaching the server directly could choose its own address; hence this function, given to
axes as ``AXES_CLIENT_IP_CALLABLE`` and used by the API's rate limit and the reset throttle.
"""

from __future__ import annotations

import ipaddress
from functools import cache

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@cache
def _trusted(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _is_trusted(address: str, networks: tuple[Network, ...]) -> bool:
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in networks)


def client_address(request: HttpRequest) -> str:
    peer = request.META.get("REMOTE_ADDR") or "0.0.0.0"  # noqa: S104 - an unknown peer, not a bind
    networks = _trusted(tuple(settings.TRUSTED_PROXIES))
    if not networks or not _is_trusted(peer, networks):
        return peer
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for entry in reversed(forwarded):
        if not _is_trusted(entry, networks):
            try:
                return str(ipaddress.ip_address(entry))
            except ValueError:
                return peer  # a malformed entry: fall back on the proxy's own address
    return peer
