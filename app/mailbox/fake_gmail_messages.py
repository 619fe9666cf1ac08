"""Messages for the fake Gmail: raw RFC 2822 test messages, and the addresses a stored message is sent to."""

from __future__ import annotations

import email.policy
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.utils import getaddresses, make_msgid


def recipients_of(message: Message) -> set[str]:
    values = [str(message.get(h, "")) for h in ("To", "Cc", "Bcc")]
    return {addr.lower() for _, addr in getaddresses(values) if addr}


def sample_message(
    sender: str,
    to: list[tuple[str, str]],
    subject: str,
    body: str,
    *,
    cc: list[tuple[str, str]] | None = None,
    bcc: list[tuple[str, str]] | None = None,
    html: str | None = None,
    attachments: list[tuple[str, str, bytes]] | None = None,
    in_reply_to: str | None = None,
) -> bytes:
    """A raw message for tests: (name, address) recipients, optional HTML twin and (name, type, bytes) files.

    A draft keeps its Bcc header (Gmail's raw drafts do); `in_reply_to` makes it a reply."""

    def addresses(items: list[tuple[str, str]]) -> list[Address]:
        return [Address(display_name=n, addr_spec=a) for n, a in items]

    message = EmailMessage(policy=email.policy.SMTP)
    message["From"] = sender
    message["To"] = addresses(to)
    if cc:
        message["Cc"] = addresses(cc)
    if bcc:
        message["Bcc"] = addresses(bcc)
    message["Subject"] = subject
    if in_reply_to:
        message["In-Reply-To"] = in_reply_to
        message["References"] = in_reply_to
    message["Message-ID"] = make_msgid(domain="mail.gmail.com")
    message.set_content(body)
    if html:
        message.add_alternative(html, subtype="html")
    for name, content_type, data in attachments or []:
        maintype, _, subtype = content_type.partition("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return message.as_bytes()
