"""Tercera tanda, español: HTML de Outlook, nombres con apellidos y comas, invitaciones, respuestas automáticas."""

from __future__ import annotations

from tests.eval.common import FOOTER, SIG, Cases, outlook_quote, quote_text
from tests.eval.common_third import LEADS40, outlook_html

c = Cases("es")
S = SIG["sofia"]
SOFIA_ROWS = [
    "<b>Sofía Ruiz</b> | Export Sales – España y Latinoamérica",
    "ACME Trade Europe GmbH – Oficina Madrid",
    "Calle de Alcalá 265, 28027 Madrid",
    "Tel. +34 91 123 45 67 | Móvil +34 612 345 678",
]

# ------------------------------------------------------------------ normal mail
c.normal(
    "HTML de Outlook, firma en tabla, aviso de confidencialidad (menciona adjuntos) en un <span> gris",
    sender="sofia",
    to=["garcia"],
    subject="Pedido ES-2026-071: inicio de producción",
    fmt="html",
    body=outlook_html(
        "Estimada Laura:\n\nLa producción de su pedido ES-2026-071 empezó hoy; terminará hacia el 11 de diciembre.",
        SOFIA_ROWS,
        FOOTER["es"],
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "nombre visible 'García Pérez, Laura (Solar Ibérica)' con la dirección correcta",
    sender="sofia",
    to=[("laura.garcia@solariberica.es", "García Pérez, Laura (Solar Ibérica)")],
    subject="Condiciones 2027",
    body="Estimada Sra. García:\n\nLe confirmo las condiciones de pago para 2027: 30 % anticipo, 70 % contra copia del B/L.\n\n"
    + S,
    absent=["contact_mismatch", "greeting_mismatch"],
)
c.normal(
    "la clienta escribe desde un subdominio (correo.solariberica.es)",
    sender="sofia",
    to=[("compras@correo.solariberica.es", "Compras Solar Ibérica")],
    subject="RE: aviso de entrega semana 50",
    body="Buenos días:\n\nLa entrega llega el martes de la semana 50 entre las 8 y las 12 h.\n\n" + S,
    absent=["lookalike_domain"],
)
c.normal(
    "dirección con mayúsculas y minúsculas mezcladas (Laura.Garcia@SolarIberica.ES)",
    sender="sofia",
    to=[("Laura.Garcia@SolarIberica.ES", "Laura García")],
    subject="Consulta perfiles",
    body="Hola Laura:\n\n¿Necesitáis los perfiles de 4,2 m o de 6 m?\n\n" + S,
    absent=["contact_mismatch", "lookalike_domain", "invalid_address"],
)
c.normal(
    "cotización 'Cotización-Ferrenorte-2026.xlsx' a Ferrenorte",
    sender="sofia",
    to=["ramirez"],
    subject="Cotización tornillería galvanizada",
    body="Estimado Alejandro:\n\nLe adjunto nuestra cotización, precios FOB Ningbo.\n\n" + S,
    attachments=[
        (
            "Cotización-Ferrenorte-2026.xlsx",
            quote_text(
                "Ferretería Industrial del Norte S.A. de C.V.",
                "Alejandro Ramírez",
                "C-2026-210",
                "Tornillo M10 50.000 uds USD 0,031",
                "FOB Ningbo",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "invitación de calendario (Teams) a dos contactos del mismo cliente, con .ics",
    sender="sofia",
    to=["garcia", "lopez"],
    subject="Invitación: Reunión anual 2027 @ jue 10 dic 2026 10:00 - 11:30 (CET)",
    body=(
        "Sofía Ruiz le ha invitado a una reunión de Microsoft Teams.\n\nCuándo: jueves, 10 de diciembre de 2026 "
        "10:00-11:30 (UTC+01:00) Bruselas, Copenhague, Madrid, París\nDónde: Reunión de Microsoft Teams\n\n"
        "Unirse a la reunión ahora\nId. de reunión: 347 118 902 556\nCódigo de acceso: Qw7zR2"
    ),
    attachments=[("invite.ics", None)],
    absent=["exposed_recipients", "missing_attachment"],
)
c.normal(
    "respuesta automática de ausencia a un cliente brasileño",
    sender="sofia",
    to=["silva"],
    subject="Respuesta automática: RE: Documentos de embarque",
    body=(
        "Gracias por su mensaje. Estaré fuera de la oficina hasta el 4 de diciembre. Para asuntos urgentes "
        "contacte con David Liu (david.liu@acme-trade.example).\n\nSofía Ruiz"
    ),
    absent=["missing_attachment", "greeting_mismatch"],
)
c.normal(
    "fotos escaneadas IMG_2034.jpg adjuntas, tal como dice el texto",
    sender="sofia",
    to=["ramirez"],
    subject="RE: cajas dañadas",
    body="Estimado Alejandro:\n\nLe adjunto las fotos de la carga (IMG_2034 e IMG_2035); las cajas salieron en buen estado.\n\n"
    + S,
    attachments=[("IMG_2034.jpg", None), ("IMG_2035.jpg", None)],
    absent=["missing_attachment"],
)
c.normal(
    "certificados en un .zip adjunto",
    sender="sofia",
    to=["martinez"],
    subject="Certificados CE e IEC",
    body="Hola Carlos:\n\nTe adjunto todos los certificados en un zip.\n\n" + S,
    attachments=[("Certificados_CE_IEC_2026.zip", None)],
    absent=["missing_attachment"],
)
c.normal(
    "el saludo nombra a Javier, que está en CC (decisión de producto: normal)",
    sender="sofia",
    to=["garcia"],
    cc=["lopez"],
    subject="Plan de entregas enero",
    body="Estimados Laura y Javier:\n\nEstas son las entregas previstas para enero:\n- 12/01: 2 x 40HQ\n- 26/01: 1 x 40HQ\n\n"
    + S,
    absent=["greeting_mismatch"],
)
c.normal(
    "datos bancarios a un cliente del directorio (así nos paga): como mucho low",
    sender="sofia",
    to=["ramirez"],
    subject="Saldo pedido MX-2101-2026-15",
    body=(
        "Estimado Alejandro:\n\nLa mercancía ya está cargada. Por favor transfiera el 70 % restante a nuestra cuenta:\n"
        "Beneficiario: ACME Trade Europe GmbH\nIBAN: DE44 2005 0550 1234 5678 90\nSWIFT: HASPDEHHXXX\n\n" + S
    ),
)
c.normal(
    "boletín: un cliente en Para, 40 importadores y clientes (también rivales) en CCO",
    sender="sofia",
    to=["ramirez"],
    bcc=[*LEADS40, "garcia", "martinez", "fernandez"],
    subject="Boletín ACME Trade – diciembre 2026",
    body="Estimados clientes:\n\nNuestro módulo TOPCon de 600 W ya está disponible en stock.\n\n" + S,
    absent=["exposed_recipients", "rival_exposure", "large_audience"],
)
c.normal(
    "asunto en mayúsculas con el número de pedido y el código del propio cliente",
    sender="sofia",
    to=["ramirez"],
    subject="URGENTE: PEDIDO MX-2101-2026-15 FERRENORTE – RETRASO BUQUE",
    body="Estimado Alejandro:\n\nLa naviera ha retrasado el buque; nueva salida el 9 de diciembre.\n\n" + S,
    absent=["content_mismatch"],
)
c.normal(
    "respuesta debajo de la cita (bottom-posting); el cliente escribió 'le adjunto el pedido'",
    sender="sofia",
    to=["martinez"],
    subject="Re: Pedido 3390",
    body=(
        "El 26 nov 2026, a las 14:05, Carlos Martínez <cmartinez@fotolevante.es> escribió:\n"
        "> Hola Sofía, te adjunto el pedido 3390. ¿Me confirmas fecha?\n\n"
        "Hola Carlos:\n\nGracias, la confirmación sale mañana.\n\n" + S
    ),
    absent=["missing_attachment"],
)
c.normal(
    "cliente, agente (partner) y delegación del transitario con subdominio",
    sender="sofia",
    to=["ramirez"],
    cc=["duarte", ("valencia@vlc.transiberia.es", "TransIberia – Delegación Valencia")],
    subject="Embarque MX-2101-2026-15",
    body="Buenos días a todos:\n\nTransIberia Valencia gestiona el embarque; Pablo coordina la documentación.\n\n" + S,
    absent=["exposed_recipients", "lookalike_domain"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "'PI-2026-031(FotoLevante).pdf' enviada a Solar Ibérica (rival)",
    {"content_mismatch": "critical"},
    sender="sofia",
    to=["garcia"],
    subject="Factura proforma",
    body="Estimada Laura:\n\nLe adjunto la proforma.\n\n" + S,
    attachments=[("PI-2026-031(FotoLevante).pdf", None)],
)
c.risky(
    "nombre visible 'García Pérez, Laura (Solar Ibérica)' con dirección en FotoLevante",
    {"contact_mismatch": "high"},
    sender="sofia",
    to=[("laura.garcia@fotolevante.es", "García Pérez, Laura (Solar Ibérica)")],
    subject="Condiciones 2027",
    body="Estimada Sra. García:\n\nLe confirmo las condiciones de pago para 2027.\n\n" + S,
)
c.risky(
    "invitación de calendario con dos distribuidores rivales en Para",
    {"rival_exposure": "critical"},
    sender="sofia",
    to=["garcia", "martinez"],
    subject="Invitación: Tarifas 2027",
    body="Sofía Ruiz le ha invitado a una reunión de Microsoft Teams.\nId. de reunión: 347 118 902 556",
    attachments=[("invite.ics", None)],
    absent=["exposed_recipients"],
)
c.risky(
    "hilo viejo reutilizado: la cita más antigua es la proforma de Solar Ibérica, va a Ferrenorte",
    {"content_mismatch": "medium"},
    sender="sofia",
    to=["ramirez"],
    subject="RE: Plazo de entrega",
    body=(
        "Estimado Alejandro:\n\nSu plazo de entrega es el 18 de diciembre.\n\n"
        + S
        + outlook_quote(
            "es",
            "Sofía Ruiz <sofia.ruiz@acme-trade.example>",
            "miércoles, 25 de noviembre de 2026 11:20",
            "Laura García <laura.garcia@solariberica.es>",
            "RE: Plazo de entrega",
            "Estimada Laura:\n\nSu proforma ES-2026-071 (EUR 96.400) sale en la semana 50.\n\nSofía",
        )
    ),
)
c.risky(
    "dominio interno mal escrito (acme-trade.exmple) en CC",
    {"lookalike_domain": "high"},
    sender="sofia",
    to=["garcia"],
    cc=[("david.liu@acme-trade.exmple", "David Liu")],
    subject="Ajuste de precios 2027",
    body="Estimada Laura:\n\nPongo en copia a nuestro director, David Liu.\n\n" + S,
)
c.risky(
    "dominio con tilde (solaribérica.es, IDN) en lugar de solariberica.es",
    {"lookalike_domain": "high"},
    sender="sofia",
    to=[("laura.garcia@solaribérica.es", "Laura García")],
    subject="Saldo pendiente",
    body="Estimada Laura:\n\nLe recuerdo el saldo pendiente del pedido ES-2026-071.\n\n" + S,
)
c.risky(
    "'Hola Marta:' (FotoLevante) en un correo a Laura (Solar Ibérica)",
    {"greeting_mismatch": "medium"},
    sender="sofia",
    to=["garcia"],
    subject="Plan de carga",
    body="Hola Marta:\n\nEl plan de carga está bien, 26 palés por contenedor.\n\n" + S,
)
c.risky(
    "coste de fábrica y porcentaje que ganamos, contado a una prospecta",
    {"sensitive_external": "high"},
    sender="sofia",
    to=["fernandez"],
    subject="RE: su precio objetivo",
    body=(
        "Estimada Lucía:\n\nSiendo sincera, a nosotros la fábrica nos lo cobra a 0,091 USD/W y solo le sacamos un 4 %; "
        "no podemos bajar más.\n\n" + S
    ),
)
c.risky(
    "comentario interno sobre el cliente entre paréntesis en el correo al cliente",
    {"internal_content_external": "critical"},
    sender="sofia",
    to=["ramirez"],
    subject="Condiciones de pago pedido 16",
    body=(
        "Estimado Alejandro:\n\n(Ojo David: este cliente siempre paga tarde, pedir 100 % por anticipado)\n\n"
        "Para el pedido 16 proponemos 30 % de anticipo y 70 % antes del embarque.\n\n" + S
    ),
)
c.risky(
    "'Le remito adjunta la factura proforma' sin adjunto",
    {"missing_attachment": "medium"},
    sender="sofia",
    to=["ramirez"],
    subject="Proforma MX-2101-2026-16",
    body="Estimado Alejandro:\n\nLe remito adjunta la factura proforma del pedido 16.\n\n" + S,
)
c.risky(
    "datos bancarios a un dominio parecido al del cliente (ferrenorte-mx.com)",
    {"sensitive_external": "high", "lookalike_domain": "high"},
    sender="sofia",
    to=[("pagos@ferrenorte-mx.com", "Pagos Ferrenorte")],
    subject="Nuestros datos bancarios",
    body="Buenos días:\n\nNuestros datos bancarios:\nIBAN: DE44 2005 0550 1234 5678 90\nSWIFT: HASPDEHHXXX\n\n" + S,
)
c.risky(
    "dos compradores desconocidos (yahoo.es y outlook.es) visibles en Para",
    {"exposed_recipients": "medium"},
    sender="sofia",
    to=[("instalaciones.perez@yahoo.es", "Juan Pérez"), ("solar.murcia@outlook.es", "Antonio")],
    subject="Oferta paneles 550 W",
    body="Buenos días:\n\nNuestro precio para paneles de 550 W es 0,118 USD/W FOB Ningbo.\n\n" + S,
)
c.risky(
    "confusión aprendida escrita con mayúsculas (Laura.Garcia.M@Gmail.com)",
    {"known_confusion": "high"},
    sender="sofia",
    to=[("Laura.Garcia.M@Gmail.com", "Laura García")],
    subject="Proforma ES-2026-072",
    body="Estimada Laura:\n\nLa proforma sale mañana.\n\n" + S,
)

c.risky(
    "asunto en mayúsculas sin tilde con el rival (PEDIDO SOLAR IBERICA), va a FotoLevante",
    {"content_mismatch": "high"},
    sender="sofia",
    to=["martinez"],
    subject="RV: PEDIDO SOLAR IBERICA 2027 - CONDICIONES",
    body="Hola Carlos:\n\nTe paso las condiciones para 2027 que hablamos.\n\n" + S,
)

CASES = c.items
for _case in CASES:  # distinct ids beside the first two batches: es-t001 ...
    _case["id"] = _case["id"].replace("es-", "es-t", 1)
