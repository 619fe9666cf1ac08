"""What says "attached to this mail", and what only looks like it (missing_attachment), in en, zh, de, es, fr.

Patterns run over normalized text (lower case, ASCII apostrophes). The phrase list is the cheap gate compiled
into the directory automaton; the claims and their exceptions are read clause by clause by the rule.
"""

from __future__ import annotations

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
    "hänge",
    "hängen",
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
    r"\b(?:find|see)\s+(?:[\w-]+\s+){1,5}?(?:attached|enclosed)\b",
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
    # "Die PI hänge ich Ihnen an.": the separable particle closes the clause ("hängt an der Verzollung" does not)
    r"\bhäng(?:e|en)\s+(?:[\w-]+\s+){0,6}?an(?=\s*(?:[.,;:!)]|$))",
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
    rf"\b(?:nicht|kein\w*)\s+{_W}(?:anbei|angehängt|beigefügt|anhang|anlage|häng\w*)|\bnoch nicht\b"
    r"|\bhäng(?:e|en)\s+(?:[\w-]+\s+){0,6}?(?:nicht|kein\w*)\b",
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
