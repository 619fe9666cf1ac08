"""An extraction function for the pool's tests, in a module of its own: workers import it quickly."""

from __future__ import annotations

import time

from app.analysis.attachments import Extraction, ExtractionLimits, extract_text

MB = 1024 * 1024


def misbehaving(name: str, content_type: str, data: bytes, limits: ExtractionLimits) -> Extraction:
    """Runs in the worker: 'hang' ignores every deadline, 'hog' allocates far beyond the memory limit."""
    if name == "hang":
        time.sleep(60)
    if name == "hog":
        hoard = [bytearray(64 * MB) for _ in range(64)]
        return Extraction(str(len(hoard)), False, "txt")
    return extract_text(name, content_type, data, limits)
