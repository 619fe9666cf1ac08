"""The synthetic mailbox in the fake Microsoft Graph: each salesperson's Sent Items, read back by the real provider."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.mailbox.fake_graph import FakeGraph, file_attachment, recipient
from app.mailbox.fake_graph_sent import load_sent
from tests.learning.mailbox_gen import Mailbox, SentMail


def graph_item(mail: SentMail) -> dict[str, Any]:
    return {
        "subject": mail.subject,
        "body": mail.body,
        "to": [recipient(a, n) for a, n in mail.to],
        "cc": [recipient(a, n) for a, n in mail.cc],
        "attachments": [file_attachment(a.name, a.content) for a in mail.attachments],
        "sent": mail.sent_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
    }


def load_mailbox(fake: FakeGraph, mailbox: Mailbox) -> int:
    """Every salesperson's sent mail into their Sent Items; returns how many messages were loaded."""

    def of(sender: str) -> Iterator[dict[str, Any]]:
        return (graph_item(m) for m in mailbox.messages if m.sender == sender)

    return sum(load_sent(fake, address, of(address)) for address, _ in mailbox.salespeople)
