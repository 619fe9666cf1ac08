"""The evaluation tenant: ACME Trade, a solar / hardware export trading company (Ningbo HQ, Hamburg office).

Internal domain acme-trade.example. Customers in DE, ES, FR, CN, US, UK, IT, PL, BR, NL, MX, AE; three rival
groups of distributors that compete in one country; prospects, freight forwarders, Chinese factories (suppliers),
installers and agents (partners) and competitors. Written as a sales team's directory looks, not tuned to an engine.
"""

from __future__ import annotations

from app.analysis.directory import ConfusionEntry, ContactEntry, DirectorySnapshot, OrgEntry, PolicyView

INTERNAL = "acme-trade.example"

# Internal salespeople and colleagues: key -> (address, display name)
STAFF: dict[str, tuple[str, str]] = {
    "alex": ("alex.chen@acme-trade.example", "Alex Chen"),
    "lina": ("lina.wang@acme-trade.example", "王丽娜 Lina Wang"),
    "zhangmin": ("zhang.min@acme-trade.example", "张敏"),
    "tom": ("tom.becker@acme-trade.example", "Tom Becker"),
    "sofia": ("sofia.ruiz@acme-trade.example", "Sofía Ruiz"),
    "claire": ("claire.martin@acme-trade.example", "Claire Martin"),
    "david": ("david.liu@acme-trade.example", "David Liu 刘大为"),
    "finance": ("finance@acme-trade.example", "ACME Finance"),
    "logistics": ("logistics@acme-trade.example", "ACME Logistics Desk"),
    "sales": ("sales@acme-trade.example", "ACME Trade Sales"),
}


def _o(
    id: str,
    name: str,
    kind: str,
    domains: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
    rival: str | None = None,
    owner: str | None = None,
    code: str | None = None,
    lang: str | None = None,
) -> OrgEntry:
    return OrgEntry(
        id=id,
        name=name,
        kind=kind,  # type: ignore[arg-type]  # "forwarder" is being added to OrgKind
        domains=domains,
        aliases=aliases,
        rival_group=rival,
        owner_email=STAFF[owner][0] if owner else None,
        customer_code=code,
        language=lang,
    )


ORGS: tuple[OrgEntry, ...] = (
    # --- customers, Germany (rival group: PV distributors in Germany)
    _o(
        "solartech",
        "SolarTech GmbH",
        "customer",
        ("solartech.de", "solartech.com"),
        ("SolarTech", "Solar Tech"),
        "de-pv-distributors",
        "tom",
        "ST-1001",
        "de",
    ),
    _o(
        "helio",
        "Helio Handel GmbH & Co. KG",
        "customer",
        ("helio-handel.de",),
        ("Helio Handel", "HelioHandel"),
        "de-pv-distributors",
        "tom",
        "HH-1002",
        "de",
    ),
    _o(
        "sunpeak",
        "SunPeak Energy GmbH",
        "customer",
        ("sunpeak.de", "sunpeak-energy.com"),
        ("SunPeak", "SunPeak Energy"),
        "de-pv-distributors",
        "alex",
        "SP-1003",
        "de",
    ),
    _o(
        "nordlicht",
        "Nordlicht Elektro GmbH",
        "customer",
        ("nordlicht-elektro.de",),
        ("Nordlicht Elektro",),
        None,
        "tom",
        "NE-1004",
        "de",
    ),
    # --- customers, Spain / Mexico (rival group: distributors in Spain)
    _o(
        "iberica",
        "Energía Solar Ibérica S.L.",
        "customer",
        ("solariberica.es",),
        ("Solar Ibérica", "Solar Iberica"),
        "es-distribuidores",
        "sofia",
        "ES-2001",
        "es",
    ),
    _o(
        "levante",
        "Distribuciones Fotovoltaicas Levante S.L.",
        "customer",
        ("fotolevante.es",),
        ("FotoLevante", "Foto Levante"),
        "es-distribuidores",
        "sofia",
        "ES-2002",
        "es",
    ),
    _o(
        "ferrenorte",
        "Ferretería Industrial del Norte S.A. de C.V.",
        "customer",
        ("ferrenorte.com.mx",),
        ("Ferrenorte",),
        None,
        "sofia",
        "MX-2101",
        "es",
    ),
    # --- customers, France (rival group: distributors in France)
    _o(
        "soleil",
        "Soleil Distribution SARL",
        "customer",
        ("soleil-distribution.fr",),
        ("Soleil Distribution",),
        "fr-distributeurs",
        "claire",
        "FR-3001",
        "fr",
    ),
    _o(
        "evp",
        "Énergie Verte Provence SAS",
        "customer",
        ("energieverte-provence.fr",),
        ("Énergie Verte Provence", "Energie Verte Provence"),
        "fr-distributeurs",
        "claire",
        "FR-3002",
        "fr",
    ),
    _o("batiprox", "Batiprox SAS", "customer", ("batiprox.fr",), ("Batiprox",), None, "claire", "FR-3003", "fr"),
    # --- customers, China (rival group: dealers in East/South China)
    _o(
        "shsunshine",
        "上海阳光新能源有限公司",
        "customer",
        ("sh-sunshine.com.cn",),
        ("上海阳光", "Shanghai Sunshine New Energy", "Shanghai Sunshine"),
        "cn-dealers",
        "lina",
        "CN-4001",
        "zh",
    ),
    _o(
        "huaguang",
        "深圳华光电气有限公司",
        "customer",
        ("hg-electric.cn",),
        ("华光电气", "Huaguang Electric", "Shenzhen Huaguang"),
        "cn-dealers",
        "lina",
        "CN-4002",
        "zh",
    ),
    _o("wenzhouli", "温州小李五金商行", "customer", (), ("小李五金",), None, "zhangmin", "CN-4003", "zh"),
    # --- customers, US / UK / IT / PL / BR / NL / AE
    _o(
        "brightline",
        "Brightline Solar Inc.",
        "customer",
        ("brightlinesolar.com",),
        ("Brightline Solar",),
        "us-distributors",
        "alex",
        "US-5001",
        "en",
    ),
    _o(
        "pacificsun",
        "Pacific Sun Distribution Inc.",
        "customer",
        ("pacificsun-dist.com",),
        ("Pacific Sun Distribution", "Pacific Sun"),
        "us-distributors",
        "alex",
        "US-5003",
        "en",
    ),
    _o(
        "lonestar",
        "Lone Star Hardware Supply LLC",
        "customer",
        ("lonestarhardware.com",),
        ("Lone Star Hardware",),
        None,
        "alex",
        "US-5002",
        "en",
    ),
    _o(
        "albion",
        "Albion Renewables Ltd",
        "customer",
        ("albionrenewables.co.uk",),
        ("Albion Renewables",),
        None,
        "alex",
        "UK-6001",
        "en",
    ),
    _o(
        "thames",
        "Thames Electrical Wholesale Ltd",
        "customer",
        ("thameselectrical.co.uk",),
        ("Thames Electrical",),
        None,
        "alex",
        "UK-6002",
        "en",
    ),
    _o(
        "soleitalia",
        "Sole Italia S.r.l.",
        "customer",
        ("soleitalia.it",),
        ("Sole Italia",),
        None,
        "tom",
        "IT-7001",
        "en",
    ),
    _o(
        "sloneczna",
        "Słoneczna Energia Sp. z o.o.",
        "customer",
        ("sloneczna-energia.pl",),
        ("Słoneczna Energia", "Sloneczna Energia"),
        None,
        "tom",
        "PL-8001",
        "en",
    ),
    _o(
        "soldobrasil",
        "Sol do Brasil Distribuidora Ltda.",
        "customer",
        ("soldobrasil.com.br",),
        ("Sol do Brasil",),
        None,
        "sofia",
        "BR-9001",
        "es",
    ),
    _o(
        "zonnedirect",
        "Zonnepanelen Direct B.V.",
        "customer",
        ("zonnepaneldirect.nl",),
        ("Zonnepanelen Direct",),
        None,
        "tom",
        "NL-6101",
        "en",
    ),
    _o("karim", "Karim General Trading LLC", "customer", (), ("Karim Trading",), None, "alex", "AE-9501", "en"),
    # --- prospects
    _o(
        "nordsonne",
        "Nordsonne Energie GmbH",
        "prospect",
        ("nordsonne.de",),
        ("Nordsonne",),
        "de-pv-distributors",
        "tom",
        None,
        "de",
    ),
    _o(
        "andalucia",
        "Solaris Andalucía S.L.",
        "prospect",
        ("solarisandalucia.es",),
        ("Solaris Andalucía",),
        "es-distribuidores",
        "sofia",
        None,
        "es",
    ),
    _o(
        "tianfu",
        "成都天府光伏工程有限公司",
        "prospect",
        ("tfpv.com.cn",),
        ("天府光伏", "Tianfu PV"),
        None,
        "lina",
        None,
        "zh",
    ),
    _o(
        "lumiere",
        "Lumière Habitat SARL",
        "prospect",
        ("lumiere-habitat.fr",),
        ("Lumière Habitat",),
        None,
        "claire",
        None,
        "fr",
    ),
    _o(
        "greenfield",
        "Greenfield Power Ltd",
        "prospect",
        ("greenfieldpower.co.uk",),
        ("Greenfield Power",),
        None,
        "alex",
        None,
        "en",
    ),
    # --- freight forwarders
    _o(
        "kuehne",
        "Kuehne Logistics GmbH",
        "forwarder",
        ("kuehne-logistics.de",),
        ("Kuehne Logistics",),
        None,
        None,
        None,
        "de",
    ),
    _o(
        "yuanhang",
        "宁波远航国际货运代理有限公司",
        "forwarder",
        ("yh-freight.com",),
        ("远航货代", "Yuanhang Freight", "Ningbo Yuanhang"),
        None,
        None,
        None,
        "zh",
    ),
    _o(
        "transiberia",
        "TransIberia Logística S.L.",
        "forwarder",
        ("transiberia.es",),
        ("TransIberia",),
        None,
        None,
        None,
        "es",
    ),
    _o(
        "transmed",
        "Transitaire Méditerranée SAS",
        "forwarder",
        ("transmed-fret.fr",),
        ("TransMed Fret",),
        None,
        None,
        None,
        "fr",
    ),
    # --- suppliers (our factories)
    _o(
        "henghui",
        "常州恒辉光伏科技有限公司",
        "supplier",
        ("henghui-pv.com",),
        ("恒辉光伏", "Henghui PV"),
        None,
        None,
        None,
        "zh",
    ),
    _o(
        "ruida",
        "宁波锐达五金制品有限公司",
        "supplier",
        ("ruida-hardware.com",),
        ("锐达五金", "Ruida Hardware"),
        None,
        None,
        None,
        "zh",
    ),
    _o(
        "jingneng",
        "厦门晶能支架有限公司",
        "supplier",
        ("jn-mounting.com",),
        ("晶能支架", "Jingneng Mounting"),
        None,
        None,
        None,
        "zh",
    ),
    # --- partners (installers, agents, inspection)
    _o(
        "keller",
        "Montagebau Keller GmbH",
        "partner",
        ("keller-montage.de",),
        ("Montagebau Keller",),
        None,
        None,
        None,
        "de",
    ),
    _o(
        "duarte",
        "Agencia Comercial Duarte",
        "partner",
        ("duarte-agencia.es",),
        ("Agencia Duarte",),
        None,
        None,
        None,
        "es",
    ),
    _o(
        "bretagne",
        "Bretagne Pose Solaire SARL",
        "partner",
        ("bretagne-pose.fr",),
        ("Bretagne Pose Solaire",),
        None,
        None,
        None,
        "fr",
    ),
    _o(
        "qualicheck",
        "Qualicheck Inspection Ltd",
        "partner",
        ("qualicheck.com.hk",),
        ("Qualicheck",),
        None,
        None,
        None,
        "en",
    ),
    # --- competitors
    _o("sinosolar", "Sino Solar Export Co., Ltd.", "competitor", ("sinosolar-export.com",), ("Sino Solar Export",)),
    _o("eurovolt", "EuroVolt Trading GmbH", "competitor", ("eurovolt-trading.de",), ("EuroVolt",)),
    _o("huadong", "华东光伏进出口有限公司", "competitor", ("hd-pvexport.com",), ("华东光伏",)),
)

# key -> (org id, address, display name, language)
PEOPLE: dict[str, tuple[str, str, str, str]] = {
    # SolarTech
    "schmidt": ("solartech", "m.schmidt@solartech.de", "Michael Schmidt", "de"),
    "weber": ("solartech", "a.weber@solartech.de", "Anna Weber", "de"),
    "st_einkauf": ("solartech", "einkauf@solartech.com", "SolarTech Einkauf", "de"),
    # Helio Handel
    "fischer": ("helio", "j.fischer@helio-handel.de", "Julia Fischer", "de"),
    "wagner": ("helio", "s.wagner@helio-handel.de", "Stefan Wagner", "de"),
    # SunPeak
    "mueller": ("sunpeak", "t.mueller@sunpeak.de", "Thomas Müller", "de"),
    "hoffmann": ("sunpeak", "k.hoffmann@sunpeak-energy.com", "Katrin Hoffmann", "de"),
    # Nordlicht
    "schneider": ("nordlicht", "l.schneider@nordlicht-elektro.de", "Lukas Schneider", "de"),
    # Iberica
    "garcia": ("iberica", "laura.garcia@solariberica.es", "Laura García", "es"),
    "lopez": ("iberica", "j.lopez@solariberica.es", "Javier López", "es"),
    # Levante
    "martinez": ("levante", "cmartinez@fotolevante.es", "Carlos Martínez", "es"),
    "sanchez": ("levante", "msanchez@fotolevante.es", "Marta Sánchez", "es"),
    # Ferrenorte
    "ramirez": ("ferrenorte", "aramirez@ferrenorte.com.mx", "Alejandro Ramírez", "es"),
    # Soleil
    "dupont": ("soleil", "j.dupont@soleil-distribution.fr", "Jean Dupont", "fr"),
    "bernard": ("soleil", "s.bernard@soleil-distribution.fr", "Sophie Bernard", "fr"),
    # EVP
    "lefevre": ("evp", "p.lefevre@energieverte-provence.fr", "Pierre Lefèvre", "fr"),
    "moreau": ("evp", "c.moreau@energieverte-provence.fr", "Camille Moreau", "fr"),
    # Batiprox
    "girard": ("batiprox", "n.girard@batiprox.fr", "Nicolas Girard", "fr"),
    # Shanghai Sunshine
    "wangwei": ("shsunshine", "wangwei@sh-sunshine.com.cn", "王伟", "zh"),
    "lina_c": ("shsunshine", "lina@sh-sunshine.com.cn", "李娜", "zh"),
    # Huaguang
    "chenjing": ("huaguang", "chenjing@hg-electric.cn", "陈静", "zh"),
    "liuyang": ("huaguang", "liuyang@hg-electric.cn", "刘洋", "zh"),
    # Wenzhou Li (freemail customer)
    "liming": ("wenzhouli", "liming_hardware@qq.com", "李明", "zh"),
    # US / UK / IT / PL / BR / NL / AE
    "johnson": ("brightline", "ejohnson@brightlinesolar.com", "Emily Johnson", "en"),
    "miller": ("brightline", "dmiller@brightlinesolar.com", "David Miller", "en"),
    "jlee": ("pacificsun", "jennifer.lee@pacificsun-dist.com", "Jennifer Lee", "en"),
    "davis": ("lonestar", "rdavis@lonestarhardware.com", "Robert Davis", "en"),
    "osmith": ("albion", "o.smith@albionrenewables.co.uk", "Oliver Smith", "en"),
    "taylor": ("albion", "c.taylor@albionrenewables.co.uk", "Charlotte Taylor", "en"),
    "wilson": ("thames", "g.wilson@thameselectrical.co.uk", "George Wilson", "en"),
    "rossi": ("soleitalia", "m.rossi@soleitalia.it", "Marco Rossi", "en"),
    "bianchi": ("soleitalia", "g.bianchi@soleitalia.it", "Giulia Bianchi", "en"),
    "kowalski": ("sloneczna", "p.kowalski@sloneczna-energia.pl", "Piotr Kowalski", "en"),
    "silva": ("soldobrasil", "joao.silva@soldobrasil.com.br", "João Silva", "es"),
    "devries": ("zonnedirect", "d.devries@zonnepaneldirect.nl", "Daan de Vries", "en"),
    "karim": ("karim", "ahmed.karim.trading@gmail.com", "Ahmed Karim", "en"),
    # prospects
    "braun": ("nordsonne", "f.braun@nordsonne.de", "Felix Braun", "de"),
    "fernandez": ("andalucia", "lucia.fernandez@solarisandalucia.es", "Lucía Fernández", "es"),
    "zhaolei": ("tianfu", "zhaolei@tfpv.com.cn", "赵磊", "zh"),
    "petit": ("lumiere", "e.petit@lumiere-habitat.fr", "Élodie Petit", "fr"),
    "brown": ("greenfield", "james.brown@greenfieldpower.co.uk", "James Brown", "en"),
    # forwarders
    "krueger": ("kuehne", "s.krueger@kuehne-logistics.de", "Sabine Krüger", "de"),
    "kuehne_ops": ("kuehne", "export.ops@kuehne-logistics.de", "Kuehne Export Ops", "de"),
    "sunli": ("yuanhang", "sunli@yh-freight.com", "孙丽", "zh"),
    "yh_docs": ("yuanhang", "docs@yh-freight.com", "远航单证部", "zh"),
    "torres": ("transiberia", "m.torres@transiberia.es", "Miguel Torres", "es"),
    "garnier": ("transmed", "l.garnier@transmed-fret.fr", "Luc Garnier", "fr"),
    # suppliers
    "zhouqiang": ("henghui", "zhouqiang@henghui-pv.com", "周强", "zh"),
    "xuyan": ("henghui", "sales@henghui-pv.com", "徐艳 Amy Xu", "zh"),
    "wugang": ("ruida", "wugang@ruida-hardware.com", "吴刚", "zh"),
    "huanglei": ("jingneng", "huanglei@jn-mounting.com", "黄磊", "zh"),
    # partners
    "keller": ("keller", "a.keller@keller-montage.de", "Andreas Keller", "de"),
    "duarte": ("duarte", "pablo@duarte-agencia.es", "Pablo Duarte", "es"),
    "legall": ("bretagne", "y.legall@bretagne-pose.fr", "Yann Le Gall", "fr"),
    "kwong": ("qualicheck", "kevin.wong@qualicheck.com.hk", "Kevin Wong", "en"),
    # competitors
    "mikezhang": ("sinosolar", "mike@sinosolar-export.com", "Mike Zhang", "en"),
    "zimmermann": ("eurovolt", "r.zimmermann@eurovolt-trading.de", "Ralf Zimmermann", "de"),
    "qiancheng": ("huadong", "qiancheng@hd-pvexport.com", "钱程", "zh"),
}

CONTACTS: tuple[ContactEntry, ...] = tuple(
    ContactEntry(org_id=org, email=email, name=name, language=lang) for org, email, name, lang in PEOPLE.values()
)

# Learned from earlier incidents: mail meant for `intended` went to `wrong`.
CONFUSIONS: tuple[ConfusionEntry, ...] = (
    ConfusionEntry(intended="laura.garcia@solariberica.es", wrong="laura.garcia.m@gmail.com", count=2),
    ConfusionEntry(intended="j.dupont@soleil-distribution.fr", wrong="jean.dupont@orange.fr", count=1),
    ConfusionEntry(intended="t.mueller@sunpeak.de", wrong="t.mueller@muellerbau-gmbh.de", count=1),
    ConfusionEntry(intended="chenjing@hg-electric.cn", wrong="chenjing1988@163.com", count=3),
    ConfusionEntry(intended="o.smith@albionrenewables.co.uk", wrong="oliver.smith@btinternet.com", count=1),
)


def snapshot() -> DirectorySnapshot:
    return DirectorySnapshot(
        tenant_version=1,
        internal_domains=(INTERNAL,),
        organizations=ORGS,
        contacts=CONTACTS,
        confusions=CONFUSIONS,
        policy=PolicyView(),
    )


def person(key: str) -> tuple[str, str]:
    """(address, display name) of a directory contact or an internal colleague."""
    if key in STAFF:
        return STAFF[key]
    _, email, name, _ = PEOPLE[key]
    return email, name


# Addresses we have written to before (the sent-mail history passed as known_correspondents when a case asks).
KNOWN_CORRESPONDENTS: tuple[str, ...] = tuple(email for _, email, _, _ in PEOPLE.values()) + tuple(
    email for email, _ in STAFF.values()
)
