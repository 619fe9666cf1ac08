"""Who a verified Google ID token names (principal_from_claims), shared by AUTH_MODE=google and the Gmail add-on."""

from __future__ import annotations

from typing import Any

import pytest

from app.auth.exceptions import InvalidCredentials, WorkspaceAccountRequired
from app.auth.google import principal_from_claims
from app.config import Settings

ALEX = "alex@acme-trade.example"


def settings(**extra: Any) -> Settings:
    return Settings(database_url="sqlite://", _env_file=None, **extra)  # type: ignore[call-arg]


def claims(**extra: Any) -> dict[str, Any]:
    return {"sub": "1001", "email": ALEX, "email_verified": True, "hd": "acme-trade.example", **extra}


def test_a_workspace_account_names_its_workspace() -> None:
    principal = principal_from_claims(claims(name="Alex Chen", email=" Alex@Acme-Trade.Example "), "de", settings())
    assert principal.subject == "google:1001"
    assert principal.email == ALEX
    assert (principal.tenant_key, principal.tenant_name) == ("google:acme-trade.example", "acme-trade.example")
    assert principal.internal_domains == ("acme-trade.example",)
    assert (principal.role, principal.display_name, principal.locale) == ("member", "Alex Chen", "de")
    assert principal.assertion is None


def test_without_a_name_the_address_before_the_at_is_shown() -> None:
    assert principal_from_claims(claims(), None, settings()).display_name == "alex"
    assert principal_from_claims(claims(name=""), None, settings()).display_name == "alex"
    # a quoted local part may hold an "@": the domain is what follows the last one
    quoted = principal_from_claims(claims(email='"sales@hq"@acme-trade.example'), "en", settings())
    assert (quoted.display_name, quoted.internal_domains) == ('"sales@hq"', ("acme-trade.example",))


def test_an_address_outside_the_workspace_domain_adds_its_own_domain() -> None:
    principal = principal_from_claims(claims(email="alex@acme-trade.de"), None, settings())
    assert principal.internal_domains == ("acme-trade.de", "acme-trade.example")
    assert principal.tenant_key == "google:acme-trade.example"


def test_a_consumer_account_is_a_tenant_of_its_own_or_refused() -> None:
    personal = principal_from_claims(claims(hd=None), None, settings())
    assert (personal.tenant_key, personal.tenant_name, personal.internal_domains) == ("google:user:1001", ALEX, ())
    with pytest.raises(WorkspaceAccountRequired):
        principal_from_claims(claims(hd=" "), None, settings(google_consumer_accounts="refuse"))


def test_admins_are_configured_addresses_inside_their_own_workspace() -> None:
    admins = settings(google_admin_emails=[" Alex@Acme-Trade.example "])
    assert principal_from_claims(claims(), None, admins).role == "admin"
    assert principal_from_claims(claims(hd="ACME-TRADE.example"), None, admins).role == "admin"
    assert principal_from_claims(claims(hd="other.example"), None, admins).role == "member"
    assert principal_from_claims(claims(hd=None), None, admins).role == "member"
    assert principal_from_claims(claims(email="bob@acme-trade.example"), None, admins).role == "member"


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        ({"email": None}, "email_not_verified"),
        ({"email": "  "}, "email_not_verified"),
        ({"email": "alex.acme-trade.example"}, "email_not_verified"),
        ({"email_verified": False}, "email_not_verified"),
        ({"email_verified": "true"}, "email_not_verified"),  # only a JSON true counts
        ({"sub": None}, "subject"),
        ({"sub": ""}, "subject"),
    ],
)
def test_claims_that_name_no_verified_user_are_refused_with_a_reason(bad: dict[str, Any], reason: str) -> None:
    with pytest.raises(InvalidCredentials) as info:
        principal_from_claims(claims(**bad), None, settings())
    assert info.value.details == {"reason": reason}
