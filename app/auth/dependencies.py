"""The CurrentUser / AdminUser dependencies; each AUTH_MODE plugs in one authenticator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool
from starlette.requests import HTTPConnection

from app.auth.dev import authenticate_dev
from app.auth.entra import authenticate_entra, authenticate_entra_without_fetch
from app.auth.exceptions import AdminRequired
from app.auth.google import authenticate_google
from app.auth.principal import Principal
from app.config import Settings
from app.tenants.identity import TenantIdentity, UserIdentity
from app.tenants.service import cached_identity, resolve

Authenticator = Callable[[HTTPConnection, Settings], Principal]
# Authenticators that answer without I/O, or return None when they would need it (a key fetch).
QuickAuthenticator = Callable[[HTTPConnection, Settings], Principal | None]


AUTHENTICATORS: dict[str, Authenticator] = {
    "dev": authenticate_dev,
    "entra": authenticate_entra,
    "google": authenticate_google,
}
QUICK_AUTHENTICATORS: dict[str, QuickAuthenticator] = {
    "dev": authenticate_dev,
    "entra": authenticate_entra_without_fetch,
}


@dataclass(frozen=True, slots=True)
class AuthContext:
    # Immutable values, shared with the identity cache: never rows of this request's session.
    user: UserIdentity
    tenant: TenantIdentity
    principal: Principal

    @property
    def is_admin(self) -> bool:
        return self.principal.role == "admin"


def get_principal(request: Request, settings: Settings) -> Principal:
    return AUTHENTICATORS[settings.auth_mode](request, settings)


def _authenticate(request: Request, settings: Settings, session: Session) -> AuthContext:
    principal = get_principal(request, settings)
    tenant, user = resolve(session, principal, signup_open=settings.tenant_signup_open)
    return AuthContext(user=user, tenant=tenant, principal=principal)


def _known_on_loop(request: Request, settings: Settings) -> AuthContext | None:
    """The caller's identity when neither the credential nor the identity needs I/O, else None."""
    quick = QUICK_AUTHENTICATORS.get(settings.auth_mode)
    principal = quick(request, settings) if quick is not None else None
    identity = cached_identity(principal, request.app.state.engine) if principal is not None else None
    if principal is None or identity is None:
        return None
    return AuthContext(user=identity[1], tenant=identity[0], principal=principal)


async def get_current_user(request: Request) -> AuthContext:
    # Usually the credential is checked with keys at hand and the identity is cached: no thread needed.
    # A key fetch or a user lookup blocks: then one threadpool hop for the two, with a session of its own
    # (as a dependency, a session cost every request more than the whole check of a cached identity).
    settings: Settings = request.app.state.settings
    known = _known_on_loop(request, settings)
    if known is not None:
        return known
    return await run_in_threadpool(_authenticate_in_a_session, request, settings)


def _authenticate_in_a_session(request: Request, settings: Settings) -> AuthContext:
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        return _authenticate(request, settings, session)


CurrentUser = Annotated[AuthContext, Depends(get_current_user)]


def require_admin(auth: CurrentUser) -> AuthContext:
    if not auth.is_admin:
        raise AdminRequired()
    return auth


AdminUser = Annotated[AuthContext, Depends(require_admin)]
