"""Two service processes sharing one Redis: exact per-user rate limits, change notices within a second."""

from __future__ import annotations

import math
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
import redis
from sqlmodel import Session

from app.db import create_db_engine, migrate
from app.demo import load_demo_data
from tests.helpers import headers
from tests.live_server import free_port

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
ADMIN = headers("admin@acme-trade.example", admin=True)
RATE_LIMIT = 30


@pytest.fixture(scope="module")
def redis_prefix() -> Iterator[str]:
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=2)
    try:
        client.ping()
    except redis.RedisError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"Redis not reachable at {REDIS_URL}: {exc}")
        pytest.skip(f"Redis not reachable at {REDIS_URL}")
    prefix = f"sendguard-test:{uuid.uuid4().hex}:"
    yield prefix
    for key in client.scan_iter(match=f"{prefix}*"):
        client.delete(key)
    client.close()


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One SQLite file both processes open (the database engine is not what these tests are about)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('shared') / 'sendguard.db'}"
    engine = create_db_engine(url)
    migrate(engine)
    with Session(engine) as session:
        load_demo_data(session)
    engine.dispose()
    yield url


def _start(database_url: str, redis_url: str, prefix: str) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "AUTH_MODE": "dev",
        "MAILBOX_PROVIDER": "fake",
        "MIGRATE_ON_START": "false",
        "SCHEDULER_ENABLED": "false",
        "CHECK_RECORD_BATCH_SECONDS": "0",
        "RATE_LIMIT_CHECKS_PER_MINUTE": str(RATE_LIMIT),
        "REDIS_URL": redis_url,
        "REDIS_PREFIX": prefix,
        "LOG_LEVEL": "WARNING",
    }
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--port", str(port), "--log-level", "warning"]
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return process, f"http://127.0.0.1:{port}"


def _wait_ready(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert process.poll() is None, "the service process exited"
        try:
            if httpx.get(f"{base}/readyz", timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError(f"{base} never became ready")


@contextmanager
def _replicas(database: str, redis_url: str, prefix: str) -> Iterator[list[httpx.Client]]:
    started = [_start(database, redis_url, prefix) for _ in range(2)]
    clients = []
    try:
        for process, base in started:
            _wait_ready(base, process)
            clients.append(httpx.Client(base_url=base, timeout=10))
        yield clients
    finally:
        for client in clients:
            client.close()
        for process, _ in started:
            process.terminate()
            process.wait(10)


@pytest.fixture(scope="module")
def replicas(database: str, redis_prefix: str) -> Iterator[list[httpx.Client]]:
    with _replicas(database, REDIS_URL, redis_prefix) as clients:
        yield clients


def _check(client: httpx.Client, to: str = "m.schmidt@solartech.de", user: str = "alex") -> httpx.Response:
    body = {"draft": {"to": [{"email": to}], "body": "Hello"}}
    return client.post("/v1/drafts/check", json=body, headers=headers(f"{user}@acme-trade.example"))


def _allowed(clients: list[httpx.Client], requests: int, user: str) -> tuple[int, float]:
    """How many of `requests` checks, spread over the clients in turn, were let through; and the seconds taken."""
    started = time.monotonic()
    statuses = [_check(clients[n % len(clients)], user=user).status_code for n in range(requests)]
    assert set(statuses) <= {200, 429}
    return statuses.count(200), time.monotonic() - started


def _refilled(seconds: float) -> int:
    return math.ceil(seconds * RATE_LIMIT / 60)


def test_a_users_rate_limit_is_exact_across_replicas(replicas: list[httpx.Client]) -> None:
    # Each replica alone would let all 45 through (its own bucket of 30 sees only half of them).
    allowed, seconds = _allowed(replicas, 45, user="rita")
    assert RATE_LIMIT <= allowed <= RATE_LIMIT + _refilled(seconds)
    limited = _check(replicas[1], user="rita")
    assert limited.status_code == 429 and limited.json()["error"]["code"] == "rate_limited"


def test_without_reachable_redis_each_replica_limits_on_its_own(database: str, redis_prefix: str) -> None:
    with _replicas(database, "redis://127.0.0.1:1/0", redis_prefix) as clients:
        for replica in clients:  # checks are still answered, each process enforcing its own buckets
            allowed, seconds = _allowed([replica], RATE_LIMIT + 5, user="otto")
            assert RATE_LIMIT <= allowed <= RATE_LIMIT + _refilled(seconds)


def test_a_directory_change_reaches_the_other_replica_within_a_second(replicas: list[httpx.Client]) -> None:
    writer, reader = replicas
    address = "buyer@zephyrion.example"
    _check(reader, address)  # the first request creates the user; the next ones use the cached identity
    before = _check(reader, address).json()
    assert "competitor_recipient" not in {f["code"] for f in before["findings"]}
    created = writer.post(
        "/v1/organizations",
        json={"name": "Zephyrion Holdings", "kind": "competitor", "domains": ["zephyrion.example"]},
        headers=ADMIN,
    )
    assert created.status_code == 201
    # Without the notice the reader would go on using its cached tenant row and index for 5 s.
    deadline = time.monotonic() + 1.0
    seen = False
    while not seen and time.monotonic() < deadline:
        seen = "competitor_recipient" in {f["code"] for f in _check(reader, address).json().get("findings", [])}
        time.sleep(0.05)
    assert seen, "the other replica did not see the change within 1 s"
