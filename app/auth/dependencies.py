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
from app.auth.entra import authenticate_entra
from app.auth.exceptions import AdminRequired
from app.auth.google import authenticate_google
from app.auth.principal import Principal
from app.config import Settings
from app.deps import SessionDep, SettingsDep
from app.tenants.identity import TenantIdentity, UserIdentity
from app.tenants.service import resolve

Authenticator = Callable[[HTTPConnection, Settings], Principal]


AUTHENTICATORS: dict[str, Authenticator] = {
    "dev": authenticate_dev,
    "entra": authenticate_entra,
    "google": authenticate_google,
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


async def get_current_user(request: Request, session: SessionDep, settings: SettingsDep) -> AuthContext:
    # Token validation (key fetches) and the user lookup both block: one threadpool hop for the two.
    return await run_in_threadpool(_authenticate, request, settings, session)


CurrentUser = Annotated[AuthContext, Depends(get_current_user)]


def require_admin(auth: CurrentUser) -> AuthContext:
    if not auth.is_admin:
        raise AdminRequired()
    return auth


AdminUser = Annotated[AuthContext, Depends(require_admin)]
