"""Who received which document before: learned from sent mail (app/analysis/learning), used by the checks.

A file is known by its content hash, and its kind by its name with digit runs as "#" ("PI_SOL-#_#.pdf"). The
owners are the organizations it went to, each known by its domains (a company) or its address (free mail).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

_DIGITS = re.compile(r"\d+")
# A kind of file (its name pattern) belongs to an organization once it went there in this many messages.
MIN_KIND_MESSAGES = 2


def name_pattern(name: str) -> str:
    return _DIGITS.sub("#", name)


@dataclass(frozen=True, slots=True)
class DocumentOwner:
    name: str
    domains: frozenset[str] = frozenset()
    addresses: frozenset[str] = frozenset()

    def includes(self, address: str, registrable: str) -> bool:
        return address in self.addresses or registrable in self.domains


@dataclass(frozen=True, slots=True)
class DocumentHistory:
    by_hash: Mapping[str, tuple[DocumentOwner, ...]] = field(default_factory=dict)
    by_pattern: Mapping[str, tuple[DocumentOwner, ...]] = field(default_factory=dict)

    def owners(self, sha256: str | None, name: str) -> tuple[tuple[DocumentOwner, ...], str]:
        """The organizations this file ("file") or, failing that, files of its kind ("kind") went to."""
        if sha256 and sha256 in self.by_hash:
            return self.by_hash[sha256], "file"
        return self.by_pattern.get(name_pattern(name), ()), "kind"


def history_from_proposal(data: Mapping[str, Any]) -> DocumentHistory:
    """The document history of a stored proposal (the JSON form of app.analysis.learning.Proposal)."""
    owners: dict[str, DocumentOwner] = {}
    for org in data.get("organizations", []):
        owners[org["key"]] = DocumentOwner(
            name=org.get("name") or org["key"],
            domains=frozenset(org.get("domains", ())),
            addresses=frozenset(org.get("addresses", ())) if org.get("freemail") else frozenset(),
        )
    by_hash: dict[str, tuple[DocumentOwner, ...]] = {}
    kinds: dict[str, dict[str, int]] = {}
    for document in data.get("documents", []):
        keys = [k for k in document.get("org_keys", ()) if k in owners]
        if not keys:
            continue
        by_hash[document["sha256"]] = tuple(owners[k] for k in keys)
        per_kind = kinds.setdefault(document.get("pattern") or name_pattern(document.get("name", "")), {})
        for key in keys:
            per_kind[key] = per_kind.get(key, 0) + int(document.get("messages", 1))
    by_pattern = {
        pattern: tuple(owners[k] for k in sorted(counts))
        for pattern, counts in kinds.items()
        if len(counts) > 1 or sum(counts.values()) >= MIN_KIND_MESSAGES
    }
    return DocumentHistory(by_hash, by_pattern)
