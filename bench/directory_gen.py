"""A synthetic trade directory that looks like a real one: the input of `make bench` and `make load`.

Organizations are named in the languages an export business deals in (German, Spanish, French, Italian,
Dutch, Polish, English, Chinese), some with several domains, aliases (short names, pinyin or English names
of Chinese companies), customer codes and rival groups; each has one to six contacts whose names and
address formats follow the organization's language. Deterministic for a given size and seed.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

from app.analysis.directory import ConfusionEntry, ContactEntry, DirectorySnapshot, OrgEntry, OrgKind

INTERNAL_DOMAINS = ("acme-trade.example", "acme-trade.de")
_SYLLABLES = (
    "sol", "ar", "tek", "vol", "ta", "sun", "ner", "gi", "lux", "pan", "el", "nord", "lich", "kraft", "ber",
    "mar", "zen", "ion", "ra", "do", "vi", "qua", "tro", "gen", "ost", "wen", "li", "ka", "mo", "ri",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    tlds: tuple[str, ...]
    descriptors: tuple[str, ...]
    legal: tuple[str, ...]
    first: tuple[str, ...]
    last: tuple[str, ...]


LANGUAGES = (
    Language(
        "de",
        ("de", "at", "ch"),
        ("Solartechnik", "Energie", "Vertrieb", "Handels", "Elektro", "Photovoltaik", "Haustechnik", "Solar"),
        ("GmbH", "GmbH & Co. KG", "AG", "e.K.", "UG"),
        ("Michael", "Katrin", "Stefan", "Julia", "Andreas", "Sabine", "Jürgen", "Claudia", "Tobias", "Anke"),
        ("Schmidt", "Weber", "Müller", "Bauer", "Hoffmann", "Schäfer", "Krüger", "Wagner", "Becker", "Köhler"),
    ),
    Language(
        "es",
        ("es", "com.mx", "cl"),
        ("Energías", "Solar", "Renovables", "Distribuciones", "Instalaciones", "Comercial", "Fotovoltaica"),
        ("S.L.", "S.A.", "S.L.U.", "S.A. de C.V."),
        ("José", "María", "Javier", "Lucía", "Carlos", "Carmen", "Luis", "Elena", "Pablo", "Marta"),
        ("García", "Martín", "López", "Sánchez", "Fernández", "Gómez", "Ruiz", "Díaz", "Moreno", "Núñez"),
    ),
    Language(
        "fr",
        ("fr", "be"),
        ("Énergie", "Solaire", "Distribution", "Électricité", "Habitat", "Systèmes", "Photovoltaïque"),
        ("SARL", "SAS", "S.A.", "EURL"),
        ("Pierre", "Claire", "Julien", "Camille", "Nicolas", "Émilie", "François", "Hélène", "Luc", "Céline"),
        ("Dubois", "Moreau", "Lefèvre", "Laurent", "Girard", "Fournier", "Mercier", "Bonnet", "Rousseau", "Faure"),
    ),
    Language(
        "it",
        ("it",),
        ("Energia", "Solare", "Impianti", "Distribuzione", "Elettrica", "Fotovoltaico", "Tecnologie"),
        ("S.r.l.", "S.p.A.", "S.n.c."),
        ("Marco", "Giulia", "Luca", "Francesca", "Andrea", "Chiara", "Matteo", "Sara", "Paolo", "Elisa"),
        ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Greco", "Conti"),
    ),
    Language(
        "nl",
        ("nl", "be"),
        ("Zonne-energie", "Installatietechniek", "Groothandel", "Energie", "Techniek", "Solar"),
        ("B.V.", "N.V.", "V.O.F."),
        ("Jan", "Anouk", "Pieter", "Sanne", "Daan", "Lotte", "Bram", "Femke", "Joost", "Eva"),
        ("de Jong", "Jansen", "de Vries", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos"),
    ),
    Language(
        "pl",
        ("pl",),
        ("Energia", "Instalacje", "Fotowoltaika", "Hurtownia", "Elektro", "Technika"),
        ("Sp. z o.o.", "S.A.", "Sp.k."),
        ("Piotr", "Anna", "Tomasz", "Katarzyna", "Paweł", "Magdalena", "Michał", "Agnieszka", "Marek", "Ewa"),
        ("Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński", "Szymański"),
    ),
    Language(
        "en",
        ("com", "co.uk", "com.au", "ie"),
        ("Solar", "Energy", "Renewables", "Power", "Electrical", "Trading", "Distribution", "Systems"),
        ("Ltd.", "Limited", "Inc.", "LLC", "Pty Ltd", "PLC"),
        ("James", "Emma", "Oliver", "Sophie", "Daniel", "Laura", "Thomas", "Hannah", "Mark", "Rachel"),
        ("Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Wright", "Hughes", "Clarke"),
    ),
    Language(
        "zh",
        ("cn", "com.cn", "com.hk"),
        ("科技", "新能源", "光伏", "电力", "贸易", "实业", "能源", "电子"),
        ("有限公司", "股份有限公司", "集团有限公司"),
        ("伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "涛", "明"),
        ("王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙"),
    ),
)
# Share of organizations per language (the business sells mostly in Europe, buys in China).
_LANGUAGE_WEIGHTS = (26, 14, 10, 9, 7, 6, 16, 12)
_ZH_PREFIXES = (
    "阳光", "华光", "晶科", "天合", "东方", "金辉", "新源", "中能", "恒泰", "宏远", "博达", "远景", "盛世", "鑫源",
    "永安", "瑞丰", "海纳", "嘉盛", "通达", "明德", "汇川", "兴业", "昌盛", "凯越", "华通", "瑞能", "国泰", "长城",
    "南方", "北辰", "新阳", "天成", "昊天", "正泰", "英利", "隆基", "润阳", "聚能", "安泰", "光明",
)  # fmt: skip
_ZH_GIVEN_PINYIN = ("Wei", "Fang", "Na", "Min", "Jing", "Lei", "Yang", "Yong", "Yan", "Jie", "Tao", "Ming")
_ZH_FAMILY_PINYIN = ("Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Zhou", "Wu", "Xu", "Sun")
_KINDS: tuple[OrgKind, ...] = ("customer",) * 12 + ("prospect",) * 4 + ("partner", "supplier", "supplier", "competitor")
_ROLE_MAILBOXES = ("info", "sales", "einkauf", "compras", "achats", "purchasing", "orders")


def _invented(i: int) -> str:
    """A unique pronounceable word per number (4 syllables in base 30): the distinctive part of a name."""
    parts = []
    for _ in range(4):
        i, digit = divmod(i, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts)


def _ascii(text: str) -> str:
    """How a name is written in an address: "Núñez" -> "nunez", "van den Berg" -> "vandenberg"."""
    text = text.lower().replace("ß", "ss").replace("ł", "l")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and ch.isalnum())


@dataclass(frozen=True, slots=True)
class Directory:
    snapshot: DirectorySnapshot
    users: tuple[str, ...]  # the tenant's own senders (internal addresses)
    contacts_by_org: dict[str, tuple[ContactEntry, ...]]
    rivals_by_org: dict[str, tuple[int, ...]]
    language_by_org: dict[str, Language]


def make_directory(n_orgs: int, n_users: int = 300, seed: int = 7) -> Directory:
    rng = random.Random(seed)
    users = tuple(f"{_user_name(i)}@{INTERNAL_DOMAINS[0]}" for i in range(n_users))
    orgs: list[OrgEntry] = []
    contacts: list[ContactEntry] = []
    languages: dict[str, Language] = {}
    names: set[str] = set()
    chinese = 0
    for i in range(n_orgs):
        language = rng.choices(LANGUAGES, _LANGUAGE_WEIGHTS)[0]
        org = _organization(i, chinese, language, rng, users)
        chinese += language.code == "zh"
        if org.name.casefold() in names:  # a directory holds each name once
            org = _renamed(org, f"{org.name} {org.domains[0].split('.')[0].split('-')[0].capitalize()}")
        names.add(org.name.casefold())
        orgs.append(org)
        languages[org.id] = language
        contacts.extend(_contacts(org, language, rng))
    rivals = _rival_groups(orgs, rng)
    orgs = [_with_group(org, group) for org, group in zip(orgs, rivals.groups, strict=True)]
    by_org: dict[str, list[ContactEntry]] = {}
    for contact in contacts:
        by_org.setdefault(contact.org_id, []).append(contact)
    confusions = tuple(
        ConfusionEntry(intended=a.email, wrong=b.email, count=rng.randint(1, 4))
        for a, b in (rng.sample(contacts, 2) for _ in range(min(500, n_orgs // 20)))
    )
    snapshot = DirectorySnapshot(
        tenant_version=1,
        internal_domains=INTERNAL_DOMAINS,
        organizations=tuple(orgs),
        contacts=tuple(contacts),
        confusions=confusions,
    )
    return Directory(
        snapshot=snapshot,
        users=users,
        contacts_by_org={k: tuple(v) for k, v in by_org.items()},
        rivals_by_org=rivals.members,
        language_by_org=languages,
    )


def _user_name(i: int) -> str:
    first = ("alex", "maria", "tom", "lena", "jonas", "sofia", "felix", "nina", "paul", "mia", "ben", "lea")
    last = ("berger", "keller", "fischer", "wolf", "neumann", "braun", "zimmer", "hartmann", "lange", "krause")
    return f"{first[i % len(first)]}.{last[(i // len(first)) % len(last)]}{i // (len(first) * len(last)) or ''}"


def _organization(i: int, chinese: int, language: Language, rng: random.Random, users: tuple[str, ...]) -> OrgEntry:
    # A permutation of the numbers keeps neighbouring organizations from sharing syllables.
    word = _invented((i * 7919 + 4321) % len(_SYLLABLES) ** 4)
    tld = rng.choice(language.tlds)
    if language.code == "zh":
        name = f"{_chinese_brand(chinese)}{rng.choice(language.descriptors)}{rng.choice(language.legal)}"
        # Chinese suppliers trade abroad under a pinyin-like brand and an English name.
        aliases: tuple[str, ...] = (f"{word.capitalize()} New Energy Co., Ltd.", word.capitalize())
        domain = f"{word}-energy.{tld}"
    else:
        descriptor = rng.choice(language.descriptors)
        name = f"{word.capitalize()} {descriptor} {rng.choice(language.legal)}"
        aliases = ()
        roll = rng.random()
        if roll < 0.2:
            aliases = (word.capitalize(),)
        elif roll < 0.3:
            aliases = (f"{word[:3].upper()} {descriptor}",)
        domain = f"{word}.{tld}"
    domains = [domain]
    if rng.random() < 0.3:
        domains.append(f"{word}-group.com")
    if rng.random() < 0.05:
        domains.append(f"{word}.eu")
    return OrgEntry(
        id=f"org{i}",
        name=name,
        kind=rng.choice(_KINDS),
        domains=tuple(domains),
        aliases=aliases,
        owner_email=rng.choice(users),
        customer_code=f"K-{10000 + i}" if rng.random() < 0.7 else None,
        language=language.code,
    )


def _chinese_brand(i: int) -> str:
    """Two two-character words (and a city beyond 1,600 organizations): unique per number."""
    cities = ("", "深圳", "上海", "杭州", "苏州", "无锡", "宁波", "广州", "厦门", "常州")
    n = len(_ZH_PREFIXES)
    first, second, city = i % n, (i // n) % n, (i // (n * n)) % len(cities)
    return f"{cities[city]}{_ZH_PREFIXES[first]}{_ZH_PREFIXES[(first + second + 1) % n]}"


def _contacts(org: OrgEntry, language: Language, rng: random.Random) -> list[ContactEntry]:
    result = []
    domain = org.domains[0]
    for n in range(rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6))):
        first, last = rng.choice(language.first), rng.choice(language.last)
        if language.code == "zh":
            name = f"{last}{first}"
            local = f"{rng.choice(_ZH_GIVEN_PINYIN).lower()}.{rng.choice(_ZH_FAMILY_PINYIN).lower()}"
        else:
            name = f"{first} {last}"
            style = rng.random()
            local = (
                f"{_ascii(first)}.{_ascii(last)}"
                if style < 0.6
                else f"{_ascii(first)[0]}.{_ascii(last)}"
                if style < 0.85
                else _ascii(first)
            )
        if n == 0 and rng.random() < 0.3:
            local, name = rng.choice(_ROLE_MAILBOXES), ""
        result.append(
            ContactEntry(org_id=org.id, email=f"{local}{n or ''}@{domain}", name=name, language=language.code)
        )
    return result


@dataclass(frozen=True, slots=True)
class _Rivals:
    groups: list[str | None]
    members: dict[str, tuple[int, ...]]


def _rival_groups(orgs: list[OrgEntry], rng: random.Random) -> _Rivals:
    """Four in ten organizations sit in groups of 2-6 competing buyers (same market, same products)."""
    groups: list[str | None] = [None] * len(orgs)
    members: dict[str, tuple[int, ...]] = {}
    order = list(range(len(orgs)))
    rng.shuffle(order)
    position = 0
    limit = int(len(orgs) * 0.4)
    while position < limit:
        size = rng.randint(2, 6)
        chunk = tuple(order[position : position + size])
        position += size
        if len(chunk) < 2:
            break
        name = f"market-{position}"
        for index in chunk:
            groups[index] = name
            members[orgs[index].id] = tuple(other for other in chunk if other != index)
    return _Rivals(groups, members)


def _renamed(org: OrgEntry, name: str) -> OrgEntry:
    return OrgEntry(
        org.id, name, org.kind, org.domains, org.aliases, None, org.owner_email, org.customer_code, org.language
    )


def _with_group(org: OrgEntry, group: str | None) -> OrgEntry:
    if group is None:
        return org
    return OrgEntry(
        id=org.id,
        name=org.name,
        kind=org.kind,
        domains=org.domains,
        aliases=org.aliases,
        rival_group=group,
        owner_email=org.owner_email,
        customer_code=org.customer_code,
        language=org.language,
    )
