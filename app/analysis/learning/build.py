"""From the learner's counters to a proposal: units merged into organizations, each with its best guesses."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from app.analysis.domains import email_domain, split_registrable_uncached
from app.analysis.learning.groups import code_votes, document_ownership, rival_suggestions
from app.analysis.learning.kinds import infer_kinds
from app.analysis.learning.merges import GENERIC_SUFFIXES, Merge, merge_units
from app.analysis.learning.phrases import select_aliases
from app.analysis.learning.proposal import Proposal, ProposedContact, ProposedOrg
from app.analysis.learning.signatures import name_from_address, preferred_name
from app.analysis.learning.stats import UnitStats
from app.analysis.names import NOT_ALNUM, core_name, short_name
from app.analysis.normalize import normalize_text, strip_accents

if TYPE_CHECKING:
    from app.analysis.learning.learner import Learner

_COUNTRY_OF_SUFFIX = {"uk": "GB"}
# Free mail providers of one country whose domain does not say it.
_FREEMAIL_COUNTRY = {
    "qq.com": "CN", "163.com": "CN", "126.com": "CN", "sina.com": "CN", "sohu.com": "CN", "foxmail.com": "CN",
    "yeah.net": "CN", "aliyun.com": "CN", "139.com": "CN",
}  # fmt: skip
# A language spoken mainly in one country of the trade; English is not.
_LANGUAGE_COUNTRY = {"de": "DE", "fr": "FR", "es": "ES", "zh": "CN"}


def build_proposal(learner: Learner) -> Proposal:
    units = learner.units
    org_of_unit, merges = merge_units(units, learner.together)
    members: dict[str, list[str]] = {}
    for unit, org in org_of_unit.items():
        members.setdefault(org, []).append(unit)
    ownership = document_ownership(learner.documents, org_of_unit)
    kinds = infer_kinds(ownership, list(members))
    forwarders = {k for k, (kind, _) in kinds.items() if kind == "forwarder"}
    codes = code_votes(learner.tokens, org_of_unit, forwarders)
    aliases = select_aliases(learner.phrases, learner.phrase_forms, org_of_unit, forwarders)
    orgs = [
        _organization(
            key,
            [units[u] for u in sorted(unit_list)],
            unit_list,
            learner.quoted_names,
            (codes.get(key, ()), aliases.get(key, ())),
            merges.get(key),
        )
        for key, unit_list in members.items()
    ]
    orgs.sort(key=lambda o: (-o.messages, o.key))
    orgs = [replace(o, kind=kinds[o.key][0], kind_confidence=kinds[o.key][1]) for o in orgs]
    countries = {o.key: o.country for o in orgs}
    return Proposal(
        organizations=tuple(orgs),
        rival_suggestions=rival_suggestions(ownership, countries),
        documents=ownership,
        messages_read=learner.messages_read,
        internal_domains=tuple(sorted(learner.internal)),
    )


def _organization(
    key: str,
    stats: list[UnitStats],
    unit_keys: list[str],
    quoted_names: Mapping[str, Counter[str]],
    codes: tuple[tuple[str, ...], tuple[str, ...]],
    merge: Merge | None,
) -> ProposedOrg:
    freemail = key.startswith("address:")
    messages = sum(s.messages for s in stats)
    contacts = tuple(sorted(_contacts(stats, quoted_names), key=lambda c: (-c.messages, c.email)))
    language, language_confidence = _top(sum((s.languages for s in stats), Counter()))
    owner, owner_confidence = _top(sum((s.senders for s in stats), Counter()))
    name, name_confidence = _org_name(key, stats, contacts)
    domains = () if freemail else tuple(sorted(u[7:] for u in unit_keys))
    phone, phone_share = _top(sum((s.phones for s in stats), Counter()))
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
        country=_country(key, domains, language, phone if phone_share >= 0.6 else None),
        customer_codes=codes[0],
        aliases=_aliases(name, stats, codes[1]),
        freemail=freemail,
        confidence=round(min(1.0, 0.4 + 0.1 * messages), 2),
        merged_domains=tuple(u[7:] for u in merge.units) if merge else (),
        merge_confidence=merge.confidence if merge else 0.0,
        merge_evidence=merge.evidence if merge else (),
    )


def _aliases(name: str, stats: list[UnitStats], phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The trade names the mail carries, and the other company lines of its signatures (a Chinese company's
    English name) seen at least twice; none that is the name itself or its short form."""
    companies = sum((s.companies for s in stats), Counter())
    found = [c for c, n in companies.most_common() if n >= 2] + list(phrases)
    # The name's short form ("Soleil" of "Soleil Distribution SARL") is derived by the index, which reads it
    # with care (it may be a word of the language): proposed as an alias it would match anywhere.
    core = core_name(normalize_text(name))
    names = {_folded(name), _folded(short_name(core) or core)}
    seen: set[str] = set()  # "HelioHandel" beside "Helio Handel" stays: the glued one also finds glued text
    aliases = []
    for alias in found:
        # core_name is empty for words too generic to name anyone ("Soleil", "Solar Trading")
        key = " ".join(strip_accents(alias).casefold().split())
        if _folded(alias) not in names and key not in seen and core_name(normalize_text(alias)):
            seen.add(key)
            aliases.append(alias)
    return tuple(aliases)


def _folded(text: str) -> str:
    return NOT_ALNUM.sub("", strip_accents(text).casefold())


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


def _country(key: str, domains: tuple[str, ...], language: str | None, phone: str | None) -> str | None:
    """The country domain says it; else the phone numbers of its signatures; else a free mail provider of one
    country, or a language spoken in one country."""
    domain = email_domain(key[8:]) if key.startswith("address:") else domains[0] if domains else ""
    national = [split_registrable_uncached(d)[1].rpartition(".")[2] for d in (domains or (domain,))]
    for suffix in national:
        if len(suffix) == 2 and suffix not in GENERIC_SUFFIXES:
            return _COUNTRY_OF_SUFFIX.get(suffix, suffix.upper())
    if phone:
        return phone
    if domain in _FREEMAIL_COUNTRY:
        return _FREEMAIL_COUNTRY[domain]
    return _LANGUAGE_COUNTRY.get(language or "")


def _top(counter: Counter[str]) -> tuple[str | None, float]:
    if not counter:
        return None, 0.0
    best, count = max(counter.items(), key=lambda item: (item[1], item[0]))
    return best, round(count / sum(counter.values()), 2)
