"""Reading a directory upload: CSV or XLSX, as the raw body with its content type or as the multipart field `file`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from fastapi import Request
from starlette.datastructures import UploadFile

from app.directory.exceptions import CsvTooLarge, InvalidCsv, UnsupportedImportType

_CHUNK = 64 * 1024
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_CSV_TYPES = frozenset({"text/csv", "text/plain", "application/csv", "text/tab-separated-values", ""})
# Both formats may arrive untyped: the bytes decide (an XLSX file is a zip archive).
_SNIFFED_TYPES = frozenset({"application/octet-stream", "application/zip", "application/vnd.ms-excel"})
_ZIP_MAGIC = b"PK\x03\x04"

FileKind = Literal["csv", "xlsx"]


@dataclass(frozen=True, slots=True)
class Upload:
    data: bytes
    kind: FileKind


def _media_type(header: str | None) -> str:
    return (header or "").split(";", 1)[0].strip().lower()


def _kind(media_type: str, data: bytes, filename: str = "") -> FileKind:
    if media_type == XLSX_TYPE or filename.lower().endswith(".xlsx") or data.startswith(_ZIP_MAGIC):
        return "xlsx"
    return "csv"


async def read_directory_upload(request: Request, max_bytes: int) -> Upload:
    content_type = _media_type(request.headers.get("content-type"))
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes + _CHUNK:
        raise CsvTooLarge(details={"max_bytes": max_bytes})
    if content_type == "multipart/form-data":
        return await _read_multipart(request, max_bytes)
    if content_type in _CSV_TYPES or content_type in _SNIFFED_TYPES or content_type == XLSX_TYPE:
        data = await _read_stream(request, max_bytes)
        return Upload(data, _kind(content_type, data))
    raise UnsupportedImportType(details={"content_type": content_type, "accepted": ["text/csv", XLSX_TYPE]})


async def _read_stream(request: Request, max_bytes: int) -> bytes:
    buffer = bytearray()
    async for chunk in request.stream():
        buffer.extend(chunk)
        if len(buffer) > max_bytes:
            raise CsvTooLarge(details={"max_bytes": max_bytes})
    return bytes(buffer)


async def _read_multipart(request: Request, max_bytes: int) -> Upload:
    try:
        form = await request.form(max_files=1, max_fields=5, max_part_size=max_bytes + 1)
    except Exception as exc:
        if "size" in str(exc).lower():
            raise CsvTooLarge(details={"max_bytes": max_bytes}) from exc
        raise InvalidCsv("The multipart form could not be read.") from exc
    upload = form.get("file")
    if not isinstance(upload, UploadFile):
        raise InvalidCsv("The form has no file field named 'file'.")
    data = await upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise CsvTooLarge(details={"max_bytes": max_bytes})
    return Upload(data, _kind(_media_type(upload.content_type), data, upload.filename or ""))
