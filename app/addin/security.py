"""Origins and response headers for the add-in's files and for browser calls to the API."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from app.config import Settings

# Microsoft's Office.js CDN: the task pane and the event page load office.js (and its host scripts) from here.
OFFICE_JS_ORIGIN = "https://appsforoffice.microsoft.com"
# Where Outlook on the web and new Outlook host the add-in's iframe.
OFFICE_FRAME_ANCESTORS = (
    "https://*.office.com",
    "https://*.office365.com",
    "https://*.outlook.com",
    "https://*.live.com",
    "https://*.microsoft.com",
    "https://*.cloud.microsoft",
)


def origin_of(url: str) -> str | None:
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    return f"{parts.scheme}://{parts.netloc}".lower()


def allowed_origins(settings: Settings) -> list[str]:
    """The add-in's own origin (PUBLIC_BASE_URL) plus CORS_ORIGINS, normalized, without duplicates."""
    result: list[str] = []
    for url in [settings.public_base_url, *settings.cors_origins]:
        origin = origin_of(url)
        if origin and origin not in result:
            result.append(origin)
    return result


def cors_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for Starlette's CORSMiddleware: only the add-in's origins, no wildcard."""
    return {
        "allow_origins": allowed_origins(settings),
        "allow_methods": ["GET", "POST", "PUT", "PATCH", "DELETE"],
        "allow_headers": ["Authorization", "Content-Type", "Accept", "Accept-Language", "X-Dev-User", "X-Dev-Role"],
        "allow_credentials": False,
        "max_age": 600,
    }


def content_security_policy(settings: Settings) -> str:
    connect = " ".join(["'self'", *allowed_origins(settings)])
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' {OFFICE_JS_ORIGIN}",
            "style-src 'self' 'unsafe-inline'",
            f"img-src 'self' data: {OFFICE_JS_ORIGIN}",
            "font-src 'self'",
            f"connect-src {connect}",
            f"frame-src 'self' {OFFICE_JS_ORIGIN}",
            "frame-ancestors 'self' " + " ".join(OFFICE_FRAME_ANCESTORS),
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
        ]
    )


def security_headers(settings: Settings) -> dict[str, str]:
    return {
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Content-Security-Policy": content_security_policy(settings),
        # Office caches add-in files hard; revalidate so a deployment reaches users.
        "Cache-Control": "no-cache",
    }
