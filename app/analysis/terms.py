"""Built-in multilingual term lists (en, zh, de, es, fr), compiled into the directory automaton.

Terms are written in normal form (see normalize.normalize_text): lower case, ASCII hyphen and apostrophe.
Latin terms only match on word boundaries, so list plural/inflected forms explicitly.
"""

from __future__ import annotations

# Sensitive commercial content (sensitive_external). Categories in HIGH_SENSITIVE_CATEGORIES are "high".
SENSITIVE_TERMS: dict[str, tuple[str, ...]] = {
    "prices": (
        "price",
        "prices",
        "unit price",
        "price list",
        "pricing",
        "factory price",
        "ex-factory price",
        "出厂价",
        "discount",
        "quotation",
        "our offer",
        "价格",
        "单价",
        "报价",
        "价目表",
        "折扣",
        "优惠",
        "preis",
        "preise",
        "stückpreis",
        "preisliste",
        "rabatt",
        "angebotspreis",
        "precio",
        "precios",
        "precio unitario",
        "lista de precios",
        "descuento",
        "cotización",
        "prix",
        "prix unitaire",
        "liste de prix",
        "remise",
        "tarif",
        "tarifs",
    ),
    "costs": (
        "cost price",
        "our cost",
        "our costs",
        "our purchase price",
        "ex-factory cost",
        "our margin",
        "our margins",
        "gross margin",
        "our markup",
        "our mark-up",
        "gross profit",
        "profit margin",
        "成本价",
        "我们的成本",
        "我司成本",
        "我方成本",
        "采购成本",
        "进货成本",
        "进价",
        "我们的利润",
        "毛利",
        "利润率",
        "底价",
        "unser einkaufspreis",
        "unseren einkaufspreis",
        "unsere einkaufspreise",
        "selbstkosten",
        "herstellkosten",
        "einstandspreis",
        "unser einstandspreis",
        "zahlen wir ab werk",
        "schlagen nur",
        "schlagen wir nur",
        "berechnet uns",
        "berechnet uns das werk",
        "the factory charges us",
        "la fábrica nos cobra",
        "la fábrica nos lo cobra",
        "le sacamos",
        "solo le sacamos",
        "ganamos solo",
        "solo ganamos",
        "l'usine nous facture",
        "nous ne gardons que",
        "nous ne prenons que",
        "nous ne gagnons que",
        "工厂给我们的价格",
        "我们只赚",
        "unsere marge",
        "unserer marge",
        "gewinnspanne",
        "precio de coste",
        "precio de costo",
        "nuestro costo de compra",
        "nuestro margen",
        "nuestros márgenes",
        "margen de beneficio",
        "prix de revient",
        "notre prix d'achat",
        "coût de revient",
        "notre marge",
        "nos marges",
        "marge bénéficiaire",
    ),
    "bank": (
        "iban",
        "swift code",
        "swift/bic",
        "swift bic",
        "bic",
        "bank account",
        "account number",
        "account no",
        "a/c no",
        "beneficiary",
        "beneficiary account",
        "beneficiary bank",
        "routing number",
        "bank details",
        "银行账号",
        "银行账户",
        "开户行",
        "收款账户",
        "收款人账号",
        "bankverbindung",
        "kontonummer",
        "bankdaten",
        "cuenta bancaria",
        "datos bancarios",
        "número de cuenta",
        "coordonnées bancaires",
        "rib",
        "numéro de compte",
    ),
    "terms": (
        "payment terms",
        "proforma",
        "proforma invoice",
        "pro forma invoice",
        "incoterms",
        "letter of credit",
        "l/c",
        "t/t",
        "deposit",
        "down payment",
        "contract terms",
        "penalty clause",
        "合同",
        "付款方式",
        "付款条件",
        "定金",
        "预付款",
        "形式发票",
        "信用证",
        "zahlungsbedingungen",
        "lieferbedingungen",
        "anzahlung",
        "vertragsbedingungen",
        "akkreditiv",
        "condiciones de pago",
        "anticipo",
        "carta de crédito",
        "cláusula",
        "conditions de paiement",
        "acompte",
        "lettre de crédit",
        "conditions contractuelles",
    ),
}
HIGH_SENSITIVE_CATEGORIES = frozenset({"costs", "margins", "bank", "cost_margin"})

# Margin and purchase-price words are ours unless they belong to the reader: "we keep a 6% margin" leaks,
# "your margin stays healthy" and "给您留足利润空间" sell. Matched in what the sender wrote, each occurrence
# read with the few words before it (sensitive rule).
AMBIGUOUS_COSTS = (
    r"\b(?:margins?|mark-?ups?|purchase (?:price|cost)s?|buying price|marge|margen|márgenes|gewinnspanne|einkaufspreis"
    r"|einkaufspreise|coste de compra|costo de compra|prix d'achat|factory charges us)\b|利润|毛利|进货价"
)
# The reader's word at most two words before ("your margin", "gives you a healthy margin", "给您留足利润").
THEIR_POSSESSIVES = (
    r"(?:\b(?:your|you|yours|ihre|ihrer|ihren|ihrem|ihnen|sie|su|sus|usted|ustedes|votre|vos|vous|te|tu|tus)\s+"
    r"(?:[\w%-]+\s+){0,2}|(?:您|你|贵司|贵公司).{0,4})$"
)
# ... and what comes after ("a margin of error", "Marge für Sie").
THEIR_AFTER = r"^\W*(?:of error|for you|for your|für sie|für ihr|para usted|para ti|pour vous|空间|给您)"

# Explicit "do not send outside" markers (internal_content_external).
INTERNAL_MARKERS: tuple[str, ...] = (
    "internal only",
    "for internal use only",
    "internal use only",
    "confidential - internal",
    "internal - confidential",
    "do not forward",
    "not for customer",
    "not for the customer",
    "仅限内部",
    "内部使用",
    "内部资料",
    "内部讨论",
    "请勿外传",
    "请勿转发",
    "不要转发给客户",
    "nur intern",
    "nur für den internen gebrauch",
    "interne verwendung",
    "intern - vertraulich",
    "solo uso interno",
    "uso interno",
    "sólo para uso interno",
    "no reenviar",
    "usage interne",
    "interne uniquement",
    "strictement interne",
    "usage interne uniquement",
    "ne pas transférer",
    # notes meant to be removed before the mail goes out
    "note to self",
    "[internal]",
    "(internal)",
    "internal:",
    "intern:",
    "[intern]",
    "(intern)",
    "interne:",
    "interne :",
    "[interne]",
    "(interne)",
    "interno:",
    "[interno]",
    "内部：",
    "内部:",
    "【内部】",
    "internal note",
    "internal notes",
    "remove before sending",
    "delete before sending",
    "内部备注",
    "内部信息",
    "内部参考",
    "仅供内部",
    "发送前删除",
    "发出前删除",
    "发送前请删除",
    "interne notiz",
    "interner hinweis",
    "vor dem versenden löschen",
    "vor versand löschen",
    "nota interna",
    "borrar antes de enviar",
    "eliminar antes de enviar",
    "note interne",
    "à supprimer avant envoi",
    "supprimer avant envoi",
)

# Remarks colleagues make about a customer that must never reach that customer.
INTERNAL_COMMENTS: tuple[str, ...] = (
    "don't tell the customer",
    "do not tell the customer",
    "don't tell them",
    "between us",
    "our bottom price",
    "lowest we can go",
    "walk-away price",
    "difficult customer",
    "this customer is",
    "he is difficult",
    "she is difficult",
    "they always complain",
    "bad payer",
    "slow payer",
    "pays late",
    "always pays late",
    "paid late again",
    "zahlt schleppend",
    "zahlt spät",
    "zahlt immer spät",
    "schlechte zahlungsmoral",
    "paie en retard",
    "paie toujours en retard",
    "mauvais payeur",
    "paga tarde",
    "siempre paga tarde",
    "mal pagador",
    "this guy",
    "dieser typ",
    "ce type",
    "este tipo",
    "付款慢",
    "付款拖拉",
    "老拖款",
    "经常拖款",
    "别告诉客户",
    "不要告诉客户",
    "这个客户",
    "难搞",
    "难缠",
    "压价",
    "客户很麻烦",
    "unter uns",
    "nicht dem kunden sagen",
    "schwieriger kunde",
    "dieser kunde ist",
    "entre nosotros",
    "no le digas al cliente",
    "cliente difícil",
    "este cliente es",
    "entre nous",
    "ne dis pas au client",
    "client difficile",
    "ce client est",
)

# "Something is attached" (missing_attachment).
ATTACHMENT_PHRASES: tuple[str, ...] = (
    "attached",
    "attachment",
    "attachments",
    "enclosed",
    "please find attached",
    "see attached",
    "附件",
    "随附",
    "附上",
    "见附件",
    "附件是",
    "请查收",
    "附件请查收",
    "附档",
    "im anhang",
    "anbei",
    "beigefügt",
    "anhang",
    "angehängt",
    "adjunto",
    "adjunta",
    "adjuntos",
    "adjuntamos",
    "archivo adjunto",
    "te adjunto",
    "le adjunto",
    "ci-joint",
    "ci-jointe",
    "ci-joints",
    "en pièce jointe",
    "pièce jointe",
    "pièces jointes",
    "attaching",
    "anlage",
    "anlagen",
    "anexo",
    "anexamos",
    "joins",
    "joignons",
    "查收",
    "附寄",
)

# What says "attached to this mail" (normalized text). The words above alone do not: 附件 are also a
# bracket's fittings, "adjunto" a deputy, "Anlage" a PV plant, and "attached" a garage.
_DOC = (
    r"(?:file|document|pdf|quotation|quote|offer|pi|proforma|invoice|contract|agreement|list|drawing|datasheet"
    r"|data sheet|catalog|catalogue|spec|specification|excel|sheet|form|certificate|report|photo|picture|order|po"
    r"|packing list|price list|presentation|brochure|copy|scan|version|draft|proposal|plan|schedule|layout|spreadsheet)"
)
ATTACHMENT_CLAIMS: tuple[str, ...] = (
    r"\b(?:find|see|check|open|refer to|review)\s+(?:the\s+|our\s+|my\s+)?(?:attached|enclosed|attachments?)\b",
    r"\battached\s+(?:is|are|please|pls|you|herewith|here|for|the|our|your|my|a|an|pi|file|files)\b",
    r"\b(?:i|we)(?:'ve|'ll|'d| have| had| hereby| also)?\s+(?:attached|enclosed|attach|enclose)\b",
    r"\b(?:i am|we are|i'm|we're)\s+(?:also\s+)?(?:attaching|enclosing)\b|^\s*attaching\b",
    rf"\b(?:the|this|these|our|my)\s+(?:attached|enclosed)\s+(?:[\w-]+\s+)?{_DOC}s?\b",
    r"\b(?:in|with|per|as per)\s+(?:the\s+)?attachments?\b|\battachments?\s*[:：]",
    r"\benclosed\s+(?:is|are|please|you|herewith|the|our|a|an|pls)\b|\bas attached\b|\battached herewith\b",
    rf"\b{_DOC}s?\s+(?:is\s+|are\s+)?(?:attached|enclosed)\b",
    # German
    r"\banbei\b|\bim anhang\b|\bals anhang\b|\bals anlage\b|\b(?:anhang|anlagen?)\s*[:：]",
    # "In der Anlage sind 540 Module" is the PV plant; "in der Anlage finden Sie" the enclosure
    r"\bin der anlage\s+(?:finden|erhalten|sende|senden|übersende|übersenden|schicke|schicken|übermittle)\b"
    r"|\b(?:finden|erhalten) sie (?:[\w-]+\s+){0,5}?in der anlage\b",
    r"\b(?:beigefügt|angehängt)\b",
    # Spanish
    r"(?:^|[\s¿¡])(?:le |les |te |os |se )?adjunt(?:o|a|amos|an)\s+(?:la|el|los|las|le|les|te|su|sus|nuestr\w+|mi|mis"
    r"|un|una|copia|documento|archivo|factura|cotización|oferta|pi|lista|presupuesto|contrato|pedido|fotos?|planos?"
    r"|catálogo|ficha)\b",
    r"\b(?:le|te|les|os)\s+adjunt\w*|\badjuntamos\b|\ben (?:el |los )?(?:archivo |documento )?adjuntos?\b",
    r"\b(?:archivo|documento|fichero)s?\s+adjunt\w*|\bencontrar\w*\s+adjunt\w*|\bcomo adjunto\b"
    r"|\badjunt\w*\s+(?:encontrar\w*|podrá|puede ver|le envío|le remito|remito|envío|enviamos)",
    r"\b(?:remito|envío|enviamos|van|va)\s+adjunt\w*|\badjunt(?:o|a|os|as)\s*[:：]|\banexo\s*[:：]|\ben anexo\b"
    r"|\b(?:le|les)\s+anexo\b|\banexamos\b",
    # French
    r"\bci-joint\w*|\ben pièces? jointes?\b|\bpièces? jointes?\s*[:：]|\bje (?:vous )?joins\b|\bnous (?:vous )?joignons\b",
    r"\bvous trouverez\s+(?:[\w']+\s+){0,3}?(?:joint|jointe|joints|jointes)\b",
    # Chinese
    r"附件(?:是|为|中|里|内|有|请|已|如下|：|:)|(?:见|详见|请见|参见|参考|如|查看|请看|打开|在)附件|查收|附上|随附|附档|附寄",
)

# A clause with one of these around an attachment phrase is not a claim that something is attached now
# (patterns over normalized text: lower case, ASCII apostrophes). See rules/missing_attachment.py.
_W = r"(?:[\w'-]+\s+){0,3}?"
ATTACHMENT_NOT_A_CLAIM: tuple[str, ...] = (
    # negated, or attached later
    rf"\b(?:not|n't|never|yet to)\s+{_W}(?:attach|enclos|includ)",
    rf"\b(?:attach\w*|enclos\w*)\s+{_W}(?:yet|later|separately|tomorrow|next week|soon|shortly)\b",
    r"\bno\s+(?:attachment|file|document)s?\b|\bwithout\s+(?:the\s+|any\s+)?attachments?\b|\bnot yet\b",
    rf"\b(?:will|'ll|shall|going to|would|to be)\s+{_W}(?:send|forward|share|mail|e-?mail|provide|follow|resend|attach"
    r"|be (?:sent|attached|shared|forwarded))\b",
    r"\b(?:tomorrow|next (?:week|mail|e-?mail|time)|later today|in a separate (?:mail|e-?mail|message)|separately"
    r"|shortly|as soon as|once (?:it|they|we|i) |(?<!as )follows?\b|to follow)|\ben cuanto\b|\bdès que\b"
    r"|\bsobald\b|一旦",
    # the other side's attachment, or asking for one
    r"\byour (?:attachment|attached|file|mail|e-?mail|message|document)s?\b|\b(?:you|they) (?:sent|attached|enclosed"
    r"|forwarded)\b|\b(?:received|got) (?:the|your)\b|\bthanks? (?:you )?for (?:the|your)\b|\bin your (?:mail|e-?mail)",
    r"\b(?:send|provide|forward|share|mail)\s+(?:me|us)\b|\b(?:could|can|would) you\s+(?:please\s+|kindly\s+)?"
    r"(?:send|provide|share|attach|forward|resend)",
    # "the bracket is attached to the rail": hardware, not mail
    r"\battached to (?!this|the (?:mail|e-?mail|message)|my|our)",
    # German
    rf"\b(?:nicht|kein\w*)\s+{_W}(?:anbei|angehängt|beigefügt|anhang|anlage)|\bnoch nicht\b",
    r"\b(?:folgt|folgen|nachreichen|nachgereicht|reiche\w* \w+ nach|sende\w* (?:\w+ ){1,3}nach|schicke\w* (?:\w+ ){1,3}"
    r"nach|später|morgen|nächste woche|in kürze|separat|gesondert|werde\w* \w+ (?:\w+ )?(?:senden|schicken|zusenden))\b",
    r"\b(?:ihr(?:e|em|en|er)? (?:anhang|anlage|datei|mail|e-mail|nachricht)|dank(?:e)? für (?:den|ihren|die|ihre|das)"
    r"|vielen dank für|habe\w* (?:\w+ )?erhalten|haben (?:\w+ )?erhalten)\b",
    rf"\b(?:bitte|könnten sie|können sie|würden sie)\s+{_W}(?:senden|schicken|zusenden|zukommen|übermitteln)\b",
    # Spanish
    rf"\b(?:no|todavía no|aún no|sin)\s+{_W}(?:adjunt\w*|anex\w*)",
    r"\b(?:enviaré|enviaremos|mandaré|mandaremos|haremos llegar|haré llegar|mañana|la próxima semana|la semana que"
    r" viene|más tarde|por separado|en breve|en un correo aparte|en otro correo|todavía no|aún no)\b",
    r"\b(?:su (?:adjunto|archivo|correo|mensaje)|gracias por (?:el|su|la|los|sus)|hemos recibido|he recibido"
    r"|recibimos)\b",
    rf"\b(?:por favor|podría|podrían|puede|pueden)\s+{_W}(?:enviar|envíe|envíen|mandar|mande|remitir|remita|adjuntar"
    r"|adjunte)\b|\b(?:envíenos|envíeme|mándenos|mándeme|remítanos)\b",
    # French
    rf"\b(?:pas|jamais)\s+{_W}(?:ci-joint\w*|joint\w*|pièce)|\bpas encore\b",
    r"\b(?:enverrai|enverrons|ferai parvenir|ferons parvenir|suivra|suivront|demain|la semaine prochaine|plus tard"
    r"|séparément|sous peu|prochainement|dans un autre (?:mail|e-mail|courriel))\b",
    r"\b(?:votre (?:pièce jointe|fichier|mail|e-mail|courriel|message)|merci pour (?:le|la|les|votre|vos)|avons reçu"
    r"|ai reçu)\b",
    r"\b(?:merci de|veuillez|pourriez-vous|pouvez-vous|pourriez vous|pouvez vous)\s+(?:nous\s+|me\s+)?(?:envoyer"
    r"|transmettre|faire parvenir|renvoyer|retourner)\b",
    # an earlier mail's attachment
    r"\b(?:previous|last|earlier|former) (?:mail|e-?mail|message)|\b(?:letzten|vorherigen|vorigen) (?:mail|e-mail|nachricht)"
    r"|\bcorreo anterior\b|\b(?:mail|e-mail|courriel|message) précédent|上一封|上封|之前的邮件|前一封",
    # "for now", and files that did not open (always theirs)
    r"\b(?:for now|at the moment|pour le moment|pour l'instant|por ahora|de momento|por el momento|vorerst|zunächst"
    r"|rien)\b|暂时|目前还",
    r"\b(?:can't|cannot|can not|couldn't|could not|won't|doesn't|does not|unable to) (?:be )?open|\bcorrupt"
    r"|\bno se (?:puede )?abr|\bdañad|\bne s'ouvre pas|\billisible|\bimpossible d'ouvrir|\bnicht (?:zu )?öffnen"
    r"|\bnicht geöffnet|\bbeschädigt|打不开|无法打开|损坏|乱码",
    r"\bque (?:usted |ustedes )?(?:nos|me) (?:mandó|envió|mandaron|enviaron|ha enviado|han enviado|adjuntó)"
    r"|\bque vous (?:nous |m')?(?:avez|aviez) (?:envoyé|transmis|joint)|\bvous nous avez (?:envoyé|transmis)"
    r"|\bdie sie (?:uns |mir )?(?:geschickt|gesendet|geschickt haben|gesendet haben)",
    r"\b(?:reenviar|reenvíe|reenvíen|volver a enviar|vuelva a enviar|erneut senden|nochmals senden|noch einmal senden"
    r"|resend|re-send|send (?:it|them) again)\b",
    # Chinese
    r"稍后|随后|明天|明日|下周|之后|以后|晚些|晚点|回头|待会|一会|会发|将发|再发|另发|单独发|分开发|还没|尚未|没有附件"
    r"|未附|没附|暂无|后补|补发|下封邮件|另一封邮件|准备好后",
    r"收到(?:了)?(?:您|你|贵司)|您的附件|你的附件|贵司的附件|您发的|你发的|您发来的|贵司发来的|感谢.{0,4}附件|谢谢.{0,4}附件",
    r"请(?:您|你)?(?:把|发|提供|寄|传|回传|补发)|麻烦(?:您|你)?(?:把|将|发|提供)|能否|可否|能不能|是否可以",
)

# Phrases of confidentiality footers ("this e-mail and any attachments are confidential ..."): such a
# sentence is boilerplate, whatever attachment words it has.
DISCLAIMER_CUES: tuple[str, ...] = (
    "intended recipient",
    "intended solely",
    "intended only for",
    "intended exclusively",
    "addressee",
    "in error",
    "if you are not",
    "disclaimer",
    "virus",
    "viruses",
    "are confidential",
    "is confidential and",
    "confidential and may",
    "confidential and/or privileged",
    "privileged information",
    "confidentiality notice",
    "vertrauliche",
    "sind vertraulich",
    "ist vertraulich",
    "empfänger",
    "adressat",
    "irrtümlich",
    "es confidencial",
    "son confidenciales",
    "información confidencial",
    "destinatario",
    "por error",
    "est confidentiel",
    "sont confidentiels",
    "sont confidentielles",
    "strictement confidentiel",
    "destinataire",
    "par erreur",
    "保密信息",
    "含有保密",
    "包含保密",
    "机密信息",
    "保密内容",
    "属于保密",
    "均属保密",
    "仅供指定",
    "指定收件人",
    "误收",
    "错误地收到",
    "请立即删除",
    "如果您不是",
    "如您不是",
    "病毒",
    "免责",
)

# A line by itself that closes the letter: what follows is the signature and the footer.
SIGN_OFFS: tuple[str, ...] = (
    "best regards",
    "kind regards",
    "warm regards",
    "regards",
    "best wishes",
    "thanks and regards",
    "thanks & regards",
    "many thanks",
    "sincerely",
    "yours sincerely",
    "yours faithfully",
    "mit freundlichen grüßen",
    "mit freundlichen grüssen",
    "freundliche grüße",
    "viele grüße",
    "beste grüße",
    "mfg",
    "saludos",
    "un saludo",
    "saludos cordiales",
    "atentamente",
    "cordialmente",
    "cordialement",
    "bien cordialement",
    "bien à vous",
    "meilleures salutations",
    "此致",
    "此致敬礼",
    "祝好",
    "顺祝商祺",
    "祝商祺",
)

# Notes to a colleague left in a mail to the outside: "INTERN @David: ...", "(David: this guy paid 40 days
# late ...)", remarks about how a customer pays. Regular expressions over what the sender wrote.
INTERNAL_NOTE_PATTERNS: tuple[str, ...] = (
    r"(?im)^[ \t>(\[【]*(?:intern|internal|interne|interno|interna|内部)\b[ \t]*(?:@[\w.-]+)?[ \t]*[:：\])】]",
    r"(?i)\bpaid \d+ days late\b|\bpays? (?:\w+ ){0,3}late\b|\bzahlt (?:\w+ ){0,4}(?:zu )?spät\b"
    r"|\bpaga (?:\w+ ){0,3}tarde\b|\bpaie (?:\w+ ){0,3}en retard\b|付款.{0,6}(?:慢|拖|晚)",
)
