"""The safety delay in Gmail: the whole-draft card offers to send the checked draft in the policy's hold minutes.

Gmail has no send hook and no delivery delay, so the delay is a scheduled send: SendGuard's worker sends the draft
when the time comes, through domain-wide delegation, and until then the user can cancel it from the card. It is
offered only when the server has delegation configured; without it the background send could not happen.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

from starlette.concurrency import run_in_threadpool

from app.addons.gmail import cards
from app.addons.gmail import service as addon
from app.common import as_utc
from app.scheduling import service as scheduling
from app.scheduling.models import ScheduledSend
from app.scheduling.schemas import ScheduledSendCreate

Json = cards.Json
SEND = "delayed_send"
CANCEL = "delayed_cancel"


def available(ctx: addon.AddonContext) -> bool:
    delegation = getattr(ctx.mailbox, "delegation", None)
    return bool(delegation is not None and delegation.configured)


def offer(ctx: addon.AddonContext, draft_id: str, hold_minutes: int) -> list[Json]:
    """The button under a whole-draft check, when the policy holds external mail and Gmail can be sent later."""
    if hold_minutes <= 0 or not draft_id or not available(ctx):
        return []
    button = ctx.button(
        ctx.text("delay_send", minutes=hold_minutes), SEND, draft_id=draft_id, minutes=str(hold_minutes)
    )
    return [cards.paragraph(ctx.text("delay_explain", minutes=hold_minutes)), cards.buttons([button])]


async def send_later(ctx: addon.AddonContext) -> Json:
    if (ask := addon.needs_scopes(ctx, addon.SCOPE_COMPOSE)) is not None:
        return ask
    if not available(ctx):
        return cards.notification(ctx.text("delay_unavailable"))
    params = ctx.event.parameters
    try:
        minutes = int(params.get("minutes", ""))
        body = ScheduledSendCreate(provider="gmail", draft_id=params.get("draft_id", ""), delay_seconds=minutes * 60)
    except ValueError:
        return cards.notification(ctx.text("unknown_action"))
    # The draft must be this user's and still a draft; its Message-ID lets the worker recognise it once sent.
    draft = await ctx.mailbox.get_message(addon.gmail_access(ctx), body.draft_id)
    if not draft.is_draft:
        return cards.notification(ctx.text("delay_not_a_draft"))

    def record() -> ScheduledSend:
        row = scheduling.schedule(ctx.session, ctx.auth, ctx.settings, body, draft.internet_message_id)
        ctx.session.commit()
        return row

    row = await run_in_threadpool(record)
    return cards.update_card(_scheduled_card(ctx, row, draft.subject))


def _local(ctx: addon.AddonContext, row: ScheduledSend) -> str:
    zone = ctx.event.common_event_object.time_zone
    offset = timedelta(milliseconds=zone.offset) if zone else timedelta(0)
    return (as_utc(row.send_at) + offset).strftime("%H:%M")


def _scheduled_card(ctx: addon.AddonContext, row: ScheduledSend, subject: str) -> Json:
    cancel = ctx.button(ctx.text("delay_cancel"), CANCEL, send_id=str(row.id))
    widgets = [
        cards.decorated(
            cards.esc(subject or ctx.text("no_subject"), 300), top=ctx.text("delay_when", at=_local(ctx, row))
        ),
        cards.paragraph(ctx.text("delay_leave")),
        cards.buttons([cancel]),
    ]
    return cards.card(ctx.text("delay_title"), [cards.section(widgets)], name="delayed_send")


async def cancel(ctx: addon.AddonContext) -> Json:
    try:
        send_id = uuid.UUID(ctx.event.parameters.get("send_id", ""))
    except ValueError:
        return cards.notification(ctx.text("unknown_action"))
    await run_in_threadpool(scheduling.cancel, ctx.session, ctx.auth, send_id)
    return cards.notification(ctx.text("delay_cancelled"))
