"""The Gmail add-on without Google, for `make run`: /demo/gmail shows the compose and message cards the add-on
returns for the demo tenant, drawn by a card renderer in the browser.

The same add-on code answers as for Google; only the caller differs: the dev sign-in (X-Dev-User) instead of
Google's signed tokens, and the in-memory mailbox instead of the Gmail API. Only with AUTH_MODE=dev.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import Response

from app.addin.router import FRONTEND_DIR, _file_response, dev_only
from app.addons.gmail import service
from app.addons.gmail.auth import AddonCaller
from app.addons.gmail.models import AddonEvent
from app.auth.dependencies import CurrentUser
from app.deps import IndexCacheDep, MetricsDep, SessionDep, SettingsDep
from app.errors import NotFound
from app.mailbox.base import MailAddress, MailAttachment, MailboxAccess, MailMessage
from app.mailbox.fake import FakeMailbox

router = APIRouter(include_in_schema=False, dependencies=[Depends(dev_only)])
ACTION_URL = "/demo/gmail/action"
TRIGGERS = {
    "homepage": service.homepage,
    "compose": service.compose,
    "message": service.message,
    "action": service.action,
}
SAMPLE_SENT_ID = "demo-sent-pi"


@router.get("/demo/gmail")
def gmail_demo_page(settings: SettingsDep) -> Response:
    return _file_response(FRONTEND_DIR / "demo" / "gmail.html", settings)


def _fake_mailbox(request: Request) -> FakeMailbox:
    mailbox = request.app.state.mailbox
    if not isinstance(mailbox, FakeMailbox):
        raise NotFound("The Gmail demo needs MAILBOX_PROVIDER=fake.")
    return mailbox


@router.post("/demo/gmail/sample-sent")
def gmail_demo_sent(request: Request, auth: CurrentUser) -> dict[str, str]:
    """The sent message the demo opens: SolarTech's PI that went to SunPeak, a rival distributor."""
    _fake_mailbox(request).put_message(
        MailboxAccess(user_email=auth.user.email),
        MailMessage(
            id=SAMPLE_SENT_ID,
            sender=auth.user.email,
            to=(MailAddress("l.gomez@sunpeak.example", "Laura Gómez"),),
            subject="PI for order 2026-001",
            body="Dear Michael,\n\nplease find attached the proforma invoice for order 2026-001.\n\nBest regards",
            attachments=(MailAttachment(name="PI_SolarTech_2026-001.pdf", size=48211, content_type="application/pdf"),),
        ),
    )
    return {"message_id": SAMPLE_SENT_ID}


@router.post("/demo/gmail/{trigger}")
async def gmail_demo_event(
    request: Request,
    trigger: Annotated[str, Path(max_length=16)],
    event: AddonEvent,
    auth: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    cache: IndexCacheDep,
    metrics: MetricsDep,
) -> dict[str, Any]:
    handler = TRIGGERS.get(trigger)
    if handler is None:
        raise NotFound("No such add-on trigger.")
    context = service.AddonContext(
        session=session,
        auth=auth,
        # The fake mailbox needs no token; one is given so the add-on does not ask Google for consent.
        caller=AddonCaller(principal=auth.principal, user_oauth_token="demo"),
        event=event,
        settings=settings,
        cache=cache,
        metrics=metrics,
        extractor=request.app.state.extractor,
        mailbox=_fake_mailbox(request),
        action_url=ACTION_URL,
    )
    return await handler(context)
