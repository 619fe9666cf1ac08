"""Domain-wide delegation: delegated Gmail tokens through google-auth's service-account credentials, traded at a
fake Google token endpoint with a key generated here (`pytest -k delegation`)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from google.auth import jwt

from app.config import Settings
from app.mailbox.base import MailAddress, OutgoingDraft
from app.mailbox.exceptions import MailboxUnavailable
from app.mailbox.fake_gmail import sample_message
from app.mailbox.fake_google_oauth import AUDIENCE
from app.mailbox.gmail import GmailMailbox
from app.mailbox.gmail_delegation import DELEGATION_SCOPES, DelegationMissing, DelegationRefused, GmailDelegation
from tests.mailbox.delegation_env import DOMAIN, Workspace, workspace

ALEX = f"alex@{DOMAIN}"
TENANT = f"google:{DOMAIN}"


@pytest.fixture(scope="module")
def env() -> Iterator[Workspace]:
    with workspace() as made:
        yield made


@pytest.fixture
def ws(env: Workspace) -> Iterator[Workspace]:
    env.authorise()
    env.oauth.grants.clear()
    env.oauth.refusals.clear()
    yield env
    env.oauth.revoke(DOMAIN, env.key["client_id"])


def settings(ws: Workspace, **extra: object) -> Settings:
    values = {**ws.settings_values(), **extra}
    return Settings(_env_file=None, **values)  # type: ignore[call-arg, arg-type]


def test_delegation_token_acts_as_the_user_and_is_reused(ws: Workspace) -> None:
    delegation = GmailDelegation(settings(ws))

    first = delegation.token(ALEX)
    second = delegation.token(ALEX.upper())

    assert first == second and first.startswith("ya29.dwd-")
    assert ws.oauth.grants[ALEX] == 1 and delegation.exchanges == 1
    # The fake Gmail accepts it as Alex's token: the token endpoint vouched for Alex.
    box = GmailMailbox(settings(ws))
    draft = asyncio.run(
        box.create_draft(
            asyncio.run(box.background_access(ALEX, TENANT)),
            OutgoingDraft(to=(MailAddress("m.schmidt@solartech.example"),), subject="Hi", body_html="", body_text="Hi"),
        )
    )
    assert draft.id in ws.gmail.drafts_of(ALEX)


def test_delegation_assertion_is_what_google_expects(ws: Workspace) -> None:
    """The signed JWT google-auth sends: the service account as issuer, the user as subject, both scopes."""
    from google.oauth2 import service_account

    credentials = service_account.Credentials.from_service_account_info(
        ws.key, scopes=list(DELEGATION_SCOPES), subject=ALEX
    )
    assertion = credentials._make_authorization_grant_assertion()
    claims = jwt.decode(assertion, verify=False)
    assert claims["iss"] == ws.key["client_email"] and claims["sub"] == ALEX
    assert set(claims["scope"].split()) == set(DELEGATION_SCOPES)
    assert claims["aud"] == AUDIENCE


def test_delegation_one_exchange_for_sends_starting_together(ws: Workspace) -> None:
    delegation = GmailDelegation(settings(ws))
    with ThreadPoolExecutor(8) as pool:
        tokens = set(pool.map(lambda _: delegation.token(ALEX), range(16)))
    assert len(tokens) == 1 and ws.oauth.grants[ALEX] == 1


def test_delegation_not_authorised_by_the_admin_is_refused_clearly(ws: Workspace) -> None:
    ws.oauth.revoke(DOMAIN, ws.key["client_id"])
    with pytest.raises(DelegationRefused) as refused:
        GmailDelegation(settings(ws)).token(ALEX)
    assert refused.value.status_code == 403 and "domain-wide delegation" in refused.value.message
    assert ws.oauth.refusals == ["unauthorized_client"]


def test_delegation_with_too_few_scopes_authorised_is_refused(ws: Workspace) -> None:
    ws.authorise(scopes=("https://www.googleapis.com/auth/gmail.send",))
    with pytest.raises(DelegationRefused):
        GmailDelegation(settings(ws)).token(ALEX)


def test_delegation_for_a_user_of_another_workspace_is_refused(ws: Workspace) -> None:
    with pytest.raises(DelegationRefused):
        GmailDelegation(settings(ws)).token("eve@other-company.example")


def test_delegation_with_a_key_google_does_not_know_is_refused(ws: Workspace) -> None:
    from tests.mailbox.delegation_env import service_account_key

    stranger, _ = service_account_key(ws.key["token_uri"])
    stranger["client_email"] = "someone@evil-project.iam.gserviceaccount.com"
    with pytest.raises(DelegationRefused):
        GmailDelegation(settings(ws, gmail_delegation_key=json.dumps(stranger))).token(ALEX)


def test_delegation_token_endpoint_away_is_unavailable_not_refused(ws: Workspace) -> None:
    key = {**ws.key, "token_uri": "http://127.0.0.1:9/token"}
    with pytest.raises(MailboxUnavailable):
        GmailDelegation(settings(ws, gmail_delegation_key=json.dumps(key))).token(ALEX)


def test_delegation_missing_keeps_the_clear_message(ws: Workspace) -> None:
    box = GmailMailbox(settings(ws, gmail_delegation_key=""))
    with pytest.raises(DelegationMissing) as missing:
        asyncio.run(box.background_access(ALEX, TENANT))
    assert "Workspace administrator" in missing.value.message


def test_delegation_only_for_workspace_tenants(ws: Workspace) -> None:
    box = GmailMailbox(settings(ws))
    for tenant_key in ("google:user:1234", "entra:abc", "dev:acme-trade.example"):
        with pytest.raises(DelegationMissing):
            asyncio.run(box.background_access(ALEX, tenant_key))
    assert ws.oauth.grants[ALEX] == 0


def test_delegation_reads_a_draft_by_its_draft_id(ws: Workspace) -> None:
    draft_id = ws.gmail.save_draft(ALEX, sample_message(ALEX, [("M", "m.schmidt@solartech.example")], "PI 7", "Hi"))
    box = GmailMailbox(settings(ws))
    message = asyncio.run(box.get_message(asyncio.run(box.background_access(ALEX, TENANT)), draft_id))
    assert message.is_draft and message.subject == "PI 7" and message.id == draft_id
    assert message.internet_message_id


@pytest.mark.parametrize("key", ["not json", json.dumps({"type": "service_account"}), json.dumps(["x"])])
def test_delegation_key_that_is_not_a_service_account_key_is_refused_at_start(ws: Workspace, key: str) -> None:
    with pytest.raises(ValueError, match="GMAIL_DELEGATION_KEY") as refused:
        GmailMailbox(settings(ws, gmail_delegation_key=key))
    assert "not json" not in str(refused.value)


def test_delegation_key_from_a_file(ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "key.json"
    path.write_text(json.dumps(ws.key))
    delegation = GmailDelegation(settings(ws, gmail_delegation_key="", gmail_delegation_key_file=str(path)))
    assert delegation.configured and delegation.token(ALEX).startswith("ya29.dwd-")
