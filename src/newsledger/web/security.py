"""Who may write: a token for writes, a cookie for the browser, CSRF tokens on forms.

Reads need nothing. The API takes the token as ``Authorization: Bearer TOKEN``. A browser logs in
once (``/login?token=TOKEN``, the link ``newsledger serve`` prints), which sets an HttpOnly,
SameSite=Strict cookie; every form then carries a CSRF token derived from that cookie with a
per-process secret, and a POST whose ``Origin`` is another site is refused.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field

from fastapi import HTTPException, Request

COOKIE = "newsledger_token"


def new_token() -> str:
    """A random write token for a server started without ``--token``."""
    return secrets.token_urlsafe(24)


@dataclass(frozen=True)
class Guard:
    """The write token and the secret CSRF tokens are made with."""

    token: str
    read_only: bool = False
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    def valid(self, candidate: str | None) -> bool:
        """Whether ``candidate`` is the write token (compared in constant time)."""
        return bool(candidate) and hmac.compare_digest(str(candidate).encode(), self.token.encode())

    def csrf_for(self, request: Request) -> str | None:
        """The CSRF token for forms on this page, when the browser holds the write token."""
        cookie = request.cookies.get(COOKIE)
        if not self.valid(cookie):
            return None
        return hmac.new(self.secret, str(cookie).encode(), hashlib.sha256).hexdigest()

    def check_writable(self) -> None:
        """Refuse every write in ``--read-only`` mode."""
        if self.read_only:
            raise HTTPException(403, "this server is read-only (--read-only)")

    def check_bearer(self, authorization: str | None) -> None:
        """API writes: 401 without a token, 403 with a wrong one."""
        self.check_writable()
        if not authorization:
            raise HTTPException(401, "writing needs the token: Authorization: Bearer TOKEN",
                                headers={"WWW-Authenticate": "Bearer"})
        scheme, _, value = authorization.partition(" ")
        if scheme.lower() != "bearer" or not self.valid(value.strip()):
            raise HTTPException(403, "the token is wrong")

    def check_form(self, request: Request, csrf: str | None) -> None:
        """Form writes: logged in (cookie), same origin, and the page's CSRF token."""
        self.check_writable()
        origin = request.headers.get("origin")
        if origin and origin != "null" and origin.rstrip("/") != _own_origin(request):
            raise HTTPException(403, f"cross-site request from {origin} refused")
        expected = self.csrf_for(request)
        if expected is None:
            raise HTTPException(401, "log in with the token first (/login)")
        if not csrf or not hmac.compare_digest(csrf, expected):
            raise HTTPException(403, "the form's CSRF token is missing or wrong; reload the page")


def _own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.url.netloc}"


__all__ = ["COOKIE", "Guard", "new_token"]
