"""The watch report's own words (en, zh-CN); what each finding says comes from app/analysis/messages.py."""

from __future__ import annotations

REPORT_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "subject": "SendGuard: check the message you just sent – {subject}",
        "intro": "SendGuard checked a message you sent without the add-in and found a problem ({severity}).",
        "message": "Message: “{subject}”, to {recipients}.",
        "wrong": "Probably should not have received it: {wrong}.",
        "intended": "Probably meant for: {intended}.",
        "act": "Act now: the sooner the recipient is asked to delete it, the better.",
        "link": "Open the recovery steps (recipients, severity and letters already filled in)",
        "no_subject": "(no subject)",
        "critical": "critical",
        "high": "high",
    },
    "zh-CN": {
        "subject": "SendGuard：请检查您刚发送的邮件 – {subject}",
        "intro": "SendGuard 检查了一封未经插件发送的邮件，发现问题（{severity}）。",
        "message": "邮件：“{subject}”，发送给 {recipients}。",
        "wrong": "可能不应收到此邮件：{wrong}。",
        "intended": "可能本应发送给：{intended}。",
        "act": "请尽快处理：越早请收件人删除越好。",
        "link": "打开补救步骤（收件人、严重程度和信函已预先填好）",
        "no_subject": "（无主题）",
        "critical": "严重",
        "high": "高",
    },
}


def report_text(locale: str, key: str, **values: str) -> str:
    texts = REPORT_TEXTS.get(locale, REPORT_TEXTS["en"])
    return texts[key].format(**values)
