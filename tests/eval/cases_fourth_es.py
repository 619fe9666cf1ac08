"""Cuarto lote (reservado), español: otra comercial, trato de Don/Doña, citas de Outlook y Gmail, jerga comercial."""

from __future__ import annotations

from tests.eval.common import FOOTER, Cases, gmail_quote, outlook_quote, pi_text

c = Cases("es")
S = "Saludos cordiales,\nSofía\n—\nSofía Ruiz · ACME Trade (Madrid) · +34 612 345 678"
SF = S + "\n\n" + FOOTER["es"]

# ------------------------------------------------------------------ normal mail
c.normal(
    "Don Carlos; aviso de confidencialidad que habla de adjuntos, nada anunciado",
    sender="sofia",
    to=["martinez"],
    subject="RE: salida del contenedor",
    body="Estimado Don Carlos:\n\nEl contenedor sale de Ningbo el 3 de diciembre, llegada a Valencia el 8 de enero.\n\n"
    + SF,
    known=True,
    absent=["missing_attachment", "greeting_mismatch"],
)
c.normal(
    "adjunto futuro: 'le mandaré la ficha técnica cuando la tenga'",
    sender="sofia",
    to=["garcia"],
    subject="ficha técnica",
    body="Hola Laura:\n\nTodavía no tengo la ficha técnica actualizada; se la mandaré en cuanto me la pase "
    "fábrica.\n\n" + S,
    absent=["missing_attachment"],
)
c.normal(
    "respuesta Gmail citando al cliente ('le adjunto nuestro pedido', su propio margen)",
    sender="sofia",
    to=["lopez"],
    subject="Re: pedido 5512",
    body="Gracias Javier, recibido. Mañana le confirmo plazos.\n\n"
    + S
    + gmail_quote(
        "El jue, 26 nov 2026 a las 11:40, Javier López (<j.lopez@solariberica.es>) escribió:",
        "Sofía, le adjunto nuestro pedido 5512. Nuestro margen este año es muy justo, no suban precios.\nJavier",
    ),
    absent=["missing_attachment", "sensitive_external", "internal_content_external"],
)
c.normal(
    "oferta realmente adjunta, precios al cliente",
    sender="sofia",
    to=["ramirez"],
    subject="Cotización COT-26-090 Ferrenorte",
    body="Estimado Alejandro:\n\nAdjunto la cotización COT-26-090, precio unitario 4,20 USD FOB Ningbo.\n\n" + S,
    attachments=[("COT-26-090_Ferrenorte.pdf", None)],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "menciona nuestro transitario TransIberia y nuestro agente Duarte al cliente",
    sender="sofia",
    to=["garcia"],
    subject="entrega en Sevilla",
    body="Hola Laura:\n\nTransIberia hará la entrega el martes; si hay incidencias, Agencia Duarte le atiende "
    "en nuestro nombre.\n\n" + S,
    absent=["content_mismatch"],
)
c.normal(
    "saluda a Marta, que va en copia",
    sender="sofia",
    to=["martinez"],
    cc=["sanchez"],
    subject="reunión enero",
    body="Hola Carlos, hola Marta:\n\n¿Os va bien el 15 de enero?\n\n" + S,
    absent=["greeting_mismatch"],
)
c.normal(
    "palabras en minúscula 'energía solar ibérica' en una frase general a Levante",
    sender="sofia",
    to=["sanchez"],
    subject="informe de mercado",
    body="Hola Marta:\n\nEl informe dice que la demanda de energía solar ibérica crecerá un 12 % en 2027.\n\n" + S,
    absent=["content_mismatch"],
)
c.normal(
    "nuestros datos bancarios a un cliente del directorio (low)",
    sender="sofia",
    to=["ramirez"],
    subject="pago del saldo",
    body="Estimado Alejandro:\n\nPara el saldo: Banco Santander, IBAN ES91 2100 0418 4502 0005 1332, "
    "SWIFT BSCHESMMXXX.\n\n" + S,
    known=True,
)
c.normal(
    "otra dirección de la misma empresa del contacto (alias)",
    sender="sofia",
    to=[("laura@solariberica.es", "Laura García")],
    subject="albarán",
    body="Hola Laura:\n\nEl albarán firmado ya está en el sistema.\n\n" + S,
    absent=["contact_mismatch", "lookalike_domain"],
)
c.normal(
    "cliente con transitario y agente en copia",
    sender="sofia",
    to=["silva"],
    cc=["torres", "duarte"],
    subject="embarque Santos",
    body="Estimado João:\n\nMiguel (TransIberia) coordina el flete y Pablo la documentación.\n\n" + S,
    absent=["exposed_recipients"],
)
c.normal(
    "interno: coste y margen entre compañeros",
    sender="sofia",
    to=["alex"],
    cc=["finance"],
    subject="margen Levante",
    body="Alex:\n\nCoste de fábrica 0,092, a Levante le ofrecemos 0,110, margen del 16 %. ¿Ok?\n\nSofía",
)
c.normal(
    "Doña Lucía, prospecto, catálogo adjunto",
    sender="sofia",
    to=["fernandez"],
    subject="catálogo 2027",
    body="Estimada Doña Lucía:\n\nLe envío adjunto nuestro catálogo 2027.\n\n" + S,
    attachments=[("Catalogo_ACME_2027.pdf", None)],
    known=True,
    absent=["greeting_mismatch"],
)
c.normal(
    "respuesta Outlook citando correo del cliente con 'adjunto fotos'",
    sender="sofia",
    to=["cmartinez@fotolevante.es"],
    subject="RE: reclamación",
    body="Carlos, recibidas las fotos, lo revisamos con fábrica.\n\n"
    + S
    + outlook_quote(
        "es",
        "Carlos Martínez <cmartinez@fotolevante.es>",
        "jueves, 26 de noviembre de 2026 9:02",
        "Sofía Ruiz <sofia.ruiz@acme-trade.example>",
        "reclamación",
        "Sofía, adjunto fotos de los paneles dañados.\nCarlos",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "negación: 'no le adjunto la factura, la recibirá por correo postal'",
    sender="sofia",
    to=["garcia"],
    subject="factura",
    body="Hola Laura:\n\nNo le adjunto la factura; la recibirá por correo postal esta semana.\n\n" + S,
    absent=["missing_attachment"],
)
c.normal(
    "pide precio de fábrica a nuestro proveedor",
    sender="sofia",
    to=["huanglei"],
    subject="consulta precio",
    body="Dear Mr. Huang,\n\nplease give me your EXW cost for 3 MW ground mounting, our margin is tight.\n\n" + S,
    absent=["sensitive_external"],
)
c.normal(
    "subdominio del cliente (compras.ferrenorte.com.mx)",
    sender="sofia",
    to=[("pedidos@compras.ferrenorte.com.mx", "Compras Ferrenorte")],
    subject="confirmación",
    body="Buenos días:\n\nConfirmamos el pedido 3321.\n\n" + S,
    absent=["lookalike_domain"],
)
c.normal(
    "Sr. López con 'Estimado Sr. López'",
    sender="sofia",
    to=["lopez"],
    subject="visita",
    body="Estimado Sr. López:\n\nLe confirmo la visita el martes a las 10:00.\n\n" + S,
    absent=["greeting_mismatch"],
)
c.normal(
    "felicitación con todos los clientes en CCO",
    sender="sofia",
    to=["sofia"],
    bcc=["garcia", "martinez", "fernandez", "ramirez"],
    subject="Felices fiestas",
    body="Queridos clientes:\n\n¡Felices fiestas!\n\n" + S,
    absent=["rival_exposure", "exposed_recipients"],
)
c.normal(
    "reenvío al transitario con valor de la mercancía (rutina)",
    sender="sofia",
    to=["torres"],
    subject="despacho Valencia",
    body="Miguel:\n\nAdjunto factura comercial de Levante, valor 48.200 USD, para el despacho.\n\n" + S,
    attachments=[("FC_Levante_26-311.pdf", None)],
)
c.normal(
    "cliente de Brasil con 'Prezado João' (portugués)",
    sender="sofia",
    to=["silva"],
    subject="prazo de entrega",
    body="Prezado João,\n\nO prazo continua 25 dias após o sinal.\n\n" + S,
    absent=["greeting_mismatch"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "proforma de Solar Ibérica enviada a FotoLevante (rivales)",
    {"content_mismatch": "critical"},
    sender="sofia",
    to=["martinez"],
    subject="proforma",
    body="Carlos, adjunto la proforma.\n\n" + S,
    attachments=[("Proforma_Solar-Iberica_26-044.pdf", None)],
)
c.risky(
    "texto de la proforma nombra a Ferrenorte, se envía a Sol do Brasil",
    {"content_mismatch": "critical"},
    sender="sofia",
    to=["silva"],
    subject="PI",
    body="João, la PI adjunta.\n\n" + S,
    attachments=[
        (
            "PI_26-051.pdf",
            pi_text(
                "Ferretería Industrial del Norte S.A. de C.V.",
                "Monterrey, N.L., México",
                "26-051",
                "1 Bisagra 3in 20000 pcs 0.21 4200.00",
                "USD 4,200.00",
            ),
        )
    ],
)
c.risky(
    "el asunto nombra a Solaris Andalucía, va a Levante",
    {"content_mismatch": "high"},
    sender="sofia",
    to=["sanchez"],
    subject="Solaris Andalucía - condiciones de distribución",
    body="Marta, abajo las condiciones.\n\n" + S,
)
c.risky(
    "cuerpo menciona el dominio de otro cliente (fotolevante.es) a Ibérica",
    {"content_mismatch": "medium"},
    sender="sofia",
    to=["garcia"],
    subject="stock",
    body="Laura, el stock que reservó fotolevante.es ya está libre.\n\n" + S,
)
c.risky(
    "Ibérica y Levante juntos en Para",
    {"rival_exposure": "critical"},
    sender="sofia",
    to=["garcia", "martinez"],
    subject="subida de precios",
    body="Estimados clientes:\n\nDesde enero los precios suben un 3 %.\n\n" + S,
    absent=["exposed_recipients"],
)
c.risky(
    "Ferrenorte y Sol do Brasil en copia (no rivales)",
    {"exposed_recipients": "medium"},
    sender="sofia",
    to=["sofia"],
    cc=["ramirez", "silva"],
    subject="cierre navideño",
    body="Estimados clientes:\n\nCerramos del 24 al 2.\n\n" + S,
)
c.risky(
    "competidor EuroVolt en copia",
    {"competitor_recipient": "high"},
    sender="sofia",
    to=["garcia"],
    cc=["zimmermann"],
    subject="oferta",
    body="Laura, la oferta abajo.\n\n" + S,
)
c.risky(
    "TLD cambiado: solariberica.com",
    {"lookalike_domain": "high"},
    sender="sofia",
    to=[("laura.garcia@solariberica.com", "Laura García")],
    subject="datos de pago",
    body="Laura, los datos de pago no han cambiado.\n\n" + S,
)
c.risky(
    "sustitución de letra: fotolevante.es -> fotolevamte.es",
    {"lookalike_domain": "high"},
    sender="sofia",
    to=[("cmartinez@fotolevamte.es", "Carlos Martínez")],
    subject="contrato",
    body="Carlos, adjunto el contrato.\n\n" + S,
    attachments=[("Contrato_Levante_2027.pdf", None)],
)
c.risky(
    "nombre visible 'Javier López' con hotmail",
    {"contact_mismatch": "high"},
    sender="sofia",
    to=[("javilopez77@hotmail.com", "Javier López")],
    subject="precios 2027",
    body="Javier, los precios de 2027.\n\n" + S,
)
c.risky(
    "confusión aprendida: laura.garcia.m@gmail.com",
    {"known_confusion": "high"},
    sender="sofia",
    to=[("laura.garcia.m@gmail.com", "Laura García")],
    subject="pedido",
    body="Laura, su pedido está confirmado.\n\n" + S,
)
c.risky(
    "saludo a Doña Marta (Levante) en correo a Ibérica",
    {"greeting_mismatch": "medium"},
    sender="sofia",
    to=["lopez"],
    subject="muestras",
    body="Estimada Doña Marta:\n\nLas muestras salen hoy.\n\n" + S,
)
c.risky(
    "coste de compra y margen revelados al cliente",
    {"sensitive_external": "high"},
    sender="sofia",
    to=["ramirez"],
    subject="RE: descuento",
    body="Alejandro, de verdad no puedo: a nosotros nos cuesta 3,90 en fábrica y nos quedamos con apenas un "
    "5 % de margen.\n\n" + S,
)
c.risky(
    "IBAN a una dirección desconocida",
    {"sensitive_external": "high"},
    sender="sofia",
    to=[("tesoreria@ferrenorte-pagos.com", "Tesorería")],
    subject="datos bancarios",
    body="Buenos días:\n\nIBAN ES91 2100 0418 4502 0005 1332, SWIFT BSCHESMMXXX.\n\n" + S,
)
c.risky(
    "reenvía hilo interno con comentarios sobre el cliente",
    {"internal_content_external": "critical"},
    sender="sofia",
    to=["ramirez"],
    subject="RV: Ferrenorte precio especial",
    body="Alejandro, ver abajo, aprobado.\n\n"
    + S
    + outlook_quote(
        "es",
        "David Liu <david.liu@acme-trade.example>",
        "miércoles, 25 de noviembre de 2026 19:12",
        "Sofía Ruiz <sofia.ruiz@acme-trade.example>",
        "Ferrenorte precio especial",
        "Sofía, este cliente siempre regatea y paga tarde. Dale un 2 % como mucho, que no sepa lo de la "
        "rebaja de fábrica.\nDavid",
    ),
)
c.risky(
    "'Le remito adjunta la factura' sin adjunto",
    {"missing_attachment": "medium"},
    sender="sofia",
    to=["garcia"],
    subject="factura 26-311",
    body="Hola Laura:\n\nLe remito adjunta la factura 26-311.\n\n" + S,
)
c.risky(
    "dirección con coma en vez de punto (fotolevante,es)",
    {"invalid_address": "high"},
    sender="sofia",
    to=[("msanchez@fotolevante,es", "Marta Sánchez")],
    subject="visita",
    body="Marta, visita confirmada.\n\n" + S,
)
c.risky(
    "primer contacto con un importador chileno",
    {"first_time_recipient": "info"},
    sender="sofia",
    to=[("compras@patagonia-solar.cl", "Rodrigo Vera")],
    subject="presentación ACME",
    body="Estimado Rodrigo:\n\nUn gusto conocerle en la feria.\n\n" + S,
    known=True,
)
c.risky(
    "Claire escribe a Ibérica (cuenta de Sofía)",
    {"owner_mismatch": "info"},
    sender="claire",
    to=["garcia"],
    subject="stock en Lyon",
    body="Hola Laura:\n\nTenemos 500 kW en Lyon.\n\nClaire",
)
c.risky(
    "30 instaladores visibles en Para",
    {"large_audience": "low", "exposed_recipients": "medium"},
    sender="sofia",
    to=[(f"instalador{i:02d}@gmail.com", "") for i in range(1, 31)],
    subject="formación gratuita",
    body="Hola a todos:\n\nOs invitamos a la formación del 20 de enero.\n\n" + S,
)

CASES = c.items
for _case in CASES:  # distinct ids beside the other batches: es-q001 ...
    _case["id"] = _case["id"].replace("es-", "es-q", 1)
