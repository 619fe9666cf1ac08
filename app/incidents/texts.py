"""Reasons and playbook steps in plain words, in English and Chinese."""

from __future__ import annotations

from app.incidents.assessment import Assessment, RecipientRelation

_CONTENT = {
    "general": {
        "en": "What was sent is general material (a catalogue, a company profile or an ordinary note).",
        "zh-CN": "误发的是一般资料（产品目录、公司介绍或普通往来邮件）。",
    },
    "commercial": {
        "en": "What was sent is commercial: prices, costs or a quotation.",
        "zh-CN": "误发内容涉及商业信息：价格、成本或报价。",
    },
    "contractual": {
        "en": "What was sent is contractual: a proforma invoice, contract, order or invoice of another customer.",
        "zh-CN": "误发的是合同类文件：其他客户的形式发票、合同、订单或发票。",
    },
    "internal": {
        "en": "The message contains internal discussion or remarks about the customer.",
        "zh-CN": "邮件包含内部讨论或对客户的评价。",
    },
}

_DOC_CLASS = {
    "pi": {"en": "proforma invoice", "zh-CN": "形式发票"},
    "contract": {"en": "contract or order", "zh-CN": "合同/订单"},
    "quotation": {"en": "quotation", "zh-CN": "报价单"},
    "price_list": {"en": "price list", "zh-CN": "价格表"},
    "invoice": {"en": "invoice", "zh-CN": "发票"},
    "catalogue": {"en": "catalogue", "zh-CN": "产品目录"},
    "profile": {"en": "company profile", "zh-CN": "公司介绍"},
}

_RELATION = {
    "unrelated": {
        "en": "{email} is not in your directory as a customer, partner or competitor.",
        "zh-CN": "{email} 不在客户、伙伴或竞争对手名录中。",
    },
    "customer": {
        "en": "{email} belongs to {org}, one of your business contacts (not a competitor of the customer concerned).",
        "zh-CN": "{email} 属于 {org}，是您的业务往来方（不是相关客户的竞争对手）。",
    },
    "competitor": {
        "en": "{email} belongs to {org}, a competitor of your company.",
        "zh-CN": "{email} 属于 {org}，是贵公司的竞争对手。",
    },
    "rival": {
        "en": "{email} belongs to {org}, which competes directly with {rival_of}: the worst place for this mail.",
        "zh-CN": "{email} 属于 {org}，与 {rival_of} 是直接竞争关系，这是最不该收到此邮件的一方。",
    },
}

_LEVEL = {
    "low": {"en": "Low: apologise and move on.", "zh-CN": "低：致歉即可。"},
    "medium": {"en": "Medium: apologise today and ask for deletion.", "zh-CN": "中：今天内致歉并请对方删除。"},
    "high": {
        "en": "High: act within the hour: ask for deletion and tell the customer concerned yourself.",
        "zh-CN": "高：一小时内处理：请误收方删除，并主动告知相关客户。",
    },
    "critical": {
        "en": "Critical: act now, involve your manager, and tell the customer concerned before anyone else does.",
        "zh-CN": "严重：立即处理，通知主管，并在别人之前主动告知相关客户。",
    },
}

_STEPS = {
    "recall": {
        "en": "Try to recall the message in Outlook (works only for recipients inside your own organization).",
        "zh-CN": "在 Outlook 中尝试撤回邮件（仅对本组织内的收件人有效）。",
    },
    "undo_send": {
        "en": "If Gmail still shows “Undo” at the bottom of the screen, click it now; Gmail cannot recall a message after that.",
        "zh-CN": "如果 Gmail 屏幕底部仍显示“撤消”，请立即点击；之后 Gmail 无法撤回邮件。",
    },
    "stop_followups": {
        "en": "Stop follow-up mistakes: do not reply to all in this thread; check Cc and any auto-forward.",
        "zh-CN": "防止二次失误：不要在该邮件链中“全部回复”；检查抄送和自动转发。",
    },
    "escalate": {
        "en": "Tell your manager now; if personal data was exposed, your data protection contact must decide within 72 hours.",
        "zh-CN": "立即告知主管；如涉及个人数据，须由数据保护负责人在 72 小时内决定是否上报。",
    },
    "apology": {
        "en": "Send the apology to {wrong}, asking them to delete the mail unread and to confirm.",
        "zh-CN": "向 {wrong} 发送致歉信，请对方不阅读直接删除并回复确认。",
    },
    "notice": {
        "en": "Tell {intended} yourself, before they hear it elsewhere.",
        "zh-CN": "在 {intended} 从别处得知之前，主动告知对方。",
    },
    "resend": {
        "en": "Send the right content to {intended}, who never received it.",
        "zh-CN": "把正确内容发给 {intended}（对方尚未收到）。",
    },
    "record": {
        "en": "Recorded: SendGuard will warn you when you write to {wrong} instead of {intended} again.",
        "zh-CN": "已记录：今后再把邮件发给 {wrong} 而非 {intended} 时，SendGuard 会提醒您。",
    },
}


def lang(locale: str) -> str:
    return "zh-CN" if locale.lower().startswith("zh") else "en"


def reasons(assessment: Assessment, locale: str) -> list[str]:
    language = lang(locale)
    result = [_content_reason(assessment, language)]
    result += [_relation_reason(r, language) for r in assessment.recipients]
    result.append(_LEVEL[assessment.level][language])
    return result


def _content_reason(assessment: Assessment, language: str) -> str:
    text = _CONTENT[assessment.content_class][language]
    documents = [_DOC_CLASS[c][language] for c in dict.fromkeys(assessment.doc_classes) if c in _DOC_CLASS]
    if documents:
        separator = "、" if language == "zh-CN" else ", "
        label = "附件：" if language == "zh-CN" else " Attached: "
        text += label + separator.join(documents) + ("。" if language == "zh-CN" else ".")
    return text


def _relation_reason(recipient: RecipientRelation, language: str) -> str:
    return _RELATION[recipient.relation][language].format(
        email=recipient.email,
        org=recipient.org.name if recipient.org else recipient.email.rpartition("@")[2],
        rival_of=recipient.rival_of.name if recipient.rival_of else "",
    )


def step_title(step_id: str, locale: str, wrong: list[str], intended: list[str]) -> str:
    separator = "、" if lang(locale) == "zh-CN" else ", "
    return _STEPS[step_id][lang(locale)].format(wrong=separator.join(wrong), intended=separator.join(intended))


_SUGGESTION = {
    "greeted": {"en": "The message greets them", "zh-CN": "邮件中称呼的是此人"},
    "named": {"en": "{about} is named in the message or its attachments", "zh-CN": "邮件或附件提到了 {about}"},
    "confused_before": {"en": "Mixed up with {about} before", "zh-CN": "以前曾与 {about} 混淆"},
    "recent": {"en": "You wrote to them recently", "zh-CN": "您近期联系过此人"},
}


def suggestion_reason(reason: str, about: str, locale: str) -> str:
    return _SUGGESTION[reason][lang(locale)].format(about=about)


def doc_class_label(doc_class: str, locale: str) -> str:
    """A document class in words; "other" and unknown classes read as "document"."""
    other = {"en": "document", "zh-CN": "文件"}
    return _DOC_CLASS.get(doc_class, other)[lang(locale)]
