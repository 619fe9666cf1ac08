"""Directory index: everything a check needs, compiled once per tenant version.

A check must not loop over organizations, so the index precomputes:
- one Aho-Corasick automaton over normalized org names (and their core without legal suffix), aliases,
  customer codes and the built-in/policy term lists; a text is scanned once for all of them;
- hash maps for addresses and domains (e-mail addresses and domains in texts are found with one regex
  pass and looked up here: keeping them out of the trie halves its size, see bench/RESULTS.md);
- name maps for greetings and display names, learned confusion pairs, and the look-alike buckets.
"""

from __future__ import annotations

import gc
from array import array
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import ahocorasick

from app.analysis.attachment_phrases import ATTACHMENT_PHRASES
from app.analysis.contact_table import ContactTable
from app.analysis.directory import ContactEntry, DirectorySnapshot, OrgEntry, PolicyView
from app.analysis.domains import FREEMAIL_DOMAINS, LookalikeIndex, parent_domains, split_registrable_uncached
from app.analysis.names import (
    NOT_ALNUM,
    core_name,
    short_name,
    spellings,
    split_camel_name,
    usable_code,
    usable_name,
)
from app.analysis.normalize import has_boundaries, normalize_text, strip_accents
from app.analysis.org_table import OrgTable
from app.analysis.packed import PackedIntMap, PackedMultiMap
from app.analysis.terms import INTERNAL_COMMENTS, INTERNAL_MARKERS, SENSITIVE_TERMS, cue_words

# Compiles the automaton from its keys (key id = position); the service may do it in another process.
AutomatonCompiler = Callable[[list[str]], ahocorasick.Automaton]
# Automaton payloads: ("org", org_index, "org") or ("term", kind, category).
Payload = tuple[str, object, str]
# While building: a key naming exactly one organization is stored as its index (no tuple per key).
_Pending = int | list[Payload]


class IndexReleased(Exception):
    """The index's automaton was let go because a newer index is being read in its place: ask for the index
    again (the swap takes a fraction of a second)."""


# What a released index holds instead of its automaton (an empty one: never scanned, see `scan`).
_RELEASED = ahocorasick.Automaton(ahocorasick.STORE_INTS)


@dataclass(frozen=True, slots=True)
class Hit:
    start: int
    end: int  # exclusive
    payload: Payload


@dataclass(slots=True)
class DirectoryIndex:
    version: int
    policy: PolicyView
    internal_domains: frozenset[str]
    orgs: OrgTable
    automaton: ahocorasick.Automaton
    # Per automaton key id: its length, the one org it names (-1: see key_payloads), other payloads.
    # Arrays keep 400k+ keys from costing a Python tuple each (see bench/RESULTS.md).
    key_lengths: array[int] = field(default_factory=lambda: array("I"))
    key_orgs: array[int] = field(default_factory=lambda: array("i"))
    key_payloads: dict[int, tuple[Payload, ...]] = field(default_factory=dict)
    # Filled as dicts while building, then packed (see app/analysis/packed.py).
    org_index_by_id: Mapping[str, int] = field(default_factory=dict)
    org_by_domain: Mapping[str, int] = field(default_factory=dict)
    contacts: ContactTable = field(default_factory=ContactTable)
    confusions: dict[str, str] = field(default_factory=dict)
    lookalikes: LookalikeIndex = field(default_factory=LookalikeIndex)
    # Names shortened by dropping descriptors ("Helio" of "Helio Handel"): read in running text only when
    # written like a name, since in lower case they are ordinary words ("helio-thermisch").
    short_names: set[str] = field(default_factory=set)
    # Read from a file: each field's part digest there (app/checks/index_store.py), to reuse unchanged parts.
    part_digests: dict[str, bytes] = field(default_factory=dict, init=False, repr=False, compare=False)

    # --- contacts: lower-case address -> contact; name key, first or last name, org id -> contacts ---

    @property
    def contact_by_email(self) -> Mapping[str, ContactEntry]:
        return self.contacts.by_email

    @property
    def contacts_by_name(self) -> Mapping[str, Sequence[ContactEntry]]:
        return self.contacts.pools(self.contacts.name_rows)

    @property
    def contacts_by_first_name(self) -> Mapping[str, Sequence[ContactEntry]]:
        return self.contacts.pools(self.contacts.first_name_rows)

    @property
    def contacts_by_last_name(self) -> Mapping[str, Sequence[ContactEntry]]:
        return self.contacts.pools(self.contacts.last_name_rows)

    @property
    def contacts_by_org(self) -> Mapping[str, Sequence[ContactEntry]]:
        return self.contacts.pools(self.contacts.org_rows)

    # --- addresses ------------------------------------------------------------------------------

    def is_internal_domain(self, domain: str) -> bool:
        """Internal domains and all their subdomains."""
        return any(parent in self.internal_domains for parent in parent_domains(domain))

    def org_index_for_domain(self, domain: str) -> int | None:
        for parent in parent_domains(domain):
            found = self.org_by_domain.get(parent)
            if found is not None:
                return found
        return None

    def org_index_for_address(self, address: str) -> int | None:
        contact = self.contact_by_email.get(address)
        if contact is not None and contact.org_id in self.org_index_by_id:
            return self.org_index_by_id[contact.org_id]
        return self.org_index_for_domain(address.rpartition("@")[2])

    def org(self, org_index: int) -> OrgEntry:
        return self.orgs[org_index]

    # --- text -----------------------------------------------------------------------------------

    def release_automaton(self) -> None:
        """Let go of the automaton (a worker reading the next index holds one automaton at a time, not two).
        A scan running on it finishes (its iterator keeps the automaton alive); later scans raise
        `IndexReleased`. The index no longer claims the automaton's part of its file, so the next index never takes
        the released one over."""
        self.automaton = _RELEASED
        self.part_digests.pop("automaton", None)

    @property
    def released(self) -> bool:
        return self.automaton is _RELEASED

    def scan(self, normalized: str) -> Iterator[Hit]:
        """First hit of each pattern in an already normalized text, word boundaries enforced for Latin.

        Later hits of an accepted pattern are skipped before any Python work: a 1 MB price list says
        "price" thousands of times, and one piece of evidence per pattern is enough.
        """
        automaton = self.automaton
        if automaton is _RELEASED:
            raise IndexReleased
        accepted: set[int] = set()
        lengths = self.key_lengths
        for end_inclusive, key_id in automaton.iter(normalized):
            if key_id in accepted:
                continue
            start = end_inclusive - lengths[key_id] + 1
            if not has_boundaries(normalized, start, end_inclusive + 1):
                continue
            accepted.add(key_id)
            for payload in self._payloads(key_id):
                yield Hit(start, end_inclusive + 1, payload)

    def _payloads(self, key_id: int) -> tuple[Payload, ...]:
        org_index = self.key_orgs[key_id]
        if org_index >= 0:
            return (("org", org_index, "org"),)
        return self.key_payloads[key_id]


# --- build ---------------------------------------------------------------------------------------


def build_index(snapshot: DirectorySnapshot, compiler: AutomatonCompiler | None = None) -> DirectoryIndex:
    """`compiler` turns the key list into the automaton (default: here, `compile_automaton`)."""
    # Building allocates millions of acyclic objects; cyclic GC passes over them would only add ~30 %.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _build(snapshot, compiler or compile_automaton)
    finally:
        if gc_was_enabled:
            gc.enable()


def _build(snapshot: DirectorySnapshot, compiler: AutomatonCompiler) -> DirectoryIndex:
    internal = frozenset(d.lower().strip(".") for d in snapshot.internal_domains if d)
    patterns: dict[str, _Pending] = {}
    _add_term_patterns(patterns, snapshot.policy)
    index = DirectoryIndex(
        version=snapshot.tenant_version,
        policy=snapshot.policy,
        internal_domains=internal,
        orgs=OrgTable.of(snapshot.organizations),
        automaton=ahocorasick.Automaton(ahocorasick.STORE_INTS),
    )
    org_by_domain: dict[str, int] = {}
    for org_index, org in enumerate(snapshot.organizations):
        full, core = _add_org_patterns(index, patterns, org, org_index)
        _add_org_domains(index, org_by_domain, org, org_index, (full, core))
    index.org_index_by_id = _org_positions(index.orgs, [org.id for org in snapshot.organizations])
    index.org_by_domain = PackedIntMap.of(org_by_domain)
    for domain in sorted(internal):
        index.lookalikes.add(*split_registrable_uncached(domain))
    index.contacts = ContactTable.of(snapshot.contacts)
    index.confusions = _strongest_confusions(snapshot)
    index.lookalikes = index.lookalikes.packed()
    index.automaton = compiler(_key_tables(index, _without_covered_keys(patterns)))
    return index


def _org_positions(orgs: OrgTable, ids: list[str]) -> PackedIntMap:
    """Organization id -> its position; the table's id column holds the keys when every id is there once."""
    if len(set(ids)) == len(ids):
        return PackedIntMap(PackedMultiMap.of_column(orgs.ids, list(map(str.encode, ids))))
    return PackedIntMap.of({org_id: position for position, org_id in enumerate(ids)})  # a repeated id: the last


def _add_pattern(patterns: dict[str, _Pending], key: str, payload: Payload) -> None:
    existing = patterns.get(key)
    if existing is None and payload[0] == "org":
        patterns[key] = int(payload[1])  # type: ignore[call-overload]
        return
    bucket: list[Payload] = [("org", existing, "org")] if isinstance(existing, int) else (existing or [])
    if payload not in bucket:
        bucket.append(payload)
    patterns[key] = bucket


def _add_term_patterns(patterns: dict[str, _Pending], policy: PolicyView) -> None:
    for category, terms in SENSITIVE_TERMS.items():
        for term in terms:
            _add_pattern(patterns, normalize_text(term), ("term", "sensitive", category))
    for category, extra in policy.sensitive_terms.items():
        for term in extra:
            if term.strip():
                _add_pattern(patterns, normalize_text(term.strip()), ("term", "sensitive", category))
    for kind, terms in (("marker", INTERNAL_MARKERS), ("comment", INTERNAL_COMMENTS)):
        for term in terms:
            _add_pattern(patterns, normalize_text(term), ("term", kind, kind))
    for term in ATTACHMENT_PHRASES:
        _add_pattern(patterns, normalize_text(term), ("term", "attach", "attach"))
    for cue, words in cue_words().items():
        for word in words:
            _add_pattern(patterns, normalize_text(word), ("term", "cue", cue))


def _add_org_patterns(
    index: DirectoryIndex, patterns: dict[str, _Pending], org: OrgEntry, org_index: int
) -> tuple[str, str]:
    """Adds the org's name, alias and code keys; returns its normalized name and core (for the domains)."""
    name_forms = ("", "")
    for position, raw in enumerate((org.name, *org.aliases)):
        full = normalize_text(raw).strip()
        core = core_name(full)
        camel_split = split_camel_name(raw)
        spaced = normalize_text(camel_split).strip() if camel_split != raw else full
        spaced_core = core_name(spaced) if spaced != full else ""
        short = short_name(core)
        if position == 0:
            name_forms = (full, core)
        for key in spellings(full, core, short, spaced_core):
            if usable_name(key):
                _add_org_pattern(patterns, key, org_index)
        if short and " " not in short:
            index.short_names.update(spellings(short))
    if org.customer_code:
        code = normalize_text(org.customer_code).strip()
        if usable_code(code):
            _add_org_pattern(patterns, code, org_index)
    return name_forms


def _add_org_pattern(patterns: dict[str, _Pending], key: str, org_index: int) -> None:
    if key in patterns:
        _add_pattern(patterns, key, ("org", org_index, "org"))
    else:
        patterns[key] = org_index  # most keys name one organization: no tuple for them


def _add_org_domains(
    index: DirectoryIndex, org_by_domain: dict[str, int], org: OrgEntry, org_index: int, name_forms: tuple[str, str]
) -> None:
    first = ""
    for raw in org.domains:
        domain = raw.lower().strip().strip(".").removeprefix("@")
        if not domain:
            continue
        # Split once, uncached: 100,000 directory domains would only evict the checks' cached ones.
        label, suffix = split_registrable_uncached(domain)
        registrable = f"{label}.{suffix}" if suffix else label
        if domain in FREEMAIL_DOMAINS or registrable in FREEMAIL_DOMAINS:
            # Everyone at gmail.com is their own organization: a customer's gmail address belongs to it as a
            # contact, never the whole provider.
            continue
        org_by_domain.setdefault(domain, org_index)
        index.lookalikes.add(label, suffix)
        first = first or registrable
    if first:
        for name in dict.fromkeys(name_forms):
            index.lookalikes.add_name(NOT_ALNUM.sub("", strip_accents(name)), first)


def _strongest_confusions(snapshot: DirectorySnapshot) -> dict[str, str]:
    """wrong address -> the intended address it was most often confused with."""
    best: dict[str, tuple[int, str]] = {}
    for entry in snapshot.confusions:
        wrong, intended = entry.wrong.lower().strip(), entry.intended.lower().strip()
        if wrong and intended and wrong != intended and entry.count > best.get(wrong, (0, ""))[0]:
            best[wrong] = (entry.count, intended)
    return {wrong: intended for wrong, (_count, intended) in best.items()}


def _without_covered_keys(patterns: dict[str, _Pending]) -> dict[str, _Pending]:
    """Drops each organization key that starts with a shorter key naming the same organizations (and more).

    "zenluxliber elektro gmbh & co. kg" starts with its core "zenluxliber elektro": every time the full name
    is in a text, so is the core, at the same start, with a boundary after it, and ending first; the first
    mention of each organization, all a scan keeps, comes from the shorter key either way. Legal forms,
    descriptors and "新能源科技有限公司" are the same few words after 100,000 different names: without the
    longer keys the automaton has half the nodes at 100k organizations (2.33M -> 1.16M, 103 -> 53 MB).
    Keys carrying a term are kept (terms keep every distinct evidence); the shorter key may carry one.
    """
    return {key: pending for key, pending in patterns.items() if not _covered(patterns, key, pending)}


def _covered(patterns: dict[str, _Pending], key: str, pending: _Pending) -> bool:
    if key.isascii():
        # Legal forms and descriptors follow a space: cutting there only is cheap, and enough.
        cut = key.find(" ")
        while cut > 0:
            shorter = patterns.get(key[:cut])
            if shorter is not None and _names_all(shorter, pending):
                return True
            cut = key.find(" ", cut + 1)
        return False
    # "杭州润阳安泰电子股份有限公司": no spaces; any cut with a boundary after it (CJK always has one).
    for cut in range(1, len(key)):
        shorter = patterns.get(key[:cut])
        if shorter is not None and has_boundaries(key, 0, cut) and _names_all(shorter, pending):
            return True
    return False


def _names_all(shorter: _Pending, pending: _Pending) -> bool:
    """Whether the shorter key names every organization the longer key names, and the longer names nothing else:
    a term keeps every distinct evidence ("acme solar", "acme solar gmbh"), so a key carrying one stays."""
    if isinstance(pending, int):
        return shorter == pending or (isinstance(shorter, list) and ("org", pending, "org") in shorter)
    named = {("org", shorter, "org")} if isinstance(shorter, int) else set(shorter)
    return all(payload[0] == "org" and payload in named for payload in pending)


def _key_tables(index: DirectoryIndex, patterns: dict[str, _Pending]) -> list[str]:
    """Fill the per-key tables of the index; returns the keys in key-id order."""
    keys = list(patterns)
    if not keys:
        keys.append("\x00")  # an empty automaton cannot be compiled
        index.key_lengths.append(1)
        index.key_orgs.append(-1)
        index.key_payloads[0] = ()
        return keys
    pending = list(patterns.values())
    index.key_lengths.extend(map(len, keys))
    index.key_orgs.extend([org if isinstance(org, int) else -1 for org in pending])
    index.key_payloads.update(
        (key_id, tuple(payloads)) for key_id, payloads in enumerate(pending) if not isinstance(payloads, int)
    )
    return keys


def compile_automaton(keys: list[str]) -> ahocorasick.Automaton:
    """One Aho-Corasick automaton over the keys, each key's value its position in the list.

    Compiling holds the GIL for seconds at 100,000 organizations; a compiled automaton pickles and
    unpickles in a fraction of that, which is why the service compiles large ones in another process.
    """
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    deque(map(automaton.add_word, keys, range(len(keys))), maxlen=0)  # each key's id is its position
    automaton.make_automaton()
    return automaton
