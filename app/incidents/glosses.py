"""What each recovery letter says, in the user's language: a gloss under a letter written in another language,
and the label of the link to the created draft ("Open the apology to Laura Gómez")."""

from __future__ import annotations

from datetime import date

from app.incidents.texts import lang

_LANGUAGES = {
    "en": {"en": "English", "zh-CN": "英语"},
    "de": {"en": "German", "zh-CN": "德语"},
    "es": {"en": "Spanish", "zh-CN": "西班牙语"},
    "fr": {"en": "French", "zh-CN": "法语"},
    "zh": {"en": "Chinese", "zh-CN": "中文"},
}

_GLOSS = {
    "apology_wrong_recipient": {
        "en": "In {language}: apologises to {name} for the e-mail of {date} that reached them by mistake, "
        "asks them to delete it unread{documents} and to confirm the deletion.",
        "zh-CN": "（{language}）向 {name} 致歉：{date} 的邮件误发给了对方；请对方不阅读直接删除{documents}，并回复确认。",
    },
    "notice_intended_recipient": {
        "en": "In {language}: tells {name} that your e-mail of {date}{documents} went to another company by mistake, "
        "that you have asked for it to be deleted, and that you will keep them informed.",
        "zh-CN": "（{language}）告知 {name}：您 {date} 的邮件{documents}误发给了另一家公司，已要求对方删除，后续会及时告知。",
    },
    "resend_intended": {
        "en": "In {language}: sends {name} the documents meant for them{documents}.",
        "zh-CN": "（{language}）把本应发给 {name} 的文件{documents}发给对方。",
    },
}

_DOCUMENTS = {
    "apology_wrong_recipient": {"en": " with its attachment {documents}", "zh-CN": "（含附件 {documents}）"},
    "notice_intended_recipient": {"en": " with {documents}", "zh-CN": "（含 {documents}）"},
    "resend_intended": {"en": ": {documents}", "zh-CN": "：{documents}"},
}

_DRAFT_TITLE = {
    "apology_wrong_recipient": {"en": "Open the apology to {name}", "zh-CN": "打开给 {name} 的致歉信"},
    "notice_intended_recipient": {"en": "Open the notice to {name}", "zh-CN": "打开给 {name} 的告知信"},
    "resend_intended": {
        "en": "Open the e-mail with the right documents to {name}",
        "zh-CN": "打开给 {name} 的补发邮件",
    },
}


def _base(language: str) -> str:
    return language.partition("-")[0].lower()


def language_name(code: str | None, locale: str) -> str:
    if not code:
        return ""
    return _LANGUAGES.get(_base(code), {}).get(lang(locale), code)


def gloss(kind: str, letter_language: str, locale: str, name: str, sent: date, documents: list[str]) -> str | None:
    """A short summary in the user's language, or None when the letter is already in that language."""
    user = lang(locale)
    if _base(letter_language) == _base(user) or kind not in _GLOSS:
        return None
    language = _LANGUAGES.get(_base(letter_language), {}).get(user, letter_language)
    joined = ("、" if user == "zh-CN" else ", ").join(documents)
    docs = _DOCUMENTS[kind][user].format(documents=joined) if documents else ""
    shown_date = f"{sent.year}年{sent.month}月{sent.day}日" if user == "zh-CN" else sent.strftime("%d %b %Y")
    return _GLOSS[kind][user].format(language=language, name=name, date=shown_date, documents=docs)


def draft_title(kind: str, name: str, locale: str) -> str:
    titles = _DRAFT_TITLE.get(kind)
    if titles is None:
        return name
    return titles[lang(locale)].format(name=name)
