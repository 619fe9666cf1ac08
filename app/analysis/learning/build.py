"""From the learner's counters to a proposal: units merged into organizations, each with its best guesses."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace

from app.analysis.domains import email_domain, split_registrable_uncached
from app.analysis.learning.groups import code_votes, document_ownership, rival_suggestions
from app.analysis.learning.kinds import infer_kinds
from app.analysis.learning.proposal import Proposal, ProposedContact, ProposedOrg
from app.analysis.learning.signatures import name_from_address, preferred_name
from app.analysis.learning.stats import DocumentStats, UnitStats

# Generic top-level suffixes: "sunpeak.com" next to "sunpeak.cn" is the same company's international domain.
_GENERIC_SUFFIXES = frozenset({"com", "net", "org", "eu", "biz", "info", "group", "io", "co", "global"})
_COUNTRY_OF_SUFFIX = {"uk": "GB"}
# Free mail providers of one country whose domain does not say it.
_FREEMAIL_COUNTRY = {
    "qq.com": "CN", "163.com": "CN", "126.com": "CN", "sina.com": "CN", "sohu.com": "CN", "foxmail.com": "CN",
    "yeah.net": "CN", "aliyun.com": "CN", "139.com": "CN",
}  # fmt: skip
# A language spoken mainly in one country of the trade; English is not.
_LANGUAGE_COUNTRY = {"de": "DE", "fr": "FR", "es": "ES", "zh": "CN"}


def build_proposal(
    units: Mapping[str, UnitStats],
    tokens: Mapping[str, Counter[str]],
    documents: Mapping[str, DocumentStats],
    quoted_names: Mapping[str, Counter[str]],
    messages_read: int,
    internal: set[str],
) -> Proposal:
    org_of_unit = merge_units(units)
    members: dict[str, list[str]] = {}
    for unit, org in org_of_unit.items():
        members.setdefault(org, []).append(unit)
    ownership = document_ownership(documents, org_of_unit)
    kinds = infer_kinds(ownership, list(members))
    forwarders = {k for k, (kind, _) in kinds.items() if kind == "forwarder"}
    codes = code_votes(tokens, org_of_unit, forwarders)
    orgs = [
        _organization(key, [units[u] for u in sorted(unit_list)], unit_list, quoted_names, codes.get(key, ((), ())))
        for key, unit_list in members.items()
    ]
    orgs.sort(key=lambda o: (-o.messages, o.key))
    orgs = [replace(o, kind=kinds[o.key][0], kind_confidence=kinds[o.key][1]) for o in orgs]
    countries = {o.key: o.country for o in orgs}
    return Proposal(
        organizations=tuple(orgs),
        rival_suggestions=rival_suggestions(ownership, countries),
        documents=ownership,
        messages_read=messages_read,
        internal_domains=tuple(sorted(internal)),
    )


def merge_units(units: Mapping[str, UnitStats]) -> dict[str, str]:
    """unit -> organization key. Domains sharing their label join when at most one of them is a country domain."""
    by_label: dict[str, list[str]] = {}
    org_of_unit: dict[str, str] = {}
    for unit in units:
        if unit.startswith("address:"):
            org_of_unit[unit] = unit
        else:
            by_label.setdefault(split_registrable_uncached(unit[7:])[0], []).append(unit)
    for group in by_label.values():
        national = [u for u in group if split_registrable_uncached(u[7:])[1] not in _GENERIC_SUFFIXES]
        languages = {_top(units[u].languages)[0] for u in group} - {None}
        # "solar.de" and "solar.fr", or "helio.de" written to in German and "helio.com" in English: nothing says
        # they are one company.
        if len(national) > 1 or len(languages) > 1:
            org_of_unit.update({u: u for u in group})
            continue
        primary = max(group, key=lambda u: (units[u].messages, u in national, u))
        org_of_unit.update({u: primary for u in group})
    return org_of_unit


def _organization(
    key: str,
    stats: list[UnitStats],
    unit_keys: list[str],
    quoted_names: Mapping[str, Counter[str]],
    codes: tuple[tuple[str, ...], tuple[str, ...]],
) -> ProposedOrg:
    freemail = key.startswith("address:")
    messages = sum(s.messages for s in stats)
    contacts = tuple(sorted(_contacts(stats, quoted_names), key=lambda c: (-c.messages, c.email)))
    language, language_confidence = _top(sum((s.languages for s in stats), Counter()))
    owner, owner_confidence = _top(sum((s.senders for s in stats), Counter()))
    name, name_confidence = _org_name(key, stats, contacts)
    domains = () if freemail else tuple(sorted(u[7:] for u in unit_keys))
    return ProposedOrg(
        key=key,
        name=name,
        name_confidence=name_confidence,
        domains=domains,
        contacts=contacts,
        messages=messages,
        language=language,
        language_confidence=language_confidence,
        owner_email=owner,
        owner_confidence=owner_confidence,
        country=_country(key, domains, language),
        customer_codes=codes[0],
        aliases=codes[1],
        freemail=freemail,
        confidence=round(min(1.0, 0.4 + 0.1 * messages), 2),
    )


def _contacts(stats: list[UnitStats], quoted_names: Mapping[str, Counter[str]]) -> list[ProposedContact]:
    found: list[ProposedContact] = []
    for unit in stats:
        for address, names in unit.contacts.items():
            name, share = preferred_name(names)
            confidence = 0.5 + 0.5 * share if name else 0.0
            if not name:
                name, share = preferred_name(quoted_names.get(address, {}))
                confidence = 0.6 * share if name else 0.0
            if not name:
                name = name_from_address(address)
                confidence = 0.3 if name else 0.0
            found.append(ProposedContact(address, name, unit.contact_messages[address], round(confidence, 2)))
    return found


def _org_name(key: str, stats: list[UnitStats], contacts: tuple[ProposedContact, ...]) -> tuple[str, float]:
    companies = sum((s.companies for s in stats), Counter())
    if companies:
        company, count = companies.most_common(1)[0]
        return company, round(min(0.95, 0.6 + 0.1 * count), 2)
    if key.startswith("address:"):
        if contacts and contacts[0].name:
            return contacts[0].name, 0.5
        return key[8:], 0.1
    label = split_registrable_uncached(key[7:])[0]
    return " ".join(part.capitalize() for part in label.split("-")), 0.3


def _country(key: str, domains: tuple[str, ...], language: str | None) -> str | None:
    domain = email_domain(key[8:]) if key.startswith("address:") else domains[0] if domains else ""
    if domain in _FREEMAIL_COUNTRY:
        return _FREEMAIL_COUNTRY[domain]
    national = [split_registrable_uncached(d)[1].rpartition(".")[2] for d in (domains or (domain,))]
    for suffix in national:
        if len(suffix) == 2 and suffix not in _GENERIC_SUFFIXES:
            return _COUNTRY_OF_SUFFIX.get(suffix, suffix.upper())
    return _LANGUAGE_COUNTRY.get(language or "")


def _top(counter: Counter[str]) -> tuple[str | None, float]:
    if not counter:
        return None, 0.0
    best, count = max(counter.items(), key=lambda item: (item[1], item[0]))
    return best, round(count / sum(counter.values()), 2)
