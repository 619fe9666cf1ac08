"""The import upserts by natural key (organization name, domain, contact address) in bulk, on both engines."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from app.directory import repository
from app.directory.models import Contact, Organization, OrganizationDomain
from app.tenants.models import Tenant
from tests.directory.test_import import HEADER, orgs, post_csv
from tests.helpers import ADMIN

ROWS = HEADER + (
    "SolarTech GmbH,customer,solartech.example,,,,Michael Schmidt,m.schmidt@solartech.example,de\n"
    "SolarTech GmbH,customer,,,,,Anna Becker,a.becker@solartech.example,de\n"
    "Nordwind AG,partner,nordwind.example,Nordwind,,,Jan Ohm,jan@nordwind.example,de\n"
)


def _versions(db: Session) -> list[int]:
    db.expire_all()
    return [t.version for t in db.exec(select(Tenant)).all()]


def _contact_ids(db: Session) -> dict[str, str]:
    db.expire_all()
    return {c.email: str(c.id) for c in db.exec(select(Contact)).all()}


def test_importing_the_same_file_again_changes_nothing(client: TestClient, db: Session) -> None:
    assert post_csv(client, ROWS).json()["created"] == 2
    versions, ids = _versions(db), _contact_ids(db)
    body = post_csv(client, ROWS).json()
    assert (body["created"], body["updated"], body["contacts_created"], body["contacts_updated"]) == (0, 0, 0, 0)
    assert _versions(db) == versions  # nothing written: no index rebuild is asked for
    assert _contact_ids(db) == ids
    assert len(db.exec(select(OrganizationDomain)).all()) == 2


def test_changed_rows_update_in_place_and_leave_other_organizations_alone(client: TestClient, db: Session) -> None:
    post_csv(client, ROWS)
    ids = _contact_ids(db)
    nordwind_before = db.exec(select(Organization).where(Organization.name == "Nordwind AG")).one().updated_at
    change = HEADER + "solartech gmbh,customer,solartech.de,,,,Michael Schmidt-Kurz,m.schmidt@solartech.example,en\n"
    body = post_csv(client, change).json()
    assert (body["created"], body["updated"], body["contacts_created"], body["contacts_updated"]) == (0, 1, 0, 1)
    assert _contact_ids(db) == ids  # the same contact rows, updated rather than replaced
    solartech = orgs(client)["SolarTech GmbH"]
    assert solartech["domains"] == ["solartech.de", "solartech.example"]
    michael = next(c for c in solartech["contacts"] if c["email"] == "m.schmidt@solartech.example")
    assert (michael["name"], michael["language"]) == ("Michael Schmidt-Kurz", "en")
    db.expire_all()
    assert db.exec(select(Organization).where(Organization.name == "Nordwind AG")).one().updated_at == nordwind_before


def test_a_dry_run_reports_what_the_import_then_does_and_writes_nothing(client: TestClient, db: Session) -> None:
    assert orgs(client) == {}  # signs the tenant up
    versions = _versions(db)
    preview = client.post(
        "/v1/organizations/import",
        params={"dry_run": "true"},
        content=ROWS.encode(),
        headers={**ADMIN, "Content-Type": "text/csv"},
    ).json()
    assert preview["dry_run"] is True and _versions(db) == versions
    assert db.exec(select(Organization)).all() == []
    done = post_csv(client, ROWS).json()
    assert {**preview, "dry_run": False} == done


def test_files_naming_more_rows_than_one_query_takes_are_read_in_chunks(
    client: TestClient, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(repository, "IN_CHUNK", 3)
    rows = "".join(f"Org {i},customer,org{i}.example,,,,P {i},p{i}@org{i}.example,de\n" for i in range(10))
    assert post_csv(client, HEADER + rows).json()["created"] == 10
    again = rows.replace(",de\n", ",fr\n") + "Thief,customer,org7.example,,,,,,\n"
    body = post_csv(client, HEADER + again).json()
    assert (body["created"], body["updated"], body["contacts_updated"]) == (0, 10, 10)
    assert [e["message"] for e in body["errors"]] == ["domain org7.example already belongs to another organization"]
    db.expire_all()
    assert {c.language for c in db.exec(select(Contact)).all()} == {"fr"}
    assert len(db.exec(select(col(Organization.id))).all()) == 10
