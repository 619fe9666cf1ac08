"""Dismissals keyed to a finding's evidence: code, recipient, and what triggered it (organization,
document, term), each stored as a tenant-salted hash.

Only low and medium findings are remembered: for the policy's window the same evidence shows as info.
Critical and high findings are never suppressed by an earlier dismissal; dismissing one lets this one mail
go ("send anyway, once") and is recorded as such, nothing more.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import datetime, timedelta
from typing import Any

from app.analysis.findings import SUPPRESSIBLE, CheckResult, evidence_hash
from app.checks.exceptions import UnknownDismissedCode
from app.checks.models import CheckRecord, Dismissal
from app.common import as_utc, utcnow


def hash_address(tenant_id: uuid.UUID, email: str) -> str:
    """Addresses are remembered only as tenant-salted hashes (for dismissals and first-time checks)."""
    return hashlib.sha256(f"{tenant_id}:{email.strip().lower()}".encode()).hexdigest()


def salt_for(tenant_id: uuid.UUID) -> str:
    return str(tenant_id)


def finding_targets(tenant_id: uuid.UUID, result: CheckResult) -> dict[str, Any]:
    """What a check record keeps so that a later dismissal can be keyed to each finding's evidence."""
    salt = salt_for(tenant_id)
    return {
        finding.id: {
            "code": finding.code,
            "severity": finding.severity,
            "evidence": evidence_hash(salt, finding.key),
            "targets": sorted({hash_address(tenant_id, r) for r in finding.recipients}),
        }
        for finding in result.findings
    }


def suppressed_keys(
    dismissed: dict[tuple[str, str, str], datetime],
    recipients_by_hash: dict[str, str],
    window_days: int,
) -> frozenset[tuple[str, str, str]]:
    """(code, recipient address, evidence hash) dismissed within the policy's window, for this draft's recipients."""
    if not window_days:
        return frozenset()
    since = utcnow() - timedelta(days=window_days)
    return frozenset(
        (code, recipients_by_hash[recipient], evidence)
        for (code, recipient, evidence), when in dismissed.items()
        if recipient in recipients_by_hash and as_utc(when) >= since
    )


def _findings_named(record: CheckRecord, names: list[str]) -> list[tuple[str, dict[str, Any]]]:
    """The record's findings that `names` (finding ids or codes) point at; unknown names are a 422."""
    targets: dict[str, Any] = record.finding_targets or {}
    findings = [(fid, entry) for fid, entry in targets.items() if isinstance(entry, dict)]
    by_id = dict(findings)
    codes = {entry["code"] for _fid, entry in findings}
    unknown = sorted({name for name in names if name not in by_id and name not in codes})
    if unknown:
        raise UnknownDismissedCode(details={"dismissed": unknown, "findings": sorted(by_id), "codes": sorted(codes)})
    chosen: dict[str, dict[str, Any]] = {}
    for name in names:
        if name in by_id:
            chosen[name] = by_id[name]
        else:
            chosen.update({fid: entry for fid, entry in findings if entry["code"] == name})
    return list(chosen.items())


def dismiss(record: CheckRecord, names: list[str]) -> tuple[list[Dismissal], list[str]]:
    """The dismissal rows to store for `names`, and the codes dismissed (for the record and insight)."""
    rows: list[Dismissal] = []
    codes: list[str] = []
    for _fid, entry in _findings_named(record, list(dict.fromkeys(names))):
        codes.append(entry["code"])
        if entry.get("severity") not in SUPPRESSIBLE:
            continue  # critical and high: sent anyway this once, never silenced later; info is info already
        rows.extend(
            Dismissal(
                tenant_id=record.tenant_id,
                user_id=record.user_id,
                check_id=record.id,
                code=entry["code"],
                recipient_hash=recipient_hash,
                evidence_hash=entry["evidence"],
            )
            for recipient_hash in entry.get("targets", [])
        )
    return rows, list(dict.fromkeys(codes))
