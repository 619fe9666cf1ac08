"""Application factory: `app = create_app()`; the lifespan builds the engine and brings the schema up to date."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from app.addin.gmail_demo import router as gmail_demo_router
from app.addin.router import router as addin_router
from app.addin.security import cors_options
from app.addons.gmail.router import router as gmail_addon_router
from app.admin.router import router as admin_router
from app.auth.dev import check_dev_auth_at_start
from app.changes import ChangeNotices, register
from app.checks.extraction import INLINE_TEXT_BYTES, ExtractionPool
from app.checks.history import user_history
from app.checks.index_cache import IndexCache
from app.checks.on_loop import NoIoSessions
from app.checks.recorder import CheckRecorder
from app.checks.router import router as checks_router
from app.config import Settings, get_settings
from app.connections import ConnectionRecycleMiddleware
from app.db import create_db_engine, migrate
from app.db_timeouts import DatabaseTimeouts
from app.directory.router import groups_router as rival_groups_router
from app.directory.router import router as directory_router
from app.docs import install_docs
from app.errors import ERROR_RESPONSES, install_error_handlers
from app.health import router as health_router
from app.incidents.router import router as incidents_router
from app.insight.router import router as insight_router
from app.landing import router as landing_router
from app.learning.router import router as learning_router
from app.learning.runner import LearningRunner
from app.limits import BodySizeLimitMiddleware, JsonShapeLimitMiddleware
from app.mailbox.dependencies import build_provider
from app.memory import limit_malloc_arenas
from app.observability import Metrics, MetricsMiddleware
from app.policies.router import router as policy_router
from app.privacy.router import router as privacy_router
from app.ratelimit import Limiter, RateLimiter, RedisRateLimiter
from app.scheduling.router import held_router
from app.scheduling.router import router as scheduling_router
from app.scheduling.worker import Worker
from app.templates.router import router as templates_router
from app.tenants.cache import identities
from app.tenants.router import router as me_router
from app.watch.router import router as watch_router

if TYPE_CHECKING:  # redis is imported only with REDIS_URL (14 MB per worker otherwise)
    import redis.asyncio as aredis

log = logging.getLogger("app")


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    check_dev_auth_at_start(settings)
    limit_malloc_arenas()  # before the lifespan starts the threads (see app/memory.py)
    engine = create_db_engine(settings.database_url, DatabaseTimeouts.of(settings))
    # Process-wide caches describe one database: a new app (another database, in tests) starts empty.
    identities.clear()
    user_history.clear()
    metrics = Metrics()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.migrate_on_start:
            await run_in_threadpool(migrate, engine)
        await run_in_threadpool(app.state.extractor.start)
        mailbox_start = getattr(app.state.mailbox, "start", None)
        if mailbox_start is not None:
            await mailbox_start()  # Graph: opens its shared httpx.AsyncClient
        if app.state.recorder is not None:
            app.state.recorder.start()
        stop_worker = asyncio.Event()
        listener = asyncio.create_task(notices.listen(stop_worker), name="change-notices")
        # Every tenant's index is built before the first request is served: no check waits for a build.
        await run_in_threadpool(index_cache.warm)
        await run_in_threadpool(index_cache.ready.wait)
        # Again here: the provider may have been replaced before startup (tests, fakes).
        app.state.learning_runner = LearningRunner(engine, app.state.mailbox)
        await app.state.learning_runner.open()
        worker_task = None
        if settings.scheduler_enabled:
            worker = Worker(engine, app.state.mailbox, settings)
            worker_task = asyncio.create_task(worker.run(stop_worker), name="scheduled-sends")
        try:
            yield
        finally:
            stop_worker.set()
            await app.state.learning_runner.aclose()
            if worker_task is not None:
                await worker_task
            await listener
            await run_in_threadpool(index_cache.close)
            notices.close()
            if shared is not None:
                await shared.aclose()
            mailbox_close = getattr(app.state.mailbox, "aclose", None)
            if mailbox_close is not None:
                await mailbox_close()
            entra_validator = getattr(app.state, "entra_validator", None)
            if entra_validator is not None:
                entra_validator.close()
            if app.state.recorder is not None:
                await run_in_threadpool(app.state.recorder.close)
            await run_in_threadpool(app.state.extractor.close)
            engine.dispose()

    app = FastAPI(
        title="SendGuard",
        version="1.0.0",
        summary="Checks outgoing mail for wrong recipients and helps recover from misdirected sends.",
        lifespan=lifespan,
        responses=ERROR_RESPONSES,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.metrics = metrics
    app.state.no_io_sessions = NoIoSessions(engine)
    index_cache = app.state.index_cache = IndexCache(engine, index_dir=Path(settings.index_dir))
    app.state.extractor = ExtractionPool(
        settings.extraction_workers, settings.extraction_memory_mb * 1024 * 1024, inline_text_bytes=INLINE_TEXT_BYTES
    )
    notices = app.state.notices = ChangeNotices(settings.redis_url, settings.redis_prefix)
    notices.subscribe(identities.forget_tenant)
    notices.subscribe(index_cache.refresh)
    register(engine, notices)
    batch = settings.check_record_batch_seconds
    app.state.recorder = CheckRecorder(engine, batch) if batch > 0 else None
    shared = _shared_redis(settings)
    app.state.rate_limiters = _rate_limiters(settings, shared)
    app.state.mailbox = build_provider(settings)
    app.state.learning_runner = LearningRunner(engine, app.state.mailbox)
    install_error_handlers(app)
    install_docs(app, settings)
    app.include_router(health_router)
    # Routes are matched in order: the check, the most frequent request by far, is looked for first.
    app.include_router(checks_router)
    app.include_router(landing_router)
    app.include_router(policy_router)
    app.include_router(directory_router)
    app.include_router(learning_router)
    app.include_router(rival_groups_router)
    app.include_router(templates_router)
    app.include_router(incidents_router)
    app.include_router(insight_router)
    app.include_router(me_router)
    app.include_router(scheduling_router)
    app.include_router(held_router)
    app.include_router(privacy_router)
    app.include_router(watch_router)
    app.include_router(addin_router)
    app.include_router(gmail_demo_router)
    app.include_router(admin_router)
    app.include_router(gmail_addon_router)
    app.add_middleware(JsonShapeLimitMiddleware)
    app.add_middleware(BodySizeLimitMiddleware, max_bytes=settings.max_request_bytes)
    app.add_middleware(MetricsMiddleware, metrics=metrics)
    # Outermost: browsers may call the API only from the add-in's own origins.
    app.add_middleware(CORSMiddleware, **cors_options(settings))
    app.add_middleware(ConnectionRecycleMiddleware, max_requests=settings.connection_max_requests)
    return app


def _shared_redis(settings: Settings) -> aredis.Redis | None:
    if not settings.redis_url:
        return None
    import redis.asyncio as aredis  # only with REDIS_URL: 14 MB per worker otherwise

    return aredis.Redis.from_url(settings.redis_url, socket_timeout=1.0)


def _rate_limiters(settings: Settings, shared: aredis.Redis | None) -> dict[str, Limiter]:
    limits = {"check": settings.rate_limit_checks_per_minute, "scan": settings.rate_limit_scans_per_minute}
    if shared is None:
        return {name: RateLimiter(per_minute) for name, per_minute in limits.items()}
    return {
        name: RedisRateLimiter(shared, name, per_minute, settings.redis_prefix) for name, per_minute in limits.items()
    }


def _configure_logging() -> None:
    logging.basicConfig(level=get_settings().log_level, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    # Client libraries log request URLs (message ids, search terms) at INFO: keep them out of the logs.
    # SQLAlchemy at INFO logs every statement: keep it at WARNING whatever LOG_LEVEL says.
    for noisy in ("httpx", "httpcore", "googleapiclient.discovery", "msal", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


_configure_logging()
app = create_app()
