"""The builder process is a fresh interpreter (never a fork of the threaded server) that yields the cores to the
serving workers: checks answer from the previous index meanwhile, so a slower build costs nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.checks import index_builder
from app.checks.index_builder import BUILDER_NICENESS, HostBuilder


def _what_the_builder_sees() -> tuple[int, object]:
    return os.nice(0), getattr(index_builder, "_probe", None)


def test_the_builder_is_spawned_and_runs_below_the_workers_priority(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_builder, "_probe", "set in the server process", raising=False)
    builder = HostBuilder(sa.create_engine(f"sqlite:///{tmp_path / 'unused.db'}"), tmp_path)
    try:
        niceness, probe = builder._executor().submit(_what_the_builder_sees).result(timeout=60)
    finally:
        builder.close()
    assert probe is None  # a fork would have kept the server's module state
    assert niceness == min(os.nice(0) + BUILDER_NICENESS, 19)
