"""Provider-neutral view of a message being written or already sent."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

BodyFormat = Literal["text", "html"]


@dataclass(frozen=True, slots=True)
class Recipient:
    email: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class Attachment:
    name: str
    size: int = 0
    content_type: str = ""
    # Extracted text, when the caller had the bytes or a cached scan; never stored.
    text: str | None = None
    # Document class and organizations found by an earlier scan (AttachmentScan cache), if any.
    doc_class: str | None = None
    mentioned_org_ids: tuple[str, ...] = ()
    sha256: str | None = None  # of the bytes, when known: matched against the documents sent before


@dataclass(frozen=True, slots=True)
class Draft:
    sender: str
    to: tuple[Recipient, ...] = ()
    cc: tuple[Recipient, ...] = ()
    bcc: tuple[Recipient, ...] = ()
    subject: str = ""
    body: str = ""
    body_format: BodyFormat = "text"
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)

    @property
    def visible(self) -> tuple[Recipient, ...]:
        return self.to + self.cc

    @property
    def all_recipients(self) -> tuple[Recipient, ...]:
        return self.to + self.cc + self.bcc
