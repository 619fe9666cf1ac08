"""Building blocks shared by the case files: a case collector, signatures, footers and quoting styles."""

from __future__ import annotations

from typing import Any

from tests.eval.directory import KNOWN_CORRESPONDENTS, PEOPLE, STAFF, person

Addr = tuple[str, str]
RecipientSpec = str | Addr


def _addr(spec: RecipientSpec) -> Addr:
    if isinstance(spec, tuple):
        return spec
    if spec in PEOPLE or spec in STAFF:
        return person(spec)
    return (spec, "")


class Cases:
    """Collects the cases of one language; ids are numbered in order (de-001, de-002 ...)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.items: list[dict[str, Any]] = []

    def _add(
        self,
        kind: str,
        why: str,
        *,
        sender: str,
        to: list[RecipientSpec],
        subject: str,
        body: str,
        cc: list[RecipientSpec] | tuple[RecipientSpec, ...] = (),
        bcc: list[RecipientSpec] | tuple[RecipientSpec, ...] = (),
        attachments: list[tuple[str, str | None]] | tuple[tuple[str, str | None], ...] = (),
        fmt: str = "text",
        expect: dict[str, str] | None = None,
        absent: list[str] | None = None,
        known: bool | list[str] = False,
    ) -> None:
        case: dict[str, Any] = {
            "id": f"{self.lang}-{len(self.items) + 1:03d}",
            "lang": self.lang,
            "kind": kind,
            "why": why,
            "draft": {
                "from": _addr(sender),
                "to": [_addr(r) for r in to],
                "cc": [_addr(r) for r in cc],
                "bcc": [_addr(r) for r in bcc],
                "subject": subject,
                "body": body,
                "body_format": fmt,
                "attachments": list(attachments),
            },
        }
        if expect:
            case["expect"] = dict(expect)
        if absent:
            case["absent"] = list(absent)
        if known:
            case["known_correspondents"] = list(KNOWN_CORRESPONDENTS) if known is True else list(known)
        self.items.append(case)

    def normal(self, why: str, **kw: Any) -> None:
        self._add("normal", why, **kw)

    def risky(self, why: str, expect: dict[str, str], **kw: Any) -> None:
        self._add("risky", why, expect=expect, **kw)


# --- signatures (bank-free company info, as real signatures carry)
SIG = {
    "alex": (
        "Best regards,\nAlex Chen\nExport Sales Manager\nACME Trade Co., Ltd.\n"
        "18F, Block B, Global Trade Center, 188 Zhongshan East Road, Ningbo 315000, China\n"
        "Tel: +86 574 8765 4321 | Mobile/WhatsApp: +86 138 0574 1234\nwww.acme-trade.example"
    ),
    "tom": (
        "Mit freundlichen Grüßen\nTom Becker\nKey Account Manager DACH\nACME Trade Europe GmbH\n"
        "Große Elbstraße 145, 22767 Hamburg\nTel. +49 40 3070 5512 | Mobil +49 171 4455 667\n"
        "Geschäftsführer: David Liu | Amtsgericht Hamburg HRB 154321 | USt-IdNr. DE 312 456 789"
    ),
    "tom_en": (
        "Kind regards,\nTom Becker\nKey Account Manager Europe\nACME Trade Europe GmbH\n"
        "Große Elbstraße 145, 22767 Hamburg, Germany\nPhone +49 40 3070 5512"
    ),
    "lina": (
        "此致\n敬礼！\n\n王丽娜 Lina Wang\n外贸业务经理\n宁波艾克美贸易有限公司 ACME Trade Co., Ltd.\n"
        "地址：浙江省宁波市鄞州区中山东路188号环球贸易中心B座18楼\n电话：0574-8765 4322  手机/微信：139 5740 8866"
    ),
    "zhangmin": (
        "张敏\n采购与供应链部\n宁波艾克美贸易有限公司\n电话：0574-8765 4330  手机：137 5748 2211\nQQ：2395518870"
    ),
    "sofia": (
        "Un cordial saludo,\nSofía Ruiz\nExport Sales – España y Latinoamérica\n"
        "ACME Trade Europe GmbH – Oficina Madrid\nCalle de Alcalá 265, 28027 Madrid\n"
        "Tel. +34 91 123 45 67 | Móvil +34 612 345 678"
    ),
    "claire": (
        "Cordialement,\nClaire Martin\nResponsable commerciale France & Benelux\nACME Trade Europe GmbH\n"
        "12 rue de la République, 69002 Lyon\nTél. +33 4 72 11 22 33 | Port. +33 6 12 34 56 78"
    ),
}

# --- corporate confidentiality footers (they talk about attachments and confidentiality; nothing is missing)
FOOTER = {
    "en": (
        "CONFIDENTIALITY NOTICE: This e-mail and any attachments are confidential and may be legally privileged. "
        "They are intended solely for the addressee. If you have received this e-mail in error, please notify the "
        "sender immediately and delete it from your system. Any unauthorised use, disclosure or copying of this "
        "e-mail or its attachments is prohibited."
    ),
    "en2": (
        "This message (including any attachments) contains confidential information intended for a specific "
        "individual and purpose, and is protected by law. If you are not the intended recipient, you should delete "
        "this message. Please consider the environment before printing this e-mail."
    ),
    "de": (
        "Diese E-Mail und alle Anhänge sind vertraulich und ausschließlich für den bezeichneten Adressaten bestimmt. "
        "Wenn Sie nicht der richtige Adressat sind oder diese E-Mail irrtümlich erhalten haben, informieren Sie "
        "bitte sofort den Absender und vernichten Sie diese Mail. Das unerlaubte Kopieren sowie die unbefugte "
        "Weitergabe dieser Mail und der beigefügten Dateien sind nicht gestattet."
    ),
    "zh": (
        "本邮件及其附件含有保密信息，仅限于发送给上面地址中列出的个人或群组。禁止任何其他人以任何形式使用"
        "（包括但不限于全部或部分地泄露、复制、或散发）本邮件中的信息。如果您错收了本邮件，请您立即电话或邮件"
        "通知发件人并删除本邮件！"
    ),
    "es": (
        "AVISO DE CONFIDENCIALIDAD: Este mensaje y sus archivos adjuntos van dirigidos exclusivamente a su "
        "destinatario y pueden contener información confidencial. Si usted no es el destinatario indicado, queda "
        "notificado de que la utilización, divulgación o copia sin autorización está prohibida. Si ha recibido este "
        "mensaje por error, le rogamos que nos lo comunique inmediatamente y proceda a su destrucción."
    ),
    "fr": (
        "Ce message et toutes les pièces jointes sont confidentiels et établis à l'intention exclusive de ses "
        "destinataires. Toute utilisation ou diffusion non autorisée est interdite. Si vous avez reçu ce message "
        "par erreur, merci d'en avertir immédiatement l'expéditeur et de le détruire, ainsi que les fichiers joints."
    ),
}


# --- quoting styles of real mail clients
def outlook_quote(lang: str, who: str, date: str, to: str, subject: str, body: str) -> str:
    head = {
        "en": ("From", "Sent", "To", "Subject"),
        "de": ("Von", "Gesendet", "An", "Betreff"),
        "zh": ("发件人", "发送时间", "收件人", "主题"),
        "es": ("De", "Enviado el", "Para", "Asunto"),
        "fr": ("De", "Envoyé", "À", "Objet"),
    }[lang]
    sep = " : " if lang == "fr" else ": "
    return (
        "\n\n________________________________\n"
        f"{head[0]}{sep}{who}\n{head[1]}{sep}{date}\n{head[2]}{sep}{to}\n{head[3]}{sep}{subject}\n\n{body}"
    )


def gmail_quote(intro: str, body: str) -> str:
    """intro is the client's line, e.g. 'On Mon, 23 Nov 2026 at 10:14, X <x@y> wrote:'."""
    quoted = "\n".join(("> " + line) if line else ">" for line in body.splitlines())
    return f"\n\n{intro}\n{quoted}"


def foxmail_quote(who: str, date: str, to: str, subject: str, body: str) -> str:
    return (
        "\n\n------------------ 原始邮件 ------------------\n"
        f"发件人: {who}\n发送时间: {date}\n收件人: {to}\n主题: {subject}\n\n{body}"
    )


def html(paragraphs: str, quoted_html: str = "", intro: str = "") -> str:
    parts = "".join(f"<p>{p}</p>" for p in paragraphs.split("\n\n"))
    quote = ""
    if quoted_html:
        quote = (
            f'<div class="gmail_quote"><div dir="ltr" class="gmail_attr">{intro}</div>'
            f'<blockquote class="gmail_quote" style="margin:0 0 0 .8ex;border-left:1px #ccc solid;padding-left:1ex">'
            f"{quoted_html}</blockquote></div>"
        )
    return f'<html><body><div dir="ltr">{parts}</div>{quote}</body></html>'


# --- trade-fair / newsletter lead lists (unknown importers, none of them in the directory)
LEADS: list[Addr] = [
    ("m.gruber@alpenstrom-handel.at", "Markus Gruber"),
    ("sanne@voltaris.nl", "Sanne Jansen"),
    ("mads.nielsen@greenwatt.dk", "Mads Nielsen"),
    ("erik.lindqvist@nordic-pv.se", "Erik Lindqvist"),
    ("u.meier@helvetia-energie.ch", "Urs Meier"),
    ("tomas@baltic-sun.lt", "Tomas Kazlauskas"),
    ("novak@praha-fotovoltaika.cz", "Jan Novák"),
    ("nagy.zoltan@napelem-kft.hu", "Zoltán Nagy"),
    ("ivan.horvat@adriatic-energy.hr", "Ivan Horvat"),
    ("nikos@athens-pv.gr", "Nikos Papadopoulos"),
    ("rui.costa@lisboa-renovaveis.pt", "Rui Costa"),
    ("sean.murphy@emerald-energy.ie", "Sean Murphy"),
    ("lars@oslo-kraft.no", "Lars Hansen"),
    ("eva.huber@wien-photovoltaik.at", "Eva Huber"),
    ("kaspar@tallinn-power.ee", "Kaspar Tamm"),
    ("andris@saules-paneli.lv", "Andris Ozols"),
    ("andrei.popescu@carpati-energie.ro", "Andrei Popescu"),
    ("g.ivanov@balkan-volt.bg", "Georgi Ivanov"),
    ("mehmet@anadolu-gunes.com.tr", "Mehmet Yılmaz"),
    ("y.benali@atlas-energie.ma", "Youssef Benali"),
    ("grace@savanna-power.co.ke", "Grace Wanjiru"),
    ("chinedu@niger-delta-energy.com.ng", "Chinedu Okafor"),
    ("pieter@cape-renewables.co.za", "Pieter van der Merwe"),
    ("omar.haddad@gulf-sunhub.ae", "Omar Haddad"),
    ("bilal@indus-power.pk", "Bilal Ahmed"),
    ("rahim@bengal-energy.com.bd", "Rahim Uddin"),
    ("an.nguyen@mekong-nangluong.vn", "Nguyen Van An"),
    ("maria.santos@luzon-power.ph", "Maria Santos"),
    ("budi@nusantara-surya.co.id", "Budi Santoso"),
    ("camila.rojas@andes-energia.cl", "Camila Rojas"),
]

__all__ = ["FOOTER", "LEADS", "SIG", "Cases", "foxmail_quote", "gmail_quote", "html", "outlook_quote"]


def pi_text(buyer: str, address: str, number: str, lines: str, total: str, terms: str = "") -> str:
    """Extracted text of a proforma invoice as a PDF export looks after text extraction (no bank block)."""
    return (
        "ACME Trade Co., Ltd.\n18F, Block B, Global Trade Center, Ningbo, China\n"
        f"PROFORMA INVOICE\nPI No.: {number}\nDate: 2026-11-24\n"
        f"Buyer: {buyer}\n{address}\n"
        "Item  Description  Qty  Unit price  Amount\n"
        f"{lines}\nTotal: {total}\n"
        f"Terms: {terms or 'FOB Ningbo, 30% T/T deposit, 70% against copy of B/L'}\n"
        "Delivery: 25 days after deposit. Validity: 15 days."
    )


def quote_text(customer: str, attn: str, number: str, lines: str, incoterm: str = "CIF Hamburg") -> str:
    return (
        f"QUOTATION {number}\nTo: {customer}\nAttn.: {attn}\n"
        f"Price basis: {incoterm}, prices in USD, valid 30 days\n{lines}\n"
        "Lead time: 20-25 days after deposit. Packing: export carton on pallets."
    )
