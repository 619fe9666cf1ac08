"""Typed application errors and the one handler that renders them.

Nothing below a router raises HTTPException: services raise an AppError subclass, and every error the
service returns has the body ``{"error": {"code", "message", "details"}}``.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DataError, DBAPIError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

log = logging.getLogger(__name__)


class AppError(Exception):
    status_code = 400
    code = "bad_request"
    message = "The request could not be processed."

    def __init__(
        self,
        message: str | None = None,
        *,
        details: Any = None,
        code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.message = message or type(self).message
        self.details = details
        if code:
            self.code = code
        self.headers = headers
        super().__init__(self.message)


class Unauthorized(AppError):
    status_code = 401
    code = "unauthorized"
    message = "Sign-in is required."


class Forbidden(AppError):
    status_code = 403
    code = "forbidden"
    message = "You are not allowed to do this."


class NotFound(AppError):
    status_code = 404
    code = "not_found"
    message = "Not found."


class Conflict(AppError):
    status_code = 409
    code = "conflict"
    message = "The request conflicts with the current state."


class PayloadTooLarge(AppError):
    status_code = 413
    code = "payload_too_large"
    message = "The request is too large."


class UnsupportedMediaType(AppError):
    status_code = 415
    code = "unsupported_media_type"
    message = "This content type is not accepted here."


class ValidationFailed(AppError):
    status_code = 422
    code = "validation_failed"
    message = "The request is not valid."


class RateLimited(AppError):
    status_code = 429
    code = "rate_limited"
    message = "Too many requests; try again shortly."


class ProviderUnavailable(AppError):
    status_code = 503
    code = "provider_unavailable"
    message = "A service SendGuard depends on is unavailable; try again shortly."


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: Any = None


class ErrorResponse(BaseModel):
    error: ErrorDetail


_ERROR_DESCRIPTIONS = {
    400: "Bad request",
    401: "No or invalid sign-in",
    403: "Not allowed",
    404: "Not found (also for ids of another tenant)",
    405: "Method not allowed",
    409: "Conflict with the current state",
    413: "Too large",
    415: "Unsupported media type",
    422: "Invalid input",
    429: "Rate limited; see Retry-After",
    503: "A dependency (database, mailbox) is unavailable; retry",
}
# Every route may answer with the error body: the schema says so, so clients and fuzzers can rely on it.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": text} for status, text in _ERROR_DESCRIPTIONS.items()
}


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "details": details}}


def _json_safe_validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    # Pydantic puts the offending input and exception objects in the error list; the input may be a
    # mail body (never echo it back into logs or responses) and exceptions are not JSON.
    return [
        {"loc": list(err.get("loc", ())), "msg": str(err.get("msg", "")), "type": str(err.get("type", ""))}
        for err in exc.errors()
    ]


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    429: "rate_limited",
}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(AppError)
    async def handle_app_error(_: Request, exc: AppError) -> JSONResponse:
        return JSONResponse(
            error_body(exc.code, exc.message, exc.details), status_code=exc.status_code, headers=exc.headers
        )

    @app.exception_handler(RequestValidationError)
    async def handle_validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(
            error_body("validation_failed", "The request is not valid.", _json_safe_validation_errors(exc)),
            status_code=422,
        )

    @app.exception_handler(StarletteHTTPException)
    async def handle_http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _STATUS_CODES.get(exc.status_code, "error")
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            headers["Allow"] = ", ".join(_allowed_methods(request))
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code, headers=headers or None)

    @app.exception_handler(PoolTimeout)
    async def handle_pool_timeout(_: Request, exc: PoolTimeout) -> JSONResponse:
        # Every pooled connection is busy, typically waiting on a database that stopped answering.
        log.warning("database unavailable: no free connection")
        return _database_unavailable()

    @app.exception_handler(DBAPIError)
    async def handle_db_error(_: Request, exc: DBAPIError) -> JSONResponse:
        # OperationalError covers refused connections, lost connections and timeouts: the database
        # is away, which the caller should hear as a retryable 503, not as our bug.
        if isinstance(exc, OperationalError) or exc.connection_invalidated:
            log.warning("database unavailable: %s", type(exc.orig).__name__ if exc.orig else "unknown")
            return _database_unavailable()
        if isinstance(exc, DataError):
            # The database refused a value (a NUL from a mailbox, a number out of range): the input is at
            # fault, and request validation should have caught it; say so without echoing the value.
            log.warning("database refused a value: %s", type(exc.orig).__name__ if exc.orig else "unknown")
            return JSONResponse(
                error_body("invalid_value", "A value in the request cannot be stored."), status_code=422
            )
        log.exception("database error")
        return JSONResponse(error_body("internal_error", "Something went wrong on our side."), status_code=500)

    @app.exception_handler(Exception)
    async def handle_unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error: %s", type(exc).__name__)
        return JSONResponse(error_body("internal_error", "Something went wrong on our side."), status_code=500)


def _database_unavailable() -> JSONResponse:
    return JSONResponse(
        error_body("database_unavailable", "The database is unavailable; try again shortly."),
        status_code=503,
        headers={"Retry-After": "5"},
    )


def _allowed_methods(request: Request) -> list[str]:
    """Every method any route offers for this path (Starlette's own header names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)
