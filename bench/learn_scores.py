"""Scores of a learned proposal against the synthetic mailbox's ground truth (tests/learning/mailbox_gen.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from app.analysis.domains import email_domain, registrable_domain
from app.analysis.learning import Proposal
from app.analysis.names import NOT_ALNUM, core_name, short_name
from app.analysis.normalize import normalize_text, strip_accents
from tests.learning.mailbox_gen import Mailbox


@dataclass(frozen=True, slots=True)
class Scores:
    orgs_truth: int
    orgs_recovered: int
    orgs_proposed: int
    wrong_merges: int
    contacts_truth: int
    contacts_recovered: int
    contact_names_right: int
    owners_right: int
    languages_right: int
    codes_truth: int
    codes_right: int
    codes_proposed: int
    rival_pairs_truth: int
    rival_pairs_suggested: int
    rival_pairs_right: int
    documents_truth: int
    documents_right: int
    kinds_right: int = 0
    kinds_suggested: int = 0
    trade_truth: int = 0
    trade_found: int = 0
    aliases_proposed: int = 0
    aliases_right: int = 0
    two_domain_truth: int = 0
    two_domain_merged: int = 0
    merges_proposed: int = 0
    merges_right: int = 0

    def rate(self, part: int, whole: int) -> float:
        return part / whole if whole else 1.0

    def summary(self) -> dict[str, float]:
        return {
            "organizations recovered": self.rate(self.orgs_recovered, self.orgs_truth),
            "wrong merges": self.rate(self.wrong_merges, self.orgs_proposed),
            "contacts recovered": self.rate(self.contacts_recovered, self.contacts_truth),
            "contact names right": self.rate(self.contact_names_right, self.contacts_recovered),
            "owners right": self.rate(self.owners_right, self.orgs_recovered),
            "languages right": self.rate(self.languages_right, self.orgs_recovered),
            "customer codes found": self.rate(self.codes_right, self.codes_truth),
            "customer codes precision": self.rate(self.codes_right, self.codes_proposed),
            "rival pairs found": self.rate(self.rival_pairs_right, self.rival_pairs_truth),
            "rival pairs precision": self.rate(self.rival_pairs_right, self.rival_pairs_suggested),
            "documents attributed to their owner": self.rate(self.documents_right, self.documents_truth),
            "kinds right (of recovered)": self.rate(self.kinds_right, self.orgs_recovered),
            "trade names found (name or alias)": self.rate(self.trade_found, self.trade_truth),
            "aliases precision": self.rate(self.aliases_right, self.aliases_proposed),
            "companies at unrelated domains merged": self.rate(self.two_domain_merged, self.two_domain_truth),
            "proposed merges right": self.rate(self.merges_right, self.merges_proposed),
        }


def _folded(text: str) -> str:
    return NOT_ALNUM.sub("", strip_accents(text).casefold())


def _name_forms(name: str) -> tuple[str, ...]:
    """A name as the index reads it: whole, without legal form, and its short form ("Sunfer" of "Sunfer Energy")."""
    core = core_name(normalize_text(name))
    return name, core, short_name(core)


def _names_right(mailbox: Mailbox, proposal: Proposal, majority: dict[str, str], recovered: set[str]) -> dict[str, int]:
    """Trade names found (a recovered organization's usual trade name is its proposed name or an alias) and
    aliases that name their organization (part of its legal or trade name, or holding one)."""
    by_truth = {majority[o.key]: o for o in proposal.organizations if majority[o.key] in recovered}
    # A name two companies go by (namesakes in two countries) names neither: not expected as an alias.
    shared = Counter(_folded(o.trade[0]) for o in mailbox.orgs.values())
    found = truth = proposed = right = 0
    for key, org in by_truth.items():
        true_org = mailbox.orgs[key]
        names = [_folded(n) for n in (true_org.name, *true_org.trade, *true_org.company_lines)]
        if true_org.kind != "forwarder" and shared[_folded(true_org.trade[0])] == 1:
            truth += 1
            found += _folded(true_org.trade[0]) in {_folded(n) for n in (*_name_forms(org.name), *org.aliases)}
        for alias in org.aliases:
            proposed += 1
            right += any(_folded(alias) in n or n in _folded(alias) for n in names)
    return {"trade_truth": truth, "trade_found": found, "aliases_proposed": proposed, "aliases_right": right}


def _merges_right(mailbox: Mailbox, proposal: Proposal, holders: dict[str, list[str]]) -> dict[str, int]:
    """Companies whose mail went to domains of two different names, held by one proposed organization; and
    proposed merges of such domains whose addresses are all one company's."""
    truth_of = mailbox.contact_org()
    labels_of: dict[str, set[str]] = {}
    for m in mailbox.messages:
        for address, _ in m.to + m.cc:
            if address in truth_of and not mailbox.orgs[truth_of[address]].freemail:
                labels_of.setdefault(truth_of[address], set()).add(registrable_domain(email_domain(address)))
    two = [t for t, domains in labels_of.items() if len({d.split(".")[0] for d in domains}) > 1]
    merged = [o for o in proposal.organizations if len({d.split(".")[0] for d in o.merged_domains}) > 1]
    return {
        "two_domain_truth": len(two),
        "two_domain_merged": sum(len(holders.get(t, [])) == 1 for t in two),
        "merges_proposed": len(merged),
        "merges_right": sum(len({truth_of.get(a) for a in o.addresses}) == 1 for o in merged),
    }


def _same_name(a: str, b: str) -> bool:
    return strip_accents(a).casefold().split() == strip_accents(b).casefold().split()


def score(mailbox: Mailbox, proposal: Proposal) -> Scores:
    truth_of = mailbox.contact_org()
    written = {a for m in mailbox.messages for a, _ in m.to + m.cc if a in truth_of}
    truth_orgs = {truth_of[a] for a in written}
    # A proposed organization is a wrong merge when its addresses belong to more than one true organization; a
    # true organization is recovered when exactly one proposed organization holds all of its addresses, alone.
    holders: dict[str, list[str]] = {}
    wrong = 0
    majority: dict[str, str] = {}
    for org in proposal.organizations:
        owners = Counter(truth_of.get(a, "?") for a in org.addresses)
        wrong += len(owners) > 1
        majority[org.key] = owners.most_common(1)[0][0]
        for truth in owners:
            holders.setdefault(truth, []).append(org.key)
    recovered = {t for t in truth_orgs if len(holders.get(t, [])) == 1 and majority[holders[t][0]] == t}
    by_key = {o.key: o for o in proposal.organizations}
    owners_right = sum(by_key[holders[t][0]].owner_email == mailbox.orgs[t].owner for t in recovered)
    languages_right = sum(by_key[holders[t][0]].language == mailbox.orgs[t].language for t in recovered)
    kinds_right = sum(by_key[holders[t][0]].kind == mailbox.orgs[t].kind for t in recovered)
    contacts = {c.email: (o.key, c.name) for o in proposal.organizations for c in o.contacts}
    contacts_recovered = [a for a in written if a in contacts and majority[contacts[a][0]] == truth_of[a]]
    truth_contacts = {c.email: c for o in mailbox.orgs.values() for c in o.contacts}
    names_right = sum(
        _same_name(contacts[a][1], truth_contacts[a].name) or contacts[a][1] == truth_contacts[a].hanzi
        for a in contacts_recovered
    )
    codes_truth = {(t, mailbox.orgs[t].customer_code) for t in truth_orgs if mailbox.orgs[t].customer_code}
    codes_proposed = {(majority[o.key], c) for o in proposal.organizations for c in o.customer_codes}
    truth_pairs = mailbox.rival_pairs()
    suggested = {
        frozenset((majority[a], majority[b]))
        for s in proposal.rival_suggestions
        for i, a in enumerate(s.org_keys)
        for b in s.org_keys[i + 1 :]
    }
    documents = {d.sha256: d for d in proposal.documents}
    forwarders = {k for k, o in mailbox.orgs.items() if o.kind == "forwarder"}
    documents_right = 0
    for sha, owner in mailbox.document_owner.items():
        learned = documents.get(sha)
        went_to = {majority[k] for k in learned.org_keys} if learned else set()
        documents_right += owner in went_to and went_to - {owner} <= forwarders
    return Scores(
        orgs_truth=len(truth_orgs),
        orgs_recovered=len(recovered),
        orgs_proposed=len(proposal.organizations),
        wrong_merges=wrong,
        contacts_truth=len(written),
        contacts_recovered=len(contacts_recovered),
        contact_names_right=names_right,
        owners_right=owners_right,
        languages_right=languages_right,
        codes_truth=len(codes_truth),
        codes_right=len(codes_truth & codes_proposed),
        codes_proposed=len(codes_proposed),
        rival_pairs_truth=len(truth_pairs),
        rival_pairs_suggested=len(suggested),
        rival_pairs_right=len(truth_pairs & suggested),
        documents_truth=len(mailbox.document_owner),
        documents_right=documents_right,
        kinds_right=kinds_right,
        kinds_suggested=sum(o.kind is not None for o in proposal.organizations),
        **_names_right(mailbox, proposal, majority, recovered),
        **_merges_right(mailbox, proposal, holders),
    )
