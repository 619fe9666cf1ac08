"""Attachment bytes: decoded, hashed, turned into text in memory, and remembered only as a scan result."""

from __future__ import annotations

import base64
import binascii
import hashlib
import time
from dataclasses import dataclass

from sqlmodel import Session

from app.analysis.attachments import Extraction, ExtractionLimits, scan_attachment
from app.analysis.index import DirectoryIndex
from app.checks import repository
from app.checks.exceptions import AttachmentTooLarge, InvalidAttachment
from app.checks.extraction import ExtractionPool
from app.checks.models import AttachmentScan
from app.checks.recorder import CheckRecorder
from app.config import Settings
from app.tenants.identity import TenantIdentity


@dataclass(frozen=True, slots=True)
class ScannedAttachment:
    sha256: str
    extraction: Extraction
    scan: AttachmentScan


def decode(content_base64: str, name: str, max_bytes: int) -> bytes:
    if len(content_base64) > _max_base64_chars(max_bytes):
        raise AttachmentTooLarge(details={"attachment": name, "max_bytes": max_bytes})
    try:
        data = _b64decode(content_base64)
    except (binascii.Error, ValueError) as exc:
        raise InvalidAttachment(
            f"The content of '{name}' is not valid base64.", details={"attachment": name, "reason": "invalid_base64"}
        ) from exc
    if len(data) > max_bytes:
        raise AttachmentTooLarge(details={"attachment": name, "max_bytes": max_bytes})
    return data


def _max_base64_chars(max_bytes: int) -> int:
    """The longest base64 text that can hold `max_bytes`: refused before decoding, it could only be too large.

    base64 is 4/3 of the bytes; MIME-wrapped text adds a CRLF every 76 characters (2 in 76), and padding a few."""
    encoded = (max_bytes * 4) // 3
    return encoded + encoded // 38 + 8


def _b64decode(content_base64: str) -> bytes:
    # Most clients send one unbroken line: decode it as it is, without a whitespace-free copy of 33 MB first.
    try:
        return base64.b64decode(content_base64, validate=True)
    except (binascii.Error, ValueError):
        return base64.b64decode("".join(content_base64.split()), validate=True)


def limits(settings: Settings) -> ExtractionLimits:
    return ExtractionLimits(
        max_input_bytes=settings.max_attachment_bytes,
        max_chars=settings.max_extracted_chars,
        max_seconds=settings.extraction_seconds,
    )


def deadline(settings: Settings) -> float:
    """When the extraction budget of a check that starts now runs out (time.monotonic())."""
    return time.monotonic() + settings.extraction_seconds


def scan(
    session: Session,
    tenant: TenantIdentity,
    index: DirectoryIndex,
    name: str,
    content_type: str,
    data: bytes,
    settings: Settings,
    extractor: ExtractionPool,
    until: float,
    recorder: CheckRecorder | None = None,
) -> ScannedAttachment:
    """Extract (within the check's budget, ending at `until`), scan, and remember the scan by sha256
    (in the recorder's next batch when there is one, else in this transaction)."""
    sha256 = hashlib.sha256(data).hexdigest()
    extraction = extractor.extract(name, content_type, data, limits(settings), until, owner=str(tenant.id))
    result = scan_attachment(index, name, extraction)
    row = AttachmentScan(
        tenant_id=tenant.id,
        sha256=sha256,
        doc_class=result.doc_class,
        organization_ids=list(result.org_ids),
        language=result.language,
        truncated=extraction.truncated,
        size=len(data),
        index_version=index.version,
    )
    if recorder is not None:
        recorder.add_scan(row)
    else:
        repository.save_scan(session, row)
    return ScannedAttachment(sha256=sha256, extraction=extraction, scan=row)
