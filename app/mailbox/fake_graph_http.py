"""Graph's HTTP shapes for the fake Microsoft Graph: $filter, $select and $expand as Graph reads them, and its
error bodies (Graph's and the Entra token endpoint's)."""

from __future__ import annotations

import html
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

_BY_MESSAGE_ID = re.compile(r"internetMessageId eq '((?:[^']|'')*)'")
_BY_PROPERTY = re.compile(
    r"singleValueExtendedProperties/Any\(ep: ep/id eq '((?:[^']|'')*)' and ep/value eq '((?:[^']|'')*)'\)"
)


def folder_filter(flt: str) -> Callable[[dict[str, Any]], bool] | None:
    """The $filter forms Graph accepts on a folder listing that the provider uses; None for any other."""
    if match := _BY_MESSAGE_ID.fullmatch(flt):
        wanted = match.group(1).replace("''", "'")
        return lambda m: bool(m["internetMessageId"] == wanted)
    if match := _BY_PROPERTY.fullmatch(flt):
        prop, value = (g.replace("''", "'") for g in match.groups())
        return lambda m: any(
            p["id"].lower() == prop.lower() and p.get("value") == value
            for p in m.get("singleValueExtendedProperties", [])
        )
    return None


def select_fields(request: Request | None) -> set[str] | None:
    if request is None:
        return None
    raw = request.query_params.get("$select")
    return {f.strip() for f in raw.split(",") if f.strip()} if raw else None


def pick(item: dict[str, Any], select: set[str] | None) -> dict[str, Any]:
    if select is None:
        return dict(item)
    return {k: v for k, v in item.items() if k in select or k in ("id", "@odata.type")}


_EXPAND = re.compile(r"singleValueExtendedProperties\(\$filter=id eq '([^']+)'\)")


def expand(request: Request | None) -> tuple[bool, str | None]:
    """(valid, the extended property asked for): Graph returns extended properties only through $expand."""
    raw = request.query_params.get("$expand") if request is not None else None
    if raw is None:
        return True, None
    match = _EXPAND.fullmatch(raw.strip())
    return (match is not None), (match.group(1) if match else None)


def view(message: dict[str, Any], request: Request | None) -> dict[str, Any]:
    data = {k: v for k, v in message.items() if k not in ("attachments", "singleValueExtendedProperties")}
    _, wanted = expand(request)
    if wanted is not None:
        props = [p for p in message.get("singleValueExtendedProperties", []) if p["id"].lower() == wanted.lower()]
        if props:  # Graph leaves the property out when the message does not have it
            data["singleValueExtendedProperties"] = props
    prefer = request.headers.get("prefer", "") if request is not None else ""
    if 'outlook.body-content-type="text"' in prefer and data["body"]["contentType"].lower() == "html":
        text = re.sub(r"<br\s*/?>|</p>|<hr\s*/?>", "\n", data["body"]["content"], flags=re.IGNORECASE)
        data["body"] = {"contentType": "text", "content": html.unescape(re.sub(r"<[^>]+>", "", text))}
    data["@odata.etag"] = f'W/"{uuid.uuid5(uuid.NAMESPACE_OID, repr(sorted(data.items())))}"'
    select = select_fields(request)
    if select is not None and "singleValueExtendedProperties" in data:
        select = {*select, "singleValueExtendedProperties"}
    return pick(data, select)


def graph_error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    body = {
        "error": {
            "code": code,
            "message": message,
            "innerError": {"request-id": str(uuid.uuid4()), "date": time.strftime("%Y-%m-%dT%H:%M:%S")},
        }
    }
    return JSONResponse(body, status_code=status, headers=headers)


def not_found() -> JSONResponse:
    return graph_error(404, "ErrorItemNotFound", "The specified object was not found in the store.")


def oauth_error(status: int, error: str, code: int, description: str, *, suberror: str | None = None) -> JSONResponse:
    body: dict[str, Any] = {
        "error": error,
        "error_description": f"AADSTS{code}: {description} Trace ID: {uuid.uuid4()}",
        "error_codes": [code],
        "timestamp": time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime()),
        "trace_id": str(uuid.uuid4()),
        "correlation_id": str(uuid.uuid4()),
    }
    if suberror:
        body["suberror"] = suberror
    return JSONResponse(body, status_code=status)
