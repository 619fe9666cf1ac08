"""A small, realistic directory of a solar-panel trading company, shared by the analysis tests."""

from __future__ import annotations

import pytest

from app.analysis.context import CheckContext, RuleContext, build_context
from app.analysis.directory import ConfusionEntry, ContactEntry, DirectorySnapshot, OrgEntry, PolicyView
from app.analysis.draft import Attachment, Draft, Recipient
from app.analysis.index import DirectoryIndex, build_index

SENDER = "alex@acme-trade.example"

ORGS = (
    OrgEntry(
        "solartech",
        "SolarTech GmbH",
        "customer",
        ("solartech.de",),
        ("Solar Tech",),
        "de-distributors",
        SENDER,
        "ST-1001",
        "de",
    ),
    OrgEntry(
        "sonnenkraft",
        "Sonnenkraft Vertrieb GmbH",
        "customer",
        ("sonnenkraft.de",),
        (),
        "de-distributors",
        SENDER,
        None,
        "de",
    ),
    OrgEntry(
        "iberica",
        "Energía Solar Ibérica S.L.",
        "customer",
        ("energiasolar.es",),
        ("ESI",),
        "es-distributors",
        SENDER,
        None,
        "es",
    ),
    OrgEntry(
        "soleil",
        "Soleil Distribution SARL",
        "customer",
        ("soleil-distribution.fr",),
        (),
        None,
        "bob@acme-trade.example",
        None,
        "fr",
    ),
    OrgEntry("sunnew", "阳光新能源有限公司", "customer", ("sunnew.cn",), ("Sunnew Energy",), None, SENDER, None, "zh"),
    OrgEntry("brightpanel", "BrightPanel Inc.", "competitor", ("brightpanel.com",)),
    OrgEntry("fastfreight", "FastFreight Logistics Ltd.", "partner", ("fastfreight.com",)),
    OrgEntry("panelparts", "PanelParts Co., Ltd.", "supplier", ("panelparts.cn",)),
    OrgEntry("nordlicht", "Nordlicht Energie AG", "prospect", ("nordlicht-energie.de",), (), "de-distributors"),
)
CONTACTS = (
    ContactEntry("solartech", "m.schmidt@solartech.de", "Michael Schmidt", "de"),
    ContactEntry("solartech", "k.bauer@solartech.de", "Katrin Bauer", "de"),
    ContactEntry("sonnenkraft", "a.weber@sonnenkraft.de", "Anna Weber", "de"),
    ContactEntry("iberica", "j.garcia@energiasolar.es", "José García", "es"),
    ContactEntry("soleil", "p.dubois@soleil-distribution.fr", "Pierre Dubois", "fr"),
    ContactEntry("sunnew", "wang.wei@sunnew.cn", "王伟", "zh"),
    ContactEntry("fastfreight", "tom.lee@fastfreight.com", "Tom Lee", "en"),
    ContactEntry("nordlicht", "lena.hoff@nordlicht-energie.de", "Lena Hoff", "de"),
)
CONFUSIONS = (ConfusionEntry("m.schmidt@solartech.de", "m.schmidt@sonnenkraft.de", 2),)


def make_snapshot(policy: PolicyView | None = None, **overrides: object) -> DirectorySnapshot:
    fields: dict[str, object] = {
        "tenant_version": 7,
        "internal_domains": ("acme-trade.example",),
        "organizations": ORGS,
        "contacts": CONTACTS,
        "confusions": CONFUSIONS,
        "policy": policy or PolicyView(),
    }
    fields.update(overrides)
    return DirectorySnapshot(**fields)  # type: ignore[arg-type]


# Built per test (about 10 ms): a session-wide index would be built during one test only, and mutation testing
# would then credit that one test alone with everything the index build does.
@pytest.fixture
def index() -> DirectoryIndex:
    return build_index(make_snapshot())


def rcpt(email: str, name: str = "") -> Recipient:
    return Recipient(email, name)


def draft(
    to: tuple[str, ...] | list[str] = (),
    cc: tuple[str, ...] | list[str] = (),
    bcc: tuple[str, ...] | list[str] = (),
    subject: str = "",
    body: str = "",
    attachments: tuple[str, ...] | list[str] = (),
    *,
    names: dict[str, str] | None = None,
    body_format: str = "text",
    attachment_texts: dict[str, str] | None = None,
    sender: str = SENDER,
) -> Draft:
    """A draft from plain address lists; `names` gives display names, `attachment_texts` extracted text."""
    names = names or {}
    texts = attachment_texts or {}
    return Draft(
        sender=sender,
        to=tuple(rcpt(a, names.get(a, "")) for a in to),
        cc=tuple(rcpt(a, names.get(a, "")) for a in cc),
        bcc=tuple(rcpt(a, names.get(a, "")) for a in bcc),
        subject=subject,
        body=body,
        body_format=body_format,  # type: ignore[arg-type]
        attachments=tuple(Attachment(n, 1000, "application/pdf", texts.get(n)) for n in attachments),
    )


def context_for(d: Draft, idx: DirectoryIndex, check: CheckContext | None = None) -> RuleContext:
    return build_context(d, idx, check or CheckContext())
