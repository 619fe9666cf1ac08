"""Attachment extraction runs in worker processes that are killed when a file outlives its time or memory.

Hostile files are real: a DOCX whose document.xml inflates to ~100 MB (under the zip-bomb ratio) and PDFs whose one
page holds hundreds of thousands of text operators (seconds of parsing each).
"""

from __future__ import annotations

import base64
import io
import random
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from app.analysis.attachments import Extraction, ExtractionLimits, extract_text, zip_bomb_reason
from app.checks.extraction import ExtractionPool
from tests.addons.servers import serve_asgi
from tests.analysis.test_attachments import make_docx, make_pdf
from tests.helpers import headers

MB = 1024 * 1024


def slow_pdf(operators: int = 200_000) -> bytes:
    """One page of `operators` text-show operations, deflated: ~20 KB that take pypdf ~10 s."""
    writer = PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    stream = DecodedStreamObject()
    stream.set_data(b"BT /F1 12 Tf 50 800 Td (SolarTech) Tj ET\n" * operators)
    page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def inflating_docx(target: int = 100 * MB) -> bytes:
    """About 1 MB of DOCX whose document.xml inflates to `target` bytes of text-free paragraphs (ratio ~100)."""
    rng = random.Random(7)
    unit = b'<w:p><w:pPr><w:spacing w:after="%d"/></w:pPr><w:r><w:rPr><w:b/><w:i/></w:rPr></w:r></w:p>'
    body = io.BytesIO()
    body.write(b'<?xml version="1.0" encoding="UTF-8"?>')
    body.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    while body.tell() < target:
        body.write(b"".join(unit % rng.randrange(3) for _ in range(1000)))
    body.write(b"</w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(make_docx(["x"]))) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = body.getvalue() if item.filename == "word/document.xml" else src.read(item.filename)
            dst.writestr(item.filename, content)
    return out.getvalue()


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


def misbehaving(name: str, content_type: str, data: bytes, limits: ExtractionLimits) -> Extraction:
    """Runs in the worker: 'hang' ignores every deadline, 'hog' allocates far beyond the memory limit."""
    if name == "hang":
        time.sleep(60)
    if name == "hog":
        hoard = [bytearray(64 * MB) for _ in range(64)]
        return Extraction(str(len(hoard)), False, "txt")
    return extract_text(name, content_type, data, limits)


@pytest.fixture
def pool() -> Iterator[ExtractionPool]:
    made = ExtractionPool(workers=1, memory_bytes=256 * MB, extract=misbehaving)
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
