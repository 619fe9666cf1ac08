"""Localized titles, messages and the send prompt (en, zh-CN; other locales fall back to en).

The summary is what Outlook's Smart Alert and the Gmail card show at send time: one sentence per problem,
most severe first, naming the concrete evidence, never a list of titles.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.analysis.findings import CheckResult, Finding, severity_rank
from app.analysis.texts import CATEGORY_LABELS, CODE_NAMES, PHRASES, PROBLEM_LABELS, REASON_LABELS, TEXTS

SUMMARY_MAX = 500


@dataclass(frozen=True, slots=True)
class LocalizedFinding:
    id: str
    code: str
    severity: str
    title: str
    message: str
    recipients: tuple[str, ...]
    evidence: tuple[str, ...]
    fixes: tuple[dict[str, object], ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "code": self.code,
            "severity": self.severity,
            "title": self.title,
            "message": self.message,
            "recipients": list(self.recipients),
            "evidence": list(self.evidence),
            "fixes": list(self.fixes),
        }


@dataclass(frozen=True, slots=True)
class LocalizedResult:
    summary: str
    findings: tuple[LocalizedFinding, ...]


def supported_locale(locale: str | None) -> str:
    if locale and locale.lower().replace("_", "-").startswith("zh"):
        return "zh-CN"
    return "en"


def _texts(finding: Finding, lang: str) -> tuple[str, str, str]:
    # A finding may word itself as a variant of its code (content_mismatch known from the documents sent before).
    texts = TEXTS.get(finding.params.get("variant", ""), {}) or TEXTS.get(finding.code, {})
    return texts.get(lang) or texts.get("en") or (finding.code, "", finding.code)


def _params(finding: Finding, lang: str) -> dict[str, str]:
    """The finding's params plus the values its templates derive from them, in this language."""
    params: dict[str, str] = defaultdict(str, finding.params)
    category = finding.params.get("category", "")
    title, label = CATEGORY_LABELS.get(category, {}).get(lang, (category, category))
    params["category_title"], params["category_label"] = title, label
    problem = finding.params.get("problem", "")
    params["problem_label"] = PROBLEM_LABELS.get(problem, {}).get(lang, problem)
    reason = finding.params.get("reason", "")
    params["reason_label"] = REASON_LABELS.get(reason, {}).get(lang, reason)
    if finding.params.get("suggestion"):
        params["suggestion_hint"] = PHRASES["suggestion_hint"][lang].format(suggestion=finding.params["suggestion"])
    if finding.params.get("rival_of"):
        params["rival_note"] = PHRASES["rival_note"][lang].format(org=finding.params["rival_of"])
    params["source_label"] = _source_label(finding, lang)
    return params


def _source_label(finding: Finding, lang: str) -> str:
    source = finding.params.get("source", "")
    if source:
        return PHRASES["source_attachment"][lang].format(name=source)
    kind = finding.params.get("source_kind", "")
    return PHRASES["source_subject" if kind == "subject" else "source_text"][lang]


def code_name(code: str, locale: str) -> str:
    """What a kind of finding is called where there is no evidence to name (a list of past checks)."""
    names = CODE_NAMES.get(code, {})
    return names.get(supported_locale(locale)) or names.get("en") or code


def title_and_message(finding: Finding, locale: str) -> tuple[str, str]:
    lang = supported_locale(locale)
    title, message, _sentence = _texts(finding, lang)
    params = _params(finding, lang)
    return title.format_map(params), message.format_map(params)


def sentence(finding: Finding, locale: str) -> str:
    """The one sentence the send prompt says about this finding."""
    lang = supported_locale(locale)
    return _texts(finding, lang)[2].format_map(_params(finding, lang))


def summary(result: CheckResult, locale: str) -> str:
    """One sentence per problem, worst first, within SUMMARY_MAX characters ("+N more" when cut)."""
    lang = supported_locale(locale)
    # Notes (low) join the prompt only when nothing worse is there: they would bury the warning.
    shown = [f for f in result.findings if severity_rank(f.severity) >= severity_rank("medium")]
    shown = shown or [f for f in result.findings if f.severity == "low"]
    if not shown:
        return PHRASES["ok"][lang]
    prefix = PHRASES["blocked"][lang] if result.verdict == "block" else ""
    sentences = list(dict.fromkeys(sentence(f, lang) for f in shown))
    return _fit(prefix, sentences, lang)


def _fit(prefix: str, sentences: list[str], lang: str) -> str:
    gap = PHRASES["sentence_gap"][lang]
    text = prefix
    for used, item in enumerate(sentences):
        rest = len(sentences) - used - 1
        more = PHRASES["more"][lang].format(count=rest) if rest else ""
        candidate = text + (gap if text and text != prefix else "") + item
        if len(candidate + more) > SUMMARY_MAX:
            if used == 0:
                return _truncate(candidate)
            return text + PHRASES["more"][lang].format(count=rest + 1)
        text = candidate
    return text


def _truncate(text: str) -> str:
    return text if len(text) <= SUMMARY_MAX else text[: SUMMARY_MAX - 1] + "…"


def localize(result: CheckResult, locale: str) -> LocalizedResult:
    """Titles, messages and summary for the response, in the user's locale."""
    findings = []
    for finding in result.findings:
        title, message = title_and_message(finding, locale)
        findings.append(
            LocalizedFinding(
                id=finding.id,
                code=finding.code,
                severity=finding.severity,
                title=title,
                message=message,
                recipients=finding.recipients,
                evidence=finding.evidence,
                fixes=tuple(fix.to_dict() for fix in finding.fixes),
            )
        )
    return LocalizedResult(summary(result, locale), tuple(findings))
