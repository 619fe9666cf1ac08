from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.demo import load_demo_data


@pytest.fixture
def demo(client: TestClient, db: Session) -> Iterator[TestClient]:
    """A client against the demo tenant (Acme Trade and its customers)."""
    load_demo_data(db)
    yield client
