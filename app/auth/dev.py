"""AUTH_MODE=dev: trust X-Dev-User / X-Dev-Role. For `make run`, the demo and tests only."""

from __future__ import annotations

from email_validator import EmailNotValidError, validate_email
from starlette.requests import HTTPConnection

from app.auth.exceptions import InvalidCredentials, MissingCredentials
from app.auth.principal import Principal, Role


def authenticate_dev(conn: HTTPConnection) -> Principal:
    raw = conn.headers.get("x-dev-user", "").strip()
    if not raw:
        raise MissingCredentials("Send the X-Dev-User header (dev mode).")
    try:
        email = validate_email(raw, check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise InvalidCredentials("X-Dev-User is not a valid e-mail address.") from exc
    domain = email.rsplit("@", 1)[1]
    role = _role(conn.headers.get("x-dev-role", ""))
    return Principal(
        subject=f"dev:{email}",
        email=email,
        tenant_key=f"dev:{domain}",
        tenant_name=domain,
        role=role,
        display_name=email.split("@", 1)[0],
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
