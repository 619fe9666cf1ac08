"""The service as its users meet it: uvicorn in its own process on a loopback port and a SQLite file.

Browser tests start it with the database they prepared; it is stopped when the block ends.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
# Generous: on a loaded machine importing and migrating alone can take most of a minute.
START_SECONDS = 150


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(database_url: str, log: Path, **extra_env: str) -> Iterator[str]:
    """Serve the app (dev sign-in, the fake mailbox, no scheduler) on ``database_url``; yields its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": database_url, "AUTH_MODE": "dev", "MAILBOX_PROVIDER": "fake",
           "PUBLIC_BASE_URL": base, "SCHEDULER_ENABLED": "false", "LOG_LEVEL": "WARNING", **extra_env}  # fmt: skip
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(port)]
    with log.open("wb") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            _wait_until_up(base, proc, log)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def _wait_until_up(base: str, proc: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while True:
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"uvicorn did not start:\n{log.read_text(errors='replace')}")
        time.sleep(0.2)
