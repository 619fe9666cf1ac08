"""Import formats an admin actually has: Excel workbooks, CSV from German Excel (`;`), tab-separated text;
and the preview that says what an import would do before anything is written."""

from __future__ import annotations

import io

from fastapi.testclient import TestClient
from openpyxl import Workbook

from app.directory.tables import sniff_delimiter
from tests.directory.test_import import HEADER, orgs, post_csv
from tests.directory.test_organizations import assert_error
from tests.helpers import ADMIN

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLUMNS = [*HEADER.strip().split(","), "customer_code", "country"]


def workbook(rows: list[list[object]], header: list[str] = COLUMNS) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


SOLAR_ROW: list[object] = [
    "SolarTech GmbH", "customer", "solartech.example;solartech.de", "SolarTech", "solar-dach",
    "alex@acme-trade.example", "Michael Schmidt", "m.schmidt@solartech.example", "de", 1001, "de",
]  # fmt: skip


def test_xlsx_as_body_with_its_content_type(client: TestClient) -> None:
    data = workbook([SOLAR_ROW, ["Broken", "friend"]])
    response = client.post("/v1/organizations/import", content=data, headers={**ADMIN, "Content-Type": XLSX})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["created"], body["contacts_created"]) == (1, 1)
    assert [(e["line"], e["organization"]) for e in body["errors"]] == [(3, "Broken")]
    solar = orgs(client)["SolarTech GmbH"]
    # A number typed into Excel comes back as 1001, not 1001.0; the country is upper-cased.
    assert (solar["customer_code"], solar["country"]) == ("1001", "DE")
    assert solar["domains"] == ["solartech.de", "solartech.example"]


def test_xlsx_as_form_field_file(client: TestClient) -> None:
    files = {"file": ("directory.xlsx", workbook([SOLAR_ROW]), XLSX)}
    response = client.post("/v1/organizations/import", files=files, headers=ADMIN)
    assert response.status_code == 200, response.text
    assert response.json()["created"] == 1


def test_xlsx_header_errors_and_broken_workbooks_are_422(client: TestClient) -> None:
    bad_header = workbook([SOLAR_ROW], header=["firm", "kind"])
    response = client.post("/v1/organizations/import", content=bad_header, headers={**ADMIN, "Content-Type": XLSX})
    assert_error(response, 422, "invalid_csv")
    assert response.json()["error"]["details"]["missing"] == ["organization"]
    truncated = workbook([SOLAR_ROW])[:200]
    response = client.post("/v1/organizations/import", content=truncated, headers={**ADMIN, "Content-Type": XLSX})
    assert_error(response, 422, "invalid_csv")
    assert orgs(client) == {}


def test_semicolon_and_tab_delimiters(client: TestClient) -> None:
    semicolon = HEADER.replace(",", ";") + (
        "Müller GmbH;customer;mueller.example;;;;Hans Müller;h.mueller@mueller.example;de\n"
        '"Komma, Punkt AG";prospect;komma.example;;;;;;\n'
    )
    response = post_csv(client, semicolon, bom=True)
    assert response.status_code == 200, response.text
    assert response.json()["created"] == 2, response.json()
    tab = HEADER.replace(",", "\t") + "Tabby Ltd\tcustomer\ttabby.example\t\t\t\t\t\t\n"
    response = client.post(
        "/v1/organizations/import", content=tab.encode(), headers={**ADMIN, "Content-Type": "text/tab-separated-values"}
    )
    assert response.status_code == 200, response.text
    assert set(orgs(client)) == {"Müller GmbH", "Komma, Punkt AG", "Tabby Ltd"}


def test_delimiter_is_the_one_the_header_uses() -> None:
    assert sniff_delimiter("organization;kind;domains") == ";"
    assert sniff_delimiter("organization\tkind") == "\t"
    assert sniff_delimiter("organization,kind;x") == ","
    assert sniff_delimiter("organization") == ","


def test_dry_run_previews_and_writes_nothing(client: TestClient) -> None:
    client.post("/v1/organizations", json={"name": "Existing AG", "kind": "prospect"}, headers=ADMIN)
    csv_text = HEADER + (
        "Existing AG,customer,existing.example,,,,,,\n"
        "Fresh GmbH,customer,fresh.example,,,,Eva,eva@fresh.example,de\n"
        "Wrong,friend,,,,,,,\n"
    )
    response = client.post(
        "/v1/organizations/import",
        params={"dry_run": "true"},
        content=csv_text.encode(),
        headers={**ADMIN, "Content-Type": "text/csv"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["dry_run"] is True
    assert (body["created"], body["updated"], body["contacts_created"]) == (1, 1, 1)
    assert body["preview"] == [
        {"organization": "Fresh GmbH", "action": "create"},
        {"organization": "Existing AG", "action": "update"},
    ]
    assert [(e["line"], e["organization"]) for e in body["errors"]] == [(4, "Wrong")]
    after = orgs(client)
    assert set(after) == {"Existing AG"}
    assert (after["Existing AG"]["kind"], after["Existing AG"]["domains"]) == ("prospect", [])
    applied = post_csv(client, csv_text).json()
    assert (applied["dry_run"], applied["created"], applied["updated"]) == (False, 1, 1)
    assert orgs(client)["Existing AG"]["kind"] == "customer"


def test_json_body_is_415(client: TestClient) -> None:
    response = client.post("/v1/organizations/import", json=[{"organization": "X"}], headers=ADMIN)
    assert_error(response, 415, "unsupported_media_type")
    assert "text/csv" in response.json()["error"]["details"]["accepted"]


def test_rival_groups_list_their_members(client: TestClient) -> None:
    csv_text = HEADER + (
        "SolarTech GmbH,customer,solartech.example,,solar-dach,,,,\n"
        "SunPeak Energy,customer,sunpeak.example,,solar-dach,,,,\n"
        "AquaFlow,customer,aquaflow.example,,pumps-latam,,,,\n"
        "Loner,customer,loner.example,,,,,,\n"
    )
    post_csv(client, csv_text)
    groups = client.get("/v1/rival-groups", headers=ADMIN).json()
    assert [(g["name"], [m["name"] for m in g["members"]]) for g in groups] == [
        ("pumps-latam", ["AquaFlow"]),
        ("solar-dach", ["SolarTech GmbH", "SunPeak Energy"]),
    ]
