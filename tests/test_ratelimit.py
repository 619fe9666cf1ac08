from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient

from app.ratelimit import RateLimiter
from tests.directory.test_organizations import assert_error
from tests.helpers import headers


def test_bucket_refills_over_time() -> None:
    now = [0.0]
    limiter = RateLimiter(per_minute=2, clock=lambda: now[0])
    assert limiter.take("u") == 0 and limiter.take("u") == 0
    wait = limiter.take("u")
    assert 29 <= wait <= 31
    assert limiter.take("other") == 0
    now[0] += 30.5
    assert limiter.take("u") == 0


def test_check_and_scan_answer_429_with_retry_after(client: TestClient, app: Any) -> None:
    app.state.rate_limiters["check"] = RateLimiter(per_minute=3)
    alex = headers("alex@acme-trade.example")
    body = {"draft": {"to": [{"email": "a@customer.example"}]}}
    statuses = [client.post("/v1/drafts/check", json=body, headers=alex).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    limited = client.post("/v1/drafts/check", json=body, headers=alex)
    error = assert_error(limited, 429, "rate_limited")
    assert int(limited.headers["Retry-After"]) >= 1 and error["details"]["retry_after_seconds"] >= 1
    # another user has a bucket of their own
    assert client.post("/v1/drafts/check", json=body, headers=headers("lin@acme-trade.example")).status_code == 200
    app.state.rate_limiters["scan"] = RateLimiter(per_minute=1)
    scan = {"name": "a.txt", "content_base64": "aGVsbG8="}
    assert client.post("/v1/attachments/scan", json=scan, headers=alex).status_code == 200
    assert_error(client.post("/v1/attachments/scan", json=scan, headers=alex), 429)


def test_with_redis_unreachable_a_user_is_limited_by_this_process() -> None:
    import asyncio

    import redis.asyncio as aredis

    from app.ratelimit import RedisRateLimiter

    async def takes() -> list[float]:
        client = aredis.Redis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.2, socket_timeout=0.2)
        limiter = RedisRateLimiter(client, "check", per_minute=2, prefix="test:")
        try:
            return [await limiter.take_async("tenant:user") for _ in range(3)]
        finally:
            await client.aclose()

    first, second, third = asyncio.run(takes())
    assert first == 0 and second == 0 and 29 <= third <= 31
