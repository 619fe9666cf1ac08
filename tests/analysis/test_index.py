import socket

import pytest

from app.analysis.directory import OrgEntry
from app.analysis.domains import registrable_domain, split_registrable
from app.analysis.index import build_index
from app.analysis.names import core_name
from app.analysis.normalize import normalize_text
from tests.analysis.conftest import make_snapshot


def test_registrable_domain_uses_public_suffixes():
    assert registrable_domain("mail.x.co.uk") == "x.co.uk"
    assert registrable_domain("eu.sales.solartech.de") == "solartech.de"
    assert registrable_domain("foo.com.cn") == "foo.com.cn"
    assert registrable_domain("mail.acme-trade.example") == "acme-trade.example"


def test_index_works_with_network_disabled(monkeypatch):
    def no_network(*args, **kwargs):
        raise OSError("network disabled in test")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    split_registrable.cache_clear()
    idx = build_index(make_snapshot(organizations=(OrgEntry("x", "X Trading Ltd", "customer", ("shop.x.co.uk",)),)))
    assert registrable_domain("a.b.newcompany.com.au") == "newcompany.com.au"
    assert idx.lookalikes.find("shop.x.co.uk") is None
    assert idx.lookalikes.find("y.co.uk") is None


def test_build_index_maps_and_version(index):
    assert index.version == 7
    assert index.org(index.org_index_for_address("m.schmidt@solartech.de")).id == "solartech"
    assert index.org(index.org_index_for_domain("eu.mail.solartech.de")).id == "solartech"
    assert index.org_index_for_domain("unknown.de") is None
    assert index.is_internal_domain("de.acme-trade.example")
    assert not index.is_internal_domain("acme-trade.example.evil.com")
    assert index.confusions["m.schmidt@sonnenkraft.de"] == "m.schmidt@solartech.de"


@pytest.mark.parametrize(
    ("name", "core"),
    [
        ("SolarTech GmbH", "solartech"),
        ("PanelParts Co., Ltd.", "panelparts"),
        ("阳光新能源有限公司", "阳光新能源"),
        ("Energía Solar Ibérica S.L.", "energía solar ibérica"),
        ("Global Trading Ltd", ""),
    ],
)
def test_core_name_strips_legal_suffixes(name, core):
    assert core_name(normalize_text(name)) == core


def test_scan_finds_names_aliases_codes_with_boundaries(index):
    text = normalize_text("Order for Solar Tech (ST-1001) and Sunnew Energy; not solartechnik.")
    found = {index.org(int(h.payload[1])).id for h in index.scan(text) if h.payload[0] == "org"}
    assert found == {"solartech", "sunnew"}


def test_empty_directory_builds():
    idx = build_index(make_snapshot(organizations=(), contacts=(), confusions=()))
    assert list(idx.scan(normalize_text("nothing to see"))) == []


def test_an_organization_id_given_twice_points_at_its_last_entry():
    orgs = (
        OrgEntry("x", "X Trading Ltd", "customer", ("x.example",)),
        OrgEntry("y", "Y Handel GmbH", "customer", ("y.example",)),
        OrgEntry("x", "X Zwei GmbH", "supplier", ("x2.example",)),
    )
    idx = build_index(make_snapshot(organizations=orgs))
    assert dict(idx.org_index_by_id) == {"x": 2, "y": 1}
    unique = build_index(make_snapshot(organizations=orgs[:2]))
    assert dict(unique.org_index_by_id) == {"x": 0, "y": 1} and unique.org_index_by_id.get("z") is None
