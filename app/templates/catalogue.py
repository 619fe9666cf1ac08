"""The template catalogue, as data.

What a template needs (its fields) is declared here; which languages it speaks is read from the files on disk,
so adding ``files/<name>/<locale>.{subject,html,txt}.j2`` is all it takes to add a language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from app.templates.exceptions import UnknownTemplate

FILES_DIR = Path(__file__).parent / "files"
PARTS = ("subject", "html", "txt")

FieldType = Literal["string", "text", "date", "email", "enum", "list"]
Audience = Literal["internal", "customer"]


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label_en: str
    label_zh: str
    type: FieldType = "string"
    required: bool = True
    default: Any = None
    choices: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": {"en": self.label_en, "zh-CN": self.label_zh},
            "type": self.type,
            "required": self.required,
            "default": self.default,
            "choices": list(self.choices) or None,
            "choice_labels": {c: choice_label(c) for c in self.choices} or None,
        }


@dataclass(frozen=True)
class TemplateInfo:
    name: str
    audience: Audience
    description_en: str
    description_zh: str
    fields: tuple[FieldSpec, ...]
    locales: tuple[str, ...] = field(default=())

    def field(self, name: str) -> FieldSpec | None:
        return next((f for f in self.fields if f.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "audience": self.audience,
            "description": {"en": self.description_en, "zh-CN": self.description_zh},
            "fields": [f.to_dict() for f in self.fields],
            "locales": list(self.locales),
        }


# What each choice of an enum field says on a form, in English and Chinese (forms never show the codes).
CHOICE_LABELS: dict[str, tuple[str, str]] = {
    "female": ("Ms (woman)", "女士"),
    "male": ("Mr (man)", "先生"),
    "unknown": ("Not known: use the full name", "不确定：使用全名"),
    "low": ("Low", "低"),
    "medium": ("Medium", "中"),
    "high": ("High", "高"),
    "critical": ("Critical", "严重"),
    "customer": ("Another customer", "另一位客户"),
    "rival": ("A competitor of the customer", "该客户的竞争对手"),
    "other": ("Someone else", "其他人"),
    "requested": ("Deletion requested", "已要求删除"),
    "confirmed": ("Deletion confirmed", "已确认删除"),
}


def choice_label(choice: str, locale: str | None = None) -> Any:
    """{"en", "zh-CN"} labels of a choice, or the one for a locale; an unknown choice keeps its value."""
    en, zh = CHOICE_LABELS.get(choice, (choice, choice))
    if locale is None:
        return {"en": en, "zh-CN": zh}
    return zh if locale == "zh-CN" else en


def _opt(name: str, en: str, zh: str, type: FieldType = "string", default: Any = None) -> FieldSpec:
    return FieldSpec(name, en, zh, type, required=False, default=default)


def _enum(name: str, en: str, zh: str, choices: tuple[str, ...], default: str) -> FieldSpec:
    return FieldSpec(name, en, zh, "enum", required=False, default=default, choices=choices)


GENDERS = ("female", "male", "unknown")
SEVERITIES = ("low", "medium", "high", "critical")

# The salutation needs more than a name: German, Spanish and French letters address "Herr/Frau Schmidt",
# and guessing a surname from a full name fails on Spanish double surnames and on Chinese names.
RECIPIENT = (
    FieldSpec("recipient_name", "Recipient's full name", "收件人姓名"),
    _opt("recipient_last_name", "Recipient's surname (for a formal salutation)", "收件人姓氏（用于正式称呼）"),
    _enum("recipient_gender", "Salutation form", "称呼（先生/女士）", GENDERS, "unknown"),
)
SENDER = (
    FieldSpec("sender_name", "Your name", "发件人姓名"),
    _opt("sender_title", "Your job title", "发件人职位"),
    FieldSpec("sender_company", "Your company", "发件人公司"),
    _opt("sender_phone", "Your phone number", "发件人电话"),
)
SEVERITY = _enum("severity", "How serious the mistake is", "事故严重程度", SEVERITIES, "medium")

_DECLARED: tuple[TemplateInfo, ...] = (
    TemplateInfo(
        "handoff_internal",
        "internal",
        "Hand a customer over to a colleague: overview and the six-part hand-off table.",
        "把客户交接给同事：概述和六项交接表。",
        (
            FieldSpec("new_owner_name", "Colleague taking over", "接手同事"),
            FieldSpec("company", "Customer company", "客户公司"),
            FieldSpec("contact_name", "Customer contact", "客户联系人"),
            _opt("contact_email", "Contact's e-mail", "联系人邮箱", "email"),
            FieldSpec("matter", "Core matter", "核心事项"),
            FieldSpec("sender_name", "Your name", "发件人姓名"),
            FieldSpec("overview", "Overview", "概述", "text"),
            FieldSpec("basic_info", "Basic information", "基本信息", "text"),
            FieldSpec("source_history", "Source and contact history", "客户来源及联系记录", "text"),
            FieldSpec("needs", "Needs and pain points", "需求与痛点", "text"),
            FieldSpec("materials_sent", "Materials already sent", "已发送资料", "list"),
            FieldSpec("personality", "Personality and communication preferences", "性格与沟通偏好", "text"),
            FieldSpec("next_steps", "Next steps", "下一步计划", "text"),
            FieldSpec("takeover_date", "Date the colleague takes over", "正式接手日期", "date"),
        ),
    ),
    TemplateInfo(
        "handoff_customer_notice",
        "customer",
        "Tell the customer who their new contact is (in Cc); you keep following the project.",
        "告知客户新的对接人（已抄送），并说明本人仍会关注项目。",
        (
            *RECIPIENT,
            FieldSpec("matter", "Project or order", "项目/订单"),
            FieldSpec("new_contact_name", "New contact's name", "新对接人姓名"),
            _opt("new_contact_title", "New contact's job title", "新对接人职位"),
            FieldSpec("new_contact_email", "New contact's e-mail", "新对接人邮箱", "email"),
            _opt("new_contact_phone", "New contact's phone", "新对接人电话"),
            FieldSpec("effective_date", "From which date", "生效日期", "date"),
            _opt("reason", "Why the change (optional)", "变更原因（可选）", "text"),
            *SENDER,
        ),
    ),
    TemplateInfo(
        "intro_consent_request",
        "customer",
        "Ask the customer before sharing their contact with a partner, or offer the partner's contact instead.",
        "在把客户联系方式介绍给合作伙伴之前征得客户同意，或改为提供合作伙伴的联系方式。",
        (
            *RECIPIENT,
            FieldSpec("partner_name", "Partner's contact name", "合作伙伴联系人"),
            FieldSpec("partner_company", "Partner company", "合作伙伴公司"),
            FieldSpec("partner_role", "What the partner does", "合作伙伴业务"),
            FieldSpec("reason", "Why the introduction helps", "介绍的理由", "text"),
            _opt("partner_email", "Partner's e-mail", "合作伙伴邮箱", "email"),
            *SENDER,
        ),
    ),
    TemplateInfo(
        "intro_three_way",
        "customer",
        "Introduce customer and partner to each other after consent, then step back.",
        "在客户同意后介绍双方认识，然后退出沟通。",
        (
            *RECIPIENT,
            FieldSpec("customer_company", "Customer company", "客户公司"),
            FieldSpec("customer_description", "Who the customer is", "客户简介", "text"),
            FieldSpec("partner_name", "Partner's contact name", "合作伙伴联系人"),
            _opt("partner_last_name", "Partner's surname", "合作伙伴姓氏"),
            _enum("partner_gender", "Partner's salutation form", "合作伙伴称呼", GENDERS, "unknown"),
            FieldSpec("partner_company", "Partner company", "合作伙伴公司"),
            FieldSpec("partner_description", "Who the partner is", "合作伙伴简介", "text"),
            _opt("partner_email", "Partner's e-mail", "合作伙伴邮箱", "email"),
            FieldSpec("reason", "Why you are introducing them", "介绍的理由", "text"),
            *SENDER,
        ),
    ),
    TemplateInfo(
        "apology_wrong_recipient",
        "customer",
        "To the person who received a mail by mistake: apologise, ask them to delete it unread and confirm.",
        "致误收邮件的人：致歉，请对方不阅读直接删除并回复确认。",
        (
            *RECIPIENT,
            FieldSpec("sent_date", "Date of the misdirected mail", "误发日期", "date"),
            FieldSpec("original_subject", "Subject of the misdirected mail", "误发邮件主题"),
            _opt("document_name", "Attachment sent by mistake", "误发的附件"),
            _opt("explanation", "What went wrong, in one sentence", "出错原因（一句话）", "text"),
            _opt("change_made", "What you change so it does not happen again", "改进措施", "text"),
            _opt("confirm_by", "Please confirm by", "请在此日期前确认", "date"),
            SEVERITY,
            *SENDER,
        ),
    ),
    TemplateInfo(
        "notice_intended_recipient",
        "customer",
        "Tell the customer whose document went astray, before they hear it elsewhere.",
        "在客户从别处得知之前，主动告知其文件被误发。",
        (
            *RECIPIENT,
            FieldSpec("recipient_company", "Customer company", "客户公司"),
            FieldSpec("sent_date", "Date of the misdirected mail", "误发日期", "date"),
            FieldSpec("document_name", "Document that went astray", "被误发的文件"),
            _opt("document_description", "What the document is", "文件说明"),
            # Who got it is phrased by the template in the letter's language; naming them is the sender's choice.
            _enum(
                "wrong_recipient_kind",
                "Who received it",
                "误收方类型",
                ("customer", "rival", "other"),
                "other",
            ),
            _opt("wrong_recipient_company", "Name the company that received it (optional)", "误收方公司（可选）"),
            _enum(
                "deletion_status",
                "Has the wrong recipient confirmed deletion?",
                "误收方是否已确认删除",
                ("requested", "confirmed"),
                "requested",
            ),
            _opt("actions_taken", "What you are doing now", "我方正在采取的措施", "text"),
            SEVERITY,
            *SENDER,
        ),
    ),
    TemplateInfo(
        "resend_intended",
        "customer",
        "Short cover letter re-sending the right document to the intended recipient.",
        "向原定收件人重新发送正确文件的简短附函。",
        (
            *RECIPIENT,
            FieldSpec("document_name", "Document attached", "附件文件"),
            _opt("document_description", "What the document is", "文件说明"),
            _opt("reference", "Order or project reference", "订单/项目编号"),
            _opt("note", "A line of your own (optional)", "补充说明（可选）", "text"),
            *SENDER,
        ),
    ),
)


def _locales_on_disk(name: str) -> tuple[str, ...]:
    """Locales with all three parts present; a half-written language is not offered."""
    folder = FILES_DIR / name
    if not folder.is_dir():
        return ()
    found = {p.name.split(".", 1)[0] for p in folder.glob("*.j2")}
    complete = {loc for loc in found if all((folder / f"{loc}.{part}.j2").is_file() for part in PARTS)}
    return tuple(sorted(complete))


@cache
def _catalogue() -> dict[str, TemplateInfo]:
    return {
        t.name: TemplateInfo(t.name, t.audience, t.description_en, t.description_zh, t.fields, _locales_on_disk(t.name))
        for t in _DECLARED
    }


def list_templates() -> list[TemplateInfo]:
    return list(_catalogue().values())


def get_template(name: str) -> TemplateInfo:
    try:
        return _catalogue()[name]
    except KeyError:
        raise UnknownTemplate(name) from None
