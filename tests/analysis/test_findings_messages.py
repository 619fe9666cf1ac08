import pytest

from app.analysis.findings import FINDING_CODES, CheckResult, Finding, Fix
from app.analysis.messages import _TEXTS, SUMMARY_MAX, localize, title_and_message


@pytest.mark.parametrize(
    ("fix", "expected"),
    [
        (
            Fix("move_to_bcc", recipients=("a@x.de", "b@y.de")),
            {"type": "move_to_bcc", "recipients": ["a@x.de", "b@y.de"]},
        ),
        (Fix("remove_recipient", recipient="a@x.de"), {"type": "remove_recipient", "recipient": "a@x.de"}),
        (Fix("remove_attachment", name="PI.pdf"), {"type": "remove_attachment", "name": "PI.pdf"}),
        (Fix("add_attachment"), {"type": "add_attachment"}),
        (Fix("use_template", template="handoff_internal"), {"type": "use_template", "template": "handoff_internal"}),
    ],
)
def test_fix_to_dict_emits_contract_fields_only(fix, expected):
    assert fix.to_dict() == expected


@pytest.mark.parametrize("code", FINDING_CODES)
@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_every_code_has_texts(code, locale):
    assert locale in _TEXTS[code]
    title, message = title_and_message(Finding(code, "high", params={"org": "ACME"}), locale)
    assert title and message and "{" not in message


def test_summary_is_bounded():
    findings = tuple(Finding(code, "high") for code in FINDING_CODES) * 10
    result = CheckResult("warn", findings, 0)
    assert len(localize(result, "en").summary) <= SUMMARY_MAX
    assert localize(CheckResult("ok", (), 0), "zh-CN").summary == "未发现问题。"
