import pytest

from app.analysis.findings import FINDING_CODES, CheckResult, Finding, Fix
from app.analysis.messages import SUMMARY_MAX, code_name, localize, sentence, summary, title_and_message
from app.analysis.texts import TEXTS


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
    assert locale in TEXTS[code]
    title, message = title_and_message(Finding(code, "high", params={"org": "ACME"}), locale)
    assert title and message and "{" not in message and "{" not in title
    assert sentence(Finding(code, "high", params={"org": "ACME"}), locale)


def test_summary_is_bounded():
    findings = tuple(Finding(code, "high") for code in FINDING_CODES) * 10
    result = CheckResult("warn", findings, 0)
    assert len(localize(result, "en").summary) <= SUMMARY_MAX
    assert localize(CheckResult("ok", (), 0), "zh-CN").summary == "未发现问题。"


def _pi_to_rival() -> Finding:
    return Finding(
        "content_mismatch",
        "critical",
        params={
            "org": "SolarTech GmbH",
            "source": "PI_SolarTech_2026-001.pdf",
            "source_kind": "attachment_name",
            "to_orgs": "SunPeak Energy",
            "rival_of": "SolarTech GmbH",
        },
    )


def test_summary_names_the_problem_not_the_title():
    exposure = Finding("exposed_recipients", "medium", params={"count": "3", "orgs": "A, B, C"})
    result = CheckResult("warn", (_pi_to_rival(), exposure), 0)
    text = summary(result, "en")
    assert text.startswith(
        "PI_SolarTech_2026-001.pdf names SolarTech GmbH but goes to SunPeak Energy (a rival of SolarTech GmbH)."
    )
    assert "3 customers (A, B, C) would see each other's addresses." in text
    assert title_and_message(_pi_to_rival(), "en")[0] not in text
    assert "PI_SolarTech_2026-001.pdf" in summary(result, "zh-CN") and "竞争对手" in summary(result, "zh-CN")


def test_summary_leaves_out_info_and_says_ok_without_problems():
    note = Finding("first_time_recipient", "info", params={"recipient": "new@x.de"})
    assert summary(CheckResult("ok", (note,), 0), "en") == "No problems found."


def test_summary_counts_what_did_not_fit():
    many = tuple(
        Finding("invalid_address", "high", params={"recipient": f"person{i}-" + "x" * 40, "problem": "no @"})
        for i in range(30)
    )
    text = summary(CheckResult("warn", many, 0), "en")
    assert len(text) <= SUMMARY_MAX
    assert text.endswith("more)") and "person0-" in text


def test_titles_name_their_evidence():
    first = Finding("content_mismatch", "high", params={"org": "SolarTech GmbH"})
    second = Finding("content_mismatch", "high", params={"org": "Sonnenkraft GmbH"})
    assert title_and_message(first, "en")[0] != title_and_message(second, "en")[0]


@pytest.mark.parametrize("code", FINDING_CODES)
@pytest.mark.parametrize("locale", ["en", "zh-CN"])
def test_every_code_has_a_name_for_lists_of_past_checks(code, locale):
    name = code_name(code, locale)
    assert name and name != code and "{" not in name
