"""HTTP routes for the Outlook add-in's static files, its manifests, NAA's well-known file and the demo page.

The files live in the repository's ``frontend/`` and ``addin_manifest/outlook/`` folders (no build step).
Manifests say ``https://sendguard.example``; they are served with this deployment's PUBLIC_BASE_URL instead.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, status
from fastapi.responses import JSONResponse, Response
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from app.addin.security import allowed_origins, security_headers
from app.auth.dependencies import CurrentUser
from app.common import utcnow
from app.config import Settings
from app.deps import SettingsDep
from app.errors import NotFound, ValidationFailed
from app.mailbox.base import MailAddress, MailboxAccess, MailMessage
from app.mailbox.dependencies import MailboxDep
from app.mailbox.fake import FakeMailbox
from app.validation import NulFree

ROOT = Path(__file__).resolve().parents[2]
FRONTEND_DIR = ROOT / "frontend"
MANIFEST_DIR = ROOT / "addin_manifest" / "outlook"
PLACEHOLDER_ORIGIN = "https://sendguard.example"
PLACEHOLDER_HOST = "sendguard.example"

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".xml": "application/xml; charset=utf-8",
}
# Only these parts of frontend/ are public: never node_modules, tests or the npm files.
PUBLIC_FOLDERS = frozenset({"js", "demo", "assets"})
PRIVATE_FILES = frozenset({"package.json", "package-lock.json"})
MANIFEST_FILES = frozenset({"manifest.json", "manifest.xml", "zh-CN.json", "color.png", "outline.png"})

router = APIRouter(include_in_schema=False)


def _frontend_file(path: str) -> Path:
    parts = [p for p in path.split("/") if p]
    if not parts or any(p.startswith(".") or p in ("..", "") or "\\" in p for p in parts):
        raise NotFound("No such add-in file.")
    if len(parts) > 1 and parts[0] not in PUBLIC_FOLDERS:
        raise NotFound("No such add-in file.")
    if len(parts) == 1 and parts[0] in PRIVATE_FILES:
        raise NotFound("No such add-in file.")
    candidate = FRONTEND_DIR.joinpath(*parts)
    if candidate.suffix not in CONTENT_TYPES:
        raise NotFound("No such add-in file.")
    resolved = candidate.resolve()
    if not resolved.is_relative_to(FRONTEND_DIR.resolve()) or not resolved.is_file():
        raise NotFound("No such add-in file.")
    return resolved


def _file_response(file: Path, settings: Settings, body: bytes | None = None) -> Response:
    return Response(
        content=file.read_bytes() if body is None else body,
        media_type=CONTENT_TYPES[file.suffix],
        headers=security_headers(settings),
    )


def with_public_origin(text: str, settings: Settings) -> str:
    """Replace the manifests' placeholder origin with this deployment's PUBLIC_BASE_URL."""
    base = settings.public_base_url.rstrip("/")
    host = urlsplit(base).netloc or PLACEHOLDER_HOST
    return text.replace(PLACEHOLDER_ORIGIN, base).replace(PLACEHOLDER_HOST, host)


@router.get("/addin/manifest/{name}")
def manifest_file(name: str, settings: SettingsDep) -> Response:
    if name not in MANIFEST_FILES:
        raise NotFound("No such manifest file.")
    file = MANIFEST_DIR / name
    if file.suffix == ".png":
        return _file_response(file, settings)
    text = with_public_origin(file.read_text(encoding="utf-8"), settings)
    return _file_response(file, settings, text.encode("utf-8"))


@router.get("/addin/{path:path}")
def addin_file(path: str, settings: SettingsDep) -> Response:
    return _file_response(_frontend_file(path), settings)


@router.get("/.well-known/microsoft-officeaddins-allowed.json")
def officeaddins_allowed(settings: SettingsDep) -> JSONResponse:
    """Origins allowed to use nested app authentication (NAA) on behalf of this add-in."""
    return JSONResponse(
        {"allowedOrigins": allowed_origins(settings)},
        headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "max-age=3600"},
    )


@router.get("/demo")
def demo_page(settings: SettingsDep) -> Response:
    """The offline demo: the real task pane beside a mock compose window. Only with AUTH_MODE=dev."""
    if settings.auth_mode != "dev":
        raise NotFound("The demo runs only with AUTH_MODE=dev.")
    return _file_response(FRONTEND_DIR / "demo" / "index.html", settings)


def dev_only(settings: SettingsDep) -> None:
    if settings.auth_mode != "dev":
        raise NotFound("The demo runs only with AUTH_MODE=dev.")


_Address = Annotated[str, Field(min_length=3, max_length=320)]


class DemoHeld(NulFree, BaseModel):
    """What the demo's mock Outlook sent with a delivery time: it waits in the fake mailbox's Outbox."""

    model_config = ConfigDict(extra="forbid")

    to: Annotated[list[_Address], Field(max_length=100)] = []
    cc: Annotated[list[_Address], Field(max_length=100)] = []
    bcc: Annotated[list[_Address], Field(max_length=100)] = []
    subject: Annotated[str, Field(max_length=1000)] = ""
    deliver_at: AwareDatetime


@router.post("/demo/held", status_code=status.HTTP_201_CREATED)
def demo_held(
    _dev: Annotated[None, Depends(dev_only)], auth: CurrentUser, mailbox: MailboxDep, body: DemoHeld
) -> dict[str, str]:
    """The demo's stand-in for Outlook's Outbox: a send held until ``deliver_at`` (only with AUTH_MODE=dev and the
    in-memory mailbox). The task pane then lists it under held sends through /v1/held-sends."""
    if not isinstance(mailbox, FakeMailbox):
        raise NotFound("The demo Outbox needs MAILBOX_PROVIDER=fake.")
    now = utcnow()
    if not now - timedelta(minutes=5) <= body.deliver_at <= now + timedelta(days=1):
        raise ValidationFailed("deliver_at must be within a day.", code="invalid_send_time")
    if not (body.to or body.cc or body.bcc):
        raise ValidationFailed("A held message needs at least one recipient.", code="no_recipients")
    access = MailboxAccess(user_email=auth.user.email)
    message = MailMessage(
        id="",
        sender=auth.user.email,
        to=tuple(MailAddress(a.strip()) for a in body.to),
        cc=tuple(MailAddress(a.strip()) for a in body.cc),
        bcc=tuple(MailAddress(a.strip()) for a in body.bcc),
        subject=body.subject,
    )
    return {"id": mailbox.hold(access, message, body.deliver_at)}
