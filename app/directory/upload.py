"""Reading a CSV upload sent either as a raw text/csv body or as a multipart form field `file`."""

from __future__ import annotations

from fastapi import Request
from starlette.datastructures import UploadFile

from app.directory.exceptions import CsvTooLarge, InvalidCsv

_CHUNK = 64 * 1024


async def read_csv_upload(request: Request, max_bytes: int) -> bytes:
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes + _CHUNK:
        raise CsvTooLarge(details={"max_bytes": max_bytes})
    if content_type == "multipart/form-data":
        return await _read_multipart(request, max_bytes)
    if content_type in ("text/csv", "text/plain", "application/csv", "application/octet-stream", ""):
        return await _read_stream(request, max_bytes)
    raise InvalidCsv(
        f"Send the CSV as text/csv or as a multipart form field 'file', not {content_type}.",
        code="unsupported_media_type",
    )


async def _read_stream(request: Request, max_bytes: int) -> bytes:
    buffer = bytearray()
    async for chunk in request.stream():
        buffer.extend(chunk)
        if len(buffer) > max_bytes:
            raise CsvTooLarge(details={"max_bytes": max_bytes})
    return bytes(buffer)


async def _read_multipart(request: Request, max_bytes: int) -> bytes:
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
    return data
