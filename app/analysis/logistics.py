"""Recipients the directory does not know who say they move goods: forwarders, carriers, customs brokers.

Exporters copy their customer's forwarder ("your agent at Baltic Cargo") and their own on bookings and shipping
documents every day. A forwarder in the directory is never an exposure (app/analysis/rules/audience.py); one the
directory has not met yet is recognised by what its display name or domain says it is.
"""

from __future__ import annotations

import re

from app.analysis.normalize import normalize_text

# Whole words of a display name: a business's own description of itself.
_NAME_WORDS = re.compile(
    r"\b(?:cargo|freight|forwarding|forwarders?|logistics?|logistik|log[ií]stica|logistique|shipping|"
    r"spedition|spediteur|transitarios?|transitaires?|customs brokers?|courier|expedidores?)\b"
    r"|物流|货代|货运|船务|报关|國際運輸|国际运输"
)
# Parts of a domain label ("baltic-cargo", "euro-logistik", "sinofreight"): stems no other trade uses. "forward"
# is left out ("forwardsolar"): a forwarder's name, not its domain, says it is one.
_DOMAIN_STEMS = ("cargo", "freight", "logist", "spedition", "shipping", "wuliu", "huoyun")


def looks_like_logistics(display_name: str, domain: str) -> bool:
    if display_name and _NAME_WORDS.search(normalize_text(display_name)):
        return True
    label = domain.rpartition(".")[0]  # the public suffix says nothing about the business
    return any(stem in label for stem in _DOMAIN_STEMS)
