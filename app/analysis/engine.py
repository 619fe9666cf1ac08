"""check(draft, index, context) -> CheckResult: build the context once, run every rule, apply the policy."""

from __future__ import annotations

from dataclasses import replace

from app.analysis.context import CheckContext, RuleContext, build_context
from app.analysis.directory import Action, Severity
from app.analysis.draft import Draft
from app.analysis.findings import SUPPRESSIBLE, CheckResult, Finding, Verdict, evidence_hash, severity_rank
from app.analysis.index import DirectoryIndex
from app.analysis.messages import LocalizedResult, localize
from app.analysis.rules import ALL_RULES, Rule

_VERDICT_OF_ACTION: dict[Action, Verdict] = {"allow": "ok", "warn": "warn", "block": "block"}
_VERDICT_RANK: dict[Verdict, int] = {"ok": 0, "warn": 1, "block": 2}

__all__ = ["CheckContext", "LocalizedResult", "check", "localize", "run_rules"]


def check(draft: Draft, index: DirectoryIndex, context: CheckContext | None = None) -> CheckResult:
    context = context or CheckContext()
    ctx = build_context(draft, index, context)
    findings = [_apply_suppression(f, context) for f in run_rules(ctx)]
    findings.sort(key=lambda f: -severity_rank(f.severity))
    return CheckResult(
        verdict=verdict_for(findings, index),
        findings=tuple(findings),
        hold_minutes=index.policy.hold_external_minutes if ctx.external else 0,
        doc_classes=ctx.doc_classes,
        mentioned_org_ids=tuple(sorted({index.org(m.org_index).id for m in ctx.mentions})),
        recipient_org_ids=tuple(sorted({r.org.id for r in ctx.recipients if r.org is not None})),
        external_recipients=tuple(r.email for r in ctx.external),
        index_version=index.version,
    )


def run_rules(ctx: RuleContext, rules: tuple[Rule, ...] = ALL_RULES) -> list[Finding]:
    findings: list[Finding] = []
    for rule in rules:
        findings.extend(rule(ctx))
    return findings


def verdict_for(findings: list[Finding], index: DirectoryIndex) -> Verdict:
    enforcement = index.policy.enforcement
    verdict: Verdict = "ok"
    for finding in findings:
        candidate = _VERDICT_OF_ACTION[enforcement.get(finding.severity, _default_action(finding.severity))]
        if _VERDICT_RANK[candidate] > _VERDICT_RANK[verdict]:
            verdict = candidate
    return verdict


def _default_action(severity: Severity) -> Action:
    # A policy that forgot a severity must not silently allow critical findings.
    return "allow" if severity in ("info", "low") else "warn"


def _apply_suppression(finding: Finding, context: CheckContext) -> Finding:
    """A low or medium finding the user dismissed recently, for the same recipients and the same
    evidence, shows again only as info. Critical and high always show as they are."""
    if not context.suppressed or not finding.recipients or finding.severity not in SUPPRESSIBLE:
        return finding
    digest = evidence_hash(context.salt, finding.key)
    if all((finding.code, r, digest) in context.suppressed for r in finding.recipients):
        return replace(finding, severity="info", suppressed=True)
    return finding
