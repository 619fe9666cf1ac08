"""Small helpers shared by the rule modules."""

from __future__ import annotations

from collections.abc import Iterable

from app.analysis.context import RecipientInfo

_MAX_LISTED = 5  # messages list a few names, then "..."


def org_label(recipient: RecipientInfo) -> str:
    """Directory name, the registrable domain of an unknown organization, or a free mail address."""
    if recipient.org is not None:
        return recipient.org.name
    if recipient.org_key.startswith("address:"):
        return recipient.email
    return recipient.org_key.removeprefix("domain:")


def emails(recipients: Iterable[RecipientInfo]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.email for r in recipients))


def listing(names: Iterable[str]) -> str:
    unique = list(dict.fromkeys(names))
    shown = ", ".join(unique[:_MAX_LISTED])
    return shown + (", ..." if len(unique) > _MAX_LISTED else "")
