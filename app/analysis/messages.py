"""Localized titles, messages and the one-line summary (en, zh-CN; other locales fall back to en)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from app.analysis.findings import CheckResult, Finding

SUMMARY_MAX = 500

# code -> locale -> (title, message template). Templates use Finding.params; missing params render "".
_TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    "exposed_recipients": {
        "en": (
            "Customers can see each other",
            "{count} external organizations ({orgs}) are visible to each other in To/Cc. Move them to Bcc.",
        ),
        "zh-CN": ("客户之间可以互相看到", "收件人/抄送中有 {count} 个外部组织（{orgs}）可以互相看到地址，请移到密送。"),
    },
    "rival_exposure": {
        "en": (
            "Rival customers in the same mail",
            "{orgs} compete with each other ({group}) and would see each other. Move them to Bcc or send separately.",
        ),
        "zh-CN": ("竞争客户出现在同一封邮件中", "{orgs} 互为竞争对手（{group}），会看到彼此。请移到密送或分开发送。"),
    },
    "competitor_recipient": {
        "en": ("Recipient works for a competitor", "{recipient} belongs to {org}, one of our competitors."),
        "zh-CN": ("收件人属于竞争对手", "{recipient} 属于竞争对手 {org}。"),
    },
    "content_mismatch": {
        "en": (
            "Content belongs to another customer",
            "{where} names {org}, but none of the recipients ({recipients}) belongs to {org}.",
        ),
        "zh-CN": ("内容属于其他客户", "{where} 提到了 {org}，但收件人（{recipients}）都不属于 {org}。"),
    },
    "lookalike_domain": {
        "en": (
            "Address looks like a known one",
            "{domain} is not known but looks like {known}. Did you mean {suggestion}?",
        ),
        "zh-CN": ("地址与已知地址相似", "{domain} 不在通讯录中，但与 {known} 非常相似。是否应为 {suggestion}？"),
    },
    "contact_mismatch": {
        "en": (
            "Known contact, different address",
            "{name} is known as {suggestion}, but this mail goes to {recipient}.",
        ),
        "zh-CN": ("联系人地址不一致", "{name} 的已知地址是 {suggestion}，但本邮件发往 {recipient}。"),
    },
    "known_confusion": {
        "en": (
            "This address was confused before",
            "Mail meant for {suggestion} went to {recipient} before. Check the recipient.",
        ),
        "zh-CN": ("此地址曾被误发", "以前发给 {suggestion} 的邮件曾误发到 {recipient}，请核对收件人。"),
    },
    "greeting_mismatch": {
        "en": ("Greeting names someone else", '"{greeting}" greets {name} ({contact}), who is not in To ({to}).'),
        "zh-CN": ("称呼与收件人不符", "“{greeting}”称呼的是 {name}（{contact}），但此人不在收件人中（{to}）。"),
    },
    "sensitive_external": {
        "en": (
            "Sensitive information to an outside recipient",
            "The mail contains {category_label} ({terms}) and goes to {recipients}.",
        ),
        "zh-CN": ("敏感信息发往外部", "邮件包含{category_label}（{terms}），将发送给 {recipients}。"),
    },
    "internal_content_external": {
        "en": (
            "Internal content to an outside recipient",
            "Internal-only content ({evidence}) would go to {recipients}.",
        ),
        "zh-CN": ("内部内容发往外部", "仅限内部的内容（{evidence}）将发送给 {recipients}。"),
    },
    "missing_attachment": {
        "en": ("Attachment missing", 'The text says "{phrase}" but nothing is attached.'),
        "zh-CN": ("缺少附件", "正文提到“{phrase}”，但没有添加附件。"),
    },
    "first_time_recipient": {
        "en": ("First mail to this address", "You have not written to {recipient} before."),
        "zh-CN": ("首次发送到此地址", "您之前从未给 {recipient} 发过邮件。"),
    },
    "owner_mismatch": {
        "en": (
            "Customer owned by a colleague",
            "{org} is looked after by {owner}. Consider a hand-off note to keep them informed.",
        ),
        "zh-CN": ("客户由同事负责", "{org} 由 {owner} 负责。建议使用客户交接模板告知同事。"),
    },
    "large_audience": {
        "en": ("Many visible recipients", "{count} recipients are visible to each other (limit {limit}). Use Bcc."),
        "zh-CN": ("可见收件人过多", "{count} 位收件人可以互相看到（上限 {limit}），请使用密送。"),
    },
}

_CATEGORY_LABELS: dict[str, dict[str, str]] = {
    "prices": {"en": "prices", "zh-CN": "价格"},
    "costs": {"en": "costs or margins", "zh-CN": "成本或利润"},
    "margins": {"en": "margins", "zh-CN": "利润"},
    "bank": {"en": "bank details", "zh-CN": "银行信息"},
    "terms": {"en": "contract or PI terms", "zh-CN": "合同或形式发票条款"},
}

_SUMMARY: dict[str, dict[str, str]] = {
    "ok": {"en": "No problems found.", "zh-CN": "未发现问题。"},
    "warn": {"en": "Please check before sending: {items}", "zh-CN": "发送前请检查：{items}"},
    "block": {"en": "Sending is blocked: {items}", "zh-CN": "已阻止发送：{items}"},
}
_SEPARATOR = {"en": "; ", "zh-CN": "；"}


@dataclass(frozen=True, slots=True)
class LocalizedFinding:
    code: str
    severity: str
    title: str
    message: str
    recipients: tuple[str, ...]
    evidence: tuple[str, ...]
    fixes: tuple[dict[str, object], ...]

    def to_dict(self) -> dict[str, object]:
        return {
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


def title_and_message(finding: Finding, locale: str) -> tuple[str, str]:
    lang = supported_locale(locale)
    texts = _TEXTS.get(finding.code, {})
    title, template = texts.get(lang) or texts.get("en") or (finding.code, "")
    params: dict[str, str] = defaultdict(str, finding.params)
    category = finding.params.get("category", "")
    params["category_label"] = _CATEGORY_LABELS.get(category, {}).get(lang, category)
    return title, template.format_map(params)


def summary(result: CheckResult, locale: str) -> str:
    lang = supported_locale(locale)
    shown = [f for f in result.findings if f.severity != "info"] or list(result.findings)
    if result.verdict == "ok" and not shown:
        return _SUMMARY["ok"][lang]
    if result.verdict == "ok":
        items = _SEPARATOR[lang].join(dict.fromkeys(title_and_message(f, lang)[0] for f in shown))
        return _truncate(items)
    titles = _SEPARATOR[lang].join(dict.fromkeys(title_and_message(f, lang)[0] for f in shown))
    return _truncate(_SUMMARY[result.verdict][lang].format(items=titles))


def _truncate(text: str) -> str:
    return text if len(text) <= SUMMARY_MAX else text[: SUMMARY_MAX - 1] + "…"


def localize(result: CheckResult, locale: str) -> LocalizedResult:
    """Titles, messages and summary for the response, in the user's locale."""
    findings = []
    for finding in result.findings:
        title, message = title_and_message(finding, locale)
        findings.append(
            LocalizedFinding(
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
