"""The add-on's own words, in English and Simplified Chinese (findings and letters bring their own)."""

from __future__ import annotations

from app.analysis.messages import supported_locale

_TEXTS: dict[str, dict[str, str]] = {
    "app": {"en": "SendGuard", "zh-CN": "SendGuard"},
    "home_subtitle": {"en": "Your recent checks and open incidents", "zh-CN": "最近的检查和未结事件"},
    "recent_checks": {"en": "Recent checks", "zh-CN": "最近的检查"},
    "no_checks": {"en": "No checks yet.", "zh-CN": "还没有检查记录。"},
    "verdict_ok": {"en": "No problems", "zh-CN": "无问题"},
    "verdict_warn": {"en": "Warned", "zh-CN": "已提醒"},
    "verdict_block": {"en": "Blocked", "zh-CN": "已阻止"},
    "trigger_compose": {"en": "while writing", "zh-CN": "撰写时"},
    "trigger_send": {"en": "at sending", "zh-CN": "发送时"},
    "open_incidents": {"en": "Open incidents", "zh-CN": "未结的误发事件"},
    "no_incidents": {"en": "No open incidents.", "zh-CN": "没有未结的误发事件。"},
    "check_title": {"en": "Recipient check", "zh-CN": "收件人检查"},
    "no_recipients": {"en": "Add recipients, then run the check again.", "zh-CN": "请先添加收件人，然后重新检查。"},
    "all_clear": {"en": "No problems found with these recipients.", "zh-CN": "这些收件人没有发现问题。"},
    "recheck": {"en": "Check again", "zh-CN": "重新检查"},
    "recipients_only": {
        "en": "This checks the recipients only. The whole draft adds its subject, text and attachments.",
        "zh-CN": "这里只检查了收件人。检查整封草稿还会查看主题、正文和附件。",
    },
    "whole_draft": {"en": "Check the whole draft", "zh-CN": "检查整封草稿"},
    "whole_again": {"en": "Check the whole draft again", "zh-CN": "重新检查整封草稿"},
    "whole_title": {"en": "Whole draft check", "zh-CN": "整封草稿检查"},
    "whole_checked": {"en": "Draft checked (as Gmail last saved it)", "zh-CN": "已检查的草稿（Gmail 最近保存的版本）"},
    "no_subject": {"en": "(no subject)", "zh-CN": "（无主题）"},
    "whole_attachments": {"en": "{count} attachment(s): {names}", "zh-CN": "{count} 个附件：{names}"},
    "whole_no_attachments": {"en": "No attachments", "zh-CN": "无附件"},
    "whole_all_clear": {
        "en": "No problems found in the recipients, subject, text or attachments.",
        "zh-CN": "收件人、主题、正文和附件都没有发现问题。",
    },
    "whole_not_found": {
        "en": "No saved draft matched these recipients, so only the recipients were checked. Gmail saves a draft "
        "a few seconds after you stop typing: wait a moment, then check the whole draft again.",
        "zh-CN": "没有找到与这些收件人相符的已保存草稿，因此只检查了收件人。Gmail 会在您停止输入几秒后保存草稿，"
        "请稍候再检查整封草稿。",
    },
    "delay_send": {"en": "Send in {minutes} minutes", "zh-CN": "{minutes} 分钟后发送"},
    "delay_explain": {
        "en": "Your company holds mail to outside recipients for {minutes} minutes, so a mistake can still be "
        "stopped. SendGuard can send this draft for you then; until then you can cancel.",
        "zh-CN": "公司规定发往外部的邮件先保留 {minutes} 分钟，以便还能拦下错误。SendGuard 可以到时替您发送这封草稿，在此之前可以取消。",
    },
    "delay_title": {"en": "Sending later", "zh-CN": "稍后发送"},
    "delay_when": {"en": "SendGuard sends this draft at {at}", "zh-CN": "SendGuard 将在 {at} 发送这封草稿"},
    "delay_leave": {
        "en": "Close the draft without pressing Send in Gmail; it stays in Drafts until then.",
        "zh-CN": "请直接关闭草稿，不要在 Gmail 中点击发送；在此之前它保留在草稿箱中。",
    },
    "delay_cancel": {"en": "Cancel the send", "zh-CN": "取消发送"},
    "delay_cancelled": {
        "en": "Cancelled: the draft stays in Drafts, unsent.",
        "zh-CN": "已取消：草稿仍在草稿箱中，未发送。",
    },
    "delay_unavailable": {
        "en": "Sending later is not set up for Gmail on this server (it needs domain-wide delegation).",
        "zh-CN": "此服务器尚未为 Gmail 设置稍后发送（需要全网域授权）。",
    },
    "delay_not_a_draft": {"en": "This message is no longer a draft.", "zh-CN": "这封邮件已不是草稿。"},
    "hand_remove_attachment": {
        "en": "Remove {name} from the draft yourself: Gmail does not let add-ons change attachments.",
        "zh-CN": "请手动从草稿中删除 {name}：Gmail 不允许插件修改附件。",
    },
    "hand_add_attachment": {
        "en": "Attach the file yourself before sending: Gmail does not let add-ons add attachments.",
        "zh-CN": "请在发送前手动添加附件：Gmail 不允许插件添加附件。",
    },
    "templates": {"en": "Templates", "zh-CN": "模板"},
    "templates_subtitle": {"en": "Insert a ready letter into this draft", "zh-CN": "把现成的信件插入到草稿"},
    "use": {"en": "Use", "zh-CN": "使用"},
    "insert": {"en": "Insert into draft", "zh-CN": "插入草稿"},
    "suggested": {"en": "suggested", "zh-CN": "推荐"},
    "handoff_create": {"en": "Create a draft to {to}", "zh-CN": "创建发给 {to} 的草稿"},
    "handoff_draft": {"en": "Hand-off draft to {to} created.", "zh-CN": "已创建发给 {to} 的交接草稿。"},
    "language": {"en": "Language of the letter", "zh-CN": "信件语言"},
    "fields": {"en": "Fields", "zh-CN": "字段"},
    "list_hint": {"en": "One item per line", "zh-CN": "每行一项"},
    "fix_move_to_bcc": {"en": "Move to Bcc", "zh-CN": "移到密送"},
    "fix_remove_recipient": {"en": "Remove {recipient}", "zh-CN": "移除 {recipient}"},
    "fix_replace_recipient": {"en": "Use {suggestion}", "zh-CN": "改为 {suggestion}"},
    "fix_use_template": {"en": "Use the hand-off template", "zh-CN": "使用交接模板"},
    "fixed": {"en": "Recipients updated.", "zh-CN": "收件人已更新。"},
    "severity_critical": {"en": "Critical", "zh-CN": "严重"},
    "severity_high": {"en": "High", "zh-CN": "高"},
    "severity_medium": {"en": "Medium", "zh-CN": "中"},
    "severity_low": {"en": "Low", "zh-CN": "低"},
    "severity_info": {"en": "For your information", "zh-CN": "提示"},
    "wrong_title": {"en": "Sent to the wrong person?", "zh-CN": "发错人了？"},
    "wrong_intro": {
        "en": "If this message went to someone it should not have, SendGuard rates how serious it is, "
        "lists what to do now and writes the letters for you.",
        "zh-CN": "如果这封邮件发给了不该收到的人，SendGuard 会评估严重程度、列出现在要做的事，并为您起草信件。",
    },
    "wrong_button": {"en": "I sent this to the wrong person", "zh-CN": "我把这封邮件发错人了"},
    "wrong_choose": {"en": "Who got it by mistake?", "zh-CN": "谁误收了这封邮件？"},
    "wrong_label": {"en": "Wrong recipients", "zh-CN": "误收人"},
    "intended_label": {"en": "Intended recipients in this message", "zh-CN": "本邮件中的原定收件人"},
    "intended_other": {
        "en": "Who should have got it (addresses, comma-separated)",
        "zh-CN": "原本应发给谁（邮箱，用逗号分隔）",
    },
    "assess": {"en": "Assess", "zh-CN": "评估"},
    "pick_wrong": {"en": "Choose at least one wrong recipient.", "zh-CN": "请至少选择一个误收人。"},
    "no_external": {"en": "This message has no recipients to choose from.", "zh-CN": "这封邮件没有可选择的收件人。"},
    "severity": {"en": "Severity", "zh-CN": "严重程度"},
    "class_general": {"en": "General material", "zh-CN": "一般资料"},
    "class_commercial": {"en": "Commercial information", "zh-CN": "商业信息"},
    "class_contractual": {"en": "Contractual documents", "zh-CN": "合同类文件"},
    "class_internal": {"en": "Internal content", "zh-CN": "内部内容"},
    "relation_unrelated": {"en": "went to an unrelated party", "zh-CN": "误发给无关方"},
    "relation_customer": {"en": "went to another customer", "zh-CN": "误发给其他客户"},
    "relation_competitor": {"en": "went to a competitor", "zh-CN": "误发给竞争对手"},
    "relation_rival": {"en": "went to the customer's rival", "zh-CN": "误发给该客户的竞争对手"},
    "level_low": {"en": "Low", "zh-CN": "低"},
    "level_medium": {"en": "Medium", "zh-CN": "中"},
    "level_high": {"en": "High", "zh-CN": "高"},
    "level_critical": {"en": "Critical", "zh-CN": "严重"},
    "steps": {"en": "What to do now", "zh-CN": "现在要做的事"},
    "letters": {"en": "Letters", "zh-CN": "信件"},
    "letter_apology_wrong_recipient": {"en": "Apology to the wrong recipient", "zh-CN": "致误收人的致歉信"},
    "letter_notice_intended_recipient": {"en": "Notice to the intended recipient", "zh-CN": "致原定收件人的告知信"},
    "letter_resend_intended": {"en": "Re-send to the intended recipient", "zh-CN": "重新发送给原定收件人"},
    "create_drafts": {"en": "Create drafts", "zh-CN": "创建草稿"},
    "drafts_created": {"en": "{count} drafts created in Gmail.", "zh-CN": "已在 Gmail 中创建 {count} 封草稿。"},
    "unknown_action": {
        "en": "This button is no longer available. Open SendGuard again.",
        "zh-CN": "此按钮已失效，请重新打开 SendGuard。",
    },
    "incident_gone": {"en": "This incident no longer exists.", "zh-CN": "该事件已不存在。"},
    "template_error": {"en": "The letter could not be written: {reason}", "zh-CN": "无法生成信件：{reason}"},
    "missing_fields": {"en": "please fill in {fields}", "zh-CN": "请填写 {fields}"},
    "invalid_fields": {"en": "please correct {fields}", "zh-CN": "请更正 {fields}"},
    "mailbox_error": {
        "en": "Gmail could not be reached. Try again shortly.",
        "zh-CN": "暂时无法连接 Gmail，请稍后再试。",
    },
    "failed": {"en": "That did not work: {reason}", "zh-CN": "操作失败：{reason}"},
}


def t(key: str, locale: str | None, **params: object) -> str:
    entry = _TEXTS[key]
    text = entry.get(supported_locale(locale)) or entry["en"]
    return text.format(**params) if params else text


def lang(locale: str | None) -> str:
    return supported_locale(locale)
