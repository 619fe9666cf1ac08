"""Domain helpers: registrable domains (offline public-suffix snapshot), IDN and look-alike search."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import tldextract
from rapidfuzz.distance import Levenshtein

# suffix_list_urls=() + cache_dir=None: use the public-suffix snapshot bundled with tldextract, never the
# network and never the disk. A check runs on every send; it must not wait on publicsuffix.org.
_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None, include_psl_private_domains=False)

# Characters that render (nearly) like ASCII letters: Cyrillic/Greek homoglyphs and digit swaps.
_CONFUSABLE_CHARS = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j",
        "ԁ": "d", "ѕ": "s", "һ": "h", "ӏ": "l", "ο": "o", "α": "a", "ρ": "p", "ν": "v", "τ": "t",
        "ı": "i", "0": "o", "1": "l", "i": "l", "5": "s",
    }
)
_CONFUSABLE_SEQUENCES = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_MIN_LABEL = 4  # shorter labels are one edit away from too many real domains


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


@lru_cache(maxsize=65536)
def split_registrable(domain: str) -> tuple[str, str]:
    """(label, public suffix) of the registrable domain: mail.x.co.uk -> ("x", "co.uk").

    Unknown TLDs (".example", ".local") have no public suffix; treat the last label as the suffix so
    "acme-trade.example" stays its own registrable domain instead of collapsing into "example".
    """
    result = _EXTRACT(domain)
    if result.suffix and result.domain:
        return result.domain, result.suffix
    labels = domain.split(".")
    if len(labels) < 2:
        return domain, ""
    return labels[-2], labels[-1]


def registrable_domain(domain: str) -> str:
    label, suffix = split_registrable(domain)
    return f"{label}.{suffix}" if suffix else label


def parent_domains(domain: str) -> list[str]:
    """mail.eu.x.com -> [mail.eu.x.com, eu.x.com, x.com, com]: for subdomain-aware lookups."""
    labels = domain.split(".")
    return [".".join(labels[i:]) for i in range(len(labels))]


def skeleton(domain: str) -> str:
    """A spelling-insensitive form: confusable characters and sequences mapped to one representative."""
    text = to_unicode(domain).lower().translate(_CONFUSABLE_CHARS)
    for sequence, replacement in _CONFUSABLE_SEQUENCES:
        text = text.replace(sequence, replacement)
    return text


@dataclass(frozen=True, slots=True)
class Lookalike:
    domain: str  # the known domain it imitates
    reason: str  # "edit" | "tld" | "confusable"


def _bucket_width(length: int) -> int:
    """Prefix/suffix width that one edit cannot touch on both ends (pigeonhole), for this length."""
    if length >= 7:
        return 3
    return 2 if length >= 5 else 1


@dataclass(slots=True)
class LookalikeIndex:
    """Finds the known domain an unknown domain imitates without scanning all known domains.

    Two labels one edit apart share either their first or last `w` characters when both are long enough,
    so candidates come from prefix/suffix buckets keyed by (width, end, chunk, length).
    """

    by_label: dict[str, list[str]] = field(default_factory=dict)
    buckets: dict[tuple[int, str, str, int], list[str]] = field(default_factory=dict)
    by_skeleton: dict[str, str] = field(default_factory=dict)

    def add(self, registrable: str) -> None:
        registrable = to_unicode(registrable)
        label, _suffix = split_registrable(registrable)
        self.by_label.setdefault(label, []).append(registrable)
        self.by_skeleton.setdefault(skeleton(registrable), registrable)
        if len(label) < _MIN_LABEL:
            return
        for width in self._widths_for_stored(len(label)):
            self.buckets.setdefault((width, "p", label[:width], len(label)), []).append(registrable)
            self.buckets.setdefault((width, "s", label[-width:], len(label)), []).append(registrable)

    @staticmethod
    def _widths_for_stored(length: int) -> set[int]:
        # A stored label of this length may be compared with queries one shorter or longer.
        return {_bucket_width(min(length, other)) for other in (length - 1, length, length + 1)}

    def find(self, domain: str) -> Lookalike | None:
        unicode_domain = to_unicode(domain)
        registrable = registrable_domain(unicode_domain)
        label, suffix = split_registrable(registrable)
        return (
            self._by_confusable(registrable)
            or self._by_swapped_tld(label, registrable)
            or self._by_one_edit(label, suffix, registrable)
        )

    def _by_confusable(self, registrable: str) -> Lookalike | None:
        known = self.by_skeleton.get(skeleton(registrable))
        if known and known != registrable:
            return Lookalike(known, "confusable")
        return None

    def _by_swapped_tld(self, label: str, registrable: str) -> Lookalike | None:
        if len(label) < _MIN_LABEL:
            return None
        for known in self.by_label.get(label, ()):
            if known != registrable:
                return Lookalike(known, "tld")
        return None

    def _by_one_edit(self, label: str, suffix: str, registrable: str) -> Lookalike | None:
        if len(label) < _MIN_LABEL:
            return None
        for candidate in self._candidates(label):
            cand_label, cand_suffix = split_registrable(candidate)
            if cand_suffix != suffix or candidate == registrable:
                continue
            if Levenshtein.distance(label, cand_label, score_cutoff=1) <= 1:
                return Lookalike(candidate, "edit")
        return None

    def _candidates(self, label: str) -> list[str]:
        found: list[str] = []
        for other in (len(label) - 1, len(label), len(label) + 1):
            width = _bucket_width(min(len(label), other))
            found.extend(self.buckets.get((width, "p", label[:width], other), ()))
            found.extend(self.buckets.get((width, "s", label[-width:], other), ()))
        return found
