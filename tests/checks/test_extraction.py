"""Attachment extraction runs in worker processes that are killed when a file outlives its time or memory.

Hostile files are real (bench/hostile.py): a DOCX whose document.xml inflates to ~100 MB (under the zip-bomb ratio)
and PDFs of pages just under the content cap, each taking pypdf about a second.
"""

from __future__ import annotations

import base64
import io
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from app.analysis.attachments import ExtractionLimits, zip_bomb_reason
from app.checks.extraction import ExtractionPool
from bench.hostile import inflating_docx, slow_pdf
from tests.addons.servers import serve_asgi
from tests.analysis.test_attachments import make_pdf
from tests.checks.misbehaving import misbehaving
from tests.helpers import headers

MB = 1024 * 1024


@pytest.fixture(scope="module")
def docx_bomb() -> bytes:
    data = inflating_docx()
    assert zip_bomb_reason(data, ExtractionLimits()) is None  # it passes the zip-bomb check
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.getinfo("word/document.xml").file_size >= 100 * MB
    return data


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


# --- the pool on its own --------------------------------------------------------------------------------------


@pytest.fixture
def pool() -> Iterator[ExtractionPool]:
    made = ExtractionPool(workers=1, memory_bytes=256 * MB, extract=misbehaving)
    made.start()  # as the app's start-up does: the fork server is up before the first file
    yield made
    made.close()


def test_a_file_that_ignores_its_deadline_is_killed_and_the_worker_replaced(pool: ExtractionPool) -> None:
    started = time.monotonic()
    hung = pool.extract("hang", "", b"x", ExtractionLimits(), time.monotonic() + 0.5)
    assert time.monotonic() - started < 3
    assert (hung.error, hung.truncated, pool.kills) == ("timeout", True, 1)
    after = pool.extract("a.txt", "text/plain", b"SolarTech price list", ExtractionLimits(), time.monotonic() + 10)
    assert after.text == "SolarTech price list"


def test_a_file_that_needs_too_much_memory_is_refused_and_the_pool_goes_on(pool: ExtractionPool) -> None:
    hog = pool.extract("hog", "", b"x", ExtractionLimits(), time.monotonic() + 10)
    assert hog.error in ("too_large", "timeout") and hog.text == ""
    after = pool.extract("a.txt", "text/plain", b"SolarTech price list", ExtractionLimits(), time.monotonic() + 10)
    assert after.text == "SolarTech price list"


def test_the_wait_for_a_worker_counts_against_the_budget(pool: ExtractionPool) -> None:
    with ThreadPoolExecutor(2) as threads:
        busy = threads.submit(pool.extract, "hang", "", b"x", ExtractionLimits(), time.monotonic() + 2)
        time.sleep(0.3)
        started = time.monotonic()
        waiting = pool.extract("a.txt", "", b"never read", ExtractionLimits(), time.monotonic() + 0.3)
        assert time.monotonic() - started < 1.5
        assert waiting.error == "timeout"
        assert busy.result().error == "timeout"


# --- through the API ------------------------------------------------------------------------------------------


def test_an_inflating_docx_is_cut_at_the_budget(make_app: Callable[..., FastAPI], docx_bomb: bytes) -> None:
    with TestClient(make_app(extraction_seconds=1.0)) as client:
        started = time.monotonic()
        response = client.post(
            "/v1/attachments/scan", json={"name": "CV.docx", "content_base64": b64(docx_bomb)}, headers=headers()
        )
        elapsed = time.monotonic() - started
    assert response.status_code == 200, response.text
    assert response.json()["truncated"] is True
    assert elapsed < 5


def test_many_hostile_pdfs_in_one_check_share_one_budget(make_app: Callable[..., FastAPI]) -> None:
    hostile = b64(slow_pdf())
    files = [{"name": f"PI_{n}.pdf", "content_base64": hostile} for n in range(49)]
    files.append({"name": "PI_real.pdf", "content_base64": b64(make_pdf(["Buyer: SolarTech GmbH"]))})
    draft = {"to": [{"email": "l.gomez@sunpeak.example"}], "subject": "PI", "attachments": files}
    with TestClient(make_app(extraction_seconds=1.5)) as client:
        started = time.monotonic()
        response = client.post("/v1/drafts/check", json={"draft": draft}, headers=headers())
        elapsed = time.monotonic() - started
    assert response.status_code == 200, response.text
    assert elapsed < 6


def test_other_users_stay_fast_while_four_hostile_scans_run(make_app: Callable[..., FastAPI], docx_bomb: bytes) -> None:
    pdf = b64(slow_pdf())
    bomb = b64(docx_bomb)
    draft = {
        "to": [{"email": "m.schmidt@solartech.example", "name": "Michael Schmidt"}],
        "cc": [{"email": "l.gomez@sunpeak.example"}],
        "subject": "Quotation 2026-014",
        "body": "Dear Michael, please find attached our quotation. " * 40,
        "attachments": [{"name": "Quotation_2026-014.pdf", "size": 48211}],
    }
    stop = threading.Event()
    hostile_answers: list[int] = []

    def attack(user: int) -> None:
        body = {"name": "x.pdf" if user % 2 else "x.docx", "content_base64": pdf if user % 2 else bomb}
        with httpx.Client(base_url=url, timeout=30) as http:
            while not stop.is_set():
                answer = http.post("/v1/attachments/scan", json=body, headers=headers(f"mallory{user}@evil.example"))
                hostile_answers.append(answer.status_code)

    with serve_asgi(make_app(extraction_seconds=2.0)) as url, httpx.Client(base_url=url, timeout=30) as http:
        user = headers("erik@nordic-buyer.example")
        assert http.post("/v1/drafts/check", json={"draft": draft}, headers=user).status_code == 200  # warm
        with ThreadPoolExecutor(4) as attackers:
            for n in range(4):
                attackers.submit(attack, n)
            time.sleep(1.0)  # all four are extracting now
            latencies = []
            for _ in range(20):
                started = time.monotonic()
                response = http.post("/v1/drafts/check", json={"draft": draft}, headers=user)
                latencies.append(time.monotonic() - started)
                assert response.status_code == 200, response.text
                time.sleep(0.1)
            stop.set()
    assert max(latencies) < 1.0, latencies
    assert hostile_answers and set(hostile_answers) == {200}


def test_one_tenant_cannot_hold_every_worker() -> None:
    pool = ExtractionPool(workers=2, memory_bytes=256 * MB, extract=misbehaving)
    try:
        with ThreadPoolExecutor(3) as threads:
            warm = [
                threads.submit(pool.extract, "a.txt", "", b"x", ExtractionLimits(), time.monotonic() + 30, o)
                for o in "ab"
            ]
            assert [w.result().text for w in warm] == ["x", "x"]
            hung = [
                threads.submit(pool.extract, "hang", "", b"x", ExtractionLimits(), time.monotonic() + 3, "mallory")
                for _ in range(2)
            ]
            time.sleep(0.5)
            started = time.monotonic()
            other = pool.extract("a.txt", "", b"SolarTech", ExtractionLimits(), time.monotonic() + 2, owner="acme")
            assert other.text == "SolarTech", other
            assert time.monotonic() - started < 1
            assert sorted(h.result().error or "" for h in hung) == ["timeout", "timeout"]
    finally:
        pool.close()


def test_whoever_waits_gets_the_worker_that_replaces_a_killed_one() -> None:
    pool = ExtractionPool(workers=2, memory_bytes=256 * MB, extract=misbehaving)
    try:
        with ThreadPoolExecutor(3) as threads:
            warm = [
                threads.submit(pool.extract, "a.txt", "", b"x", ExtractionLimits(), time.monotonic() + 30, o)
                for o in "ab"
            ]
            assert [w.result().text for w in warm] == ["x", "x"]
            hung = [
                threads.submit(pool.extract, "hang", "", b"x", ExtractionLimits(), time.monotonic() + 1, owner)
                for owner in ("mallory", "eve")
            ]
            time.sleep(0.3)
            # Both workers are stuck; this file waits for the first replacement.
            other = pool.extract("a.txt", "", b"SolarTech", ExtractionLimits(), time.monotonic() + 8, owner="acme")
            assert other.text == "SolarTech", other
            assert [h.result().error for h in hung] == ["timeout", "timeout"]
            assert pool.kills == 2
    finally:
        pool.close()


def test_small_plain_text_is_read_in_the_calling_thread_while_every_worker_is_busy() -> None:
    pool = ExtractionPool(workers=1, memory_bytes=256 * MB, extract=misbehaving, inline_text_bytes=1024)
    pool.start()
    try:
        with ThreadPoolExecutor(2) as threads:
            busy = threads.submit(
                pool.extract, "hang", "", b"\x00\x01\x02binary", ExtractionLimits(), time.monotonic() + 2
            )
            time.sleep(0.3)
            price_list = b"Pos;Product;Qty\n1;SolarTech modules;40\n2;Inverters;3\n"
            inline = pool.extract("prices.csv", "text/csv", price_list, ExtractionLimits(), time.monotonic() + 0.3)
            large = pool.extract(
                "notes.txt", "text/plain", b"SolarTech " * 200, ExtractionLimits(), time.monotonic() + 0.3
            )
            assert busy.result().error == "timeout"  # binary data went to the (hanging) worker
        assert "SolarTech modules" in inline.text and inline.error is None
        assert large.error == "timeout"  # over the inline size: it waited for the busy worker
    finally:
        pool.close()
