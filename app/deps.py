"""Dependency aliases shared by routers.

The light ones are `async def`: a sync dependency costs a threadpool hop on every request, and the
check path runs on every send.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from app.checks.extraction import ExtractionPool
from app.checks.index_cache import IndexCache
from app.config import Settings
from app.observability import Metrics


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_db(request: Request) -> AsyncIterator[Session]:
    # Opening a Session does no I/O (connections are taken lazily, in the threads that query).
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
SessionDep = Annotated[Session, Depends(get_db)]


async def get_index_cache(request: Request) -> IndexCache:
    cache: IndexCache = request.app.state.index_cache
    return cache


async def get_metrics(request: Request) -> Metrics:
    metrics: Metrics = request.app.state.metrics
    return metrics


IndexCacheDep = Annotated[IndexCache, Depends(get_index_cache)]
MetricsDep = Annotated[Metrics, Depends(get_metrics)]


async def get_extractor(request: Request) -> ExtractionPool:
    extractor: ExtractionPool = request.app.state.extractor
    return extractor


ExtractorDep = Annotated[ExtractionPool, Depends(get_extractor)]
