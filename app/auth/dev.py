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
    role: Role = "admin" if conn.headers.get("x-dev-role", "").strip().lower() == "admin" else "member"
    return Principal(
        subject=f"dev:{email}",
        email=email,
        tenant_key=f"dev:{domain}",
        tenant_name=domain,
        role=role,
        display_name=email.split("@", 1)[0],
        internal_domains=(domain,),
    )
