"""The one answer to "which address is this visitor at?", used by every per-IP limit.

Behind a load balancer the peer address (REMOTE_ADDR) is the balancer's, so per-IP limits
would put every visitor in one bucket; trusting X-Forwarded-For from anyone would let a
visitor pick a fresh bucket per request. So the header is read only when the peer is a
configured proxy (LUUKKU_TRUSTED_PROXIES, CIDRs), and at most LUUKKU_PROXY_HOPS addresses
are taken from its right end, where trusted proxies append. Nothing is trusted by default,
not even loopback: a local reverse proxy must be listed like any other.
"""

import ipaddress
from collections.abc import Sequence

from django.conf import settings
from django.http import HttpRequest

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


def _address(text: str) -> Address | None:
    text = text.strip()
    if text.startswith("[") and "]" in text:  # "[2001:db8::1]:443"
        text = text[1 : text.index("]")]
    elif text.count(":") == 1:  # "192.0.2.1:443"
        text = text.split(":", 1)[0]
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _trusted(address: Address, proxies: Sequence[Network]) -> bool:
    return any(address.version == network.version and address in network for network in proxies)


def client_ip(request: HttpRequest) -> str:
    """The visitor's address: the peer, or what trusted proxies say the peer was."""
    peer = _address(request.META.get("REMOTE_ADDR", "") or "")
    if peer is None:
        return "0.0.0.0"  # noqa: S104  # not a bind address: a Unix socket without a proxy: one shared bucket, never a crash
    proxies: list[Network] = settings.TRUSTED_PROXIES
    current = peer
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    chain = [part for part in forwarded.split(",") if part.strip()]
    hops = 0
    while chain and hops < settings.PROXY_HOPS and _trusted(current, proxies):
        previous = _address(chain.pop())
        if previous is None:  # a garbled entry: keep what the last trusted proxy saw
            break
        current = previous
        hops += 1
    return str(current)
