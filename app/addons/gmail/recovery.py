"""Gmail add-on, an opened sent message: rate a wrong send, show what to do, and create the two letters as drafts."""

from __future__ import annotations

import uuid

from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from app.addons.gmail import cards, suggestions
from app.addons.gmail.service import (
    _SPLIT,
    SCOPE_COMPOSE,
    SCOPE_READ_MESSAGE,
    AddonContext,
    Json,
    gmail_access,
    is_internal_address,
    needs_scopes,
    opened_message_id,
    read_opened,
)
from app.checks.schemas import MessageRef
from app.checks.service import analyse
from app.common import utcnow
from app.incidents import service as incidents
from app.incidents.assessment import assess
from app.incidents.exceptions import IncidentNotFound
from app.incidents.glosses import language_name
from app.incidents.letters import build_letters
from app.incidents.schemas import IncidentCreate, IncidentDraft, IncidentResponse
from app.mailbox.base import MailAddress, OutgoingDraft
from app.mailbox.gmail import GmailCreatedDraft


async def wrong_start(ctx: AddonContext) -> Json:
    if (ask := needs_scopes(ctx, SCOPE_READ_MESSAGE)) is not None:
        return ask
    mail = await read_opened(ctx)
    me = ctx.auth.user.email.lower()
    people = list(dict.fromkeys(a.email.lower() for a in (*mail.to, *mail.cc, *mail.bcc) if a.email.lower() != me))
    names = {a.email.lower(): a.name for a in (*mail.to, *mail.cc, *mail.bcc)}
    if not people:
        return cards.notification(ctx.text("no_external"))

    def shown(email: str) -> str:
        return f"{names[email]} <{email}>" if names.get(email) else email

    external = [p for p in people if not is_internal_address(ctx, p)]
    likely = await suggestions.likely_intended(ctx, mail, external)
    # The best guess is ticked when the mail had one external recipient: then that one is the wrong one.
    intended = [
        (f"{s.name or s.email} <{s.email}> · {ctx.text('suggested')}: {s.why}", s.email, i == 0 and len(external) == 1)
        for i, s in enumerate(likely)
    ] + [(shown(p), p, False) for p in people if p not in {s.email for s in likely}]
    widgets = [
        cards.selection("wrong", ctx.text("wrong_label"), [(shown(p), p, False) for p in external or people]),
        cards.selection("intended", ctx.text("intended_label"), intended),
        cards.text_input("intended_other", ctx.text("intended_other")),
        cards.buttons([ctx.button(ctx.text("assess"), "wrong_assess", message_id=mail.id or opened_message_id(ctx))]),
    ]
    built = cards.card(ctx.text("wrong_title"), [cards.section(widgets, ctx.text("wrong_choose"))], name="wrong")
    return cards.push_card(built)


async def wrong_assess(ctx: AddonContext) -> Json:
    if (ask := needs_scopes(ctx, SCOPE_READ_MESSAGE)) is not None:
        return ask
    wrong = ctx.event.strings("wrong")
    if not wrong:
        return cards.notification(ctx.text("pick_wrong"))
    others = [a for a in _SPLIT.split(ctx.event.string("intended_other")) if a]
    intended = list(dict.fromkeys([*ctx.event.strings("intended"), *others]))
    mail = await read_opened(ctx)
    try:
        body = IncidentCreate(
            locale=ctx.locale,
            ref=MessageRef(provider="gmail", id=mail.id or opened_message_id(ctx)),
            wrong_recipients=wrong,
            intended_recipients=intended,
        )
    except ValidationError as exc:
        problems = ", ".join(sorted({str(e["input"]) for e in exc.errors() if isinstance(e.get("input"), str)}))
        return cards.notification(ctx.text("failed", reason=problems or "invalid input"))

    def record() -> IncidentResponse:
        response = incidents.create_incident(ctx.session, ctx.auth, ctx.cache, ctx.settings, ctx.extractor, body, mail)
        ctx.session.commit()
        return response

    return cards.push_card(_incident_card(ctx, await run_in_threadpool(record), mail.id or opened_message_id(ctx)))


def _incident_card(ctx: AddonContext, incident: IncidentResponse, message_id: str) -> Json:
    severity = incident.severity
    severity_widgets = [
        cards.decorated(
            cards.bold(ctx.text("level_" + severity.level)),
            top=ctx.text("severity"),
            bottom=cards.esc(
                f"{ctx.text('class_' + severity.content_class)} · {ctx.text('relation_' + severity.relation)}"
            ),
        ),
        *[cards.paragraph(cards.esc(reason)) for reason in severity.reasons],
    ]
    steps = [cards.paragraph(("✓ " if s.done else "• ") + s.title) for s in incident.steps]
    letters = []
    for letter in incident.drafts:
        whom = letter.recipient_name or ", ".join(letter.to)
        letters.append(
            cards.decorated(
                cards.esc(letter.subject, 300),
                top=ctx.text(f"letter_{letter.kind}"),
                bottom=cards.esc(f"{whom} · {language_name(letter.language, ctx.locale)}", 300),
            )
        )
        if letter.gloss:  # a letter in another language says, in the user's, what it says
            letters.append(cards.paragraph(cards.CardHtml(f"<i>{cards.esc(letter.gloss)}</i>")))
    create = ctx.button(
        ctx.text("create_drafts"), "wrong_drafts", incident_id=str(incident.incident_id), message_id=message_id
    )
    return cards.card(
        ctx.text("wrong_title"),
        [
            cards.section(severity_widgets, ctx.text("severity")),
            cards.section(steps, ctx.text("steps"), collapsible=True),
            cards.section([*letters, cards.buttons([create])], ctx.text("letters")),
        ],
        name="incident",
    )


async def wrong_drafts(ctx: AddonContext) -> Json:
    if (ask := needs_scopes(ctx, SCOPE_READ_MESSAGE, SCOPE_COMPOSE)) is not None:
        return ask
    try:
        incident_id = uuid.UUID(ctx.event.parameters.get("incident_id", ""))
        incident = await run_in_threadpool(incidents.get, ctx.session, ctx.auth, incident_id)
    except (ValueError, IncidentNotFound):
        return cards.notification(ctx.text("incident_gone"))
    mail = await read_opened(ctx)

    def letters() -> list[IncidentDraft]:
        # The letters are not stored (they hold the customer's content): written again from the same inputs.
        result, index, _ = analyse(ctx.session, ctx.auth, ctx.cache, ctx.settings, ctx.extractor, mail)
        assessment = assess(result, index, incident.wrong_recipients, incident.intended_recipients)
        sent_at = incident.sent_at or utcnow()
        return build_letters(ctx.auth, index, mail, assessment, incident.intended_recipients, sent_at)

    access = gmail_access(ctx)
    created = []
    for letter in await run_in_threadpool(letters):
        draft = await ctx.mailbox.create_draft(
            access,
            OutgoingDraft(
                to=tuple(MailAddress(a) for a in letter.to),
                cc=tuple(MailAddress(a) for a in letter.cc),
                subject=letter.subject,
                body_html=letter.body,
                body_text=letter.body_text,
            ),
        )
        created.append((letter.kind, draft))

    def record() -> None:
        rows: list[dict[str, str | None]] = [{"kind": k, "id": d.id, "web_link": d.web_link} for k, d in created]
        incidents.record_mailbox_drafts(incident, rows, utcnow())
        ctx.session.add(incident)
        ctx.session.commit()

    await run_in_threadpool(record)
    if not created:
        return cards.notification(ctx.text("drafts_created", count=0))
    first = created[0][1]
    message_id = first.message_id if isinstance(first, GmailCreatedDraft) else ""
    thread_id = first.thread_id if isinstance(first, GmailCreatedDraft) else ""
    return cards.open_created_draft(first.id, message_id, thread_id, ctx.text("drafts_created", count=len(created)))
