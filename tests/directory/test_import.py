from __future__ import annotations

from fastapi.testclient import TestClient

from tests.directory.test_organizations import assert_error
from tests.helpers import ADMIN, MEMBER, OTHER_ADMIN

HEADER = "organization,kind,domains,aliases,rival_group,owner_email,contact_name,contact_email,language\n"


def post_csv(client: TestClient, text: str, *, bom: bool = False, headers: dict[str, str] = ADMIN):  # type: ignore[no-untyped-def]
    data = text.encode("utf-8-sig" if bom else "utf-8")
    return client.post("/v1/organizations/import", content=data, headers={**headers, "Content-Type": "text/csv"})


def orgs(client: TestClient, q: str | None = None) -> dict[str, dict]:
    params = {"limit": 500, **({"q": q} if q else {})}
    return {o["name"]: o for o in client.get("/v1/organizations", params=params, headers=ADMIN).json()["items"]}


def test_utf8_bom_and_chinese_names(client: TestClient) -> None:
    csv_text = HEADER + (
        "上海光能科技有限公司,customer,guangneng.example,光能科技,,lin.wei@acme-trade.example,王伟,wang.wei@guangneng.example,zh-CN\n"
        "上海光能科技有限公司,customer,,,,,李娜,li.na@guangneng.example,zh-CN\n"
        "Müller & Söhne KG,partner,meyer-soehne.example,Meyer & Söhne,,,Thomas Müller,t.mueller@meyer-soehne.example,de\n"
    )
    response = post_csv(client, csv_text, bom=True)
    assert response.status_code == 200, response.text
    assert response.json() == {
        "created": 2,
        "updated": 0,
        "contacts_created": 3,
        "contacts_updated": 0,
        "errors": [],
        "dry_run": False,
        "preview": [
            {"organization": "Müller & Söhne KG", "action": "create"},
            {"organization": "上海光能科技有限公司", "action": "create"},
        ],
    }
    guangneng = orgs(client)["上海光能科技有限公司"]
    assert guangneng["aliases"] == ["光能科技"]
    assert sorted(c["name"] for c in guangneng["contacts"]) == ["李娜", "王伟"]
    assert guangneng["owner_email"] == "lin.wei@acme-trade.example"


def test_bad_rows_reported_good_rows_kept(client: TestClient) -> None:
    client.post(
        "/v1/organizations", json={"name": "Existing", "kind": "customer", "domains": ["taken.example"]}, headers=ADMIN
    )
    csv_text = HEADER + (
        "SolarTech GmbH,customer,solartech.example;solartech.de,SolarTech,solar-dach,,Michael Schmidt,m.schmidt@solartech.example,de\n"
        "Broken Kind,friend,broken.example,,,,,,\n"
        ",customer,nameless.example,,,,,,\n"
        "Bad Domain,customer,not_a_domain,,,,,,\n"
        "Bad Mail,customer,badmail.example,,,,X,not-an-address,\n"
        "Thief,customer,taken.example,,,,,,\n"
        "SunPeak,customer,solartech.de,,,,,,\n"
        "Bad Lang,customer,badlang.example,,,,,,klingon!\n"
        '"Quoted, Name Ltd",prospect,quoted.example,,,,,,\n'
        "Too,many,cells,a,b,c,d,e,f,g,h\n"
    )
    response = post_csv(client, csv_text)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["created"] == 2  # SolarTech GmbH and "Quoted, Name Ltd"
    assert [e["line"] for e in body["errors"]] == [3, 4, 5, 6, 7, 8, 9, 11]
    messages = " | ".join(e["message"] for e in body["errors"])
    for fragment in (
        "friend",
        "organization is empty",
        "not_a_domain",
        "not-an-address",
        "taken.example",
        "solartech.de",
        "klingon",
        "more cells",
    ):
        assert fragment in messages
    names = set(orgs(client))
    assert names == {"Existing", "SolarTech GmbH", "Quoted, Name Ltd"}


def test_reimport_updates_and_merges(client: TestClient) -> None:
    first = HEADER + "SolarTech GmbH,customer,solartech.example,,,,Michael Schmidt,m.schmidt@solartech.example,de\n"
    assert post_csv(client, first).json()["created"] == 1
    second = HEADER + (
        "solartech gmbh,customer,solartech.de,Solar Tech,solar-dach,alex@acme-trade.example,Michael Schmidt,m.schmidt@solartech.example,en\n"
        "SolarTech GmbH,customer,,,,,Anna Becker,a.becker@solartech.example,de\n"
    )
    body = post_csv(client, second).json()
    assert body == {
        "created": 0,
        "updated": 1,
        "contacts_created": 1,
        "contacts_updated": 1,
        "errors": [],
        "dry_run": False,
        "preview": [{"organization": "SolarTech GmbH", "action": "update"}],
    }
    org = orgs(client)["SolarTech GmbH"]
    assert org["domains"] == ["solartech.de", "solartech.example"]
    assert org["rival_group"] == "solar-dach"
    languages = {c["email"]: c["language"] for c in org["contacts"]}
    assert languages == {"m.schmidt@solartech.example": "en", "a.becker@solartech.example": "de"}


def test_header_and_encoding_errors_reject_the_whole_file(client: TestClient) -> None:
    error = assert_error(post_csv(client, "organisation,kind\nX,customer\n"), 422, "invalid_csv")
    assert error["details"]["missing"] == ["organization"]
    assert error["details"]["unknown"] == ["organisation"]
    assert_error(post_csv(client, ""), 422, "invalid_csv")
    latin1 = (HEADER + "Müller,customer,,,,,,,\n").encode("latin-1")
    response = client.post("/v1/organizations/import", content=latin1, headers={**ADMIN, "Content-Type": "text/csv"})
    assert_error(response, 422, "invalid_csv")
    assert orgs(client) == {}


def test_multipart_upload(client: TestClient) -> None:
    data = (HEADER + "Nordic Solar AB,customer,nordicsolar.example,,,,Erik,erik@nordicsolar.example,sv\n").encode()
    response = client.post("/v1/organizations/import", files={"file": ("dir.csv", data, "text/csv")}, headers=ADMIN)
    assert response.status_code == 200, response.text
    assert response.json()["created"] == 1
    response = client.post("/v1/organizations/import", files={"other": ("dir.csv", data, "text/csv")}, headers=ADMIN)
    assert_error(response, 422, "invalid_csv")


def test_oversized_upload_is_413(client: TestClient, app) -> None:  # type: ignore[no-untyped-def]
    app.state.settings.max_csv_bytes = 2048
    big = HEADER + "".join(f"Org {i},customer,org{i}.example,,,,,,\n" for i in range(200))
    assert_error(post_csv(client, big), 413, "csv_too_large")
    files = {"file": ("dir.csv", big.encode(), "text/csv")}
    assert_error(client.post("/v1/organizations/import", files=files, headers=ADMIN), 413)
    assert orgs(client) == {}


def test_wrong_media_type_and_permissions(client: TestClient) -> None:
    response = client.post("/v1/organizations/import", json={"csv": "x"}, headers=ADMIN)
    assert_error(response, 415, "unsupported_media_type")
    assert_error(post_csv(client, HEADER, headers=MEMBER), 403)


def test_ten_thousand_rows(client: TestClient) -> None:
    rows = [
        f"Company {i // 2},{'customer' if i % 3 else 'prospect'},company{i // 2}.example,,group-{i % 7},,"
        f"Contact {i},contact{i}@company{i // 2}.example,de\n"
        for i in range(10_000)
    ]
    # rows of one organization must agree on its kind, so derive the kind from the organization index
    rows = [r.replace(",prospect,", ",customer,") for r in rows]
    body = post_csv(client, HEADER + "".join(rows)).json()
    assert body["errors"] == []
    assert body["created"] == 5_000
    assert body["contacts_created"] == 10_000
    assert client.get("/v1/organizations", params={"q": "contact9999@"}, headers=ADMIN).json()["total"] == 1


def test_import_is_scoped_to_the_tenant(client: TestClient) -> None:
    post_csv(client, HEADER + "SolarTech GmbH,customer,solartech.example,,,,,,\n")
    body = post_csv(client, HEADER + "SolarTech GmbH,customer,solartech.example,,,,,,\n", headers=OTHER_ADMIN).json()
    assert body["created"] == 1 and body["errors"] == []
