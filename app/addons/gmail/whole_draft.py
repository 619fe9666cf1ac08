"""'Check the whole draft': the full check (subject, body, attachment names and text) of the draft being composed.

Gmail gives a compose add-on only the recipient lists. The draft itself is found through the Gmail API with the
gmail.compose scope the add-on already asks for: the newest saved draft with exactly these recipients (and, for a
reply, in this thread). When Gmail has not saved it yet, the card says so and checks the recipients only.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from starlette.concurrency import run_in_threadpool

from app.addons.gmail import cards, delayed_send
from app.addons.gmail import service as addon
from app.checks.schemas import CheckResponse, FindingOut
from app.checks.service import check_message
from app.mailbox.base import MailboxAccess, MailMessage
from app.mailbox.gmail_drafts import FoundDraft

Json = cards.Json
ACTION = addon.WHOLE_DRAFT


@runtime_checkable
class DraftFinder(Protocol):
    async def find_draft(
        self, access: MailboxAccess, recipients: frozenset[str], thread_id: str | None = None
    ) -> FoundDraft | None: ...


async def check_whole_draft(ctx: addon.AddonContext) -> Json:
    if (ask := addon.needs_scopes(ctx, addon.SCOPE_COMPOSE)) is not None:
        return ask
    to, cc, bcc = addon._recipients(ctx)
    if not (to or cc or bcc):
        return cards.notification(ctx.text("no_recipients"))
    thread = addon.thread_id(ctx)
    recipients = [addon._address(a) for a in (*to, *cc, *bcc)]
    found = None
    if isinstance(ctx.mailbox, DraftFinder):
        wanted = frozenset(r.email.lower() for r in recipients if r.email)
        found = await ctx.mailbox.find_draft(addon.gmail_access(ctx), wanted, thread)
    message = (
        found.message
        if found is not None
        else MailMessage(
            id="",
            sender=ctx.auth.user.email,
            to=tuple(addon._address(a) for a in to),
            cc=tuple(addon._address(a) for a in cc),
            bcc=tuple(addon._address(a) for a in bcc),
        )
    )
    result: CheckResponse = await run_in_threadpool(
        check_message,
        ctx.session,
        ctx.auth,
        ctx.cache,
        ctx.settings,
        ctx.extractor,
        ctx.metrics,
        message,
        client="gmail",
        trigger="compose",
        locale=ctx.locale,
    )
    return cards.update_card(_card(ctx, result, found, addon.saved_state(to, cc, bcc, thread)))


def _card(ctx: addon.AddonContext, result: CheckResponse, found: FoundDraft | None, saved: str) -> Json:
    sections = [cards.section([_what_was_checked(ctx, found)])]
    for severity in addon.SEVERITIES:
        findings = [f for f in result.findings if f.severity == severity]
        if findings:
            widgets: list[Json] = []
            for finding in findings:
                widgets.extend(addon._finding_widgets(ctx, finding, str(result.check_id), saved))
                widgets.extend(_by_hand(ctx, finding))
            sections.append(cards.section(widgets, ctx.text(f"severity_{severity}")))
    if not result.findings:
        sections.append(cards.section([cards.paragraph(ctx.text("whole_all_clear" if found else "all_clear"))]))
    if found is not None:
        sections.append(cards.section(delayed_send.offer(ctx, found.draft_id, result.hold_minutes)))
    again = ctx.button(ctx.text("whole_again"), ACTION, draft=saved)
    sections.append(cards.section([cards.buttons([again, ctx.button(ctx.text("templates"), "templates")])]))
    return cards.card(ctx.text("whole_title"), sections, subtitle=cards.esc(result.summary, 500), name="whole_draft")


def _what_was_checked(ctx: addon.AddonContext, found: FoundDraft | None) -> Json:
    if found is None:
        return cards.paragraph(ctx.text("whole_not_found"))
    message = found.message
    names = ", ".join(a.name for a in message.attachments)
    files = (
        ctx.text("whole_attachments", count=len(message.attachments), names=names)
        if message.attachments
        else ctx.text("whole_no_attachments")
    )
    return cards.decorated(
        cards.esc(message.subject or ctx.text("no_subject"), 300),
        top=ctx.text("whole_checked"),
        bottom=cards.esc(files, 500),
    )


def _by_hand(ctx: addon.AddonContext, finding: FindingOut) -> list[Json]:
    """Fixes an add-on cannot make in Gmail: what to do by hand, in words."""
    widgets = []
    for fix in finding.fixes:
        if fix.type == "remove_attachment":
            text = ctx.text("hand_remove_attachment", name=fix.name or "")
        elif fix.type == "add_attachment":
            text = ctx.text("hand_add_attachment")
        else:
            continue
        widgets.append(cards.paragraph(cards.esc(text)))
    return widgets
