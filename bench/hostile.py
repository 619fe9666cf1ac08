"""Hostile attachments, made on the spot: what `make soak` sends and the extraction tests read."""

from __future__ import annotations

import io
import random
import zipfile

import docx
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

MB = 1024 * 1024


def pdf_pages(contents: list[bytes]) -> bytes:
    """A PDF with one page per content stream (Helvetica as /F1)."""
    writer = PdfWriter()
    for content in contents:
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
        stream.set_data(content)
        page[NameObject("/Contents")] = writer._add_object(stream.flate_encode())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def text_pdf(lines: list[str]) -> bytes:
    """An ordinary PDF: one Helvetica line per page."""
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    return pdf_pages([f"BT /F1 12 Tf 50 800 Td ({line}) Tj ET".encode("latin-1") for line in escaped])


def slow_pdf(pages: int = 15, operators: int = 22_000) -> bytes:
    """`pages` pages of `operators` text-show operations each (just under the per-page content cap), deflated:
    ~30 KB that take pypdf about a second per page."""
    return pdf_pages([b"BT /F1 12 Tf 50 800 Td (SolarTech) Tj ET\n" * operators] * pages)


def inflating_docx(target: int = 100 * MB) -> bytes:
    """About 1 MB of DOCX whose document.xml inflates to `target` bytes of text-free paragraphs (ratio ~100, under
    the zip-bomb check's limit)."""
    rng = random.Random(7)
    unit = b'<w:p><w:pPr><w:spacing w:after="%d"/></w:pPr><w:r><w:rPr><w:b/><w:i/></w:rPr></w:r></w:p>'
    body = io.BytesIO()
    body.write(b'<?xml version="1.0" encoding="UTF-8"?>')
    body.write(b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    while body.tell() < target:
        body.write(b"".join(unit % rng.randrange(3) for _ in range(1000)))
    body.write(b"</w:body></w:document>")
    template = io.BytesIO()
    docx.Document().save(template)
    out = io.BytesIO()
    with zipfile.ZipFile(template) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            content = body.getvalue() if item.filename == "word/document.xml" else src.read(item.filename)
            dst.writestr(item.filename, content)
    return out.getvalue()
