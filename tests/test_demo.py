from __future__ import annotations

from collections import Counter

from fastapi.testclient import TestClient
from sqlmodel import Session

from app.demo import load_demo_data
from tests.helpers import ADMIN


def test_demo_loads_once_into_an_empty_database(client: TestClient, db: Session) -> None:
    assert load_demo_data(db) is True
    assert load_demo_data(db) is False
    items = client.get("/v1/organizations", params={"limit": 500}, headers=ADMIN).json()["items"]
    kinds = Counter(o["kind"] for o in items)
    assert kinds["customer"] >= 10 and kinds["partner"] >= 1 and kinds["competitor"] == 1
    groups = Counter(o["rival_group"] for o in items if o["rival_group"])
    assert len(groups) == 2 and all(n >= 2 for n in groups.values())
    languages = {c["language"] for o in items for c in o["contacts"]}
    assert {"de", "es", "fr", "zh-CN", "en"} <= languages
    solartech = next(o for o in items if o["name"] == "SolarTech GmbH")
    assert "solartech.de" in solartech["domains"]
