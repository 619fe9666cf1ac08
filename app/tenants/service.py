"""Tenants and users are created on first use from a verified principal."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from app.auth.principal import Principal
from app.refresher import BackgroundRefresher
from app.tenants import repository
from app.tenants.cache import Identity, identities
from app.tenants.exceptions import TenantNotRegistered
from app.tenants.identity import TenantIdentity, UserIdentity
from app.tenants.models import Tenant, User

Row = TypeVar("Row", Tenant, User)


def resolve(session: Session, principal: Principal, *, signup_open: bool) -> Identity:
    """The principal's tenant and user as immutable values (cached for a few seconds).

    An unknown tenant is created on first sign-in only while sign-up is open (TENANT_SIGNUP)."""
    cached = known_identity(principal)
    if cached is not None:
        return cached
    known = _load_known(session.connection(), principal)
    if known is not None:
        return known
    tenant = repository.get_tenant_by_key(session, principal.tenant_key)
    if tenant is None:
        if not signup_open:
            raise TenantNotRegistered(details={"tenant": principal.tenant_key})
        tenant = _create_tenant(session, principal)
    user = repository.get_user(session, tenant.id, principal.subject) or _create_user(session, tenant, principal)
    if user.role != principal.role or user.email != principal.email:
        user.role = principal.role
        user.email = principal.email
        session.add(user)
        session.commit()
    return TenantIdentity.of(tenant), UserIdentity.of(user)


def known_identity(principal: Principal) -> Identity | None:
    """The principal's identity if this process knows it still (no database read)."""
    cached = identities.get(principal.tenant_key, principal.subject)
    if cached is not None and _matches(cached[1], principal):
        return cached
    return None


def cached_identity(principal: Principal, engine: Engine) -> Identity | None:
    """The principal's identity as this process holds it, reloaded in the background once past its TTL."""
    found = identities.lookup(principal.tenant_key, principal.subject)
    if found is None or not _matches(found[0][1], principal):
        return None
    identity, stale = found
    if stale:
        key = (principal.tenant_key, principal.subject)
        identity_reloads.submit(key, functools.partial(_reload_identity, engine, principal))
    return identity


def _load_known(connection: Connection, principal: Principal) -> Identity | None:
    """The principal's stored tenant and user, remembered, if they match the credential; no rows are written."""
    generation = identities.generation  # read first: a tenant change committed meanwhile discards this load
    identity = repository.get_identity(connection, principal.tenant_key, principal.subject)
    if identity is None or not _matches(identity[1], principal):
        return None
    identities.put(principal.tenant_key, principal.subject, *identity, generation=generation)
    return identity


def _reload_identity(engine: Engine, principal: Principal) -> None:
    with engine.connect() as connection:
        known = _load_known(connection, principal)
    if known is None:
        identities.drop(principal.tenant_key, principal.subject)  # gone or changed: the next request resolves it


identity_reloads = BackgroundRefresher("identity-reload")


def register_tenant(session: Session, key: str, name: str, internal_domains: list[str]) -> Tenant | None:
    """Create a tenant ahead of its first sign-in (closed sign-up); None if it exists already."""
    if repository.get_tenant_by_key(session, key) is not None:
        return None
    tenant = Tenant(key=key, name=name, internal_domains=internal_domains)
    session.add(tenant)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()
        return None
    return tenant


def _matches(user: User | UserIdentity, principal: Principal) -> bool:
    return user.role == principal.role and user.email == principal.email


def _create_tenant(session: Session, principal: Principal) -> Tenant:
    tenant = Tenant(
        key=principal.tenant_key,
        name=principal.tenant_name,
        internal_domains=list(principal.internal_domains),
    )
    return _insert_or_fetch(session, tenant, lambda: repository.get_tenant_by_key(session, principal.tenant_key))


def _create_user(session: Session, tenant: Tenant, principal: Principal) -> User:
    user = User(
        tenant_id=tenant.id,
        subject=principal.subject,
        email=principal.email,
        display_name=principal.display_name,
        locale=principal.locale or tenant.default_language,
        role=principal.role,
    )
    return _insert_or_fetch(session, user, lambda: repository.get_user(session, tenant.id, principal.subject))


def _insert_or_fetch(session: Session, row: Row, fetch: Callable[[], Row | None]) -> Row:
    """Insert; if a concurrent first request won the race, read its row instead."""
    session.add(row)
    try:
        session.commit()
        return row
    except IntegrityError:
        session.rollback()
        existing = fetch()
        if existing is None:
            raise
        return existing
