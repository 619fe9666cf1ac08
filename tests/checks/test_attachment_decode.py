"""Attachment bytes: base64 decoded within the size limit, and a scan remembered with what it found."""

from __future__ import annotations

import base64
import uuid
from typing import Any

import pytest

from app.analysis.attachments import Extraction, ExtractionLimits
from app.analysis.index import build_index
from app.checks import attachments
from app.checks.exceptions import AttachmentTooLarge, InvalidAttachment
from app.checks.models import AttachmentScan
from app.config import Settings
from app.tenants.identity import TenantIdentity
from tests.analysis.conftest import make_snapshot


def test_exactly_max_bytes_are_accepted() -> None:
    data = b"abc" * 100
    assert attachments.decode(base64.b64encode(data).decode(), "a.txt", len(data)) == data


def test_one_byte_over_max_bytes_is_refused_with_name_and_limit() -> None:
    data = b"x" * 301  # base64 of 301 bytes fits the length precheck for 300: refused after decoding
    with pytest.raises(AttachmentTooLarge) as caught:
        attachments.decode(base64.b64encode(data).decode(), "big.pdf", 300)
    assert caught.value.details == {"attachment": "big.pdf", "max_bytes": 300}


def test_base64_at_the_length_limit_is_decoded() -> None:
    # 3 bytes are 4 characters; the precheck allows 4 + 8 characters (line breaks and padding) before decoding.
    assert attachments.decode("AAAA" + " " * 8, "a.txt", 3) == b"\0\0\0"


def test_base64_longer_than_max_bytes_can_encode_is_refused_before_decoding() -> None:
    with pytest.raises(AttachmentTooLarge) as caught:
        attachments.decode("AAAA" + " " * 9, "padded.txt", 3)  # would decode to only 3 bytes
    assert caught.value.details == {"attachment": "padded.txt", "max_bytes": 3}


def test_line_broken_base64_decodes_to_the_same_bytes() -> None:
    data = bytes(range(256)) * 4
    wrapped = base64.encodebytes(data).decode()  # 76-character lines
    assert "\n" in wrapped.strip()
    assert attachments.decode(wrapped, "a.bin", 2 * len(data)) == data
    assert attachments.decode(wrapped.replace("\n", "\r\n"), "a.bin", 2 * len(data)) == data


def test_a_file_of_exactly_max_bytes_sent_as_mime_wrapped_base64_is_accepted() -> None:
    data = bytes(range(256)) * 12  # 3,072 bytes: 4,096 characters in 54 lines of 76, each ended by CRLF
    wrapped = base64.encodebytes(data).decode().replace("\n", "\r\n")
    assert len(wrapped) > (len(data) * 4) // 3 + 8  # over what the length check allowed before the line breaks
    assert attachments.decode(wrapped, "pi.pdf", len(data)) == data


def test_invalid_base64_names_the_attachment_and_the_reason() -> None:
    with pytest.raises(InvalidAttachment) as caught:
        attachments.decode("not base64!", "offer.pdf", 1024)
    assert "'offer.pdf'" in caught.value.message
    assert "base64" in caught.value.message
    assert caught.value.details == {"attachment": "offer.pdf", "reason": "invalid_base64"}


def _settings() -> Settings:
    return Settings(
        max_attachment_bytes=123_456,
        max_extracted_chars=54_321,
        extraction_seconds=1.5,
        _env_file=None,  # type: ignore[call-arg]
    )


def test_limits_come_from_the_settings() -> None:
    assert attachments.limits(_settings()) == ExtractionLimits(
        max_input_bytes=123_456, max_chars=54_321, max_seconds=1.5
    )


class _Extractor:
    def __init__(self, extraction: Extraction) -> None:
        self.extraction = extraction
        self.calls: list[dict[str, Any]] = []

    def extract(
        self, name: str, content_type: str, data: bytes, limits: ExtractionLimits, deadline: float, owner: str = ""
    ) -> Extraction:
        self.calls.append(
            {
                "name": name,
                "content_type": content_type,
                "data": data,
                "limits": limits,
                "deadline": deadline,
                "owner": owner,
            }
        )
        return self.extraction


class _Recorder:
    def __init__(self) -> None:
        self.scans: list[AttachmentScan] = []

    def add_scan(self, scan: AttachmentScan) -> None:
        self.scans.append(scan)


def test_scan_extracts_for_the_tenant_and_queues_what_it_found() -> None:
    tenant = TenantIdentity(uuid.uuid4(), "acme", "Acme", ("acme-trade.example",), "en", 7)
    index = build_index(make_snapshot(tenant_version=7))
    text = "Please find the price and the total for the order of SolarTech GmbH with this offer."
    extractor = _Extractor(Extraction(text=text, truncated=True, detected_type="txt"))
    recorder = _Recorder()
    data = text.encode()
    settings = _settings()

    scanned = attachments.scan(
        None,  # type: ignore[arg-type]  # with a recorder the scan is queued, never written here
        tenant,
        index,
        "offer.txt",
        "text/plain",
        data,
        settings,
        extractor,  # type: ignore[arg-type]
        until=42.0,
        recorder=recorder,  # type: ignore[arg-type]
    )

    assert extractor.calls == [
        {
            "name": "offer.txt",
            "content_type": "text/plain",
            "data": data,
            "limits": attachments.limits(settings),
            "deadline": 42.0,
            "owner": str(tenant.id),
        }
    ]
    assert recorder.scans == [scanned.scan]
    row = scanned.scan
    assert row.tenant_id == tenant.id
    assert row.sha256 == scanned.sha256 and len(row.sha256) == 64
    assert row.language == "en"
    assert row.truncated is True
    assert row.size == len(data)
    assert row.index_version == index.version == 7
    assert "solartech" in row.organization_ids
