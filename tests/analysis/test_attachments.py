"""Extraction from real generated files, hostile inputs, and the cacheable scan."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from openpyxl import Workbook
from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from app.analysis.attachments import (
    Extraction,
    ExtractionLimits,
    detect_language,
    detect_type,
    extract_text,
    scan_attachment,
    zip_bomb_reason,
)

LIMITS = ExtractionLimits()


def make_pdf(pages: list[str], password: str | None = None) -> bytes:
    """A real PDF with one Helvetica text line per page, written by pypdf."""
    writer = PdfWriter()
    for text in pages:
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
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        stream.set_data(f"BT /F1 12 Tf 50 800 Td ({escaped}) Tj ET".encode("latin-1"))
        page[NameObject("/Contents")] = writer._add_object(stream)
    if password is not None:
        # An empty user password leaves the file readable by anyone; only its owner password restricts it.
        writer.encrypt(user_password=password, owner_password=password or "owner-s3cret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_docx(paragraphs: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_xlsx(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Prices"
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_pdf_text_is_extracted():
    data = make_pdf(["PROFORMA INVOICE PI-2026-001", "Buyer: SolarTech GmbH"])
    result = extract_text("PI.pdf", "application/pdf", data, LIMITS)
    assert (result.detected_type, result.error, result.truncated) == ("pdf", None, False)
    assert "PROFORMA INVOICE" in result.text and "SolarTech GmbH" in result.text


def test_pdf_page_limit_truncates():
    data = make_pdf([f"page {n}" for n in range(5)])
    result = extract_text("x.pdf", "application/pdf", data, ExtractionLimits(max_pages=2))
    assert result.truncated
    assert "page 1" in result.text and "page 2" not in result.text


def test_encrypted_pdf_reports_encrypted():
    data = make_pdf(["secret prices"], password="s3cret")
    result = extract_text("locked.pdf", "application/pdf", data, LIMITS)
    assert result.error == "encrypted"
    assert result.text == ""


def test_docx_paragraphs_and_tables():
    data = make_docx(["Angebot Nr. 4711", "Sehr geehrter Herr Schmidt"], [["Modul", "Preis"], ["M-400", "0,21 EUR"]])
    result = extract_text("Angebot.docx", "application/octet-stream", data, LIMITS)
    assert result.detected_type == "docx"
    assert "Angebot Nr. 4711" in result.text and "0,21 EUR" in result.text


def test_xlsx_rows_and_row_limit():
    data = make_xlsx([["Model", "Unit price"], *[[f"M-{n}", 0.2 + n / 100] for n in range(50)]])
    result = extract_text("Preisliste.xlsx", "", data, LIMITS)
    assert result.detected_type == "xlsx"
    assert "Unit price" in result.text and "M-49" in result.text
    limited = extract_text("Preisliste.xlsx", "", data, ExtractionLimits(max_rows=10))
    assert limited.truncated and "M-49" not in limited.text


def test_csv_and_txt_including_gb18030():
    csv_data = b"organization;price\nSolarTech;0.21\nSonnenkraft;0.22\n"
    result = extract_text("list.csv", "text/csv", csv_data, LIMITS)
    assert result.detected_type == "csv"
    assert "Sonnenkraft\t0.22" in result.text
    chinese = "报价单：阳光新能源有限公司，单价每瓦0.21欧元。".encode("gb18030")
    result = extract_text("note.txt", "text/plain", chinese, LIMITS)
    assert (result.detected_type, "阳光新能源" in result.text) == ("txt", True)


def test_type_comes_from_bytes_not_from_claims():
    pdf = make_pdf(["hidden PI"])
    lying = extract_text("photo.jpg", "image/jpeg", pdf, LIMITS)
    assert lying.detected_type == "pdf" and "hidden PI" in lying.text
    fake_pdf = extract_text("PI.pdf", "application/pdf", make_docx(["really a docx"]), LIMITS)
    assert fake_pdf.detected_type == "docx" and "really a docx" in fake_pdf.text


def test_zip_bomb_is_refused_before_parsing():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))
    data = out.getvalue()
    assert len(data) < 200_000
    result = extract_text("cv.docx", "application/vnd.openxmlformats", data, LIMITS)
    assert (result.detected_type, result.error) == ("docx", "zip_bomb")
    small_limit = ExtractionLimits(max_uncompressed_bytes=1024 * 1024, max_compression_ratio=1e9)
    assert extract_text("cv.docx", "", data, small_limit).error == "zip_bomb"


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (bytes(range(256)) * 40, "unsupported"),
        (b"%PDF-1.7\n garbage garbage", "corrupt"),
        (b"PK\x03\x04 not really a zip", "unsupported"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "unsupported"),
    ],
)
def test_garbage_never_raises(data, error):
    result = extract_text("x.bin", "application/octet-stream", data, LIMITS)
    assert isinstance(result, Extraction)
    assert result.error == error


def test_input_and_output_bounds():
    big = b"price list " * 1000
    assert extract_text("a.txt", "text/plain", big, ExtractionLimits(max_input_bytes=100)).error == "too_large"
    capped = extract_text("a.txt", "text/plain", big, ExtractionLimits(max_chars=50))
    assert (len(capped.text), capped.truncated) == (50, True)


def test_deadline_stops_extraction():
    data = make_xlsx([[f"row {n}"] for n in range(2000)])
    result = extract_text("big.xlsx", "", data, ExtractionLimits(max_seconds=0.0))
    assert result.truncated and result.error == "timeout"
    assert "row 1999" not in result.text


def test_detect_type_and_language():
    assert detect_type(b"") == "empty"
    assert detect_type(b"hello world, plain") == "txt"
    assert detect_language("Sehr geehrter Herr Schmidt, anbei der Preis für die Module und die Lieferung") == "de"
    assert detect_language("附件是最新的报价单，请查收。") == "zh"
    assert detect_language("") is None


def test_scan_attachment_for_the_cache(index):
    data = make_pdf(["PROFORMA INVOICE", "Buyer: Sonnenkraft Vertrieb GmbH, a.weber@sonnenkraft.de"])
    extraction = extract_text("scan_001.pdf", "application/pdf", data, LIMITS)
    result = scan_attachment(index, "scan_001.pdf", extraction)
    assert result.doc_class == "pi"
    assert result.org_ids == ("sonnenkraft",)
    named = scan_attachment(index, "PI_SolarTech_2026-001.pdf", Extraction("", False, "pdf", "encrypted"))
    assert (named.doc_class, named.org_ids) == ("pi", ("solartech",))


def test_pdf_pages_too_heavy_to_parse_are_skipped_and_the_rest_read():
    from bench.hostile import pdf_pages

    heavy = b"BT /F1 12 Tf 50 800 Td (SolarTech) Tj ET\n" * 60_000  # 2.4 MB: seconds of parsing
    data = pdf_pages([heavy, b"BT /F1 12 Tf 50 800 Td (Buyer: Sonnenkraft) Tj ET"])
    result = extract_text("PI.pdf", "application/pdf", data, ExtractionLimits(max_seconds=30))
    assert (result.text, result.truncated, result.error) == ("Buyer: Sonnenkraft", True, None)
    small_total = ExtractionLimits(max_seconds=30, max_pdf_content_bytes=10)
    light = pdf_pages([b"BT /F1 12 Tf 50 800 Td (page one) Tj ET", b"BT /F1 12 Tf 50 800 Td (page two) Tj ET"])
    assert extract_text("x.pdf", "", light, small_total).truncated


def test_refusals_say_why_and_carry_no_text():
    big = b"price list " * 100
    assert extract_text("a.txt", "", big, ExtractionLimits(max_input_bytes=len(big) - 1)) == Extraction(
        "", True, "unknown", "too_large"
    )
    assert extract_text("a.txt", "", big, ExtractionLimits(max_input_bytes=len(big))).error is None
    assert extract_text("PI.pdf", "", b"%PDF-1.7\n garbage garbage", LIMITS) == Extraction("", False, "pdf", "corrupt")
    locked = make_pdf(["secret prices"], password="s3cret")
    assert extract_text("locked.pdf", "", locked, LIMITS) == Extraction("", False, "pdf", "encrypted")


def test_a_pdf_locked_with_an_empty_password_is_read():
    data = make_pdf(["PROFORMA INVOICE SolarTech"], password="")
    assert PdfReader(io.BytesIO(data)).is_encrypted
    result = extract_text("PI.pdf", "application/pdf", data, LIMITS)
    assert (result.error, "PROFORMA INVOICE SolarTech" in result.text) == (None, True)


def test_document_parts_are_read_in_order_one_per_line():
    data = make_docx(["Angebot Nr. 4711", "Sehr geehrter Herr Schmidt"])
    result = extract_text("Angebot.docx", "", data, LIMITS)
    assert result == Extraction("Angebot Nr. 4711\nSehr geehrter Herr Schmidt", False, "docx")


def test_text_under_the_character_limit_is_complete():
    data = b"x" * 50
    assert extract_text("a.txt", "", data, ExtractionLimits(max_chars=51)) == Extraction("x" * 50, False, "txt")
    assert extract_text("a.txt", "", data, ExtractionLimits(max_chars=49)) == Extraction("x" * 49, True, "txt")


@pytest.mark.parametrize("bom", ["utf-16-le", "utf-16-be"])
def test_utf16_text_with_a_byte_order_mark_is_read(bom):
    data = ("\ufeff" + "Preisliste SolarTech 0,21 EUR").encode(bom)
    result = extract_text("notes.txt", "text/plain", data, LIMITS)
    assert result.text.strip("\ufeff") == "Preisliste SolarTech 0,21 EUR"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"model\tprice\nM-400\t0.21\n", "csv"),
        (b"model,price\nM-400,0.21\n", "csv"),
        (b"model,price\n", "txt"),
        (b"Dear Michael, hello\nsee you Monday.\n", "txt"),
    ],
)
def test_csv_needs_two_lines_with_the_same_delimiters(data, kind):
    assert extract_text("data", "", data, LIMITS).detected_type == kind


def _zip(entries: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return out.getvalue()


def test_zip_bomb_reasons_name_what_is_wrong():
    assert zip_bomb_reason(b"PK\x03\x04 not really a zip", LIMITS) == "not a readable zip"
    three = _zip({"a.xml": b"a", "b.xml": b"b", "c.xml": b"c"})
    assert zip_bomb_reason(three, ExtractionLimits(max_zip_entries=3)) is None
    assert zip_bomb_reason(three, ExtractionLimits(max_zip_entries=2)) == "too many entries"
    assert zip_bomb_reason(three, ExtractionLimits(max_uncompressed_bytes=3)) is None
    assert zip_bomb_reason(three, ExtractionLimits(max_uncompressed_bytes=2)) == "uncompressed size too large"
    zeros = _zip({"word/document.xml": b"\0" * (2 * 1024 * 1024)})
    reason = zip_bomb_reason(zeros, LIMITS)
    assert reason is not None and reason.startswith("compression ratio") and reason.endswith("in word/document.xml")
    # A small, very compressible part (an empty sheet, a style table) is normal.
    assert zip_bomb_reason(_zip({"xl/styles.xml": b"\0" * (1024 * 1024)}), LIMITS) is None


def test_text_cut_inside_a_character_is_read_without_it():
    # The sniffed prefix of a file may end inside a UTF-8 character: the last bytes are dropped, not the encoding.
    cut = "Angebot für Müller".encode() + "中".encode()[:2]
    assert extract_text("a.txt", "text/plain", cut, LIMITS).text == "Angebot für Mülle"
    assert extract_text("a.txt", "text/plain", b"ab" + "中".encode()[:2], LIMITS).text == "a"
    # Too short to drop anything: the next encoding is tried.
    short = "中".encode()[:2]
    assert extract_text("a.txt", "text/plain", short, LIMITS).text == short.decode("gb18030")


def test_bytes_are_text_when_nine_in_ten_characters_are_printable():
    assert detect_type(b"abcdefghi\x01" * 10) == "txt"
    assert detect_type(b"abcd\x01\x02" * 10) == "unknown"
    assert detect_type(b"line one\r\n\tline two\n" * 10) == "txt"
    # The share is taken over the first 20,000 characters.
    assert detect_type(b"abcdefghi\x01" * 2000 + b"\x01\x01") == "txt"
    assert detect_type(b"\x01\x01" + b"abcdefghi\x01" * 2000) == "unknown"


def test_text_that_turns_to_binary_after_the_sniffed_part_is_refused():
    # The type is sniffed from the first 64 KB; the whole file must decode too, in one of the encodings.
    data = b"Preisliste 2027\n" * 5000 + b"\xff\x81 tail"
    assert detect_type(data) == "txt"
    assert extract_text("prices.txt", "text/plain", data, LIMITS) == Extraction("", False, "txt", "unsupported")


def test_a_language_is_guessed_from_two_common_words_or_enough_cjk():
    assert detect_language("これは日本語のテキストです。よろしくお願いします。") == "ja"  # kana among the kanji
    assert detect_language("这是中文文本，请查收报价单。") == "zh"
    assert detect_language("Module und die Kataloge") == "de"
    assert detect_language("Module und Kataloge") is None  # one common word is no evidence
    assert detect_language("Hi there") is None  # a short ASCII text has no CJK in it


_WORD = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _docx_with_body(body: str, doctype: str = "") -> bytes:
    """A DOCX container whose word/document.xml holds `body` as written (runs, breaks, entities)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?>{doctype}<w:document {_WORD}><w:body>{body}</w:body></w:document>',
        )
    return out.getvalue()


def test_a_paragraph_of_several_runs_tabs_and_breaks_is_one_line():
    body = (
        "<w:p><w:r><w:t>Angebot </w:t></w:r><w:r><w:t>Nr. 4711</w:t><w:tab/><w:t>SolarTech</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>Zeile eins</w:t><w:br/><w:t>Zeile zwei</w:t></w:r></w:p>"
    )
    result = extract_text("a.docx", "", _docx_with_body(body), LIMITS)
    assert result == Extraction("Angebot Nr. 4711\tSolarTech\nZeile eins\nZeile zwei", False, "docx")
    cut = extract_text("a.docx", "", _docx_with_body(body), ExtractionLimits(max_chars=10))
    assert cut == Extraction("Angebot Nr", True, "docx")


def test_entities_in_a_document_are_not_expanded():
    doctype = '<!DOCTYPE w:document [<!ENTITY boom "EXPANDED-ENTITY">]>'
    body = "<w:p><w:r><w:t>Price: &boom;</w:t></w:r></w:p>"
    result = extract_text("a.docx", "", _docx_with_body(body, doctype), LIMITS)
    assert "EXPANDED-ENTITY" not in result.text
