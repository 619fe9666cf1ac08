"""The rules that decide whether two units are one company: the evidence score, the company keys compared and
what contradicts a merge. Small hand-built counters, each rule on its own."""

from __future__ import annotations

from collections import Counter

import pytest

from app.analysis.learning.merges import _company_keys, _contradicted, _score
from app.analysis.learning.stats import UnitStats

RELATED = ("domain:sunpeak.de", "domain:sunpeak-energy.de")  # one label inside the other
UNRELATED = ("domain:alpha.de", "domain:beta.de")


def test_one_shared_person_identifies_only_related_domains() -> None:
    assert _score(RELATED, Counter(same_people=1)) == (0.25, ("same_people", "related_domains"))
    assert _score(UNRELATED, Counter(same_people=1)) == (0.0, ())


def test_two_shared_people_identify_unrelated_domains() -> None:
    assert _score(UNRELATED, Counter(same_people=2)) == (0.3, ("same_people",))
    # the people's weight is capped
    assert _score(UNRELATED, Counter(same_people=3)) == (0.3, ("same_people",))


def test_being_written_to_together_identifies_nobody() -> None:
    assert _score(RELATED, Counter(written_together=3)) == (0.0, ())
    assert _score(UNRELATED, Counter(written_together=3)) == (0.0, ())


def test_every_kind_of_evidence_adds_to_the_score() -> None:
    kinds = Counter(same_company=1, same_people=1, written_together=2)
    assert _score(RELATED, kinds) == (0.8, ("same_company", "same_people", "written_together", "related_domains"))


def test_written_together_weight_is_capped() -> None:
    score, found = _score(UNRELATED, Counter(same_company=1, written_together=5))
    assert (score, found) == (0.65, ("same_company", "written_together"))


def test_same_company_alone_scores_below_the_merge_threshold() -> None:
    assert _score(UNRELATED, Counter(same_company=1)) == (0.45, ("same_company",))


def test_score_is_capped_below_certainty() -> None:
    kinds = Counter(same_company=1, same_people=2, written_together=4)
    assert _score(RELATED, kinds)[0] == 0.95


def _signed(*names: str) -> UnitStats:
    return UnitStats(companies=Counter(dict.fromkeys(names, 1)))


def test_company_keys_drop_the_legal_form_case_and_spaces() -> None:
    assert _company_keys(_signed("Rimo Power GmbH")) == {"rimopower"}


def test_company_keys_keep_a_generic_name_whole() -> None:
    # "Solar Trading" has no distinctive core: the whole name is the key
    assert _company_keys(_signed("Solar Trading")) == {"solartrading"}


def test_company_keys_read_trade_names_too() -> None:
    assert _company_keys(UnitStats(trade_names=Counter({"Helio Handel": 2}))) == {"heliohandel"}


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Abcd", {"abcd"}), ("Abc", set()), ("晶科", {"晶科"}), ("晶", set())],
)
def test_company_keys_skip_names_too_short_to_identify(name: str, expected: set[str]) -> None:
    assert _company_keys(_signed(name)) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Rimo Power", {"rimopower"}),
        ("Rimo Power Solar", {"rimopowersolar"}),
        ("Rimo", set()),
        ("Abcde", set()),
        ("晶科能源", set()),
        ("晶科能源网", {"晶科能源网"}),
    ],
)
def test_full_company_keys_are_names_of_several_words_or_long_cjk_names(name: str, expected: set[str]) -> None:
    assert _company_keys(_signed(name), full_names=True) == expected


def test_other_full_company_names_contradict_a_merge() -> None:
    units = {"domain:rimo.de": _signed("Rimo Power GmbH"), "domain:rimo.com": _signed("Rimo Supplies Ltd")}
    assert _contradicted(units, ["domain:rimo.de", "domain:rimo.com"])


def test_one_full_company_name_in_common_does_not_contradict() -> None:
    units = {
        "domain:rimo.de": _signed("Rimo Power GmbH", "Rimo Holding AG"),
        "domain:rimo.com": _signed("Rimo Power Ltd"),
    }
    assert not _contradicted(units, ["domain:rimo.de", "domain:rimo.com"])


@pytest.mark.parametrize("order", [0, 1])
def test_a_short_name_does_not_contradict_a_full_one(order: int) -> None:
    # "Rimo" may be the short form of "Rimo Supplies": no name of several words on one side, no contradiction
    units = {"domain:rimo.de": _signed("Rimo"), "domain:rimo.com": _signed("Rimo Supplies Ltd")}
    group = ["domain:rimo.de", "domain:rimo.com"]
    assert not _contradicted(units, group if order == 0 else group[::-1])


def test_phones_of_two_countries_contradict_a_merge() -> None:
    units = {
        "domain:helio.de": UnitStats(phones=Counter({"DE": 2, "FR": 1})),
        "domain:helio.com": UnitStats(phones=Counter({"FR": 1})),
    }
    assert _contradicted(units, ["domain:helio.de", "domain:helio.com"])


def test_phones_of_one_country_or_on_one_side_only_do_not_contradict() -> None:
    units = {
        "domain:helio.de": UnitStats(phones=Counter({"DE": 2})),
        "domain:helio.com": UnitStats(phones=Counter({"DE": 1})),
        "domain:helio.net": UnitStats(),
    }
    assert not _contradicted(units, ["domain:helio.de", "domain:helio.com"])
    assert not _contradicted(units, ["domain:helio.de", "domain:helio.net"])
    assert not _contradicted(units, ["domain:helio.net", "domain:helio.de"])
