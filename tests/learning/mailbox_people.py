"""Names, companies and countries of the synthetic sent mailbox (tests/learning/mailbox_gen.py)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Culture:
    language: str
    countries: tuple[tuple[str, str], ...]  # (ISO country, ccTLD of company domains)
    legal: tuple[str, ...]
    first: tuple[str, ...]
    last: tuple[str, ...]
    freemail: tuple[str, ...]
    company_words: tuple[str, ...]


CULTURES: tuple[Culture, ...] = (
    Culture(
        "de",
        (("DE", "de"), ("AT", "at")),
        ("GmbH", "AG", "GmbH & Co. KG"),
        ("Anna", "Lukas", "Jonas", "Katrin", "Stefan", "Julia", "Markus", "Sabine", "Tobias", "Petra", "Jürgen"),
        ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Koch", "Köhler"),
        ("gmail.com", "outlook.com", "web.de", "gmx.de"),
        ("Handel", "Solartechnik", "Energie", "Elektro"),
    ),
    Culture(
        "fr",
        (("FR", "fr"), ("BE", "be")),
        ("SARL", "SAS", "S.A."),
        ("Camille", "Julien", "Sophie", "Nicolas", "Claire", "Antoine", "Élodie", "Mathieu", "Hélène", "Luc"),
        ("Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Rousseau", "Faure", "Mercier"),
        ("gmail.com", "outlook.com", "yahoo.fr", "orange.fr"),
        ("Énergie", "Distribution", "Solaire", "Habitat"),
    ),
    Culture(
        "es",
        (("ES", "es"), ("MX", "com.mx")),
        ("S.L.", "S.A.", "S.A. de C.V."),
        ("María", "José", "Carmen", "Javier", "Lucía", "Alejandro", "Sofía", "Diego", "Elena", "Pablo"),
        ("García", "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Fernández", "Ruiz", "Núñez", "Díaz"),
        ("gmail.com", "hotmail.com", "yahoo.es", "outlook.com"),
        ("Importaciones", "Energías", "Distribuciones", "Solar"),
    ),
    Culture(
        "zh",
        (("CN", "cn"), ("CN", "com.cn")),
        ("Co., Ltd.", "Trading Co., Ltd.", "Technology Co., Ltd."),
        ("Wei", "Fang", "Lei", "Jing", "Min", "Yan", "Tao", "Hui", "Qiang", "Xiu"),
        ("Zhang", "Wang", "Li", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu"),
        ("qq.com", "163.com", "126.com", "sina.com"),
        ("Trading", "New Energy", "Solar", "Electric"),
    ),
    Culture(
        "en",
        (("GB", "co.uk"), ("US", "com")),
        ("Ltd", "Inc.", "LLC"),
        ("James", "Emma", "Oliver", "Sarah", "Thomas", "Emily", "Daniel", "Laura", "George", "Hannah"),
        ("Smith", "Jones", "Taylor", "Brown", "Wilson", "Evans", "Walker", "Clarke", "Hughes", "Wright"),
        ("gmail.com", "outlook.com", "yahoo.com", "hotmail.co.uk"),
        ("Solar", "Energy", "Supplies", "Power"),
    ),
)
CULTURE_BY_LANGUAGE = {c.language: c for c in CULTURES}
CHINESE_CITIES = ("Ningbo", "Shenzhen", "Xiamen", "Hangzhou", "Suzhou", "Foshan")
CITY_HANZI = {
    "Ningbo": "宁波",
    "Shenzhen": "深圳",
    "Xiamen": "厦门",
    "Hangzhou": "杭州",
    "Suzhou": "苏州",
    "Foshan": "佛山",
}
# A Chinese company's own name is a two-character brand between its city and its trade: 宁波阳光贸易有限公司.
BRAND_CHARS = "阳光华恒辉锐达晶能天府远航新源明东盛金泰宏瑞德海星"
TRADE_HANZI = {"Trading": "贸易", "New Energy": "新能源", "Solar": "光伏", "Electric": "电气"}
HANZI = {
    "Zhang": "张", "Wang": "王", "Li": "李", "Liu": "刘", "Chen": "陈", "Yang": "杨", "Zhao": "赵", "Huang": "黄",
    "Zhou": "周", "Wu": "吴", "Wei": "伟", "Fang": "芳", "Lei": "磊", "Jing": "静", "Min": "敏", "Yan": "燕",
    "Tao": "涛", "Hui": "慧", "Qiang": "强", "Xiu": "秀",
}  # fmt: skip
SYLLABLES = (
    "sol", "ar", "tek", "vol", "ta", "sun", "ner", "gi", "lux", "pan", "el", "nord", "lich", "kraft", "ber",
    "mar", "zen", "ion", "ra", "do", "vi", "qua", "tro", "gen", "ost", "wen", "li", "ka", "mo", "ri", "hel",
    "io", "ven", "tus", "ami", "co", "sta", "fer", "ro", "na",
)  # fmt: skip
SALES_TEAM = (
    ("Lena Hartmann", "lena.hartmann"),
    ("Chen Jie", "chen.jie"),
    ("Marco Rossi", "marco.rossi"),
    ("Sophie Laurent", "sophie.laurent"),
    ("David Miller", "david.miller"),
)
INTERNAL_DOMAIN = "brightsun-export.com"
INTERNAL_HELPERS = ("logistics", "finance", "orders")
PRODUCTS = ("SP450", "HX10", "BT5", "MR2", "EV22", "CB6")
PRODUCT_LINES = {
    "SP450": "SP-450 mono panel",
    "HX10": "HX-10 hybrid inverter",
    "BT5": "BT-5 battery",
    "MR2": "MR-2 mounting rail",
    "EV22": "EV-22 wallbox",
    "CB6": "CB-6 cable kit",
}


def ascii_name(text: str) -> str:
    """Address-friendly spelling of a name: "Müller" -> "mueller", "Élodie" -> "elodie"."""
    import unicodedata

    text = text.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae").replace("ß", "ss")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if ch.isascii() and (ch.isalnum() or ch in ".-")).lower()


def chinese_company_name(city: str, brand: str, trade: str) -> str:
    return f"{CITY_HANZI[city]}{brand}{TRADE_HANZI.get(trade, '科技')}有限公司"
