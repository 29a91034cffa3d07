"""Who may talk to the explorer, and what a page may load.

On the loopback address only this machine's users reach the app. Bound to another address it
needs a token: generated at start, printed once, given as ``?token=`` on the first visit (the
app then sets a cookie, so links and API calls need not carry it) or as a header by scripts.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets

COOKIE = "stratgraph_token"
HEADER = "x-stratgraph-token"
#: Every asset is the app's own: no CDN, no outside request, no inline script. vis-network sets
#: element styles at run time; exported pictures are data:/blob: URLs.
CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
])
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


#: The names a browser may use for this machine (the Host header, without the port).
LOOPBACK_NAMES = ("127.0.0.1", "localhost", "::1", "[::1]")


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and ``localhost``."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def new_token() -> str:
    """A fresh access token (URL-safe, 128 bits)."""
    return secrets.token_urlsafe(16)


def token_matches(given: str | None, token: str) -> bool:
    """True when ``given`` is the token (compared in constant time)."""
    return given is not None and hmac.compare_digest(given.encode(), token.encode())
