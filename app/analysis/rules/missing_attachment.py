"""missing_attachment: the sender says something is attached, and nothing is.

Only a claim counts: "please find attached", "anbei", "附件是". Read clause by clause, these do not:
- the confidentiality footer ("this e-mail and any attachments are confidential") and the signature;
- negated or later ones ("not attached yet", "will send the drawings next week", "PI folgt morgen", "稍后发送");
- the other side's attachments ("thanks for your attachment", "收到您的附件") and requests ("please send ...
  as attachment", "请把合同作为附件发回");
- quoted history (the engine's split) and a reply subject repeating the other side's words.
"""

from __future__ import annotations

import re

from app.analysis.attachment_phrases import ATTACHMENT_CLAIMS, ATTACHMENT_NOT_A_CLAIM, DISCLAIMER_CUES, SIGN_OFFS
from app.analysis.context import RuleContext
from app.analysis.findings import Finding, Fix
from app.analysis.normalize import as_written, normalize_text


def _alternation(phrases: tuple[str, ...]) -> str:
    parts = []
    for phrase in sorted(phrases, key=len, reverse=True):
        escaped = re.escape(phrase).replace(r"\ ", r"\s+")
        parts.append(rf"(?<!\w){escaped}(?!\w)" if phrase[0].isascii() and phrase[-1].isascii() else escaped)
    return "|".join(parts)


_CLAIM = re.compile("|".join(ATTACHMENT_CLAIMS))
_NOT_A_CLAIM = re.compile("|".join(ATTACHMENT_NOT_A_CLAIM))
_DISCLAIMER = re.compile(_alternation(DISCLAIMER_CUES))
_SIGN_OFF = re.compile(rf"^[ \t]*(?:{_alternation(SIGN_OFFS)})[ \t]*[,!.，。！]?[ \t]*$", re.MULTILINE | re.IGNORECASE)
_POSTSCRIPT = re.compile(r"^[ \t]*p\.?[ \t]?s\.?[ \t]*[:：]?", re.MULTILINE | re.IGNORECASE)
_SENTENCES = re.compile(r"(?<=[.!?])\s+|[\n。！？]+")
_CLAUSES = re.compile(r"[,;:，；：、]|\s(?:and|but|und|aber|sowie|y|pero|et|mais|while)\s|但是|而且|并且|另外")


def missing_attachment(ctx: RuleContext) -> list[Finding]:
    if ctx.draft.attachments or not ctx.terms_of("attach", ("body", "subject")):
        return []
    texts = [_before_signature(ctx.body.new)]
    if not ctx.subject_is_reply:
        texts.append(ctx.draft.subject)
    for text in texts:
        claim = first_claim(text)
        if claim is not None:
            return [
                Finding(
                    code="missing_attachment",
                    severity="medium",
                    evidence=(claim,),
                    fixes=(Fix("add_attachment"),),
                    params={"phrase": claim},
                )
            ]
    return []


def first_claim(text: str) -> str | None:
    """The first phrase in `text` that says something is attached to this mail, as written."""
    for sentence in _SENTENCES.split(text):
        normalized = normalize_text(sentence)
        if not normalized.strip() or _DISCLAIMER.search(normalized):
            continue
        offset = 0
        for clause in _CLAUSES.split(normalized):
            offset = normalized.find(clause, offset)
            found = _CLAIM.search(clause)
            if found is not None and not _NOT_A_CLAIM.search(clause):
                return as_written(sentence, normalized, offset + found.start(), offset + found.end()).strip()
    return None


def _before_signature(text: str) -> str:
    """What precedes the last sign-off ("Best regards", "此致", "Mit freundlichen Grüßen"); a P.S. still counts."""
    sign_off = None
    for sign_off in _SIGN_OFF.finditer(text):  # noqa: B007 - the last one is wanted
        pass
    if sign_off is None:
        return text
    tail = text[sign_off.end() :]
    postscript = _POSTSCRIPT.search(tail)
    return text[: sign_off.start()] + (tail[postscript.start() :] if postscript else "")
