"""The well-behaved users: they check drafts (some with a PDF attached), record wrong sends as incidents and
schedule drafts they wrote in their mailbox to be sent a few seconds later, at a person's pace, in every phase.

What the service accepted (incidents answered 201, scheduled sends answered 201) is kept for the proof of no loss;
every answer is tallied by the phase the request started in.
"""

from __future__ import annotations

import base64
import json
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from bench.directory_gen import Directory
from bench.drafts_gen import DraftFactory
from bench.hostile import text_pdf
from bench.load_setup import request_body
from bench.soak.mailbox import MailboxControl

JSON = {"Content-Type": "application/json"}
BUYER = "m.schmidt@solartech.example"
# A request is one of these, in this proportion (the rest are checks).
PDF_SHARE, INCIDENT_SHARE, SCHEDULE_SHARE = 0.1, 0.03, 0.05


@dataclass(frozen=True)
class Answer:
    kind: str  # check, incident, schedule (users); a hostile input's name (fault script)
    status: str  # the HTTP status (and a 5xx's error code), or the client's exception name
    seconds: float
    ended_phase: str


@dataclass
class Tally:
    answers: dict[str, list[Answer]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, phase: str, answer: Answer) -> None:
        with self.lock:
            self.answers.setdefault(phase, []).append(answer)


@dataclass
class Accepted:
    """What the service said it kept: check and incident ids; scheduled send id -> draft id; every draft offered."""

    checks: set[str] = field(default_factory=set)
    incidents: set[str] = field(default_factory=set)
    sends: dict[str, str] = field(default_factory=dict)
    offered_drafts: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)


@dataclass
class Run:
    phase: str = "starting"
    stop: threading.Event = field(default_factory=threading.Event)
    users: Tally = field(default_factory=Tally)
    faults: Tally = field(default_factory=Tally)
    accepted: Accepted = field(default_factory=Accepted)


Request = tuple[str, str, str]  # kind, path, JSON body


def request_maker(bodies: list[str], seed: int) -> Callable[[], Request]:
    """A user's next request to the API: mostly checks, some with a PDF, now and then an incident."""
    rng = random.Random(seed)
    pdf = base64.b64encode(text_pdf(["PROFORMA INVOICE PI-2026-001", "Buyer: SolarTech GmbH"])).decode()

    def pick() -> Request:
        roll = rng.random()
        body = rng.choice(bodies)
        if roll < PDF_SHARE:
            draft = json.loads(body)["draft"]
            draft["attachments"] = [{"name": "PI_2026-001.pdf", "content_base64": pdf}]
            return "check", "/v1/drafts/check", json.dumps({"client": "outlook", "trigger": "send", "draft": draft})
        if roll < PDF_SHARE + INCIDENT_SHARE:
            draft = json.loads(body)["draft"]
            wrong = (draft["to"] or [{"email": "l.gomez@sunpeak.example"}])[0]["email"]
            incident = {"message": draft, "wrong_recipients": [wrong], "intended_recipients": []}
            return "incident", "/v1/incidents", json.dumps(incident)
        if roll < PDF_SHARE + INCIDENT_SHARE + SCHEDULE_SHARE:
            return "schedule", "/v1/scheduled-sends", ""
        return "check", "/v1/drafts/check", body

    return pick


def user_bodies(directory: Directory, email: str, count: int, seed: int) -> list[str]:
    """Realistic check bodies (bench/drafts_gen.py), written by this user."""
    generated = DraftFactory(directory, seed=seed).many(count)
    return [request_body(g).replace(json.dumps(g.user), json.dumps(email), 1) for g in generated]


def user(base: str, mailbox: MailboxControl, run: Run, email: str, bodies: list[str], seed: int) -> None:
    headers = {**JSON, "Authorization": f"Bearer {mailbox.token(email)}"}
    pick = request_maker(bodies, seed)
    rng = random.Random(seed)
    with httpx.Client(base_url=base, timeout=30) as client:
        while not run.stop.is_set():
            kind, path, body = pick()
            draft_id = ""
            if kind == "schedule":
                # The user writes the draft in Outlook first (not a SendGuard request, not timed).
                draft_id = mailbox.new_draft(email, BUYER)
                body = json.dumps({"provider": "graph", "draft_id": draft_id, "delay_seconds": rng.randint(1, 4)})
                with run.accepted.lock:
                    run.accepted.offered_drafts.add(draft_id)
            phase = run.phase
            started = time.perf_counter()
            try:
                response = client.post(path, content=body, headers=headers)
                status = answer_status(response)
            except httpx.HTTPError as exc:
                response, status = None, type(exc).__name__
            run.users.add(phase, Answer(kind, status, time.perf_counter() - started, run.phase))
            if response is not None and status in ("200", "201"):
                _keep(run.accepted, kind, response.json(), draft_id)
            time.sleep(0.02)  # a person's pace, many of them


def answer_status(response: httpx.Response) -> str:
    """The status, with the error code for a 5xx ("503 database_unavailable")."""
    if response.status_code < 500:
        return str(response.status_code)
    try:
        return f"{response.status_code} {response.json()['error']['code']}"
    except (ValueError, KeyError, TypeError):
        return f"{response.status_code} (not the error body)"


def _keep(accepted: Accepted, kind: str, answer: dict[str, object], draft_id: str) -> None:
    with accepted.lock:
        if kind == "check":
            accepted.checks.add(str(answer["check_id"]))
        elif kind == "incident":
            accepted.incidents.add(str(answer["incident_id"]))
        elif kind == "schedule":
            accepted.sends[str(answer["id"])] = draft_id
