from collections import Counter

from app.analysis.domains import is_freemail, registrable_domain
from tests.learning.mailbox_gen import generate, sizes


def test_the_same_seed_gives_the_same_mailbox_and_another_seed_another() -> None:
    first, again, other = generate(seed=3, messages=500), generate(seed=3, messages=500), generate(seed=4, messages=500)
    assert first.messages == again.messages
    assert first.messages != other.messages


def test_the_mailbox_has_the_size_and_mix_the_evaluation_promises() -> None:
    mailbox = generate(messages=20_000)
    counts = sizes(mailbox)
    assert counts["messages"] == 20_000 and counts["organizations"] == 300
    assert {k for k in counts if k not in ("messages", "organizations")} == {
        "customer", "prospect", "partner", "supplier", "forwarder", "competitor",
    }  # fmt: skip
    freemail = [o for o in mailbox.orgs.values() if o.freemail]
    assert len(freemail) >= 50
    assert {"qq.com", "163.com", "126.com"} & {o.domains[0] for o in freemail}
    assert Counter(o.language for o in mailbox.orgs.values()).keys() == {"de", "fr", "es", "zh", "en"}
    assert len(mailbox.salespeople) == 5


def test_every_recipient_is_a_known_contact_or_internal_and_every_org_is_written_to() -> None:
    mailbox = generate(messages=3_000)
    owner_of = mailbox.contact_org()
    written: set[str] = set()
    for mail in mailbox.messages:
        for address, _ in mail.to + mail.cc:
            if address.endswith("@" + mailbox.internal_domain):
                continue
            assert address in owner_of
            written.add(owner_of[address])
    assert written == set(mailbox.orgs)


def test_company_domains_are_never_free_mail_and_free_mail_buyers_are_alone() -> None:
    mailbox = generate(messages=100)
    for org in mailbox.orgs.values():
        for contact in org.contacts:
            domain = contact.email.rpartition("@")[2]
            assert is_freemail(domain) == org.freemail
            if not org.freemail:
                assert registrable_domain(domain) in org.domains
        assert not org.freemail or len(org.contacts) == 1


def test_threads_forwards_and_forwarder_copies_are_in_the_mix() -> None:
    mailbox = generate(messages=5_000)
    subjects = Counter(m.subject[:4] for m in mailbox.messages)
    assert subjects["RE: "] > 100 and subjects["FW: "] > 50
    forwarders = {c.email for o in mailbox.orgs.values() if o.kind == "forwarder" for c in o.contacts}
    assert any(address in forwarders for m in mailbox.messages for address, _ in m.cc)
    hashes = {a.sha256 for m in mailbox.messages for a in m.attachments}
    assert set(mailbox.document_owner) <= hashes and len(mailbox.document_owner) > 500


def test_the_eval_tenants_mailbox_writes_to_its_directory_only_and_rivals_share_product_documents() -> None:
    from tests.eval.directory import ORGS, PEOPLE
    from tests.learning.eval_mailbox import INTERNAL, generate_eval_mailbox

    mailbox = generate_eval_mailbox(messages=4_000)
    external = {a for m in mailbox.messages for a, _ in m.to + m.cc if not a.endswith("@" + INTERNAL)}
    assert external == {email for _, email, _, _ in PEOPLE.values()}  # every contact, nobody else
    assert {m.sender for m in mailbox.messages} <= {a for a, _ in mailbox.salespeople}
    groups: dict[str, set[tuple[str, ...]]] = {}
    for entry in ORGS:
        if entry.rival_group:
            groups.setdefault(entry.rival_group, set()).add(mailbox.orgs[entry.id].products)
    assert groups and all(len(products) == 1 for products in groups.values())
    datasheets: dict[str, set[str]] = {}
    for m in mailbox.messages:
        for attachment in m.attachments:
            if attachment.name.startswith("Datasheet_"):
                datasheets.setdefault(attachment.name, set()).update(a for a, _ in m.to)
    solartech, helio = ({c.email for c in mailbox.orgs[k].contacts} for k in ("solartech", "helio"))
    assert any(solartech & to and helio & to for to in datasheets.values())
    assert mailbox.orgs["karim"].freemail and mailbox.orgs["karim"].domains == ("gmail.com",)


def test_mail_names_its_companies_as_real_trade_mail_does() -> None:
    mailbox = generate(messages=3_000)
    by_address = {c.email: o for o in mailbox.orgs.values() for c in o.contacts}
    subjects = files = displays = signed = chinese = 0
    for mail in mailbox.messages:
        org = by_address.get(mail.to[0][0])
        if org is None:
            continue
        subjects += any(name in mail.subject for name in org.trade)
        files += any(name.split()[0] in a.name for a in mail.attachments for name in org.trade)
        displays += any(f"({org.trade[0]})" in display for _, display in mail.to)
        quoted = mail.body.partition("\n> ")[2]
        signed += bool(quoted) and org.company_lines[0] in quoted
        chinese += bool(quoted) and org.language == "zh" and not org.freemail and "有限公司" in quoted
    assert subjects > 1_000 and files > 300 and displays > 100 and signed > 300 and chinese > 20
    two_domains = [o for o in mailbox.orgs.values() if len({d.split(".")[0] for d in o.domains}) > 1]
    assert two_domains and any(len({c.email.partition("@")[2] for c in o.contacts}) > 1 for o in two_domains)
