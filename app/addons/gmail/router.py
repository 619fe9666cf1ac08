"""POST /addons/gmail/{homepage,compose,message,action}: the Workspace add-on's HTTP endpoints."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import partial
from typing import Any

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from app.addons.gmail import delayed_send, recovery, service, template_cards, whole_draft
from app.addons.gmail.auth import AddonVerifier
from app.addons.gmail.models import AddonEvent
from app.auth.dependencies import AuthContext
from app.config import Settings
from app.deps import IndexCacheDep, MetricsDep, SessionDep, SettingsDep
from app.mailbox.base import MailboxProvider
from app.mailbox.gmail import GmailMailbox
from app.tenants.service import resolve

PREFIX = "/addons/gmail"
router = APIRouter(prefix=PREFIX, tags=["gmail add-on"])

service.register_action("templates", template_cards.templates, [])
service.register_action("template_form", template_cards.template_form, [])
service.register_action("template_insert", template_cards.template_insert, [])
service.register_action("wrong_start", recovery.wrong_start, [service.SCOPE_READ_MESSAGE])
service.register_action("wrong_assess", recovery.wrong_assess, [service.SCOPE_READ_MESSAGE])
service.register_action("wrong_drafts", recovery.wrong_drafts, [service.SCOPE_READ_MESSAGE, service.SCOPE_COMPOSE])
service.register_action(whole_draft.ACTION, whole_draft.check_whole_draft, [service.SCOPE_COMPOSE])
service.register_action(delayed_send.SEND, delayed_send.send_later, [service.SCOPE_COMPOSE])
service.register_action(delayed_send.CANCEL, delayed_send.cancel, [service.SCOPE_COMPOSE])

Handler = Callable[[service.AddonContext], Awaitable[dict[str, Any]]]


def _verifier(request: Request, settings: Settings) -> AddonVerifier:
    verifier: AddonVerifier | None = getattr(request.app.state, "gmail_addon_verifier", None)
    if verifier is None:
        verifier = request.app.state.gmail_addon_verifier = AddonVerifier(settings)
    return verifier


def _mailbox(request: Request, settings: Settings) -> MailboxProvider:
    """The add-on reads and writes Gmail whatever MAILBOX_PROVIDER serves the /v1 API."""
    configured: MailboxProvider = request.app.state.mailbox
    if configured.name == "gmail":
        return configured
    own: MailboxProvider | None = getattr(request.app.state, "gmail_addon_mailbox", None)
    if own is None:
        own = request.app.state.gmail_addon_mailbox = GmailMailbox(settings)
    return own


async def _handle(
    request: Request,
    event: AddonEvent,
    path: str,
    handler: Handler,
    session: SessionDep,
    settings: SettingsDep,
    cache: IndexCacheDep,
    metrics: MetricsDep,
) -> dict[str, Any]:
    header = request.headers.get("authorization", "")
    bearer = header[7:].strip() if header.lower().startswith("bearer ") else None
    caller = await run_in_threadpool(_verifier(request, settings).verify, event, path, bearer)
    tenant, user = await run_in_threadpool(
        partial(resolve, signup_open=settings.tenant_signup_open), session, caller.principal
    )
    context = service.AddonContext(
        session=session,
        auth=AuthContext(user=user, tenant=tenant, principal=caller.principal),
        caller=caller,
        event=event,
        settings=settings,
        cache=cache,
        extractor=request.app.state.extractor,
        metrics=metrics,
        mailbox=_mailbox(request, settings),
        action_url=settings.public_base_url.rstrip("/") + PREFIX + "/action",
    )
    return await handler(context)


def _add_route(name: str, handler: Any) -> None:
    """One POST route per add-on trigger; they differ only in the handler and the verified audience."""

    async def endpoint(
        request: Request,
        event: AddonEvent,
        session: SessionDep,
        settings: SettingsDep,
        cache: IndexCacheDep,
        metrics: MetricsDep,
    ) -> dict[str, Any]:
        return await _handle(request, event, f"{PREFIX}/{name}", handler, session, settings, cache, metrics)

    router.add_api_route(f"/{name}", endpoint, methods=["POST"], response_model=None, name=f"gmail_{name}")


for _name, _handler in (
    ("homepage", service.homepage),
    ("compose", service.compose),
    ("message", service.message),
    ("action", service.action),
):
    _add_route(_name, _handler)
