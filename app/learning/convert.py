"""A provider's sent message as the learner reads it: addresses, text, attachment names and content hashes."""

from __future__ import annotations

from app.analysis.learning import LearnAttachment, LearnMessage
from app.mailbox.base import MailMessage


def learn_message(message: MailMessage) -> LearnMessage:
    return LearnMessage(
        sender=message.sender,
        to=tuple((a.email, a.name) for a in message.to),
        cc=tuple((a.email, a.name) for a in message.cc),
        subject=message.subject,
        body=message.body,
        body_format=message.body_format,
        attachments=tuple(LearnAttachment(a.name, a.sha256) for a in message.attachments if a.kind == "file"),
    )
