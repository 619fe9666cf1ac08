"""The proposal reviewed against the directory and accepted in part or whole (fake Graph; SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.config import Settings
from app.mailbox.fake_graph import recipient
from app.mailbox.fake_graph_sent import load_sent
from tests.learning.test_learning_api import admin, fill, wait_for
from tests.mailbox.graph_env import ALEX, M365, m365_app


@pytest.fixture
def m365(settings: Settings) -> Iterator[M365]:
    with m365_app(settings) as env:
        yield env


def learned(env: M365, messages: int = 200) -> tuple[str, dict[str, Any]]:
    mailbox = fill(env, messages)
    written = {a for m in mailbox.messages for a, _ in m.to}
    some = next(
        o
        for o in mailbox.orgs.values()
        # one domain: a company at two would be proposed as "merged" (its other domain joined to the known one)
        if o.kind == "customer"
        and not o.freemail
        and len(o.domains) == 1
        and len({c.email for c in o.contacts} & written) > 1
    )
    known = {"name": "Known Customer AG", "kind": "customer", "domains": [some.domains[0]],
             "contacts": [{"email": some.contacts[0].email, "name": some.contacts[0].name}]}  # fmt: skip
    assert env.client.post("/v1/organizations", json=known, headers=admin(env)).status_code == 201
    job_id = env.client.post("/v1/directory/learn", json={"months": 24}, headers=admin(env)).json()["id"]
    wait_for(env, job_id)
    review = env.client.get(f"/v1/directory/learn/{job_id}/review", headers=admin(env))
    assert review.status_code == 200, review.text
    return job_id, review.json()


def directory(env: M365) -> list[dict[str, Any]]:
    body: dict[str, Any] = env.client.get("/v1/organizations?limit=500", headers=admin(env)).json()
    return list(body["items"])


def test_the_review_shows_new_and_changed_organizations_and_nothing_changes_before_acceptance(m365: M365) -> None:
    _job_id, review = learned(m365)
    statuses = {i["status"] for i in review["items"]}
    assert {"new", "changed"} <= statuses
    changed = next(i for i in review["items"] if i["status"] == "changed")
    assert changed["name"] and 0 < changed["confidence"] <= 1 and changed["changes"]
    assert [o["name"] for o in directory(m365)] == ["Known Customer AG"]


def test_accepting_some_items_creates_and_updates_only_those(m365: M365) -> None:
    job_id, review = learned(m365)
    new = [i for i in review["items"] if i["status"] == "new"][:3]
    changed = next(i for i in review["items"] if i["status"] == "changed")
    body = {"items": [{"key": i["key"], "kind": "prospect"} for i in new] + [{"key": changed["key"]}]}
    result = m365.client.post(f"/v1/directory/learn/{job_id}/accept", json=body, headers=admin(m365)).json()
    assert len(result["created"]) == 3 and len(result["updated"]) == 1 and result["skipped"] == []
    orgs = {o["name"]: o for o in directory(m365)}
    assert len(orgs) == 4 and all(orgs[i["name"]]["kind"] == "prospect" for i in new)
    known = orgs["Known Customer AG"]
    assert len(known["contacts"]) > 1 and known["language"]  # contacts and language added from the proposal
    assert m365.client.get(f"/v1/directory/learn/{job_id}", headers=admin(m365)).json()["status"] == "accepted"
    again = m365.client.get(f"/v1/directory/learn/{job_id}/review", headers=admin(m365)).json()
    assert not {i["key"] for i in again["items"]} & {i["key"] for i in new}


def test_accepting_all_takes_every_new_and_changed_organization(m365: M365) -> None:
    job_id, review = learned(m365)
    result = m365.client.post(f"/v1/directory/learn/{job_id}/accept", json={"all": True}, headers=admin(m365)).json()
    takeable = [i for i in review["items"] if i["status"] != "conflict"]
    assert len(result["created"]) + len(result["updated"]) + len(result["skipped"]) == len(takeable)
    assert len(result["created"]) + len(result["updated"]) >= 0.95 * len(takeable)
    assert m365.client.post(f"/v1/directory/learn/{job_id}/accept", json={"items": [{"key": "x"}], "bogus": 1},
                            headers=admin(m365)).status_code == 422  # fmt: skip


def test_new_organizations_take_their_suggested_kind_unless_the_administrator_chooses_one(m365: M365) -> None:
    job_id, review = learned(m365, 400)  # enough bookings for a forwarder to show
    new = [i for i in review["items"] if i["status"] == "new"]
    assert all(0 < i["kind_confidence"] <= 1 for i in new)
    suggested = {i["kind"] for i in new}
    assert {"customer", "forwarder"} <= suggested
    chosen, as_suggested = new[0], new[1:6]
    other = next(k for k in ("partner", "competitor") if k != chosen["kind"])
    body = {"items": [{"key": chosen["key"], "kind": other}] + [{"key": i["key"]} for i in as_suggested]}
    result = m365.client.post(f"/v1/directory/learn/{job_id}/accept", json=body, headers=admin(m365))
    assert result.status_code == 200 and len(result.json()["created"]) == 6, result.text
    kinds = {o["name"]: o["kind"] for o in directory(m365)}
    assert kinds[chosen["name"]] == other
    assert all(kinds[i["name"]] == i["kind"] for i in as_suggested)


def test_an_accepted_rival_suggestion_tags_its_organizations_with_one_rival_group(m365: M365) -> None:
    job_id, review = learned(m365, 1200)
    suggestions = review["rival_suggestions"]
    assert suggestions and all(len(s["org_keys"]) >= 2 for s in suggestions)
    url = f"/v1/directory/learn/{job_id}/accept"
    early = m365.client.post(url, json={"rivals": [0]}, headers=admin(m365)).json()
    assert early["rival_groups"] == [] and early["skipped"] == [
        {"key": "rival:0", "reason": "organizations_not_in_directory"}
    ]  # its organizations are not in the directory yet
    items = [{"key": k} for k in suggestions[0]["org_keys"]]
    result = m365.client.post(url, json={"items": items, "rivals": [0, 99]}, headers=admin(m365)).json()
    assert len(result["rival_groups"]) == 1 and {"key": "rival:99", "reason": "no_such_suggestion"} in result["skipped"]
    names = {i["name"] for i in review["items"] if i["key"] in suggestions[0]["org_keys"]}
    groups = {o["rival_group"] for o in directory(m365) if o["name"] in names}
    assert groups == {result["rival_groups"][0]}


def test_accepting_all_takes_the_rival_suggestions_too(m365: M365) -> None:
    job_id, review = learned(m365, 1200)
    result = m365.client.post(f"/v1/directory/learn/{job_id}/accept", json={"all": True}, headers=admin(m365)).json()
    assert len(result["rival_groups"]) == len(review["rival_suggestions"]) > 0
    in_suggestions = {k for s in review["rival_suggestions"] for k in s["org_keys"]}
    names = {i["name"] for i in review["items"] if i["key"] in in_suggestions}
    tagged = {o["name"] for o in directory(m365) if o["rival_group"]}
    assert len(tagged) >= 2 and tagged == names


def _sunpeak_mail(env: M365, messages: int = 8) -> None:
    """SunPeak writes from sunpeak.de and sunpeak-energy.com, signs as one company and is written to at both."""
    mueller, hoffmann = ("t.mueller@sunpeak.de", "Thomas Müller"), ("k.hoffmann@sunpeak-energy.com", "Katrin Hoffmann")
    items = []
    for n in range(messages):
        address, name = (mueller, hoffmann)[n % 2]
        quoted = (f"Am 3.3.2026 schrieb {name} <{address}>:\n> Bitte um Preise.\n>\n> {name}\n> Einkauf\n"
                  f"> SunPeak Energy GmbH\n> Tel. +49 40 1234 567\n")  # fmt: skip
        to = [recipient(*mueller), recipient(*hoffmann)] if n % 3 == 0 else [recipient(address, name)]
        body = f"Hallo {name.split()[0]},\n\nanbei das Angebot, bitte prüfen Sie die Preise.\n\nGruß\n\n{quoted}"
        items.append({"subject": f"Angebot SunPeak {n}", "body": body, "to": to, "sent": "2026-03-04T10:00:00Z"})
    load_sent(env.fake, ALEX, items)
    assert env.client.get("/v1/me", headers=env.alex).status_code == 200


def _review(env: M365) -> tuple[str, dict[str, Any]]:
    job_id = env.client.post("/v1/directory/learn", json={"months": 24}, headers=admin(env)).json()["id"]
    wait_for(env, job_id)
    return job_id, env.client.get(f"/v1/directory/learn/{job_id}/review", headers=admin(env)).json()


def test_two_domains_of_one_company_are_proposed_as_a_merge_and_accepted_as_one_organization(m365: M365) -> None:
    _sunpeak_mail(m365)
    job_id, review = _review(m365)
    (item,) = review["items"]
    assert item["status"] == "merged" and item["existing"] is None
    assert sorted(item["merge"]["domains"]) == ["sunpeak-energy.com", "sunpeak.de"]
    assert 0.5 < item["merge"]["confidence"] <= 0.95 and "same_company" in item["merge"]["evidence"]
    result = m365.client.post(f"/v1/directory/learn/{job_id}/accept", json={"items": [{"key": item["key"]}]},
                              headers=admin(m365)).json()  # fmt: skip
    assert len(result["created"]) == 1 and result["skipped"] == []
    (org,) = directory(m365)
    assert sorted(org["domains"]) == ["sunpeak-energy.com", "sunpeak.de"] and len(org["contacts"]) == 2


def test_a_merge_over_two_directory_organizations_is_a_conflict_and_never_applied(m365: M365) -> None:
    for domain in ("sunpeak.de", "sunpeak-energy.com"):
        body = {"name": f"SunPeak {domain}", "kind": "customer", "domains": [domain]}
        assert m365.client.post("/v1/organizations", json=body, headers=admin(m365)).status_code == 201
    _sunpeak_mail(m365)
    job_id, review = _review(m365)
    (item,) = review["items"]
    assert item["status"] == "conflict" and len(item["existing"]) == 2
    result = m365.client.post(f"/v1/directory/learn/{job_id}/accept", json={"all": True}, headers=admin(m365)).json()
    assert result["created"] == [] and result["updated"] == []
    assert sorted(len(o["domains"]) for o in directory(m365)) == [1, 1]
