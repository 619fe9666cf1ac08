"""Large indexes are built once per host by the builder process and read from its file by every worker."""

from __future__ import annotations

import pickle
from dataclasses import fields
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import Session, col, select

from app.analysis.context import CheckContext
from app.analysis.directory import ContactEntry, OrgEntry
from app.analysis.engine import check
from app.analysis.index import DirectoryIndex, build_index
from app.checks import index_cache as cache_module
from app.checks import index_store
from app.checks.index_cache import IndexCache
from app.directory.models import Contact, Organization, OrganizationDomain
from app.tenants.models import Tenant
from app.tenants.repository import bump_version
from bench.directory_gen import make_directory
from bench.drafts_gen import DraftFactory
from tests.analysis.conftest import make_snapshot

ORGS = tuple(
    OrgEntry(f"o{i}", f"Solar Nord {i} GmbH", "customer", (f"solarnord{i}.example",), aliases=(f"SN{i}",))
    for i in range(12)
)
CONTACTS = tuple(ContactEntry(f"o{i % 12}", f"p{i}@solarnord{i % 12}.example", f"Anna Weber{i}") for i in range(30))


def _index() -> DirectoryIndex:
    return build_index(make_snapshot(organizations=ORGS, contacts=CONTACTS))


def _same(a: DirectoryIndex, b: DirectoryIndex) -> None:
    for f in fields(a):
        if f.name not in ("automaton", "part_digests"):
            assert getattr(a, f.name) == getattr(b, f.name), f.name
    text = "wir liefern an solar nord 7 gmbh und sn3"
    assert [(h.start, h.payload) for h in a.scan(text)] == [(h.start, h.payload) for h in b.scan(text)]


def test_an_index_file_reads_back_the_same_index_in_small_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_store, "CHUNK", 4)  # every map of this small index is written in pieces
    index = _index()
    path = tmp_path / "t-1.idx"
    index_store.write_index(path, index)
    pauses: list[int] = []
    loaded = index_store.read_index(path, lambda: pauses.append(1))
    _same(index, loaded)
    assert len(pauses) > 10
    assert loaded.contact_by_email["p5@solarnord5.example"] == CONTACTS[5]
    assert list(loaded.contacts_by_org["o5"]) == [CONTACTS[5], CONTACTS[17], CONTACTS[29]]


def test_an_index_read_from_its_file_finds_what_the_freshly_built_one_finds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_store, "CHUNK", 50)
    directory = make_directory(600, seed=3)
    built = build_index(directory.snapshot)
    path = tmp_path / "t-1.idx"
    index_store.write_index(path, built)
    loaded = index_store.read_index(path, lambda: None)
    context = CheckContext(known_correspondents=frozenset())
    drafts = [generated.draft for generated in DraftFactory(directory, seed=5).many(150)]
    found = [check(draft, built, context).findings for draft in drafts]
    assert found == [check(draft, loaded, context).findings for draft in drafts]
    assert sum(map(len, found)) > 150  # the drafts do raise findings: the comparison is not of empty lists
    for org in directory.snapshot.organizations[::37]:
        for domain in org.domains:
            assert built.org_index_for_domain(domain) == loaded.org_index_for_domain(domain)
            assert loaded.lookalikes.find(domain.replace(".", "-", 1) + ".com") == built.lookalikes.find(
                domain.replace(".", "-", 1) + ".com"
            )


def test_the_first_index_file_creates_a_private_directory_for_it(tmp_path: Path) -> None:
    # Index files hold the tenant's contacts: their directory is the service's alone, made on first use.
    path = tmp_path / "cache" / "indexes" / "t-1.idx"
    index = _index()
    index_store.write_index(path, index)
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["t-1.idx"]  # the temporary file renamed, none left
    _same(index, index_store.read_index(path, lambda: None))


def test_a_truncated_or_foreign_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t-1.idx"
    index_store.write_index(path, _index())
    path.write_bytes(path.read_bytes()[:-20])
    with pytest.raises((ValueError, EOFError, pickle.UnpicklingError)):
        index_store.read_index(path)
    path.write_bytes(pickle.dumps(index_store.FORMAT) + pickle.dumps(("value", Path("/etc/passwd"))))
    with pytest.raises(pickle.UnpicklingError):
        index_store.read_index(path)


def test_a_replaced_index_is_emptied_only_once_no_check_holds_it() -> None:
    index = _index()
    held_by_a_check = index
    assert not index_store.dismantle(index, wait_seconds=0.1)
    assert index.contact_by_email  # still intact for the check reading it
    del held_by_a_check
    assert index_store.dismantle(index, lambda: None)
    assert not index.contact_by_email and not index.org_by_domain and not index.lookalikes.known


def _large_tenant(db: Session) -> Tenant:
    tenant = Tenant(key="t:big", name="Big", internal_domains=["acme-trade.example"])
    db.add(tenant)
    db.flush()
    for i in range(6):
        org = Organization(tenant_id=tenant.id, name=f"Solar Nord {i} GmbH", name_key=f"solar nord {i} gmbh")
        org.kind = "customer"
        org.domain_rows = [OrganizationDomain(tenant_id=tenant.id, organization_id=org.id, domain=f"sn{i}.example")]
        org.contacts = [Contact(tenant_id=tenant.id, organization_id=org.id, email=f"a@sn{i}.example", name="Ann")]
        db.add(org)
    db.commit()
    return tenant


@pytest.fixture
def large_tenant(db: Session, monkeypatch: pytest.MonkeyPatch) -> Tenant:
    monkeypatch.setattr(cache_module, "PROCESS_BUILD_ORGS", 3)  # six organizations count as large
    return _large_tenant(db)


def test_the_builder_process_builds_once_and_a_second_worker_reads_its_file(
    app: Any, large_tenant: Tenant, tmp_path: Path
) -> None:
    tenant = large_tenant
    first = IndexCache(app.state.engine, index_dir=tmp_path)
    second = IndexCache(app.state.engine, index_dir=tmp_path)
    try:
        assert first.refresh(tenant.id).wait(120)
        assert first.host is not None and (first.host.built, first.host.loaded) == (1, 0)
        assert sorted(p.name for p in tmp_path.glob("*.idx")) == [f"{tenant.id}-{tenant.version}.idx"]
        assert second.refresh(tenant.id).wait(60)
        assert second.host is not None and (second.host.built, second.host.loaded) == (0, 1)
        index = second.current(tenant.id)
        assert index is not None and index.version == tenant.version
        assert index.org(index.org_index_for_address("x@sn4.example") or 0).name == "Solar Nord 4 GmbH"
        _same(first.current(tenant.id), index)  # type: ignore[arg-type]
    finally:
        first.close()
        second.close()


def test_a_rebuild_after_a_new_contact_keeps_the_parts_the_worker_holds(
    app: Any, db: Session, large_tenant: Tenant, tmp_path: Path
) -> None:
    tenant = large_tenant
    cache = IndexCache(app.state.engine, index_dir=tmp_path)
    try:
        assert cache.refresh(tenant.id).wait(120)
        before = cache.current(tenant.id)
        org = db.exec(select(Organization).where(col(Organization.tenant_id) == tenant.id)).first()
        assert before is not None and org is not None
        db.add(Contact(tenant_id=tenant.id, organization_id=org.id, email="nina@sn0.example", name="Nina"))
        bump_version(db, tenant.id)
        db.commit()
        assert cache.refresh(tenant.id).wait(120)
        after = cache.current(tenant.id)
        assert after is not None and after.version == before.version + 1
        # Built by another process, read beside the index in use: the automaton is the one the worker holds.
        assert after.automaton is before.automaton and after.orgs is before.orgs
        assert after.contacts is not before.contacts and after.contact_by_email.get("nina@sn0.example") is not None
    finally:
        cache.close()
