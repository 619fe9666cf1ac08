"""A worker replacing an index keeps the parts of the new file that it holds already: read once, shared by both."""

from __future__ import annotations

import dataclasses
import io
import json
import os
import pickle
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from app.analysis.directory import ContactEntry, DirectorySnapshot
from app.analysis.index import DirectoryIndex, build_index
from app.checks import index_store
from bench.directory_gen import make_directory

ROOT = Path(__file__).resolve().parents[2]


def _snapshot() -> DirectorySnapshot:
    return make_directory(150, seed=5).snapshot


def _written(tmp_path: Path, snapshot: DirectorySnapshot) -> Path:
    path = tmp_path / f"t-{snapshot.tenant_version}.idx"
    index_store.write_index(path, build_index(snapshot))
    return path


def _with_new_contact(snapshot: DirectorySnapshot) -> DirectorySnapshot:
    org = snapshot.organizations[3]
    contact = ContactEntry(org.id, f"new.buyer@{org.domains[0]}", "Nina Neumann")
    return dataclasses.replace(
        snapshot, tenant_version=snapshot.tenant_version + 1, contacts=(*snapshot.contacts, contact)
    )


def _with_new_alias(snapshot: DirectorySnapshot) -> DirectorySnapshot:
    orgs = list(snapshot.organizations)
    orgs[3] = dataclasses.replace(orgs[3], aliases=(*orgs[3].aliases, "Quorvantis"))
    return dataclasses.replace(snapshot, tenant_version=snapshot.tenant_version + 1, organizations=tuple(orgs))


def _shared(new: DirectoryIndex, old: DirectoryIndex) -> set[str]:
    return {f.name for f in dataclasses.fields(new) if f.init and getattr(new, f.name) is getattr(old, f.name)}


def test_a_new_contact_leaves_every_other_part_to_be_taken_from_the_index_in_use(tmp_path: Path) -> None:
    snapshot = _snapshot()
    old = index_store.read_index(_written(tmp_path, snapshot), lambda: None)
    changed = _with_new_contact(snapshot)
    new = index_store.read_index(_written(tmp_path, changed), lambda: None, previous=old)
    assert {"automaton", "orgs", "lookalikes", "org_by_domain", "key_payloads"} <= _shared(new, old)
    assert "contacts" not in _shared(new, old) and new.version == old.version + 1
    assert new.contact_by_email.get("new.buyer@" + changed.organizations[3].domains[0]) is not None
    assert old.contact_by_email.get("new.buyer@" + changed.organizations[3].domains[0]) is None


def test_an_index_read_beside_the_one_in_use_answers_as_one_read_alone(tmp_path: Path) -> None:
    snapshot = _snapshot()
    old = index_store.read_index(_written(tmp_path, snapshot), lambda: None)
    path = _written(tmp_path, _with_new_alias(snapshot))
    beside, alone = index_store.read_index(path, lambda: None, previous=old), index_store.read_index(path, lambda: None)
    assert "automaton" not in _shared(beside, old) and "contacts" in _shared(beside, old)
    text = "bestellung von quorvantis und " + " ".join(org.name.lower() for org in snapshot.organizations[:40])
    assert [(h.start, h.payload) for h in beside.scan(text)] == [(h.start, h.payload) for h in alone.scan(text)]
    assert any(h.payload == ("org", 3, "org") for h in beside.scan("quorvantis"))
    assert beside.part_digests == alone.part_digests != old.part_digests


def test_taking_the_replaced_index_apart_leaves_what_the_new_one_shares(tmp_path: Path) -> None:
    snapshot = _snapshot()
    old = index_store.read_index(_written(tmp_path, snapshot), lambda: None)
    new = index_store.read_index(_written(tmp_path, _with_new_contact(snapshot)), lambda: None, previous=old)
    short_names, payloads = set(new.short_names), dict(new.key_payloads)
    assert short_names and payloads and new.short_names is old.short_names
    assert index_store.dismantle(old, lambda: None, keep=new)
    assert new.short_names == short_names and new.key_payloads == payloads
    assert not old.contact_by_email  # what only the old index held is gone


def _with_orgs_part(tmp_path: Path, alter: Callable[[bytes, int, bytes], tuple[object, bytes]]) -> Path:
    """An index file whose organization table part's header and bytes `alter` rewrote."""
    buffer = io.BytesIO()
    index_store.write_parts(buffer, build_index(_snapshot()))
    damaged = io.BytesIO()
    buffer.seek(0)
    for _ in range(2):  # the format mark, the names
        pickle.Pickler(damaged).dump(pickle.Unpickler(buffer).load())
    while buffer.tell() < len(buffer.getvalue()):
        name, digest, length = pickle.Unpickler(buffer).load()
        data = buffer.read(length)
        header, data = alter(digest, length, data) if name == "orgs" else ((name, digest, length), data)
        pickle.Pickler(damaged).dump(header)
        damaged.write(data)
    pickle.Pickler(damaged).dump(index_store.FORMAT)
    path = tmp_path / "t-1.idx"
    path.write_bytes(damaged.getvalue())
    return path


@pytest.mark.parametrize(
    "alter",
    [
        # one pickle too many inside the part, the length saying one byte less than there is
        lambda digest, length, data: (("orgs", digest, length + 9), data + pickle.dumps(("value", None))),
        lambda digest, length, data: (("orgs", digest, -length), data),
        lambda digest, length, data: (("orgs", "not a digest", length), data),
        lambda digest, length, data: (("contacts", digest, length), data),
    ],
)
def test_a_part_not_as_its_header_says_is_refused(
    tmp_path: Path, alter: Callable[[bytes, int, bytes], tuple[object, bytes]]
) -> None:
    with pytest.raises(ValueError, match="orgs"):
        index_store.read_index(_with_orgs_part(tmp_path, alter), lambda: None)


_DIGESTS = """
import io, json, pickle
from app.analysis.index import build_index
from app.checks import index_store
from bench.directory_gen import make_directory
buffer = io.BytesIO()
index_store.write_parts(buffer, build_index(make_directory(300, seed=2).snapshot))
buffer.seek(0)
pickle.Unpickler(buffer).load()
digests = {}
for _name in pickle.Unpickler(buffer).load():
    name, digest, length = pickle.Unpickler(buffer).load()
    digests[name] = digest.hex()
    buffer.seek(length, 1)
print(json.dumps(digests))
"""


def test_builder_processes_with_different_hash_seeds_write_the_same_parts() -> None:
    # The builder is a fresh interpreter each time: a part that followed its hash seed would never be reused.
    def digests(seed: str) -> dict[str, str]:
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run([sys.executable, "-c", _DIGESTS], cwd=ROOT, env=env, capture_output=True, text=True)
        assert run.returncode == 0, run.stderr
        return dict(json.loads(run.stdout))

    first, second = digests("1"), digests("2")
    assert first == second and "automaton" in first and len(first) == len(set(first.values()))
