"""Outcomes of each file type, the character budget, zip checks at their limits, and streamed DOCX paragraphs."""

from __future__ import annotations

import io
import random
import zipfile

from lxml import etree
from openpyxl import Workbook

from app.analysis.attachments import (
    Extraction,
    ExtractionLimits,
    _Budget,
    _docx_paragraphs,
    detect_type,
    extract_text,
    zip_bomb_reason,
)

LIMITS = ExtractionLimits()
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _zip(files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return out.getvalue()


def _docx_texts(body: str, max_chars: int = 1000) -> list[str]:
    """The non-empty pieces _docx_paragraphs yields for a document body (w: prefix bound)."""
    xml = f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'.encode()
    events = etree.iterparse(io.BytesIO(xml), events=("end",))
    return [text for text in _docx_paragraphs(events, max_chars) if text]


def test_empty_and_unsupported_files_carry_no_text_and_say_so():
    assert extract_text("a.txt", "text/plain", b"", LIMITS) == Extraction("", False, "empty")
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100
    assert extract_text("old.doc", "", ole, LIMITS) == Extraction("", False, "ole", "unsupported")
    plain_zip = _zip({"readme.txt": b"hello"})
    assert extract_text("a.zip", "", plain_zip, LIMITS) == Extraction("", False, "zip", "unsupported")


def test_a_zip_bomb_docx_carries_no_text():
    data = _zip({"word/document.xml": b"\0" * (4 * 1024 * 1024)})
    assert extract_text("cv.docx", "", data, LIMITS) == Extraction("", False, "docx", "zip_bomb")


def test_legacy_office_and_empty_zip_are_recognised():
    assert detect_type(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100) == "ole"
    empty_zip = _zip({})
    assert empty_zip.startswith(b"PK\x05\x06")
    assert detect_type(empty_zip) == "zip"


def test_a_pdf_header_counts_only_inside_the_first_kilobyte():
    assert detect_type(b" " * 1019 + b"%PDF-1.7") == "pdf"
    assert detect_type(b" " * 1020 + b"%PDF-1.7\n") == "txt"


def test_a_large_part_that_does_not_compress_is_not_a_bomb():
    noise = random.Random(7).randbytes(2 * 1024 * 1024)
    assert zip_bomb_reason(_zip({"word/media/image1.png": noise}), LIMITS) is None


def test_compression_ratio_is_checked_just_above_one_megabyte_and_above_the_limit():
    just_over = _zip({"word/document.xml": b"\0" * (1024 * 1024 + 100)})
    reason = zip_bomb_reason(just_over, LIMITS)
    assert reason is not None and reason.startswith("compression ratio")
    entry = zipfile.ZipFile(io.BytesIO(just_over)).infolist()[0]
    ratio = entry.file_size / entry.compress_size
    assert zip_bomb_reason(just_over, ExtractionLimits(max_compression_ratio=ratio)) is None
    assert zip_bomb_reason(just_over, ExtractionLimits(max_compression_ratio=ratio * 0.99)) is not None


def test_spreadsheet_text_shows_values_not_formulas():
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["net", 100])
    sheet.append(["gross", "=B1*1.19"])
    out = io.BytesIO()
    workbook.save(out)
    result = extract_text("prices.xlsx", "", out.getvalue(), LIMITS)
    assert result.error is None
    assert "net\t100" in result.text
    assert "B1*1.19" not in result.text


def test_budget_cuts_the_piece_that_overflows_and_stays_full():
    budget = _Budget(ExtractionLimits(max_chars=5))
    assert budget.add("ab") is True
    assert budget.add("cd") is True
    assert budget.add("efg") is False
    assert budget.result("txt") == Extraction("ab\ncd\ne", True, "txt")
    # Once full, nothing more is taken, not even an empty piece.
    assert budget.add("") is False
    assert budget.add("x") is False


def test_budget_with_room_left_is_not_truncated():
    budget = _Budget(ExtractionLimits(max_chars=10))
    assert budget.add("abc") is True
    assert budget.add("") is True
    assert budget.result("txt") == Extraction("abc", False, "txt")


def test_docx_runs_of_a_paragraph_join_without_separator_and_cells_split():
    assert _docx_texts("<w:p><w:r><w:t>Ange</w:t></w:r><w:r><w:t>bot</w:t></w:r></w:p>") == ["Angebot"]
    cells = "<w:tbl><w:tr><w:tc><w:t>Preis</w:t></w:tc><w:tc><w:t>100</w:t></w:tc></w:tr></w:tbl>"
    assert _docx_texts(cells) == ["Preis", "100"]


def test_docx_deleted_and_field_text_is_not_read():
    body = (
        "<w:p><w:del><w:r><w:delText>alter Preis</w:delText></w:r></w:del>"
        "<w:r><w:instrText>HYPERLINK x</w:instrText></w:r><w:r><w:t>neuer Preis</w:t></w:r></w:p>"
    )
    assert _docx_texts(body) == ["neuer Preis"]


def test_docx_long_paragraph_is_handed_over_in_pieces_of_the_limit():
    assert _docx_texts("<w:p><w:t>ab</w:t><w:t>c</w:t></w:p>", max_chars=3) == ["abc"]
    assert _docx_texts("<w:p><w:t>ab</w:t><w:t>cd</w:t><w:t>e</w:t></w:p>", max_chars=3) == ["abcd", "e"]
    assert _docx_texts("<w:p><w:t>abc</w:t><w:t>de</w:t><w:t>f</w:t></w:p>", max_chars=3) == ["abc", "def"]
    assert _docx_texts("<w:p><w:t>abc</w:t><w:t>de</w:t></w:p>", max_chars=3) == ["abc", "de"]
