"""The fault script: hostile inputs from another organization during `attack`, and the database taken away during
`db-blackhole` (the proxy stops forwarding, nothing is closed) and `db-outage` (connections closed and refused).

Hostile inputs: a DOCX that inflates to 100 MB, PDFs that take pypdf seconds per page, 38 MB of JSON empty objects,
bodies over the size limit, NUL characters in a check and in an incident's attachment name, unknown fields and
invalid base64.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Callable

import httpx

from bench.db_proxy import FaultyProxy
from bench.hostile import inflating_docx, slow_pdf
from bench.soak.mailbox import MailboxControl
from bench.soak.services import EVIL_TENANT_ID
from bench.soak.users import JSON, Answer, Run, answer_status

ATTACK = "attack"
DATABASE_FAULTS: dict[str, Callable[[FaultyProxy], None]] = {
    "db-blackhole": FaultyProxy.stall,
    "db-outage": FaultyProxy.refuse,
}


def hostile_requests() -> list[tuple[str, str, bytes]]:
    """(name, path, JSON body) of each hostile input."""

    def scan(name: str, data: bytes) -> bytes:
        return json.dumps({"name": name, "content_base64": base64.b64encode(data).decode()}).encode()

    empties = b'{"draft": {"to": [{"email": "a@b.example"}]}, "ignored": [' + b"{}," * (12 * 1024 * 1024) + b"{}]}"
    nul = {"draft": {"to": [{"email": "a@b.example", "name": "A\u0000B"}], "subject": "PI\u0000", "body": "x"}}
    nul_incident = {
        "message": {"to": [{"email": "b@rival.example"}], "attachments": [{"name": "PI\u0000.pdf"}]},
        "wrong_recipients": ["b@rival.example"],
    }
    unknown = {"draft": {"to": [{"email": "a@b.example"}]}, "debug": True}
    too_large = b'{"draft": {"body": "' + b"x" * (41 * 1024 * 1024) + b'"}}'
    bad_base64 = {"name": "x.pdf", "content_base64": "not base64 at all!"}
    return [
        ("docx_inflating_100mb", "/v1/attachments/scan", scan("CV.docx", inflating_docx())),
        ("slow_pdf", "/v1/attachments/scan", scan("PI.pdf", slow_pdf())),
        ("json_empty_objects_38mb", "/v1/drafts/check", empties),
        ("body_over_limit", "/v1/drafts/check", too_large),
        ("nul_in_check", "/v1/drafts/check", json.dumps(nul).encode()),
        ("nul_in_incident", "/v1/incidents", json.dumps(nul_incident).encode()),
        ("unknown_field", "/v1/drafts/check", json.dumps(unknown).encode()),
        ("invalid_base64", "/v1/attachments/scan", json.dumps(bad_base64).encode()),
    ]


def attacker(base: str, mailbox: MailboxControl, run: Run, number: int, inputs: list[tuple[str, str, bytes]]) -> None:
    """One attacker thread: a signed-in user of another organization, sending hostile inputs in `attack`."""
    token = mailbox.token(f"mallory{number}@evil.example", tid=EVIL_TENANT_ID)
    headers = {**JSON, "Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, timeout=60) as client:
        turn = number
        while not run.stop.is_set():
            if run.phase != ATTACK:
                time.sleep(0.1)
                continue
            name, path, body = inputs[turn % len(inputs)]
            turn += 1
            phase = run.phase
            started = time.perf_counter()
            try:
                status = answer_status(client.post(path, content=body, headers=headers))
            except httpx.HTTPError as exc:
                status = type(exc).__name__
            run.faults.add(phase, Answer(name, status, time.perf_counter() - started, run.phase))


def enter_phase(run: Run, proxy: FaultyProxy, phase: str) -> None:
    """The database as the phase wants it (the proxy first: a request of the phase meets its database)."""
    DATABASE_FAULTS.get(phase, FaultyProxy.forward)(proxy)
    run.phase = phase
