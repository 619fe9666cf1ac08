"""Which units (registrable domains) are one company.

Two ways: the same name at another suffix ("solartech.de" and "solartech.com", joined unless both are country
domains or their mail is in different languages), and evidence for domains that do not look alike
("sunpeak.de", "sunpeak-energy.com"): the same company signing at both (in quoted signatures, display names or
greetings), the same people at both, mail addressed to both at once. Each merge carries its confidence and
evidence; one kind of evidence alone is never enough (two companies of one name in two countries both sign
"Soltek Solar"; a customer and its forwarder are written to together), and other company names in the
signatures, phones of other countries or mail in other languages speak against one. Free mail addresses are
never merged.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

from app.analysis.domains import compact_label, split_registrable_uncached
from app.analysis.learning.stats import UnitStats
from app.analysis.names import NOT_ALNUM, core_name, name_key
from app.analysis.normalize import contains_cjk, normalize_text, strip_accents

# Generic top-level suffixes: "sunpeak.com" next to "sunpeak.cn" is the same company's international domain.
GENERIC_SUFFIXES = frozenset({"com", "net", "org", "eu", "biz", "info", "group", "io", "co", "global"})
_MIN_CONFIDENCE = 0.55
_GENERIC_NAME_UNITS = 3  # a name signed at three or more domains ("Sales", "Einkauf") identifies no company


@dataclass(frozen=True, slots=True)
class Merge:
    units: tuple[str, ...]  # every unit of the organization, the primary first
    confidence: float
    evidence: tuple[str, ...]  # same_name_other_suffix, same_company, same_people, written_together, related_domains


def merge_units(units: Mapping[str, UnitStats], together: Mapping[str, int]) -> tuple[dict[str, str], dict[str, Merge]]:
    """(unit -> organization key, organization key -> its merge) for the organizations of several units."""
    groups = _UnionFind()
    evidence: dict[frozenset[str], tuple[float, tuple[str, ...]]] = {}
    for group in _same_label_groups(units):
        for other in group[1:]:
            groups.union(group[0], other)
            evidence[frozenset((group[0], other))] = (0.8, ("same_name_other_suffix",))
    for (a, b), found in _evidence_pairs(units, together).items():
        if groups.find(a) != groups.find(b) and found[0] >= _MIN_CONFIDENCE:
            groups.union(a, b)
            evidence[frozenset((a, b))] = found
    members: dict[str, list[str]] = {}
    for unit in units:
        members.setdefault(groups.find(unit), []).append(unit)
    org_of_unit: dict[str, str] = {}
    merges: dict[str, Merge] = {}
    for group in members.values():
        primary = max(group, key=lambda u: (units[u].messages, _national(u), u))
        org_of_unit.update({u: primary for u in group})
        if len(group) > 1:
            found_here = [evidence[p] for pair in combinations(group, 2) if (p := frozenset(pair)) in evidence]
            ordered = (primary, *sorted(u for u in group if u != primary))
            kinds = tuple(sorted({kind for _, kinds in found_here for kind in kinds}))
            merges[primary] = Merge(ordered, round(min(c for c, _ in found_here), 2), kinds)
    return org_of_unit, merges


def _national(unit: str) -> bool:
    return split_registrable_uncached(unit[7:])[1] not in GENERIC_SUFFIXES


def _top_language(stats: UnitStats) -> str | None:
    return _top(stats.languages)


def _same_label_groups(units: Mapping[str, UnitStats]) -> Iterable[list[str]]:
    by_label: dict[str, list[str]] = {}
    for unit in units:
        if unit.startswith("domain:"):
            by_label.setdefault(split_registrable_uncached(unit[7:])[0], []).append(unit)
    for group in by_label.values():
        national = [u for u in group if _national(u)]
        languages = {_top_language(units[u]) for u in group} - {None}
        # "solar.de" and "solar.fr", or "helio.de" written to in German and "helio.com" in English: nothing says
        # they are one company; nor when they sign with other company names or phone from other countries.
        if len(group) > 1 and len(national) <= 1 and len(languages) <= 1 and not _contradicted(units, group):
            yield sorted(group)


def _contradicted(units: Mapping[str, UnitStats], group: list[str]) -> bool:
    for a, b in combinations(group, 2):
        # "Rimo Power" signed at one, "Rimo Supplies" greeted at the other; both also called "Rimo"
        names = _company_keys(units[a], full_names=True), _company_keys(units[b], full_names=True)
        if all(names) and not names[0] & names[1]:
            return True
        phones = {_top(units[a].phones), _top(units[b].phones)} - {None}
        if len(phones) > 1:
            return True
    return False


def _top(counter: Counter[str]) -> str | None:
    return max(counter.items(), key=lambda item: (item[1], item[0]))[0] if counter else None


def _evidence_pairs(
    units: Mapping[str, UnitStats], together: Mapping[str, int]
) -> dict[tuple[str, str], tuple[float, tuple[str, ...]]]:
    companies = _units_by(units, _company_keys)
    people = _units_by(units, _people_keys)
    pairs: dict[tuple[str, str], Counter[str]] = {}
    for kind, index in (("same_company", companies), ("same_people", people)):
        for holders in index.values():
            if 2 <= len(holders) < _GENERIC_NAME_UNITS:
                for a, b in combinations(sorted(holders), 2):
                    pairs.setdefault((a, b), Counter())[kind] += 1
    for pair, count in together.items():
        a, _, b = pair.partition("|")
        if (a, b) in pairs:
            pairs[(a, b)]["written_together"] += count
    return {
        pair: found
        for pair, kinds in pairs.items()
        if _compatible(units, *pair) and (found := _score(pair, kinds))[0] > 0
    }


def _score(pair: tuple[str, str], kinds: Counter[str]) -> tuple[float, tuple[str, ...]]:
    related = _related_labels(*pair)
    identity = kinds["same_company"] or kinds["same_people"] >= 2 or (kinds["same_people"] and related)
    if not identity:
        return 0.0, ()
    score = (
        0.45 * bool(kinds["same_company"])
        + min(0.3, 0.15 * kinds["same_people"])
        + min(0.2, 0.05 * kinds["written_together"])
        + 0.1 * related
    )
    found = [k for k in ("same_company", "same_people", "written_together") if kinds[k]]
    return round(min(0.95, score), 2), tuple(found + ["related_domains"] * related)


def _compatible(units: Mapping[str, UnitStats], a: str, b: str) -> bool:
    suffixes = {split_registrable_uncached(u[7:])[1] for u in (a, b)} - GENERIC_SUFFIXES
    languages = {_top_language(units[a]), _top_language(units[b])} - {None}
    phones = {_top(units[a].phones), _top(units[b].phones)} - {None}
    return len(suffixes) <= 1 and len(languages) <= 1 and len(phones) <= 1 and not _contradicted(units, [a, b])


def _related_labels(a: str, b: str) -> bool:
    first, second = (compact_label(split_registrable_uncached(u[7:])[0]) for u in (a, b))
    shorter, longer = sorted((first, second), key=len)
    return len(shorter) >= 4 and shorter in longer


def _units_by(units: Mapping[str, UnitStats], keys_of: Callable[[UnitStats], set[str]]) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for unit, stats in units.items():
        if unit.startswith("domain:"):
            for key in keys_of(stats):
                index.setdefault(key, set()).add(unit)
    return index


def _company_keys(stats: UnitStats, *, full_names: bool = False) -> set[str]:
    """Company names signed or greeted at a unit, compared without legal form, case, accents and spaces; with
    `full_names`, only names of more than one word (the short "Rimo" may be two companies' name)."""
    cores = [core_name(normalize_text(n)) or normalize_text(n) for n in (*stats.companies, *stats.trade_names)]
    if full_names:
        cores = [c for c in cores if len(c.split()) > 1 or (contains_cjk(c) and len(c) > 4)]
    keys = {_compact(c) for c in cores}
    return {k for k in keys if len(k) >= 4 or (contains_cjk(k) and len(k) >= 2)}


def _people_keys(stats: UnitStats) -> set[str]:
    keys = set()
    for names in stats.contacts.values():
        for name in names:
            key = name_key(name)
            if len(key.split()) >= 2 or (contains_cjk(key) and len(key) >= 2):
                keys.add(key)
    return keys


def _compact(text: str) -> str:
    return NOT_ALNUM.sub("", strip_accents(text))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, item: str) -> str:
        parent = self.parent.setdefault(item, item)
        if parent != item:
            parent = self.parent[item] = self.find(parent)
        return parent

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)
