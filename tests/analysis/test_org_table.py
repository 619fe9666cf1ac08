"""Organizations packed into columns come back as the entries they were."""

from __future__ import annotations

import pytest

from app.analysis.directory import OrgEntry
from app.analysis.org_table import OrgTable
from tests.analysis.conftest import ORGS

ODD = (
    OrgEntry("x1", "", "competitor"),
    OrgEntry("x2", "王氏光伏", "supplier", ("a.cn", "b.cn", "c.cn"), ("", "王氏"), "", "", "", ""),
    OrgEntry("x3", "Solar\x1fTech", "forwarder", (), ("a\nb",), None, None, "C-1", None),
    OrgEntry("x4", "Later Kind", "reseller", ("later.example",)),  # type: ignore[arg-type]  # a kind added later
)


def test_every_entry_reads_back_equal_none_and_empty_kept_apart() -> None:
    orgs = (*ORGS, *ODD)
    table = OrgTable.of(orgs)
    assert len(table) == len(orgs)
    assert list(table) == list(orgs)
    assert table[-1] == orgs[-1] and table[1:3] == list(orgs[1:3])
    assert table[len(ORGS) + 1].rival_group == "" and table[len(ORGS) + 2].rival_group is None
    with pytest.raises(IndexError):
        table[len(orgs)]


def test_organizations_of_an_owner_are_found_by_their_column() -> None:
    orgs = (*ORGS, *ODD)
    table = OrgTable.of(orgs)
    owner = ORGS[0].owner_email
    assert owner is not None
    assert table.owned_by(owner) == [i for i, org in enumerate(orgs) if org.owner_email == owner]
    assert table.owned_by("") == [len(ORGS) + 1] and table.owned_by("nobody@x.example") == []


def test_an_empty_table_is_empty() -> None:
    assert len(OrgTable.of(())) == 0 and list(OrgTable()) == []
