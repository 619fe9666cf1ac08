"""GET /: the demo in dev mode (`make run`), otherwise a short page saying what this service is and where to go."""

from __future__ import annotations

from html import escape

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from app.deps import SettingsDep

router = APIRouter(include_in_schema=False)

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>SendGuard</title><link rel="icon" href="/addin/assets/icon-32.png">
<style>body{{font:15px/1.5 "Segoe UI",system-ui,sans-serif;max-width:640px;margin:48px auto;padding:0 20px;color:#242424}}
h1{{font-size:24px}}a{{color:#0f6cbd}}li{{margin:6px 0}}</style></head>
<body><h1>SendGuard</h1>
<p>Stops export salespeople from sending the wrong thing to the wrong customer, and helps them recover when it
happens. This server runs the SendGuard API for the Outlook add-in and the Gmail add-on.</p>
<ul>
<li><a href="/admin">Admin console</a> (administrators of your organization)</li>
<li><a href="/addin/manifest/manifest.json">Outlook add-in manifest</a> for {origin}</li>
<li><a href="/docs">API reference</a></li>
</ul></body></html>"""


@router.get("/")
def home(settings: SettingsDep) -> Response:
    if settings.auth_mode == "dev":
        return RedirectResponse("/demo", status_code=307)
    return HTMLResponse(
        _PAGE.format(origin=escape(settings.public_base_url)),
        headers={"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'"},
    )
