"""Gmail: the "Meant for" choices start with whom the message was likely meant for (as the Outlook pane does)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool

from app.checks.schemas import MessageRef
from app.incidents import service as incidents
from app.incidents.schemas import SuggestionOut, SuggestRequest
from app.mailbox.base import MailMessage

if TYPE_CHECKING:  # the context is defined with the actions that use this module
    from app.addons.gmail.service import AddonContext


async def likely_intended(ctx: AddonContext, mail: MailMessage, external: list[str]) -> list[SuggestionOut]:
    """Suggestions when every external recipient is taken as a possible wrong one; nothing when there are none."""
    if not external:
        return []
    body = SuggestRequest(
        locale=ctx.locale, ref=MessageRef(provider="gmail", id=mail.id or "message"), wrong_recipients=external
    )
    found = await run_in_threadpool(
        incidents.suggest_intended, ctx.session, ctx.auth, ctx.cache, ctx.settings, ctx.extractor, body, mail
    )
    return found.suggestions
