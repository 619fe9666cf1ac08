"""content_mismatch from history: a file (or a file of its kind) that went only to one other organization before.

No name in the draft has to match the directory: the attachment itself is known from the sent mail learned. Third
parties the directory knows (forwarders, suppliers, partners) handle everyone's papers and are not owners.
"""

from __future__ import annotations

from app.analysis.context import RecipientInfo, RuleContext
from app.analysis.directory import THIRD_PARTY_KINDS
from app.analysis.doc_classes import BINDING_CLASSES
from app.analysis.documents import DocumentOwner
from app.analysis.domains import registrable_domain
from app.analysis.findings import Finding, Fix
from app.analysis.rules._common import emails, listing, org_label


def document_history_mismatch(ctx: RuleContext) -> list[Finding]:
    history = ctx.check.documents
    receivers = [r for r in ctx.external if r.org is None or r.org.kind not in THIRD_PARTY_KINDS]
    if history is None or not receivers:
        return []
    findings = []
    for attachment, doc_class in zip(ctx.draft.attachments, ctx.doc_classes, strict=True):
        owners, basis = history.owners(attachment.sha256, attachment.name)
        owners = tuple(o for o in owners if not _third_party(ctx, o))
        if len(owners) != 1 or any(_owned_by(r, owners[0]) for r in receivers):
            continue
        if _mentioned_elsewhere(ctx, owners[0]):
            continue  # content_mismatch from the name already says it
        findings.append(_finding(ctx, attachment.name, owners[0], basis, doc_class, receivers))
    return findings


def _owned_by(recipient: RecipientInfo, owner: DocumentOwner) -> bool:
    return owner.includes(recipient.email, registrable_domain(recipient.domain))


def _third_party(ctx: RuleContext, owner: DocumentOwner) -> bool:
    for domain in owner.domains:
        found = ctx.index.org_index_for_domain(domain)
        if found is not None and ctx.index.org(found).kind in THIRD_PARTY_KINDS:
            return True
    return False


def _mentioned_elsewhere(ctx: RuleContext, owner: DocumentOwner) -> bool:
    for mention in ctx.mentions:
        org = ctx.index.org(mention.org_index)
        if any(d in owner.domains for d in org.domains):
            return True
    return False


def _finding(
    ctx: RuleContext, name: str, owner: DocumentOwner, basis: str, doc_class: str, receivers: list[RecipientInfo]
) -> Finding:
    before = "this file" if basis == "file" else "files like this"
    return Finding(
        code="content_mismatch",
        # The very file another customer got is the worst leak; a file of that customer's kind is likely one.
        severity="critical" if basis == "file" or doc_class in BINDING_CLASSES else "high",
        recipients=emails(ctx.external),
        evidence=(f"{name}: {before} went only to {owner.name} before",),
        fixes=(Fix("remove_attachment", name=name),),
        params={
            "variant": f"content_mismatch_{basis}_history",
            "org": owner.name,
            "where": name,
            "source": name,
            "source_kind": "attachment_history",
            "recipients": listing(emails(ctx.external)),
            "to_orgs": listing(org_label(r) for r in receivers),
        },
        key=f"history:{basis}:{owner.name}",
    )
