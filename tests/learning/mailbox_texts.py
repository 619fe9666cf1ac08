"""Sentences of the synthetic sent mailbox, in the five languages a sales team writes in."""

from __future__ import annotations

GREETING = {
    "de": "Hallo {name},",
    "fr": "Bonjour {name},",
    "es": "Hola {name},",
    "zh": "{name}您好，",
    "en": "Dear {name},",
}
BODY = {
    "de": (
        "anbei finden Sie das Dokument für die {product}. Bitte prüfen Sie die Preise und die Lieferzeit.",
        "vielen Dank für Ihre Anfrage. Die Ware ist ab Lager verfügbar und wir können nächste Woche liefern.",
        "wie besprochen sende ich Ihnen die Unterlagen. Die Zahlung ist bitte innerhalb von 30 Tagen fällig.",
        "die Container sind gebucht und die Dokumente für die Verzollung sind in der Anlage.",
    ),
    "fr": (
        "veuillez trouver ci-joint le document pour le {product}. Merci de vérifier les prix et le délai.",
        "merci pour votre demande. La marchandise est disponible et nous pouvons livrer la semaine prochaine.",
        "comme convenu je vous envoie les documents. Le paiement est dû sous 30 jours, merci de le confirmer.",
        "les conteneurs sont réservés et les documents pour la douane sont joints à ce message.",
    ),
    "es": (
        "adjunto le envío el documento para el {product}. Por favor revise los precios y el plazo de entrega.",
        "gracias por su consulta. La mercancía está disponible y podemos enviar la próxima semana.",
        "como acordamos le envío los documentos. El pago es a 30 días, por favor confirme la recepción.",
        "los contenedores están reservados y los documentos para la aduana van adjuntos con este correo.",
    ),
    "zh": (
        "附件是{product}的文件，请确认价格和交货期。",
        "感谢您的询价。货物有现货，我们可以下周发货。",
        "按照我们的沟通，附件是相关文件。请在三十天内付款，谢谢确认。",
        "集装箱已经订好，报关文件请见附件。",
    ),
    "en": (
        "please find attached the document for the {product}. Kindly check the prices and the lead time.",
        "thank you for your enquiry. The goods are in stock and we can ship next week.",
        "as agreed I am sending you the documents. Payment is due within 30 days, please confirm.",
        "the containers are booked and the documents for customs clearance are attached to this mail.",
    ),
}
CLOSING = {
    "de": "Mit freundlichen Grüßen",
    "fr": "Cordialement",
    "es": "Saludos cordiales",
    "zh": "祝好",
    "en": "Best regards",
}
CUSTOMER_LINE = {
    "de": "Danke für das Angebot, wir brauchen noch die Preise für die {product}.",
    "fr": "Merci pour l'offre, nous avons encore besoin des prix pour le {product}.",
    "es": "Gracias por la oferta, todavía necesitamos los precios para el {product}.",
    "zh": "谢谢报价，我们还需要{product}的价格。",
    "en": "Thanks for the offer, we still need the prices for the {product}.",
}
WROTE = {
    "de": "Am {date} schrieb {name} <{email}>:",
    "fr": "Le {date}, {name} <{email}> a écrit :",
    "es": "El {date}, {name} <{email}> escribió:",
    "zh": "发件人: {name} <{email}>",
    "en": "On {date}, {name} <{email}> wrote:",
}
SUBJECT = {
    "pi": {"de": "Proforma-Rechnung {ref}", "fr": "Facture proforma {ref}", "es": "Factura proforma {ref}",
           "zh": "形式发票 {ref}", "en": "Proforma invoice {ref}"},
    "quotation": {"de": "Angebot {ref}", "fr": "Devis {ref}", "es": "Cotización {ref}", "zh": "报价 {ref}",
                  "en": "Quotation {ref}"},
    "contract": {"de": "Vertrag {ref}", "fr": "Contrat {ref}", "es": "Contrato {ref}", "zh": "合同 {ref}",
                 "en": "Contract {ref}"},
    "product": {"de": "Datenblatt {ref}", "fr": "Fiche technique {ref}", "es": "Ficha técnica {ref}",
                "zh": "产品资料 {ref}", "en": "Datasheet {ref}"},
    "booking": {"de": "Buchung {ref}", "fr": "Réservation {ref}", "es": "Reserva {ref}", "zh": "订舱 {ref}",
                "en": "Booking {ref}"},
    "follow_up": {"de": "Ihre Anfrage {ref}", "fr": "Votre demande {ref}", "es": "Su consulta {ref}",
                  "zh": "您的询价 {ref}", "en": "Your enquiry {ref}"},
}  # fmt: skip
FORWARD_HEADER = "---------- Forwarded message ---------"
