"""Gmail: a hand-off to the colleague who owns a customer becomes a draft to that colleague, filled in from the
directory; the internal table never goes into the draft addressed to customers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool

from app.addons.gmail import cards
from app.addons.gmail.cards import Json
from app.errors import AppError
from app.mailbox.base import MailAddress, OutgoingDraft
from app.mailbox.gmail import GmailAccess, GmailCreatedDraft
from app.templates import prefill
from app.templates.schemas import RenderedLetter

if TYPE_CHECKING:  # the context is defined with the actions that use this module
    from app.addons.gmail.service import AddonContext

HANDOFF = "handoff_internal"


async def prefilled_fields(ctx: AddonContext, template: str) -> tuple[dict[str, str], str]:
    """Field values for the form and the colleague to write to (empty when the directory does not say)."""
    recipient = ctx.event.parameters.get("recipient", "")
    if template != HANDOFF or not recipient:
        return {}, ""
    try:
        known = await run_in_threadpool(prefill.prefill, ctx.session, ctx.auth, recipient, ctx.locale)
    except AppError:
        return {}, ""  # not in the directory: the form opens empty
    values = {k: "\n".join(v) if isinstance(v, list) else str(v) for k, v in known.fields.items() if v}
    return values, known.to or ""


async def draft_to_colleague(ctx: AddonContext, access: GmailAccess, letter: RenderedLetter, to: str) -> Json:
    draft = await ctx.mailbox.create_draft(
        access,
        OutgoingDraft(
            to=(MailAddress(to),) if to else (),
            subject=letter.subject,
            body_html=letter.body_html,
            body_text=letter.body_text,
        ),
    )
    message_id = draft.message_id if isinstance(draft, GmailCreatedDraft) else ""
    thread_id = draft.thread_id if isinstance(draft, GmailCreatedDraft) else ""
    return cards.open_created_draft(draft.id, message_id, thread_id, ctx.text("handoff_draft", to=to or "—"))
