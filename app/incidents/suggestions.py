"""Whom a misdirected mail was meant for, best guess first, so the salesperson picks instead of typing.

Pure: built on the check engine's result for the sent message and the tenant's directory index. In order:
the contact the greeting names, the contacts of the organizations the documents, subject or text name, the
address learned as the right one when this wrong address was used before, then the people of the user's own
accounts they have written to.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from app.analysis.findings import CheckResult
from app.analysis.index import DirectoryIndex

Reason = Literal["greeted", "named", "confused_before", "recent"]
LIMIT = 6


@dataclass(frozen=True, slots=True)
class Suggestion:
    email: str
    name: str
    organization: str | None
    reason: Reason
    # What the reason refers to: the organization named, or the wrong address it was confused with.
    about: str = ""


def suggest(
    result: CheckResult,
    index: DirectoryIndex,
    wrong: Sequence[str],
    recent: Iterable[str] = (),
    is_internal: Iterable[str] = (),
) -> list[Suggestion]:
    excluded = {w.lower() for w in wrong} | {a.lower() for a in is_internal}
    wrong_orgs = {index.org(i).id for w in wrong if (i := index.org_index_for_address(w)) is not None}
    found: dict[str, Suggestion] = {}

    def add(email: str, reason: Reason, about: str = "") -> None:
        email = email.lower()
        if email in excluded or email in found or len(found) >= LIMIT:
            return
        contact = index.contact_by_email.get(email)
        org_index = index.org_index_for_address(email)
        org = index.org(org_index).name if org_index is not None else None
        found[email] = Suggestion(email, contact.name if contact else "", org, reason, about)

    greeted = [
        f.params["contact"] for f in result.findings if f.code == "greeting_mismatch" and f.params.get("contact")
    ]
    for email in greeted:
        add(email, "greeted")
    for org_id in result.mentioned_org_ids:
        org_index = index.org_index_by_id.get(org_id)
        if org_id in wrong_orgs or org_index is None:
            continue
        org = index.org(org_index)
        for contact in index.contacts_by_org.get(org_id, []):
            add(contact.email, "named", org.name)
    for address in wrong:
        right = index.confusions.get(address.lower())
        if right:
            add(right, "confused_before", address)
    for email in recent:
        add(email, "recent")
    return list(found.values())


def owned_contacts(index: DirectoryIndex, owner_email: str) -> list[str]:
    """Addresses of the contacts of the accounts a salesperson owns."""
    owner = owner_email.lower()
    owned = (index.org(position) for position in index.orgs.owned_by(owner))
    return [c.email for org in owned for c in index.contacts_by_org.get(org.id, [])]
