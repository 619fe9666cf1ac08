"""Who a request acts for, as plain immutable values.

These are what the identity cache keeps and what every request sees as `auth.tenant` / `auth.user`.
They are copied out of the rows once, so no request can hand another a row bound to its own database
session (a failed write rolls its session back and would leave such a row expired and detached).
Code that changes a tenant or user loads its own row in its own session.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.tenants.models import Tenant, User


@dataclass(frozen=True, slots=True)
class TenantIdentity:
    id: uuid.UUID
    key: str
    name: str
    internal_domains: tuple[str, ...]
    default_language: str
    version: int

    @classmethod
    def of(cls, row: Tenant) -> TenantIdentity:
        return cls(
            id=row.id,
            key=row.key,
            name=row.name,
            internal_domains=tuple(row.internal_domains or ()),
            default_language=row.default_language,
            version=row.version,
        )

    def owns_address(self, email: str) -> bool:
        """Whether an address is in one of the tenant's domains (subdomains included)."""
        domain = email.strip().rsplit("@", 1)[-1].lower().rstrip(".")
        return any(domain == d or domain.endswith("." + d) for d in self.internal_domains)


@dataclass(frozen=True, slots=True)
class UserIdentity:
    id: uuid.UUID
    tenant_id: uuid.UUID
    subject: str
    email: str
    display_name: str
    locale: str
    role: str

    @classmethod
    def of(cls, row: User) -> UserIdentity:
        return cls(
            id=row.id,
            tenant_id=row.tenant_id,
            subject=row.subject,
            email=row.email,
            display_name=row.display_name,
            locale=row.locale,
            role=row.role,
        )
