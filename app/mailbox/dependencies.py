"""Choosing the mailbox provider and the credential for the calling user."""

from __future__ import annotations

import asyncio
from typing import Annotated

from fastapi import Depends, Request

from app.auth.dependencies import AuthContext
from app.config import Settings
from app.mailbox.base import MailboxAccess, MailboxProvider
from app.mailbox.exceptions import ProviderMismatch
from app.mailbox.fake import FakeMailbox

# Prior-correspondence look-ups per check are bounded: a mail to 500 people must not cost 500 searches.
MAX_CORRESPONDENCE_LOOKUPS = 20


def build_provider(settings: Settings) -> MailboxProvider:
    if settings.mailbox_provider == "fake":
        return FakeMailbox()
    if settings.mailbox_provider == "graph":
        from app.mailbox.graph import GraphMailbox  # msal and its HTTP stack load only when Graph is used

        return GraphMailbox(settings)
    if settings.mailbox_provider == "gmail":
        from app.mailbox.gmail import GmailMailbox

        return GmailMailbox(settings)
    raise ProviderMismatch(f"MAILBOX_PROVIDER={settings.mailbox_provider} is not available in this build.")


async def get_mailbox(request: Request) -> MailboxProvider:
    provider: MailboxProvider = request.app.state.mailbox
    return provider


MailboxDep = Annotated[MailboxProvider, Depends(get_mailbox)]


def ensure_provider(mailbox: MailboxProvider, requested: str) -> None:
    if requested != mailbox.name:
        raise ProviderMismatch(details={"requested": requested, "configured": mailbox.name})


async def access_for(mailbox: MailboxProvider, auth: AuthContext) -> MailboxAccess:
    """The credential for the caller's mailbox; a provider that needs one (Graph: on-behalf-of) makes it."""
    resolver = getattr(mailbox, "access_for", None)
    if resolver is not None:
        access: MailboxAccess = await resolver(auth.principal, auth.user.email)
        return access
    return MailboxAccess(user_email=auth.user.email)


async def prior_correspondents(mailbox: MailboxProvider, access: MailboxAccess, addresses: list[str]) -> frozenset[str]:
    wanted = list(dict.fromkeys(a.lower() for a in addresses))[:MAX_CORRESPONDENCE_LOOKUPS]
    answers = await asyncio.gather(*(mailbox.has_corresponded(access, a) for a in wanted))
    return frozenset(a for a, known in zip(wanted, answers, strict=True) if known)
