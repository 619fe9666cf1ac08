from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.concurrency import run_in_threadpool

from app.db import database_reachable
from app.errors import error_body

router = APIRouter(tags=["operations"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "Database unreachable or indexes still building"}})
async def readyz(request: Request) -> JSONResponse:
    if not request.app.state.index_cache.ready.is_set():
        return JSONResponse(error_body("warming_up", "The directory indexes are still being built."), status_code=503)
    if await run_in_threadpool(database_reachable, request.app.state.engine):
        return JSONResponse({"status": "ready", "database": "ok"})
    return JSONResponse(error_body("database_unavailable", "The database is unreachable."), status_code=503)


@router.get("/metrics", response_class=Response)
def metrics(request: Request) -> Response:
    return Response(generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST)
