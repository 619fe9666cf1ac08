"""Who is calling, as told by a verified credential, before it is tied to stored rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["member", "admin"]

# What the user and tenant tables hold. Identity providers allow longer values than sensible (Entra display
# names: 256 characters); longer ones are cut here, once, rather than refused by the database.
MAX_ADDRESS_CHARS = 320
MAX_DISPLAY_NAME_CHARS = 256
MAX_TENANT_NAME_CHARS = 255


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

    def __post_init__(self) -> None:
        object.__setattr__(self, "email", self.email[:MAX_ADDRESS_CHARS])
        object.__setattr__(self, "display_name", self.display_name[:MAX_DISPLAY_NAME_CHARS])
        object.__setattr__(self, "tenant_name", self.tenant_name[:MAX_TENANT_NAME_CHARS])
