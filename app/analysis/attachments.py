"""Attachment text extraction (PDF, DOCX, XLSX, CSV, TXT), bounded in size and time, and never raising.

Attachments come from strangers' mail threads: the real type is read from the bytes (a "PDF" may be a zip),
archives are inspected before they are opened (zip bombs), and every loop checks a cooperative deadline.
The text lives only in memory; only the scan result (class, organizations, language) may be cached.
"""

from __future__ import annotations

import csv
import io
import logging
import time
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from app.analysis.context import scan_text
from app.analysis.doc_classes import classify_document
from app.analysis.index import DirectoryIndex
from app.analysis.normalize import count_cjk

# pypdf and openpyxl warn loudly about the malformed files mail is full of; those are not our errors.
logging.getLogger("pypdf").setLevel(logging.ERROR)

_PRINTABLE_MIN = 0.9  # share of printable characters for bytes to count as text
_SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class ExtractionLimits:
    max_input_bytes: int = 20 * 1024 * 1024
    max_chars: int = 1_000_000
    max_pages: int = 300
    # PDF content streams (decoded): a page of text is tens of KB; parsing costs about a second per MB.
    max_page_content_bytes: int = 1024 * 1024
    max_pdf_content_bytes: int = 16 * 1024 * 1024
    max_rows: int = 50_000
    max_seconds: float = 2.0
    # Zip containers (DOCX/XLSX): refuse before parsing if they would inflate beyond these.
    max_uncompressed_bytes: int = 200 * 1024 * 1024
    max_compression_ratio: float = 200.0
    max_zip_entries: int = 5_000


@dataclass(frozen=True, slots=True)
class Extraction:
    text: str
    truncated: bool
    detected_type: str  # pdf | docx | xlsx | csv | txt | zip | ole | unknown | empty
    error: str | None = None  # too_large | encrypted | zip_bomb | unsupported | corrupt | timeout


@dataclass(frozen=True, slots=True)
class ScanResult:
    doc_class: str
    org_ids: tuple[str, ...]
    language: str | None


class _Budget:
    """Collects text up to max_chars and tells the extractor when time or space is used up."""

    def __init__(self, limits: ExtractionLimits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.max_seconds
        self.parts: list[str] = []
        self.chars = 0
        self.truncated = False
        self.timed_out = False

    def add(self, text: str) -> bool:
        """Append text; False when the caller should stop (full or out of time)."""
        if not text:
            return not self.exhausted()
        room = self.limits.max_chars - self.chars
        if len(text) >= room:
            self.parts.append(text[:room])
            self.chars = self.limits.max_chars
            self.truncated = True
            return False
        self.parts.append(text)
        self.chars += len(text)
        return not self.exhausted()

    def exhausted(self) -> bool:
        if self.chars >= self.limits.max_chars:
            self.truncated = True
            return True
        if time.monotonic() > self.deadline:
            self.truncated = self.timed_out = True
            return True
        return False

    def result(self, detected_type: str) -> Extraction:
        return Extraction("\n".join(self.parts), self.truncated, detected_type)


# --- type detection ------------------------------------------------------------------------------


def detect_type(data: bytes) -> str:
    """The real file type from magic bytes; the claimed name and content type are not trusted."""
    if not data:
        return "empty"
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"  # legacy .doc/.xls
    if _decode_text(data[:_SNIFF_BYTES]) is not None:
        return "csv" if _looks_like_csv(data[:_SNIFF_BYTES]) else "txt"
    return "unknown"


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return "unknown"
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return "zip"


def _decode_text(data: bytes) -> str | None:
    """Decode text in the encodings export mail uses, or None when the bytes are not text."""
    for encoding in _candidate_encodings(data):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            # The sniffed prefix may cut a multi-byte character in half.
            try:
                text = data[:-3].decode(encoding) if len(data) > 3 else ""
            except UnicodeDecodeError:
                continue
        if text and _printable_share(text) >= _PRINTABLE_MIN:
            return text
    return None


def _candidate_encodings(data: bytes) -> tuple[str, ...]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return ("utf-16",)
    return ("utf-8-sig", "gb18030", "cp1252")


def _printable_share(text: str) -> float:
    sample = text[:20_000]
    if sample.replace("\n", "").replace("\r", "").replace("\t", "").isprintable():
        return 1.0  # the usual text file, answered at C speed
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    return good / len(sample)


def _looks_like_csv(data: bytes) -> bool:
    lines = data.splitlines()[:20]
    if len(lines) < 2:
        return False
    for delimiter in (b",", b";", b"\t"):
        counts = {line.count(delimiter) for line in lines if line.strip()}
        if len(counts) == 1 and counts.pop() > 0:
            return True
    return False


# --- extraction ----------------------------------------------------------------------------------


def extract_text(name: str, content_type: str, data: bytes, limits: ExtractionLimits) -> Extraction:
    """Text of an attachment. Never raises: problems come back as Extraction.error."""
    if len(data) > limits.max_input_bytes:
        return Extraction("", True, "unknown", "too_large")
    detected = detect_type(data)
    try:
        return _extract(detected, data, limits)
    except Exception:  # noqa: BLE001 - hostile files must never break a check; the type tells what failed
        return Extraction("", False, detected, "corrupt")


def _extract(detected: str, data: bytes, limits: ExtractionLimits) -> Extraction:
    if detected == "pdf":
        return _extract_pdf(data, limits)
    if detected in ("docx", "xlsx"):
        bomb = zip_bomb_reason(data, limits)
        if bomb:
            return Extraction("", False, detected, "zip_bomb")
        return _extract_docx(data, limits) if detected == "docx" else _extract_xlsx(data, limits)
    if detected in ("txt", "csv"):
        return _extract_plain(detected, data, limits)
    if detected == "empty":
        return Extraction("", False, detected)
    return Extraction("", False, detected, "unsupported")


def zip_bomb_reason(data: bytes, limits: ExtractionLimits) -> str | None:
    """Why a zip container must not be opened, judged from its directory before inflating anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return "not a readable zip"
    if len(entries) > limits.max_zip_entries:
        return "too many entries"
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_uncompressed_bytes:
        return "uncompressed size too large"
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > 1024 * 1024 and ratio > limits.max_compression_ratio:
            return f"compression ratio {ratio:.0f} in {entry.filename}"
    return None


def _extract_pdf(data: bytes, limits: ExtractionLimits) -> Extraction:
    from pypdf import PdfReader  # imported lazily: only scans pay for it

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted and not _opens_with_empty_password(reader):
        return Extraction("", False, "pdf", "encrypted")
    budget = _Budget(limits)
    content_left = limits.max_pdf_content_bytes
    for page_number, page in enumerate(reader.pages):
        if page_number >= limits.max_pages:
            budget.truncated = True
            break
        size = _content_bytes(page)
        if size > limits.max_page_content_bytes:
            budget.truncated = True  # no letter or invoice needs such a page: skip it, read the others
            continue
        content_left -= size
        if content_left < 0:
            budget.truncated = True
            break
        if not budget.add(page.extract_text() or ""):
            break
    return _with_timeout_error(budget, "pdf")


def _content_bytes(page: Any) -> int:
    contents = page.get_contents()  # decoded (within pypdf's own decompression limits); parsed only later
    return len(contents.get_data()) if contents is not None else 0


def _opens_with_empty_password(reader: object) -> bool:
    # Owner-password-only PDFs (print/copy restrictions) are readable by anyone; a user password is not.
    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - unsupported cipher counts as unreadable
        return False


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_DOCX_BREAKS = {_W + "tab": "\t", _W + "br": "\n", _W + "cr": "\n"}


def _extract_docx(data: bytes, limits: ExtractionLimits) -> Extraction:
    """Paragraphs in document order, parsed as a stream: memory stays flat however far document.xml inflates."""
    from lxml import etree

    budget = _Budget(limits)
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open("word/document.xml") as xml:
        events = etree.iterparse(xml, events=("end",), resolve_entities=False, no_network=True, load_dtd=False)
        for text in _docx_paragraphs(events, limits.max_chars):
            if not budget.add(text):
                break
    return _with_timeout_error(budget, "docx")


def _docx_paragraphs(events: Iterable[tuple[str, Any]], max_chars: int) -> Iterator[str]:
    """Text per paragraph or table cell; an empty string between other elements lets the caller check its clock."""
    parts: list[str] = []
    size = 0
    for _event, element in events:
        tag = element.tag
        if tag == _W + "t" and element.text:
            parts.append(element.text)
            size += len(element.text)
        elif tag in _DOCX_BREAKS:
            parts.append(_DOCX_BREAKS[tag])
        if tag in (_W + "p", _W + "tc") or size >= max_chars:
            yield "".join(parts)
            parts.clear()
            size = 0
        else:
            yield ""
        # Drop what was read: the tree never holds more than the path to the current element.
        element.clear(keep_tail=True)
        while element.getprevious() is not None:
            del element.getparent()[0]
    if parts:
        yield "".join(parts)


def _extract_xlsx(data: bytes, limits: ExtractionLimits) -> Extraction:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    budget = _Budget(limits)
    try:
        _collect_rows(budget, _xlsx_rows(workbook), limits.max_rows)
    finally:
        workbook.close()
    return _with_timeout_error(budget, "xlsx")


def _xlsx_rows(workbook: object) -> Iterator[Iterable[object]]:
    for sheet in workbook.worksheets:  # type: ignore[attr-defined]
        yield (sheet.title,)
        yield from sheet.iter_rows(values_only=True)


def _collect_rows(budget: _Budget, rows: Iterable[Iterable[object]], max_rows: int) -> None:
    for row_number, row in enumerate(rows):
        if row_number >= max_rows:
            budget.truncated = True
            return
        line = "\t".join("" if value is None else str(value) for value in row)
        if not budget.add(line):
            return


def _extract_plain(detected: str, data: bytes, limits: ExtractionLimits) -> Extraction:
    text = _decode_text(data)
    if text is None:
        return Extraction("", False, detected, "unsupported")
    budget = _Budget(limits)
    if detected == "csv":
        _collect_rows(budget, csv.reader(io.StringIO(text), _csv_dialect(text)), limits.max_rows)
    else:
        budget.add(text)
    return _with_timeout_error(budget, detected)


def _csv_dialect(text: str) -> type[csv.Dialect]:
    try:
        return csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        return csv.excel


def _with_timeout_error(budget: _Budget, detected: str) -> Extraction:
    result = budget.result(detected)
    if budget.timed_out:
        return Extraction(result.text, True, detected, "timeout")
    return result


# --- scan ----------------------------------------------------------------------------------------


def scan_attachment(index: DirectoryIndex, name: str, extraction: Extraction) -> ScanResult:
    """What may be cached by sha256: the document class, the organizations named, the language."""
    scanned = scan_text(index, f"{name}\n{extraction.text}")
    org_ids = tuple(sorted({index.org(org_index).id for org_index, _evidence in scanned.orgs}))
    return ScanResult(classify_document(name, extraction.text), org_ids, detect_language(extraction.text))


_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(["the", "and", "of", "to", "for", "with", "is", "are", "this", "please", "price", "total"]),
    "de": frozenset(["der", "die", "das", "und", "mit", "für", "ist", "sind", "bitte", "preis", "gesamt", "nicht"]),
    "es": frozenset(["el", "la", "los", "las", "y", "de", "con", "para", "es", "son", "por", "precio"]),
    "fr": frozenset(["le", "la", "les", "et", "de", "avec", "pour", "est", "sont", "des", "prix", "vous"]),
}


def detect_language(text: str) -> str | None:
    """A rough guess (zh, ja, en, de, es, fr) for choosing letter language; None when unsure."""
    sample = text[:5000]
    if not sample.strip():
        return None
    cjk = 0 if sample.isascii() else count_cjk(sample)
    if cjk > len(sample) * 0.1:
        kana = sum(1 for ch in sample if 0x3040 <= ord(ch) <= 0x30FF)
        return "ja" if kana > cjk * 0.2 else "zh"
    words = sample.lower().split()
    scores = {lang: sum(1 for w in words if w in stop) for lang, stop in _STOPWORDS.items()}
    best = max(scores, key=lambda lang: scores[lang])
    return best if scores[best] >= 2 else None
