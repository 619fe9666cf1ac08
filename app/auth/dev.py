"""AUTH_MODE=dev: trust X-Dev-User / X-Dev-Role. For `make run`, the demo and tests only.

Whoever can send a request can claim to be anyone, so dev sign-in stays on the machine: the service
refuses to start in dev mode when it is told it listens on, or is reached at, a non-loopback address
(`UVICORN_HOST`, the address uvicorn binds, and `PUBLIC_BASE_URL`), and refuses dev sign-ins on requests
that arrived at a non-loopback address however it was started; `ALLOW_DEV_AUTH_ON_NETWORK=true` allows
both. Every start in dev mode logs a warning.
"""

from __future__ import annotations

import functools
import ipaddress
import logging
from urllib.parse import urlsplit

from email_validator import EmailNotValidError, validate_email
from starlette.requests import HTTPConnection

from app.auth.exceptions import DevAuthNotHere, InvalidCredentials, MissingCredentials
from app.auth.principal import Principal, Role
from app.common import is_loopback
from app.config import Settings

log = logging.getLogger(__name__)


class DevAuthOnNetwork(RuntimeError):
    """Dev sign-in on an address other machines can reach, without ALLOW_DEV_AUTH_ON_NETWORK=true."""


def check_dev_auth_at_start(settings: Settings) -> None:
    """Refuse dev sign-in on a network address; warn at every start in dev mode."""
    if settings.auth_mode != "dev":
        return
    hosts = {"UVICORN_HOST": settings.uvicorn_host, "PUBLIC_BASE_URL": urlsplit(settings.public_base_url).hostname}
    exposed = {name: host for name, host in hosts.items() if not is_loopback(host or "")}
    if exposed and not settings.allow_dev_auth_on_network:
        raise DevAuthOnNetwork(
            f"AUTH_MODE=dev trusts the X-Dev-User header, but the service is exposed at {exposed}. "
            "Use AUTH_MODE=entra or google, or set ALLOW_DEV_AUTH_ON_NETWORK=true if that is really meant."
        )
    log.warning(
        "AUTH_MODE=dev: the X-Dev-User header is trusted, anyone who can reach %s can act as any user%s",
        settings.public_base_url,
        " (allowed on the network)" if exposed else "",
    )


def _arrived_over_network(conn: HTTPConnection) -> bool:
    server = conn.scope.get("server")
    if not server:
        return False
    try:
        ipaddress.ip_address(str(server[0]).strip("[]"))
    except ValueError:
        return False  # not a socket address (an in-process test client)
    return not is_loopback(str(server[0]))


@functools.lru_cache(maxsize=4096)
def _normalized_address(raw: str) -> str | None:
    """The header's address, normalised; None if it is not one. Remembered: validating cost more than a check."""
    try:
        return validate_email(raw, check_deliverability=False).normalized.lower()
    except EmailNotValidError:
        return None


def authenticate_dev(conn: HTTPConnection, settings: Settings) -> Principal:
    if not settings.allow_dev_auth_on_network and _arrived_over_network(conn):
        raise DevAuthNotHere()
    raw = conn.headers.get("x-dev-user", "").strip()
    if not raw:
        raise MissingCredentials("Send the X-Dev-User header (dev mode).")
    email = _normalized_address(raw)
    if email is None:
        raise InvalidCredentials("X-Dev-User is not a valid e-mail address.")
    local_part, _, domain = email.partition("@")  # a validated address without quoting: exactly one "@"
    role = _role(conn.headers.get("x-dev-role", ""))
    return Principal(
        subject=f"dev:{email}",
        email=email,
        tenant_key=f"dev:{domain}",
        tenant_name=domain,
        role=role,
        display_name=local_part,
        internal_domains=(domain,),
    )


ROLES: tuple[Role, ...] = ("member", "admin")


def _role(raw: str) -> Role:
    """X-Dev-Role: absent means member; a typo must not silently sign in a member where an admin was meant."""
    value = raw.strip().lower() or "member"
    for role in ROLES:
        if value == role:
            return role
    raise InvalidCredentials("X-Dev-Role must be 'admin' or 'member'.", details={"allowed": list(ROLES)})
