"""What each finding says, in en and zh-CN: a card title, its message, and the one sentence the send prompt
uses. Titles carry the finding's own evidence, so two cards of one check never read the same.

Templates use Finding.params plus a few derived values (see messages.py); a missing one renders "".
"""

from __future__ import annotations

# code -> locale -> (title, message, sentence)
TEXTS: dict[str, dict[str, tuple[str, str, str]]] = {
    "exposed_recipients": {
        "en": (
            "{count} customers can see each other",
            "{orgs} are visible to each other in To/Cc. Move them to Bcc; your own address goes into To.",
            "{count} customers ({orgs}) would see each other's addresses.",
        ),
        "zh-CN": (
            "{count} 个客户可以互相看到",
            "{orgs} 在收件人/抄送中可以互相看到地址。请移到密送，收件人栏将填入您自己的地址。",
            "{count} 个客户（{orgs}）会看到彼此的邮箱地址。",
        ),
    },
    "invalid_address": {
        "en": (
            "Not a valid address: {recipient}",
            "{recipient} cannot be delivered ({problem_label}).{suggestion_hint}",
            "{recipient} is not a valid address ({problem_label}).",
        ),
        "zh-CN": (
            "无效地址：{recipient}",
            "{recipient} 无法投递（{problem_label}）。{suggestion_hint}",
            "{recipient} 不是有效的邮箱地址（{problem_label}）。",
        ),
    },
    "rival_exposure": {
        "en": (
            "Rivals in one mail: {orgs}",
            "{orgs} compete with each other and would see each other. Move them to Bcc (your own address "
            "goes into To) or send separately.",
            "{orgs} compete with each other and would see each other's addresses.",
        ),
        "zh-CN": (
            "竞争客户在同一封邮件中：{orgs}",
            "{orgs} 互为竞争对手，会看到彼此。请移到密送（收件人栏将填入您自己的地址）或分开发送。",
            "{orgs} 互为竞争对手，会看到彼此的邮箱地址。",
        ),
    },
    "competitor_recipient": {
        "en": (
            "{org} is a competitor",
            "{recipient} belongs to {org}, one of our competitors.",
            "{recipient} works for {org}, a competitor.",
        ),
        "zh-CN": ("{org} 是竞争对手", "{recipient} 属于竞争对手 {org}。", "{recipient} 属于竞争对手 {org}。"),
    },
    "content_mismatch": {
        "en": (
            "Another customer's content: {org}",
            "{where} names {org}, but none of the recipients ({recipients}) belongs to {org}.",
            "{source_label} names {org} but goes to {to_orgs}{rival_note}.",
        ),
        "zh-CN": (
            "其他客户的内容：{org}",
            "{where} 提到了 {org}，但收件人（{recipients}）都不属于 {org}。",
            "{source_label}提到 {org}，却要发给 {to_orgs}{rival_note}。",
        ),
    },
    "content_mismatch_file_history": {
        "en": (
            "Sent before only to {org}: {where}",
            "{where} went only to {org} before; none of the recipients ({recipients}) has received it.",
            "{where} went only to {org} before, but now goes to {to_orgs}.",
        ),
        "zh-CN": (
            "此前只发给过 {org}：{where}",
            "{where} 此前只发给过 {org}；收件人（{recipients}）从未收到过它。",
            "{where} 此前只发给过 {org}，现在却要发给 {to_orgs}。",
        ),
    },
    "content_mismatch_kind_history": {
        "en": (
            "Files like this went only to {org}: {where}",
            "Files like {where} went only to {org} before; none of the recipients ({recipients}) has received one.",
            "Files like {where} went only to {org} before, but this one goes to {to_orgs}.",
        ),
        "zh-CN": (
            "此类文件此前只发给过 {org}：{where}",
            "与 {where} 同类的文件此前只发给过 {org}；收件人（{recipients}）从未收到过。",
            "与 {where} 同类的文件此前只发给过 {org}，这一份却要发给 {to_orgs}。",
        ),
    },
    "lookalike_domain": {
        "en": (
            "{domain} looks like {known}",
            "{domain} is not known but looks like {known} ({reason_label}). Did you mean {suggestion}?",
            "{recipient} looks like a misspelling of {known}: did you mean {suggestion}?",
        ),
        "zh-CN": (
            "{domain} 与 {known} 相似",
            "{domain} 不在通讯录中，但与 {known} 非常相似（{reason_label}）。是否应为 {suggestion}？",
            "{recipient} 疑似 {known} 的拼写错误，是否应为 {suggestion}？",
        ),
    },
    "contact_mismatch": {
        "en": (
            "{name}: a different address",
            "{name} is known as {suggestion}, but this mail goes to {recipient}.",
            "{name} is known as {suggestion}, but this goes to {recipient}.",
        ),
        "zh-CN": (
            "{name}：地址不一致",
            "{name} 的已知地址是 {suggestion}，但本邮件发往 {recipient}。",
            "{name} 的已知地址是 {suggestion}，但本邮件发往 {recipient}。",
        ),
    },
    "known_confusion": {
        "en": (
            "{recipient} was confused before",
            "Mail meant for {suggestion} went to {recipient} before. Check the recipient.",
            "Mail meant for {suggestion} went to {recipient} before.",
        ),
        "zh-CN": (
            "{recipient} 曾被误发",
            "以前发给 {suggestion} 的邮件曾误发到 {recipient}，请核对收件人。",
            "以前发给 {suggestion} 的邮件曾误发到 {recipient}。",
        ),
    },
    "greeting_mismatch": {
        "en": (
            "Greeting names {name}",
            '"{greeting}" greets {name} ({contact}), who is not in To ({to}).',
            'The greeting "{greeting}" is for {name}, who is not in To.',
        ),
        "zh-CN": (
            "称呼的是 {name}",
            "“{greeting}”称呼的是 {name}（{contact}），但此人不在收件人中（{to}）。",
            "称呼“{greeting}”是写给 {name} 的，但此人不在收件人中。",
        ),
    },
    "sensitive_external": {
        "en": (
            "{category_title} to an outside recipient",
            "The mail contains {category_label} ({terms}) and goes to {recipients}.",
            "The mail gives {category_label} ({terms}) to {recipients}.",
        ),
        "zh-CN": (
            "{category_title}发往外部",
            "邮件包含{category_label}（{terms}），将发送给 {recipients}。",
            "邮件将把{category_label}（{terms}）发给 {recipients}。",
        ),
    },
    "internal_content_external": {
        "en": (
            "Internal content to an outside recipient",
            "Internal-only content ({evidence}) would go to {recipients}.",
            "Internal-only content ({evidence}) would go to {recipients}.",
        ),
        "zh-CN": (
            "内部内容发往外部",
            "仅限内部的内容（{evidence}）将发送给 {recipients}。",
            "仅限内部的内容（{evidence}）将发给 {recipients}。",
        ),
    },
    "missing_attachment": {
        "en": (
            "Attachment missing",
            'The text says "{phrase}" but nothing is attached.',
            'The text says "{phrase}" but nothing is attached.',
        ),
        "zh-CN": ("缺少附件", "正文提到“{phrase}”，但没有添加附件。", "正文提到“{phrase}”，但没有添加附件。"),
    },
    "first_time_recipient": {
        "en": (
            "First mail to {recipient}",
            "You have not written to {recipient} before.",
            "You have not written to {recipient} before.",
        ),
        "zh-CN": ("首次发给 {recipient}", "您之前从未给 {recipient} 发过邮件。", "您之前从未给 {recipient} 发过邮件。"),
    },
    "owner_mismatch": {
        "en": (
            "{org} is {owner}'s customer",
            "{org} is looked after by {owner}. Consider a hand-off note to keep them informed.",
            "{org} is looked after by {owner}.",
        ),
        "zh-CN": (
            "{org} 由 {owner} 负责",
            "{org} 由 {owner} 负责。建议使用客户交接模板告知同事。",
            "{org} 由 {owner} 负责。",
        ),
    },
    "large_audience": {
        "en": (
            "{count} visible recipients",
            "{count} recipients are visible to each other (limit {limit}). Move them to Bcc; your own address goes "
            "into To.",
            "{count} recipients would see each other's addresses.",
        ),
        "zh-CN": (
            "{count} 位可见收件人",
            "{count} 位收件人可以互相看到（上限 {limit}）。请移到密送，收件人栏将填入您自己的地址。",
            "{count} 位收件人会看到彼此的邮箱地址。",
        ),
    },
}

CATEGORY_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    # category -> locale -> (title, label inside a sentence)
    "prices": {"en": ("Prices", "prices"), "zh-CN": ("价格", "价格")},
    "costs": {"en": ("Costs or margins", "costs or margins"), "zh-CN": ("成本或利润", "成本或利润")},
    "margins": {"en": ("Margins", "margins"), "zh-CN": ("利润", "利润")},
    "bank": {"en": ("Bank details", "bank details"), "zh-CN": ("银行信息", "银行信息")},
    "terms": {
        "en": ("Contract or PI terms", "contract or PI terms"),
        "zh-CN": ("合同或形式发票条款", "合同或形式发票条款"),
    },
}

PROBLEM_LABELS: dict[str, dict[str, str]] = {
    "no @": {"en": "no @", "zh-CN": "缺少 @"},
    "invalid mailbox": {"en": "the part before @ is not valid", "zh-CN": "@ 前的部分无效"},
    "invalid domain": {"en": "the domain is not valid", "zh-CN": "域名无效"},
    "full-width characters": {"en": "full-width ＠ or 。 typed", "zh-CN": "含全角字符（＠ 或 。）"},
}

REASON_LABELS: dict[str, dict[str, str]] = {
    "edit": {"en": "one letter different", "zh-CN": "相差一个字母"},
    "tld": {"en": "a different ending", "zh-CN": "后缀不同"},
    "confusable": {"en": "look-alike characters", "zh-CN": "形近字符"},
    "embedded": {"en": "the known domain inside another one", "zh-CN": "已知域名被嵌在其他域名中"},
    "variant": {"en": "the company name written differently", "zh-CN": "公司名称的变体写法"},
}

# Phrases around the derived values.
PHRASES: dict[str, dict[str, str]] = {
    "suggestion_hint": {"en": " Did you mean {suggestion}?", "zh-CN": "是否应为 {suggestion}？"},
    "rival_note": {"en": " (a rival of {org})", "zh-CN": "（{org} 的竞争对手）"},
    "source_subject": {"en": "The subject", "zh-CN": "邮件主题"},
    "source_text": {"en": "The text", "zh-CN": "正文"},
    "source_attachment": {"en": "{name}", "zh-CN": "{name} "},
    "ok": {"en": "No problems found.", "zh-CN": "未发现问题。"},
    "blocked": {"en": "Sending is blocked. ", "zh-CN": "已阻止发送。"},
    "more": {"en": " (+{count} more)", "zh-CN": "（另有 {count} 项）"},
    "sentence_gap": {"en": " ", "zh-CN": ""},
}

# What each kind of finding is called where no evidence is at hand (lists of past checks, insight).
CODE_NAMES: dict[str, dict[str, str]] = {
    "exposed_recipients": {"en": "Customers can see each other", "zh-CN": "客户之间可以互相看到"},
    "invalid_address": {"en": "Not a valid address", "zh-CN": "无效地址"},
    "rival_exposure": {"en": "Rival customers in the same mail", "zh-CN": "竞争客户出现在同一封邮件中"},
    "competitor_recipient": {"en": "Recipient works for a competitor", "zh-CN": "收件人属于竞争对手"},
    "content_mismatch": {"en": "Content belongs to another customer", "zh-CN": "内容属于其他客户"},
    "lookalike_domain": {"en": "Address looks like a known one", "zh-CN": "地址与已知地址相似"},
    "contact_mismatch": {"en": "Known contact, different address", "zh-CN": "联系人地址不一致"},
    "known_confusion": {"en": "This address was confused before", "zh-CN": "此地址曾被误发"},
    "greeting_mismatch": {"en": "Greeting names someone else", "zh-CN": "称呼与收件人不符"},
    "sensitive_external": {"en": "Sensitive information to an outside recipient", "zh-CN": "敏感信息发往外部"},
    "internal_content_external": {"en": "Internal content to an outside recipient", "zh-CN": "内部内容发往外部"},
    "missing_attachment": {"en": "Attachment missing", "zh-CN": "缺少附件"},
    "first_time_recipient": {"en": "First mail to this address", "zh-CN": "首次发送到此地址"},
    "owner_mismatch": {"en": "Customer owned by a colleague", "zh-CN": "客户由同事负责"},
    "large_audience": {"en": "Many visible recipients", "zh-CN": "可见收件人过多"},
}
