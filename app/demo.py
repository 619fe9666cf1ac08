"""Demo tenant: Acme Trade, a small exporter of solar and water equipment. Loaded by `make run` only."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session, select

from app.directory import service as directory
from app.directory.schemas import OrganizationCreate
from app.tenants.identity import TenantIdentity
from app.tenants.models import Tenant, User

DEMO_DOMAIN = "acme-trade.example"
ALEX = f"alex@{DEMO_DOMAIN}"
LIN = f"lin.wei@{DEMO_DOMAIN}"
SOFIA = f"sofia.ruiz@{DEMO_DOMAIN}"
ADMIN = f"admin@{DEMO_DOMAIN}"
# The demo team as their sign-in would name them: letters are signed with these names.
TEAM = {ALEX: "Alex Chen", LIN: "Lin Wei", SOFIA: "Sofía Ruiz", ADMIN: "Dana Brooks"}


def _org(
    name: str, kind: str, domains: list[str], contacts: list[tuple[str, str, str]], **extra: Any
) -> dict[str, Any]:
    return {
        "name": name,
        "kind": kind,
        "domains": domains,
        "contacts": [{"name": n, "email": e, "language": lang} for n, e, lang in contacts],
        **extra,
    }


# Two rival groups: German solar distributors, and Latin American water-pump dealers. Their members
# compete with each other, so one must never see another in Cc.
ORGANIZATIONS: list[dict[str, Any]] = [
    _org(
        "SolarTech GmbH",
        "customer",
        ["solartech.example", "solartech.de"],
        [("Michael Schmidt", "m.schmidt@solartech.example", "de"), ("Anna Becker", "a.becker@solartech.example", "de")],
        aliases=["SolarTech", "Solar Tech"],
        rival_group="solar-dach",
        owner_email=ALEX,
        customer_code="C-1001",
        country="DE",
        language="de",
    ),
    _org(
        "SunPeak Energy GmbH",
        "customer",
        ["sunpeak.example"],
        [("Laura Gómez", "l.gomez@sunpeak.example", "de"), ("Jonas Weber", "j.weber@sunpeak.example", "de")],
        aliases=["SunPeak"],
        rival_group="solar-dach",
        owner_email=ALEX,
        customer_code="C-1002",
        country="DE",
        language="de",
    ),
    _org(
        "Helio Handel AG",
        "customer",
        ["helio-handel.example"],
        [("Stefan Müller", "s.mueller@helio-handel.example", "de")],
        aliases=["Helio Handel"],
        rival_group="solar-dach",
        owner_email=LIN,
        customer_code="C-1003",
        country="AT",
        language="de",
    ),
    _org(
        "Alpen Photovoltaik",
        "customer",
        ["alpen-pv.example"],
        [("Claudia Huber", "c.huber@alpen-pv.example", "de")],
        rival_group="solar-dach",
        owner_email=ALEX,
        customer_code="C-1004",
        country="CH",
        language="de",
    ),
    _org(
        "Soleil Distribution SARL",
        "customer",
        ["soleil-distribution.example"],
        [("Camille Laurent", "c.laurent@soleil-distribution.example", "fr")],
        aliases=["Soleil Distribution"],
        rival_group="solar-dach",
        owner_email=SOFIA,
        customer_code="C-1005",
        country="FR",
        language="fr",
    ),
    _org(
        "Bombas Andinas S.A.",
        "customer",
        ["bombasandinas.example"],
        [("Carlos Rodríguez", "c.rodriguez@bombasandinas.example", "es")],
        aliases=["Bombas Andinas"],
        rival_group="latam-pumps",
        owner_email=SOFIA,
        customer_code="C-2001",
        country="CL",
        language="es",
    ),
    _org(
        "AguaSur Ltda.",
        "customer",
        ["aguasur.example"],
        [("Lucía Fernández", "l.fernandez@aguasur.example", "es")],
        aliases=["AguaSur"],
        rival_group="latam-pumps",
        owner_email=SOFIA,
        customer_code="C-2002",
        country="PE",
        language="es",
    ),
    _org(
        "Hidráulica del Norte",
        "customer",
        ["hidronorte.example"],
        [("Diego Martínez", "d.martinez@hidronorte.example", "es")],
        rival_group="latam-pumps",
        owner_email=ALEX,
        customer_code="C-2003",
        country="MX",
        language="es",
    ),
    _org(
        "Pacific Water Solutions",
        "customer",
        ["pacificwater.example"],
        [("Emily Carter", "e.carter@pacificwater.example", "en")],
        rival_group="latam-pumps",
        owner_email=LIN,
        customer_code="C-2004",
        country="US",
        language="en",
    ),
    _org(
        "上海光能科技有限公司",
        "customer",
        ["guangneng.example"],
        [("王伟", "wang.wei@guangneng.example", "zh-CN"), ("李娜", "li.na@guangneng.example", "zh-CN")],
        aliases=["光能科技", "Guangneng Tech"],
        owner_email=LIN,
        customer_code="C-3001",
        country="CN",
        language="zh-CN",
    ),
    _org(
        "Nordic Solar AB",
        "customer",
        ["nordicsolar.example"],
        [("Erik Lindqvist", "erik@nordicsolar.example", "en")],
        owner_email=ALEX,
        customer_code="C-3002",
        country="SE",
        language="en",
    ),
    _org(
        "Desert Sun Trading LLC",
        "prospect",
        ["desertsun.example"],
        [("Omar Haddad", "omar@desertsun.example", "en")],
        owner_email=ALEX,
        country="AE",
        language="en",
    ),
    _org(
        "Blue Ocean Logistics",
        "partner",
        ["blueocean-logistics.example"],
        [("Kevin Tan", "kevin.tan@blueocean-logistics.example", "en")],
        aliases=["Blue Ocean"],
        notes="Freight forwarder: handles customers' PIs and packing lists.",
        language="en",
    ),
    _org(
        "Installateur Meyer & Söhne",
        "partner",
        ["meyer-soehne.example"],
        [("Thomas Meyer", "t.meyer@meyer-soehne.example", "de")],
        aliases=["Meyer & Söhne"],
        notes="Installation partner in Bavaria.",
        country="DE",
        language="de",
    ),
    _org(
        "宁波泵业制造厂",
        "supplier",
        ["nbpump.example"],
        [("陈刚", "chen.gang@nbpump.example", "zh-CN")],
        aliases=["Ningbo Pump"],
        country="CN",
        language="zh-CN",
    ),
    _org(
        "Orient Export Co.",
        "competitor",
        ["orient-export.example"],
        [("Frank Zhou", "frank.zhou@orient-export.example", "en")],
        aliases=["Orient Export"],
        notes="Direct competitor for the DACH solar market.",
        country="CN",
        language="en",
    ),
]


def load_demo_data(session: Session) -> bool:
    """Load the demo tenant if the database holds no tenant yet; returns whether it loaded."""
    if session.exec(select(Tenant)).first() is not None:
        return False
    tenant = Tenant(key=f"dev:{DEMO_DOMAIN}", name="Acme Trade Ltd.", internal_domains=[DEMO_DOMAIN])
    session.add(tenant)
    session.flush()
    identity = TenantIdentity.of(tenant)
    for entry in ORGANIZATIONS:
        directory.create(session, identity, OrganizationCreate.model_validate(entry))
    for email, name in TEAM.items():
        role = "admin" if email == ADMIN else "member"
        session.add(User(tenant_id=tenant.id, subject=f"dev:{email}", email=email, display_name=name, role=role))
    session.commit()
    return True
