"""Serves the admin console built by `make` (frontend/admin/dist) and tells it how to sign in.

The page itself holds no data: every figure comes from the /v1 API, which lets only admins in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from app.config import Settings
from app.demo import ADMIN as DEMO_ADMIN
from app.deps import SettingsDep
from app.errors import NotFound, ProviderUnavailable

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "frontend" / "admin" / "dist"
GOOGLE_SIGN_IN = "https://accounts.google.com"
# The account whose console `make run` opens: an administrator of the demo tenant.
DEV_ADMIN = DEMO_ADMIN
STATIC_FILES = {
    "admin.js": "text/javascript; charset=utf-8",
    "admin.css": "text/css; charset=utf-8",
    "admin.js.map": "application/json",
    "admin.js.LEGAL.txt": "text/plain; charset=utf-8",
}

router = APIRouter(include_in_schema=False)


def content_security_policy(settings: Settings) -> str:
    scripts = ["'self'"]
    styles = ["'self'", "'unsafe-inline'"]
    connect = ["'self'"]
    frames = ["'self'"]
    if settings.auth_mode == "google":
        # Google's sign-in library, its stylesheet and its prompt frame come from Google itself.
        for sources in (scripts, styles, connect, frames):
            sources.append(GOOGLE_SIGN_IN)
    if settings.auth_mode == "entra":
        connect.append(settings.entra_authority_host)
        frames.append(settings.entra_authority_host)
    return "; ".join(
        [
            "default-src 'self'",
            "script-src " + " ".join(scripts),
            "style-src " + " ".join(styles),
            "img-src 'self' data:",
            "connect-src " + " ".join(connect),
            "frame-src " + " ".join(frames),
            "frame-ancestors 'none'",
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ]
    )


def _headers(settings: Settings) -> dict[str, str]:
    return {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Content-Security-Policy": content_security_policy(settings),
        "Cache-Control": "no-cache",
    }


def _built(name: str) -> Path:
    file = DIST / name
    if not file.is_file():
        raise ProviderUnavailable(
            "The admin console is not built: `make run` builds it (npm ci and the frontend build).",
            code="admin_console_not_built",
        )
    return file


@router.get("/admin")
def admin_page(settings: SettingsDep) -> Response:
    body = _built("index.html").read_bytes()
    return Response(body, media_type="text/html; charset=utf-8", headers=_headers(settings))


@router.get("/admin/static/{name}")
def admin_file(name: str, settings: SettingsDep) -> Response:
    if name not in STATIC_FILES:
        raise NotFound("No such admin console file.")
    return Response(_built(name).read_bytes(), media_type=STATIC_FILES[name], headers=_headers(settings))


@router.get("/admin/config.json")
def admin_config(settings: SettingsDep) -> JSONResponse:
    """How the console signs in under this AUTH_MODE; never a secret."""
    config: dict[str, Any] = {"auth_mode": settings.auth_mode}
    if settings.auth_mode == "dev":
        config["dev_user"] = DEV_ADMIN
    elif settings.auth_mode == "entra":
        config["entra_client_id"] = settings.entra_client_id
        config["entra_authority"] = f"{settings.entra_authority_host.rstrip('/')}/organizations"
        config["entra_scope"] = f"api://{settings.entra_client_id}/{settings.entra_scope}"
    else:
        config["google_client_id"] = settings.google_client_id
    return JSONResponse(config, headers={"Cache-Control": "no-cache", "X-Content-Type-Options": "nosniff"})
