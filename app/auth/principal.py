"""Who is calling, as told by a verified credential, before it is tied to stored rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["member", "admin"]


@dataclass(frozen=True, slots=True)
class Principal:
    subject: str
    email: str
    tenant_key: str
    tenant_name: str
    role: Role = "member"
    display_name: str = ""
    locale: str | None = None
    # Domains the tenant owns, when the credential tells them (dev mode: the user's own domain).
    internal_domains: tuple[str, ...] = field(default_factory=tuple)
    # The raw bearer token, kept in memory for this request only: the on-behalf-of exchange needs it.
    assertion: str | None = field(default=None, repr=False)
