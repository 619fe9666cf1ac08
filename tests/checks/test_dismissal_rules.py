"""Which findings a dismissal names, and which of them are remembered (low and medium only)."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from app.checks.dismissals import dismiss
from app.checks.exceptions import UnknownDismissedCode
from app.checks.models import CheckRecord


def _record(targets: dict[str, Any]) -> CheckRecord:
    return CheckRecord(
        id=uuid.uuid4(),
        tenant_id=uuid.uuid4(),
        user_id=uuid.uuid4(),
        client="api",
        trigger="send",
        verdict="warn",
        finding_targets=targets,
    )


def _entry(code: str, severity: str, targets: list[str]) -> dict[str, Any]:
    return {"code": code, "severity": severity, "evidence": f"ev-{code}", "targets": targets}


def test_unknown_names_are_refused_with_what_could_be_dismissed() -> None:
    record = _record({"f1": _entry("new_domain", "medium", ["r1"]), "f2": _entry("wrong_org", "high", ["r2"])})
    with pytest.raises(UnknownDismissedCode) as caught:
        dismiss(record, ["f1", "nope", "also_nope"])
    assert caught.value.details == {
        "dismissed": ["also_nope", "nope"],
        "findings": ["f1", "f2"],
        "codes": ["new_domain", "wrong_org"],
    }


def test_a_high_finding_named_first_does_not_stop_the_medium_one_from_being_remembered() -> None:
    record = _record({"f1": _entry("wrong_org", "high", ["r1"]), "f2": _entry("new_domain", "medium", ["r2", "r3"])})
    rows, codes = dismiss(record, ["f1", "f2"])
    assert codes == ["wrong_org", "new_domain"]
    assert [(r.code, r.recipient_hash, r.evidence_hash) for r in rows] == [
        ("new_domain", "r2", "ev-new_domain"),
        ("new_domain", "r3", "ev-new_domain"),
    ]
    assert all(r.check_id == record.id and r.user_id == record.user_id for r in rows)


def test_a_finding_recorded_without_targets_is_dismissed_without_rows() -> None:
    entry = _entry("new_domain", "low", [])
    del entry["targets"]
    rows, codes = dismiss(_record({"f1": entry}), ["new_domain"])
    assert (rows, codes) == ([], ["new_domain"])
