"""Built-in multilingual term lists (en, zh, de, es, fr), compiled into the directory automaton.

Terms are written in normal form (see normalize.normalize_text): lower case, ASCII hyphen and apostrophe.
Latin terms only match on word boundaries, so list plural/inflected forms explicitly.
"""

from __future__ import annotations

# Sensitive commercial content (sensitive_external). Categories in HIGH_SENSITIVE_CATEGORIES are "high".
SENSITIVE_TERMS: dict[str, tuple[str, ...]] = {
    "prices": (
        "price", "prices", "unit price", "price list", "pricing", "discount", "quotation", "our offer",
        "价格", "单价", "报价", "价目表", "折扣", "优惠",
        "preis", "preise", "stückpreis", "preisliste", "rabatt", "angebotspreis",
        "precio", "precios", "precio unitario", "lista de precios", "descuento", "cotización",
        "prix", "prix unitaire", "liste de prix", "remise", "tarif", "tarifs",
    ),
    "costs": (
        "cost price", "our cost", "our costs", "purchase price", "factory price", "ex-factory cost",
        "margin", "margins", "markup", "mark-up", "gross profit", "profit margin",
        "成本", "成本价", "进价", "出厂价", "利润", "毛利", "利润率", "底价",
        "einkaufspreis", "selbstkosten", "herstellkosten", "marge", "gewinnspanne", "aufschlag",
        "precio de coste", "precio de costo", "costo de compra", "margen", "margen de beneficio",
        "prix de revient", "prix d'achat", "coût de revient", "marge bénéficiaire",
    ),
    "bank": (
        "iban", "swift", "swift code", "bic", "bank account", "account number", "beneficiary bank",
        "routing number", "bank details",
        "银行账号", "银行账户", "开户行", "收款账户", "收款人账号",
        "bankverbindung", "kontonummer", "bankdaten",
        "cuenta bancaria", "datos bancarios", "número de cuenta",
        "coordonnées bancaires", "rib", "numéro de compte",
    ),
    "terms": (
        "payment terms", "proforma", "proforma invoice", "pro forma invoice", "incoterms", "letter of credit",
        "l/c", "t/t", "deposit", "down payment", "contract terms", "penalty clause",
        "合同", "付款方式", "付款条件", "定金", "预付款", "形式发票", "信用证",
        "zahlungsbedingungen", "lieferbedingungen", "anzahlung", "vertragsbedingungen", "akkreditiv",
        "condiciones de pago", "anticipo", "carta de crédito", "cláusula",
        "conditions de paiement", "acompte", "lettre de crédit", "conditions contractuelles",
    ),
}
HIGH_SENSITIVE_CATEGORIES = frozenset({"costs", "margins", "bank", "cost_margin"})

# Explicit "do not send outside" markers (internal_content_external).
INTERNAL_MARKERS: tuple[str, ...] = (
    "internal only", "for internal use only", "internal use only", "confidential - internal",
    "internal - confidential", "do not forward", "not for customer", "not for the customer",
    "仅限内部", "内部使用", "内部资料", "内部讨论", "请勿外传", "请勿转发", "不要转发给客户",
    "nur intern", "nur für den internen gebrauch", "interne verwendung", "intern - vertraulich",
    "solo uso interno", "uso interno", "sólo para uso interno", "no reenviar",
    "usage interne", "interne uniquement", "strictement interne", "usage interne uniquement", "ne pas transférer",
)

# Remarks colleagues make about a customer that must never reach that customer.
INTERNAL_COMMENTS: tuple[str, ...] = (
    "don't tell the customer", "do not tell the customer", "don't tell them", "between us",
    "our bottom price", "lowest we can go", "walk-away price", "difficult customer", "this customer is",
    "he is difficult", "she is difficult", "they always complain", "bad payer", "slow payer",
    "别告诉客户", "不要告诉客户", "这个客户", "难搞", "难缠", "压价", "客户很麻烦",
    "unter uns", "nicht dem kunden sagen", "schwieriger kunde", "dieser kunde ist",
    "entre nosotros", "no le digas al cliente", "cliente difícil", "este cliente es",
    "entre nous", "ne dis pas au client", "client difficile", "ce client est",
)

# "Something is attached" (missing_attachment).
ATTACHMENT_PHRASES: tuple[str, ...] = (
    "attached", "attachment", "attachments", "enclosed", "please find attached", "see attached",
    "附件", "随附", "附上", "见附件", "附件是", "附档",
    "im anhang", "anbei", "beigefügt", "anhang", "angehängt",
    "adjunto", "adjunta", "adjuntos", "adjuntamos", "archivo adjunto", "te adjunto", "le adjunto",
    "ci-joint", "ci-jointe", "ci-joints", "en pièce jointe", "pièce jointe", "pièces jointes",
)
