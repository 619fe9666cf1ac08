"""Which saved Gmail draft is the one being composed: the newest with exactly these recipients (and thread).

Blocking calls on a built Gmail service object; GmailMailbox runs them in a worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.mailbox.base import MailMessage
from app.mailbox.gmail_mime import addresses, b64decode, header_map, parse_raw, recipient_keys

# Gmail lists drafts newest first; the one being composed is near the top. Bounded so a mailbox with thousands
# of old drafts costs a few calls, not thousands.
DRAFTS_LISTED = 25
DRAFTS_OPENED = 10


@dataclass(frozen=True, slots=True)
class FoundDraft:
    """The saved draft that matches what the user is composing, read whole (subject, body, attachments)."""

    draft_id: str
    thread_id: str
    message: MailMessage


def _recipients_of(meta: dict[str, Any]) -> frozenset[str]:
    headers = header_map(((meta.get("message") or {}).get("payload") or {}).get("headers") or [])
    return recipient_keys(
        [*addresses(headers.get("to")), *addresses(headers.get("cc")), *addresses(headers.get("bcc"))]
    )


def matching_draft(
    service: Any, wanted: frozenset[str], thread_id: str | None, max_attachment_bytes: int, max_total_bytes: int
) -> FoundDraft | None:
    drafts = service.users().drafts()
    listed = drafts.list(userId="me", maxResults=DRAFTS_LISTED).execute().get("drafts") or []
    in_thread = [d for d in listed if not thread_id or (d.get("message") or {}).get("threadId") == thread_id]
    for item in in_thread[:DRAFTS_OPENED]:
        if _recipients_of(drafts.get(userId="me", id=item["id"], format="metadata").execute()) != wanted:
            continue
        inner = drafts.get(userId="me", id=item["id"], format="raw").execute().get("message") or {}
        message = parse_raw(
            b64decode(inner.get("raw") or ""),
            inner.get("id") or "",
            max_attachment_bytes=max_attachment_bytes,
            max_total_bytes=max_total_bytes,
        )
        return FoundDraft(draft_id=item["id"], thread_id=inner.get("threadId") or "", message=message)
    return None
