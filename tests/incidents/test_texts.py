"""The reasons and step titles of a wrong send with several recipients, word for word, in English and Chinese."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.incidents.test_multi_recipient import MESSAGE, _record

UNKNOWN = "someone@unknown-co.example"
WRONG = ["erik@nordicsolar.example", "l.gomez@sunpeak.example", UNKNOWN]
TO = [{"email": "m.schmidt@solartech.example"}, {"email": "erik@nordicsolar.example"}, {"email": UNKNOWN}]

EXPECTED = {
    "en": {
        "reasons": [
            "What was sent is contractual: a proforma invoice, contract, order or invoice of another customer. "
            "Attached: proforma invoice.",
            "erik@nordicsolar.example belongs to Nordic Solar AB, one of your business contacts "
            "(not a competitor of the customer concerned).",
            "l.gomez@sunpeak.example belongs to SunPeak Energy GmbH, which competes directly with SolarTech GmbH: "
            "the worst place for this mail.",
            f"{UNKNOWN} is not in your directory as a customer, partner or competitor.",
            "Critical: act now, involve your manager, and tell the customer concerned before anyone else does.",
        ],
        "apology": f"Send the apology to erik@nordicsolar.example, l.gomez@sunpeak.example, {UNKNOWN}, "
        "asking them to delete the mail unread and to confirm.",
        "record": f"Recorded: SendGuard will warn you when you write to erik@nordicsolar.example, "
        f"l.gomez@sunpeak.example, {UNKNOWN} instead of m.schmidt@solartech.example, a.becker@solartech.example again.",
    },
    "zh-CN": {
        "reasons": [
            "误发的是合同类文件：其他客户的形式发票、合同、订单或发票。附件：形式发票。",
            "erik@nordicsolar.example 属于 Nordic Solar AB，是您的业务往来方（不是相关客户的竞争对手）。",
            "l.gomez@sunpeak.example 属于 SunPeak Energy GmbH，与 SolarTech GmbH 是直接竞争关系，这是最不该收到此邮件的一方。",
            f"{UNKNOWN} 不在客户、伙伴或竞争对手名录中。",
            "严重：立即处理，通知主管，并在别人之前主动告知相关客户。",
        ],
        "apology": f"向 erik@nordicsolar.example、l.gomez@sunpeak.example、{UNKNOWN} 发送致歉信，请对方不阅读直接删除并回复确认。",
        "record": f"已记录：今后再把邮件发给 erik@nordicsolar.example、l.gomez@sunpeak.example、{UNKNOWN} "
        "而非 m.schmidt@solartech.example、a.becker@solartech.example 时，SendGuard 会提醒您。",
    },
}


def test_reasons_and_steps_word_for_word(demo: TestClient) -> None:
    for locale, expected in EXPECTED.items():
        incident = _record(demo, locale=locale, message={**MESSAGE, "to": TO}, wrong_recipients=WRONG)
        assert incident["severity"]["reasons"] == expected["reasons"]
        titles = {s["id"]: s["title"] for s in incident["steps"]}
        assert titles["apology"] == expected["apology"]
        assert titles["record"] == expected["record"]
