from __future__ import annotations

import hmac

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from starlette.concurrency import run_in_threadpool

from app.common import is_loopback
from app.db import database_reachable
from app.deps import SettingsDep
from app.errors import Forbidden, error_body

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


class MetricsForbidden(Forbidden):
    code = "metrics_forbidden"
    message = "Metrics are served to this machine, or with 'Authorization: Bearer <METRICS_TOKEN>'."


async def metrics_access(request: Request, settings: SettingsDep) -> None:
    """Outside dev mode /metrics (routes, volumes, verdicts) goes to the local scraper or a token holder."""
    if settings.auth_mode == "dev":
        return
    client = request.client.host if request.client else ""
    if is_loopback(client):
        return
    token = settings.metrics_token.get_secret_value()
    scheme, _, sent = request.headers.get("authorization", "").partition(" ")
    if token and scheme.lower() == "bearer" and hmac.compare_digest(sent.strip().encode(), token.encode()):
        return
    raise MetricsForbidden()


@router.get("/metrics", response_class=Response, dependencies=[Depends(metrics_access)])
def metrics(request: Request) -> Response:
    return Response(generate_latest(request.app.state.metrics.registry), media_type=CONTENT_TYPE_LATEST)
