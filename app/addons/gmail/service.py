"""What the Gmail add-on does with each event: check recipients, fix them, insert templates, recover a wrong send.

Every handler returns a complete add-on response (card JSON or a Gmail host-app action). Problems the user can act
on (a form left half-empty, Gmail away, an old button) come back as a notification, never as a 500.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parseaddr
from typing import Any

from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.addons.gmail import cards
from app.addons.gmail.auth import AddonCaller
from app.addons.gmail.models import AddonEvent
from app.addons.gmail.texts import lang, t
from app.analysis.messages import code_name
from app.auth.dependencies import AuthContext
from app.checks import repository as checks_repository
from app.checks.exceptions import CheckNotFound
from app.checks.extraction import ExtractionPool
from app.checks.index_cache import IndexCache
from app.checks.schemas import CheckResponse, FindingOut, OutcomeRequest
from app.checks.service import check_message, record_outcome
from app.common import as_utc
from app.config import Settings
from app.errors import AppError
from app.incidents import service as incidents
from app.mailbox.base import MailAddress, MailboxProvider, MailMessage
from app.mailbox.exceptions import ConsentMissing, MailboxUnavailable
from app.mailbox.gmail import GmailAccess
from app.observability import Metrics

ACTION_PATH = "/addons/gmail/action"
SCOPE_READ_MESSAGE = "https://www.googleapis.com/auth/gmail.addons.current.message.readonly"
SCOPE_COMPOSE = "https://www.googleapis.com/auth/gmail.compose"
SEVERITIES = ("critical", "high", "medium", "low", "info")
RECIPIENT_FIXES = ("move_to_bcc", "remove_recipient", "replace_recipient")
LOCALE_INPUT = "sg_locale"
WHOLE_DRAFT = "whole_draft"  # the action of app.addons.gmail.whole_draft, registered by the router
MAX_LISTED = 5
_SPLIT = re.compile(r"[\s,;]+")

Json = dict[str, Any]


@dataclass
class AddonContext:
    session: Session
    auth: AuthContext
    caller: AddonCaller
    event: AddonEvent
    settings: Settings
    cache: IndexCache
    extractor: ExtractionPool
    metrics: Metrics
    mailbox: MailboxProvider
    action_url: str

    @property
    def locale(self) -> str:
        return lang(self.event.locale or self.auth.user.locale)

    def text(self, key: str, **params: object) -> str:
        return t(key, self.locale, **params)

    def button(self, key_or_text: str, name: str, **params: str) -> Json:
        return cards.button(key_or_text, self.action_url, {"action": name, **params})


# --- triggers ------------------------------------------------------------------------------------------


async def homepage(ctx: AddonContext) -> Json:
    def load() -> Json:
        checks = checks_repository.recent_checks(ctx.session, ctx.auth.tenant.id, ctx.auth.user.id, MAX_LISTED)
        open_incidents = incidents.list_incidents(ctx.session, ctx.auth, "open", MAX_LISTED)
        check_widgets = [
            cards.decorated(
                cards.esc(f"{ctx.text('verdict_' + c.verdict)} · {_finding_titles(c.finding_codes, ctx.locale)}"),
                top=local_time(ctx, c.created_at),
                bottom=cards.esc(f"{_CLIENTS.get(c.client, c.client)} · {ctx.text('trigger_' + c.trigger)}"),
            )
            for c in checks
        ] or [cards.paragraph(ctx.text("no_checks"))]
        incident_widgets = [
            cards.decorated(
                cards.esc(f"{ctx.text('level_' + i.level)} · {', '.join(i.wrong_recipients)}"),
                top=local_time(ctx, i.created_at),
                bottom=cards.esc(", ".join(i.document_names)) or None,
            )
            for i in open_incidents
        ] or [cards.paragraph(ctx.text("no_incidents"))]
        return cards.card(
            ctx.text("app"),
            [
                cards.section(check_widgets, ctx.text("recent_checks")),
                cards.section(incident_widgets, ctx.text("open_incidents")),
            ],
            subtitle=ctx.text("home_subtitle"),
            name="home",
        )

    return cards.trigger_card(await run_in_threadpool(load))


async def compose(ctx: AddonContext) -> Json:
    return cards.trigger_card(await check_card(ctx))


async def message(ctx: AddonContext) -> Json:
    message_id = opened_message_id(ctx)
    widgets = [cards.paragraph(ctx.text("wrong_intro"))]
    if message_id:
        widgets.append(cards.buttons([ctx.button(ctx.text("wrong_button"), "wrong_start", message_id=message_id)]))
    return cards.trigger_card(cards.card(ctx.text("wrong_title"), [cards.section(widgets)], name="message"))


# --- actions -------------------------------------------------------------------------------------------


async def action(ctx: AddonContext) -> Json:
    handler = _ACTIONS.get(ctx.event.parameters.get("action", ""))
    if handler is None:
        return cards.notification(ctx.text("unknown_action"))
    try:
        return await handler(ctx)
    except ConsentMissing:
        return cards.request_scopes(_SCOPES_FOR.get(ctx.event.parameters["action"], [SCOPE_READ_MESSAGE]))
    except MailboxUnavailable:
        return cards.notification(ctx.text("mailbox_error"))
    except AppError as exc:
        if exc.status_code == 401:
            raise
        return cards.notification(ctx.text("failed", reason=exc.message))


# --- compose: the recipient check and its fixes ---------------------------------------------------------


def _recipients(ctx: AddonContext) -> tuple[list[str], list[str], list[str]]:
    gmail = ctx.event.gmail
    if gmail is not None and (gmail.to_recipients or gmail.cc_recipients or gmail.bcc_recipients):
        return list(gmail.to_recipients), list(gmail.cc_recipients), list(gmail.bcc_recipients)
    try:
        saved = json.loads(ctx.event.parameters.get("draft", "") or "{}")
        return list(saved.get("to", [])), list(saved.get("cc", [])), list(saved.get("bcc", []))
    except (ValueError, AttributeError, TypeError):
        return [], [], []


def thread_id(ctx: AddonContext) -> str | None:
    """The thread of a reply being composed: from Gmail's event, or kept on the button that asked."""
    gmail = ctx.event.gmail
    if gmail is not None and gmail.thread_id:
        return gmail.thread_id
    try:
        kept = json.loads(ctx.event.parameters.get("draft", "") or "{}").get("thread")
    except (ValueError, AttributeError):
        return None
    return kept if isinstance(kept, str) and kept else None


def saved_state(to: list[str], cc: list[str], bcc: list[str], thread: str | None) -> str:
    """What a button carries back: the recipients (and thread) as Gmail showed them when the card was built."""
    state: dict[str, object] = {"to": to, "cc": cc, "bcc": bcc}
    if thread:
        state["thread"] = thread
    return json.dumps(state, ensure_ascii=False)


def _address(raw: str) -> MailAddress:
    name, email = parseaddr(raw)
    return MailAddress(email=(email or raw).strip(), name=name.strip())


async def check_card(ctx: AddonContext) -> Json:
    to, cc, bcc = _recipients(ctx)
    template_button = ctx.button(ctx.text("templates"), "templates")
    if not (to or cc or bcc):
        empty = [cards.paragraph(ctx.text("no_recipients")), cards.buttons([template_button])]
        return cards.card(ctx.text("check_title"), [cards.section(empty)], name="check")
    draft = MailMessage(
        id="",
        sender=ctx.auth.user.email,
        to=tuple(_address(a) for a in to),
        cc=tuple(_address(a) for a in cc),
        bcc=tuple(_address(a) for a in bcc),
    )
    result: CheckResponse = await run_in_threadpool(
        check_message,
        ctx.session,
        ctx.auth,
        ctx.cache,
        ctx.settings,
        ctx.extractor,
        ctx.metrics,
        draft,
        client="gmail",
        trigger="compose",
        locale=ctx.locale,
    )
    saved = saved_state(to, cc, bcc, thread_id(ctx))
    sections = []
    for severity in SEVERITIES:
        findings = [f for f in result.findings if f.severity == severity]
        if findings:
            widgets: list[Json] = []
            for finding in findings:
                widgets.extend(_finding_widgets(ctx, finding, str(result.check_id), saved))
            sections.append(cards.section(widgets, ctx.text(f"severity_{severity}")))
    if not result.findings:
        sections.append(cards.section([cards.paragraph(ctx.text("all_clear"))]))
    whole = ctx.button(ctx.text("whole_draft"), WHOLE_DRAFT, draft=saved)
    sections.append(cards.section([cards.paragraph(ctx.text("recipients_only")), cards.buttons([whole])]))
    sections.append(
        cards.section([cards.buttons([ctx.button(ctx.text("recheck"), "recheck", draft=saved), template_button])])
    )
    return cards.card(ctx.text("check_title"), sections, subtitle=cards.esc(result.summary, 500), name="check")


def _finding_widgets(ctx: AddonContext, finding: FindingOut, check_id: str, saved: str) -> list[Json]:
    widgets = [
        cards.decorated(
            cards.esc(finding.message),
            top=cards.esc(finding.title, 200),
            bottom=cards.esc(", ".join(finding.recipients), 300) or None,
        )
    ]
    fix_buttons = []
    for fix in finding.fixes:
        params = {"fix": fix.type, "check_id": check_id, "draft": saved}
        if fix.type == "move_to_bcc" and fix.recipients:
            params["recipients"] = ",".join(fix.recipients)
            fix_buttons.append(ctx.button(ctx.text("fix_move_to_bcc"), "fix", **params))
        elif fix.type == "remove_recipient" and fix.recipient:
            params["recipient"] = fix.recipient
            fix_buttons.append(ctx.button(ctx.text("fix_remove_recipient", recipient=fix.recipient), "fix", **params))
        elif fix.type == "replace_recipient" and fix.recipient and fix.suggestion:
            params.update(recipient=fix.recipient, suggestion=fix.suggestion)
            fix_buttons.append(
                ctx.button(ctx.text("fix_replace_recipient", suggestion=fix.suggestion), "fix", **params)
            )
        elif fix.type == "use_template" and fix.template:
            recipient = finding.recipients[0] if finding.recipients else ""
            button = ctx.button(
                ctx.text("fix_use_template"), "template_form", template=fix.template, recipient=recipient
            )
            fix_buttons.append(button)
    if fix_buttons:
        widgets.append(cards.buttons(fix_buttons))
    return widgets


async def _recheck(ctx: AddonContext) -> Json:
    return cards.update_card(await check_card(ctx))


def apply_fix(
    params: dict[str, str], to: list[str], cc: list[str], bcc: list[str], sender: str = ""
) -> tuple[list[str], list[str], list[str]] | None:
    """The draft's recipients after the fix, or None when the button does not describe a fix.

    Moving to Bcc never leaves To empty: the sender's own address goes there."""

    def key(raw: str) -> str:
        return _address(raw).email.lower()

    fix = params.get("fix")
    if fix == "move_to_bcc":
        targets = {a.strip().lower() for a in params.get("recipients", "").split(",") if a.strip()}
        if not targets:
            return None
        moved = [a for a in (*to, *cc) if key(a) in targets]
        kept_bcc = {key(a) for a in bcc}
        extra = [a for a in dict.fromkeys(moved) if key(a) not in kept_bcc]
        new_to = [a for a in to if key(a) not in targets]
        if not new_to and moved and sender:
            new_to = [sender]
        return new_to, [a for a in cc if key(a) not in targets], [*bcc, *extra]
    target = params.get("recipient", "").strip().lower()
    if not target:
        return None
    if fix == "remove_recipient":
        return (
            [a for a in to if key(a) != target],
            [a for a in cc if key(a) != target],
            [a for a in bcc if key(a) != target],
        )
    if fix == "replace_recipient":
        suggestion = params.get("suggestion", "").strip()
        if not suggestion:
            return None

        def swap(items: list[str]) -> list[str]:
            return list(dict.fromkeys(suggestion if key(a) == target else a for a in items))

        return swap(to), swap(cc), swap(bcc)
    return None


async def _fix(ctx: AddonContext) -> Json:
    to, cc, bcc = _recipients(ctx)
    fixed = apply_fix(ctx.event.parameters, to, cc, bcc, ctx.auth.user.email)
    if fixed is None:
        return cards.notification(ctx.text("unknown_action"))
    await run_in_threadpool(_record_fixed, ctx)
    return cards.update_recipients(*fixed)


def _record_fixed(ctx: AddonContext) -> None:
    """The check's outcome is "fixed": the same record the Outlook task pane keeps."""
    try:
        check_id = uuid.UUID(ctx.event.parameters.get("check_id", ""))
        record_outcome(ctx.session, ctx.auth, check_id, OutcomeRequest(outcome="fixed"))
    except (ValueError, CheckNotFound):
        return  # an old card, or a check of another user: the fix still applies


# --- an opened message: the wrong-send recovery ----------------------------------------------------------


def opened_message_id(ctx: AddonContext) -> str:
    gmail = ctx.event.gmail
    return (gmail.message_id if gmail and gmail.message_id else "") or ctx.event.parameters.get("message_id", "")


def needs_scopes(ctx: AddonContext, *scopes: str) -> Json | None:
    granted = ctx.event.authorization_event_object.authorized_scopes
    missing = [s for s in scopes if granted is not None and s not in granted]
    if not ctx.caller.user_oauth_token:
        missing = list(scopes)
    return cards.request_scopes(missing) if missing else None


def gmail_access(ctx: AddonContext) -> GmailAccess:
    gmail = ctx.event.gmail
    return GmailAccess(
        user_email=ctx.auth.user.email,
        token=ctx.caller.user_oauth_token,
        message_token=gmail.access_token if gmail else None,
    )


async def read_opened(ctx: AddonContext) -> MailMessage:
    return await ctx.mailbox.get_message(gmail_access(ctx), opened_message_id(ctx))


def is_internal_address(ctx: AddonContext, email: str) -> bool:
    return ctx.auth.tenant.owns_address(email)


_CLIENTS = {"outlook": "Outlook", "gmail": "Gmail", "api": "API"}


def _finding_titles(codes: list[str], locale: str) -> str:
    """The findings by their titles in the user's language (the records keep only codes)."""
    titles = [code_name(code, locale) for code in dict.fromkeys(codes)]
    return ("、" if locale == "zh-CN" else ", ").join(titles) or "—"


def local_time(ctx: AddonContext, moment: datetime) -> str:
    """A stored (UTC) time in the user's time zone, as Gmail reports it with each event."""
    zone = ctx.event.common_event_object.time_zone
    offset = timedelta(milliseconds=zone.offset) if zone else timedelta(0)
    return (as_utc(moment) + offset).strftime("%Y-%m-%d %H:%M")


_ACTIONS: dict[str, Callable[[AddonContext], Awaitable[Json]]] = {
    "fix": _fix,
    "recheck": _recheck,
}


def register_action(name: str, handler: Callable[[AddonContext], Awaitable[Json]], scopes: list[str]) -> None:
    """An action handled in another module of the add-on (it imports this one, so it cannot be listed here)."""
    _ACTIONS[name] = handler
    _SCOPES_FOR[name] = scopes


_SCOPES_FOR: dict[str, list[str]] = {}
