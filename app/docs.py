"""/docs without a CDN: Swagger UI served from the built frontend, the sign-in of this AUTH_MODE in its Authorize
button (X-Dev-User / X-Dev-Role in dev mode), and request examples the API accepts against the demo tenant."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, Response

from app.config import Settings
from app.errors import NotFound, ProviderUnavailable

SWAGGER_DIR = Path(__file__).resolve().parents[1] / "frontend" / "admin" / "dist" / "swagger"
_SWAGGER_FILES = {"swagger-ui-bundle.js": "text/javascript; charset=utf-8", "swagger-ui.css": "text/css; charset=utf-8"}

_PI_TO_RIVAL = {
    "from": "alex@acme-trade.example",
    "to": [{"email": "l.gomez@sunpeak.example", "name": "Laura Gómez"}],
    "cc": [],
    "bcc": [],
    "subject": "PI for order 2026-001",
    "body": "Dear Michael,\n\nplease find attached the proforma invoice for order 2026-001.\n\nBest regards,\nAlex",
    "body_format": "text",
    "attachments": [{"name": "PI_SolarTech_2026-001.pdf", "size": 48211, "content_type": "application/pdf"}],
}
_SECTIONS = {
    "overview": "SolarTech buys 450 W modules twice a year; order 2026-002 is being negotiated.",
    "basic_info": "SolarTech GmbH, Munich; customer code C-1001",
    "source_history": "Met at Intersolar 2024; monthly calls with Michael Schmidt",
    "needs": "Reliable delivery dates; EU certificates with every shipment",
    "materials_sent": ["Quotation Q-2026-014 (2026-10-02)", "Catalogue 2026"],
    "personality": "Direct, prefers short e-mails in German",
    "next_steps": "Send the revised quotation by 5 December",
}
# One valid request per operation, keyed by the request schema's name (demo tenant data: `make run`).
EXAMPLES: dict[str, dict[str, Any]] = {
    "CheckRequest": {"client": "api", "trigger": "compose", "locale": "en", "draft": _PI_TO_RIVAL},
    "OutcomeRequest": {"outcome": "sent_anyway", "dismissed": ["greeting_mismatch"]},
    "ScanRequest": {
        "name": "PI_SolarTech_2026-001.txt",
        "content_type": "text/plain",
        "content_base64": base64.b64encode(b"PROFORMA INVOICE 2026-001\nBuyer: SolarTech GmbH").decode(),
    },
    "PolicyUpdate": {
        "bcc_threshold": 2,
        "large_audience": 25,
        "internal_domains": ["acme-trade.example"],
        "sensitive_terms": {"prices": ["Sonderpreis"]},
        "enforcement": {"info": "allow", "low": "allow", "medium": "warn", "high": "warn", "critical": "block"},
        "hold_external_minutes": 0,
        "fail_mode": "open",
        "suppress_dismissed_days": 30,
    },
    "OrganizationCreate": {
        "name": "Nordlicht Energie AG",
        "kind": "customer",
        "domains": ["nordlicht.example"],
        "aliases": ["Nordlicht"],
        "rival_group": "solar-dach",
        "owner_email": "alex@acme-trade.example",
        "customer_code": "C-4711",
        "country": "DE",
        "language": "de",
        "contacts": [{"name": "Ole Hansen", "email": "ole@nordlicht.example", "language": "de"}],
    },
    "OrganizationUpdate": {"customer_code": "C-1001-DE", "aliases": ["SolarTech", "Solar Tech"]},
    "RenderRequest": {
        "locale": "en",
        "fields": {
            "recipient_name": "Laura Gómez",
            "sent_date": "2026-11-23",
            "original_subject": "PI for order 2026-001",
            "sender_name": "Alex Chen",
            "sender_company": "Acme Trade Ltd.",
        },
    },
    "HandoffCreate": {
        "organization_id": "<an organization id from GET /v1/organizations?q=solartech>",
        "to_owner_email": "lin.wei@acme-trade.example",
        "to_owner_name": "Lin Wei",
        "matter": "Order 2026-002",
        "takeover_date": "2026-12-01",
        "sections": _SECTIONS,
    },
    "HandoffPrefillRequest": {"recipient": "m.schmidt@solartech.example", "locale": "en"},
    "IncidentCreate": {
        "client": "outlook",
        "locale": "en",
        "message": _PI_TO_RIVAL,
        "wrong_recipients": ["l.gomez@sunpeak.example"],
        "intended_recipients": ["m.schmidt@solartech.example"],
    },
    "SuggestRequest": {"locale": "en", "message": _PI_TO_RIVAL, "wrong_recipients": ["l.gomez@sunpeak.example"]},
    "IncidentUpdate": {"status": "open", "steps": {"stop_followups": True}},
    "MailboxDraftsRequest": {
        "drafts": [
            {
                "kind": "apology_wrong_recipient",
                "to": ["l.gomez@sunpeak.example"],
                "subject": "Please delete: my e-mail of 23 Nov 2026 reached you by mistake",
                "body": "<p>Dear Ms Gómez, ...</p>",
                "language": "en",
            }
        ]
    },
    "ScheduledSendCreate": {"provider": "fake", "draft_id": "<a draft id in your mailbox>", "delay_seconds": 300},
}


def _security(settings: Settings) -> tuple[dict[str, Any], list[dict[str, list[str]]]]:
    if settings.auth_mode == "dev":
        schemes = {
            "devUser": {"type": "apiKey", "in": "header", "name": "X-Dev-User",
                        "description": "Dev mode: who you are, e.g. alex@acme-trade.example"},
            "devRole": {"type": "apiKey", "in": "header", "name": "X-Dev-Role",
                        "description": "Dev mode: `admin` for the directory, policy and insight; `member` otherwise"},
        }  # fmt: skip
        return schemes, [{"devUser": [], "devRole": []}, {"devUser": []}]
    what = "an Entra access token for this API" if settings.auth_mode == "entra" else "a Google ID token"
    return {"bearer": {"type": "http", "scheme": "bearer", "description": what}}, [{"bearer": []}]


def _openapi(app: FastAPI, settings: Settings) -> dict[str, Any]:
    if app.openapi_schema:
        return app.openapi_schema
    schema = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
    components = schema.setdefault("components", {})
    for name, example in EXAMPLES.items():
        if name in components.get("schemas", {}):
            components["schemas"][name]["example"] = example
    schemes, requirement = _security(settings)
    components["securitySchemes"] = schemes
    for path, operations in schema["paths"].items():
        if path.startswith("/v1/"):
            for operation in operations.values():
                operation["security"] = requirement
    app.openapi_schema = schema
    return schema


def install_docs(app: FastAPI, settings: Settings) -> None:
    app.openapi = lambda: _openapi(app, settings)  # type: ignore[method-assign]

    @app.get("/docs", include_in_schema=False)
    def swagger_ui() -> HTMLResponse:
        if not (SWAGGER_DIR / "swagger-ui-bundle.js").is_file():
            raise ProviderUnavailable("The API docs are not built: `make run` builds them.", code="docs_not_built")
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="SendGuard API",
            swagger_js_url="/docs/static/swagger-ui-bundle.js",
            swagger_css_url="/docs/static/swagger-ui.css",
            swagger_favicon_url="/addin/assets/icon-32.png",
            swagger_ui_parameters={"persistAuthorization": True, "tryItOutEnabled": True},
        )

    @app.get("/docs/static/{name}", include_in_schema=False)
    def swagger_file(name: str) -> Response:
        if name not in _SWAGGER_FILES or not (SWAGGER_DIR / name).is_file():
            raise NotFound("No such docs file.")
        return Response((SWAGGER_DIR / name).read_bytes(), media_type=_SWAGGER_FILES[name])
