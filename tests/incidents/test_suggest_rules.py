"""The suggestion rules on their own: whom they leave out, how many they offer, what an unknown address shows."""

from __future__ import annotations

from app.analysis.draft import Draft, Recipient
from app.analysis.engine import check
from app.analysis.index import DirectoryIndex
from app.incidents.suggestions import LIMIT, Suggestion, suggest
from tests.incidents.test_assessment import index  # noqa: F401  (module fixture)

WRONG = "erik@nordicsolar.example"


def test_recent_people_up_to_the_limit_leaving_out_the_wrong_and_internal_addresses(index: DirectoryIndex) -> None:  # noqa: F811
    result = check(Draft(sender="alex@acme-trade.example", to=(Recipient(WRONG),)), index)
    others = [f"p{i}@elsewhere.example" for i in range(LIMIT + 2)]
    recent = ["Erik@NordicSolar.example", "Lin@Acme-Trade.example", "Someone@Unknown-Co.example", *others]
    suggestions = suggest(result, index, ["ERIK@nordicsolar.example"], recent, is_internal=["LIN@acme-trade.example"])
    assert suggestions[0] == Suggestion("someone@unknown-co.example", "", None, "recent", "")
    assert [s.email for s in suggestions] == ["someone@unknown-co.example", *others[: LIMIT - 1]]
