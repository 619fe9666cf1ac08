"""Spanish trade mail: distributors in Spain that compete, Mexico and Brazil, agent, forwarder, factory."""

from __future__ import annotations

from tests.eval.common import FOOTER, LEADS, SIG, Cases, gmail_quote, html, outlook_quote, pi_text, quote_text

c = Cases("es")
S = SIG["sofia"]

# ------------------------------------------------------------------ normal mail
c.normal(
    "aviso de envío con cláusula de confidencialidad (menciona archivos adjuntos)",
    sender="sofia",
    to=["garcia"],
    subject="Pedido ES-2001-2026-17: fecha de llegada",
    body=(
        "Estimada Laura:\n\nSus dos contenedores salen de Ningbo el 4 de diciembre, llegada a Valencia prevista "
        "el 6 de enero. El transitario le enviará el aviso de llegada.\n\n" + S + "\n\n" + FOOTER["es"]
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "cotización con el nombre del cliente, al mismo cliente, con cláusula",
    sender="sofia",
    to=["garcia", "lopez"],
    subject="Cotización módulos 2027 – Solar Ibérica",
    body="Estimados Laura y Javier:\n\nLes adjunto nuestra cotización para 2027.\n\n" + S + "\n\n" + FOOTER["es"],
    attachments=[
        (
            "Cotizacion_Solar-Iberica_ES-2001_2027.pdf",
            quote_text(
                "Energía Solar Ibérica S.L.",
                "Laura García",
                "C-2026-412",
                "ACM-550M 550 W  12.400 uds  0,112 USD/W",
                "CIF Valencia",
            ),
        )
    ],
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "la PI se enviará mañana (futuro)",
    sender="sofia",
    to=["martinez"],
    subject="RE: Pedido estructuras",
    body="Hola Carlos:\n\nGracias por confirmar las cantidades. Le enviaré la PI mañana, cuando tengamos el flete.\n\n"
    + S,
    absent=["missing_attachment"],
)
c.normal(
    "planos todavía no adjuntos, se mandan la semana que viene",
    sender="sofia",
    to=["ramirez"],
    subject="Planos bandejas portacables",
    body=(
        "Estimado Alejandro:\n\nTodavía no le adjunto los planos porque ingeniería está terminando las tablas de "
        "carga. Se los mando la semana que viene junto con el certificado de galvanizado.\n\n" + S
    ),
    absent=["missing_attachment"],
)
c.normal(
    "respuesta sobre cita de Outlook (De/Enviado el) en la que el cliente adjuntó su pedido",
    sender="sofia",
    to=["garcia"],
    subject="RE: Pedido 2026-0871",
    body="Estimada Laura:\n\nMuchas gracias por su pedido; confirmamos entrega en la semana 3.\n\n"
    + S
    + outlook_quote(
        "es",
        "Laura García <laura.garcia@solariberica.es>",
        "lunes, 23 de noviembre de 2026 10:14",
        "Sofía Ruiz <sofia.ruiz@acme-trade.example>",
        "Pedido 2026-0871",
        "Hola Sofía:\n\nLe adjunto nuestro pedido 2026-0871. Por favor, confirme la fecha de entrega.\n\n"
        "Saludos,\nLaura García\nDpto. de Compras | Energía Solar Ibérica S.L.\n"
        "Polígono Industrial Fuente del Jarro, 46988 Paterna (Valencia) | Tel. +34 961 23 45 67",
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "respuesta sobre cita de Gmail (El … escribió) con justificante de pago adjunto",
    sender="sofia",
    to=["ramirez"],
    subject="Re: Justificante de pago MX-2101-09",
    body="Estimado Alejandro:\n\nRecibido, gracias. La mercancía sale el viernes.\n\n"
    + S
    + gmail_quote(
        "El mar, 24 nov 2026 a las 9:02, Alejandro Ramírez (<aramirez@ferrenorte.com.mx>) escribió:",
        "Sofía:\nAdjunto el justificante de pago del anticipo.\nSaludos, Alejandro",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "respuesta HTML con blockquote del prospecto que adjuntó su pliego",
    sender="sofia",
    to=["fernandez"],
    subject="RE: Pliego técnico planta Écija",
    fmt="html",
    body=html(
        "Estimada Lucía:\n\nHemos recibido el pliego; le enviaremos la oferta antes del viernes.\n\nUn saludo,<br>Sofía Ruiz",
        "Hola Sofía:<br>Adjuntamos el pliego técnico y el plano de la cubierta.<br>Lucía Fernández<br>Solaris Andalucía S.L.",
        "El lun, 23 nov 2026 a las 16:20, Lucía Fernández &lt;lucia.fernandez@solarisandalucia.es&gt; escribió:",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "cliente y su transitario en el mismo correo, documentos con el nombre del cliente",
    sender="sofia",
    to=["garcia"],
    cc=["torres"],
    subject="Documentos de embarque ES-2001-2026-17",
    body=(
        "Estimada Laura, estimado Miguel:\n\nAdjunto la lista de bultos y la factura comercial. Miguel, por favor "
        "gestione el despacho y la entrega en Paterna.\n\n" + S
    ),
    attachments=[
        ("Packing_List_Solar_Iberica_ES-2001-2026-17.pdf", "PACKING LIST\nConsignatario: Energía Solar Ibérica S.L."),
        (
            "Factura_Comercial_Solar_Iberica_ES-2001-2026-17.pdf",
            "FACTURA COMERCIAL\nComprador: Energía Solar Ibérica S.L.",
        ),
    ],
    absent=["exposed_recipients", "content_mismatch", "missing_attachment"],
)
c.normal(
    "cliente mexicano y nuestro agente comercial en copia",
    sender="sofia",
    to=["ramirez"],
    cc=["duarte"],
    subject="Visita a Monterrey",
    body=(
        "Estimado Alejandro:\n\nNuestro agente Pablo Duarte estará en Monterrey la semana que viene y puede "
        "visitarles para revisar las muestras.\n\n" + S
    ),
    absent=["exposed_recipients"],
)
c.normal(
    "presentación a tres bandas acordada con la cliente",
    sender="sofia",
    to=["sanchez"],
    cc=["duarte"],
    subject="Presentación: Pablo Duarte, Agencia Comercial Duarte",
    body=(
        "Estimada Marta:\n\nTal como acordamos por teléfono, le presento a Pablo Duarte, nuestro agente en la zona "
        "de Levante. Pablo, Marta es responsable de compras de FotoLevante y quiere ver el nuevo soporte coplanar.\n\n"
        "Les dejo que concreten la visita directamente.\n\n" + S
    ),
    absent=["exposed_recipients", "content_mismatch"],
)
c.normal(
    "pedir precio de fábrica (EXW) a nuestro propio proveedor, con coste objetivo y margen",
    sender="sofia",
    to=["xuyan"],
    subject="Solicitud de precio EXW – módulos 450 W",
    body=(
        "Estimada Amy:\n\n¿Nos puede indicar su precio de fábrica (EXW Changzhou) para 2 contenedores de módulos "
        "de 450 W? Nuestro coste objetivo es 0,095 USD/W; por encima no nos queda margen.\n\n" + S
    ),
    absent=["sensitive_external"],
)
c.normal(
    "pedir precio EXW de tornillería a la fábrica, mencionando al cliente final",
    sender="sofia",
    to=["wugang"],
    subject="Precio EXW tornillos M10 – pedido Ferrenorte",
    body=(
        "Estimado Sr. Wu:\n\nNecesitamos su mejor precio EXW Ningbo para 50.000 tornillos M10 galvanizados, para "
        "nuestro cliente Ferrenorte en México. Nuestro margen es muy ajustado.\n\n" + S
    ),
    absent=["sensitive_external"],
)
c.normal(
    "PI al cliente correcto con su nombre en el archivo",
    sender="sofia",
    to=["martinez"],
    subject="Factura proforma ES-2002-2026-061",
    body="Hola Carlos:\n\nAdjunto la PI de su pedido. Por favor, realicen el anticipo del 30 %.\n\n" + S,
    attachments=[
        (
            "PI_FotoLevante_ES-2002_2026-061.pdf",
            pi_text(
                "Distribuciones Fotovoltaicas Levante S.L.",
                "Avda. del Puerto 120, 46023 Valencia",
                "ACME-PI-2026-061",
                "1  Carril aluminio 4,2 m  3.000 uds  9,80 USD  29.400,00 USD",
                "29.400,00 USD",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "'Estimada Laura' a Laura, que está en Para",
    sender="sofia",
    to=["garcia"],
    subject="Muestras",
    body="Estimada Laura:\n\nLas muestras salieron hoy por DHL.\n\n" + S,
    absent=["greeting_mismatch"],
)
c.normal(
    "'Estimado Sr. Martínez' al Sr. Martínez",
    sender="sofia",
    to=["martinez"],
    cc=["sanchez"],
    subject="Visita a fábrica",
    body="Estimado Sr. Martínez:\n\nLe confirmo la visita a la fábrica de Changzhou el 12 de marzo.\n\n" + S,
    absent=["greeting_mismatch"],
)
c.normal(
    "'Hola a todos' a dos contactos del mismo cliente",
    sender="sofia",
    to=["martinez", "sanchez"],
    subject="Último envío antes de Año Nuevo chino",
    body="Hola a todos:\n\nEl último barco antes del Año Nuevo chino sale el 30 de enero.\n\n" + S,
    absent=["greeting_mismatch", "exposed_recipients"],
)
c.normal(
    "correo interno sobre margen y coste de un cliente, solo compañeros",
    sender="sofia",
    to=["tom", "david"],
    subject="Precio Solar Ibérica – interno",
    body=(
        "Hola equipo:\n\nSolar Ibérica pide 0,108 USD/W. Nuestro coste es 0,099, el margen quedaría por debajo "
        "del 8 %. Solo para uso interno: Laura dice que FotoLevante compra más barato. ¿Lo aprobamos?\n\nSofía"
    ),
    absent=["sensitive_external", "internal_content_external", "content_mismatch"],
)
c.normal(
    "correo interno a logística con nombres de varios clientes",
    sender="sofia",
    to=["logistics"],
    subject="Contenedores diciembre",
    body="Hola:\n\nPor favor reservad un contenedor para Solar Ibérica (ES-2001) y otro para FotoLevante (ES-2002).\n\nSofía",
    absent=["content_mismatch", "rival_exposure"],
)
c.normal(
    "boletín a clientes (también competidores entre sí) en CCO",
    sender="sofia",
    to=["sofia"],
    bcc=["garcia", "lopez", "martinez", "sanchez", "fernandez", "ramirez", "silva"],
    subject="Novedades 2027: módulos TOPCon de 600 W",
    body="Estimados clientes:\n\nA partir de enero ofrecemos módulos TOPCon de 600 W desde nuestro almacén de Valencia.\n\n"
    + S,
    absent=["exposed_recipients", "rival_exposure"],
)
c.normal(
    "respuesta con historial largo, incluida una respuesta anterior de un compañero al cliente",
    sender="sofia",
    to=["ramirez"],
    subject="RE: RE: RE: Plan de entregas MX-2101",
    body="Estimado Alejandro:\n\nEl lote 3 se carga el 9 de diciembre.\n\n"
    + S
    + outlook_quote(
        "es",
        "Alejandro Ramírez <aramirez@ferrenorte.com.mx>",
        "martes, 24 de noviembre de 2026 16:40",
        "Sofía Ruiz <sofia.ruiz@acme-trade.example>",
        "RE: RE: Plan de entregas MX-2101",
        "Sofía, ¿podemos adelantar el lote 3? Adjunto la lista actualizada de obras.",
    )
    + outlook_quote(
        "es",
        "Alex Chen <alex.chen@acme-trade.example>",
        "viernes, 20 de noviembre de 2026 11:02",
        "Alejandro Ramírez <aramirez@ferrenorte.com.mx>",
        "RE: Plan de entregas MX-2101",
        "Estimado Alejandro, el lote 2 salió el 18 de noviembre; el precio del lote 3 se mantiene en "
        "USD 41,50 por juego. Adjunto copia del B/L.\nAlex",
    )
    + outlook_quote(
        "es",
        "Alejandro Ramírez <aramirez@ferrenorte.com.mx>",
        "jueves, 12 de noviembre de 2026 09:15",
        "Sofía Ruiz <sofia.ruiz@acme-trade.example>",
        "Plan de entregas MX-2101",
        "Hola Sofía, adjunto el plan de entregas.\nAlejandro Ramírez | Ferretería Industrial del Norte | "
        "Av. Constitución 1500, Monterrey, N.L.",
    ),
    absent=["internal_content_external", "missing_attachment", "content_mismatch"],
)
c.normal(
    "firmas completas de ambos lados (dirección, teléfono, CIF)",
    sender="sofia",
    to=["lopez"],
    subject="RE: Nueva dirección de entrega",
    body="Estimado Javier:\n\nAnotado, a partir de enero entregamos en el nuevo almacén de Ribarroja.\n\n"
    + S
    + "\nACME Trade Europe GmbH – Sucursal en España – NIF W0012345C"
    + gmail_quote(
        "El mié, 25 nov 2026 a las 14:05, Javier López <j.lopez@solariberica.es> escribió:",
        "Sofía:\ndesde enero nuestra dirección es C/ Sequía de Benàger 12, 46190 Ribarroja del Turia.\n"
        "Javier López | Logística | Energía Solar Ibérica S.L. | CIF B98765432 | +34 961 23 45 68",
    ),
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "transitario recibe los documentos de un cliente (práctica diaria)",
    sender="sofia",
    to=["torres"],
    subject="Despacho FotoLevante ES-2002-2026-09",
    body="Hola Miguel:\n\nAdjunto la factura comercial y la lista de bultos de FotoLevante para el despacho.\n\n" + S,
    attachments=[
        ("Factura_FotoLevante_ES-2002.pdf", "FACTURA COMERCIAL\nComprador: Distribuciones Fotovoltaicas Levante S.L."),
        ("Packing_FotoLevante_ES-2002.pdf", "PACKING LIST\nConsignatario: Distribuciones Fotovoltaicas Levante S.L."),
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "PI a cliente brasileño con su nombre en el archivo",
    sender="sofia",
    to=["silva"],
    subject="PI BR-9001-2026-12",
    body="Estimado João:\n\nAdjunto la PI del pedido de inversores.\n\n" + S,
    attachments=[
        (
            "PI_Sol-do-Brasil_BR-9001_2026-12.pdf",
            pi_text(
                "Sol do Brasil Distribuidora Ltda.",
                "Rua das Indústrias 450, Campinas SP",
                "ACME-PI-2026-012",
                "1  Inversor híbrido 5 kW  120 uds  612,00 USD  73.440,00 USD",
                "73.440,00 USD",
                "CIF Santos, 30% anticipo",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "certificados se enviarán cuando lleguen de fábrica",
    sender="sofia",
    to=["lopez"],
    subject="Certificados IEC",
    body="Estimado Javier:\n\nLos certificados IEC se los enviaremos en cuanto nos los mande la fábrica; por ahora no hay nada adjunto.\n\n"
    + S,
    absent=["missing_attachment"],
)
c.normal(
    "catálogo adjunto a una prospecta",
    sender="sofia",
    to=["fernandez"],
    subject="Catálogo ACME Trade 2027",
    body="Estimada Lucía:\n\nFue un placer conocerla en Genera. Le adjunto nuestro catálogo 2027.\n\n" + S,
    attachments=[("Catalogo_ACME_Trade_2027.pdf", "Catálogo ACME Trade 2027: módulos, inversores, estructuras")],
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "factura adjunta con el nombre del cliente",
    sender="sofia",
    to=["ramirez"],
    subject="Factura MX-2101-2026-09",
    body="Estimado Alejandro:\n\nAdjunto la factura del lote 2.\n\n" + S,
    attachments=[
        ("Factura_Ferrenorte_MX-2101-2026-09.pdf", "FACTURA\nCliente: Ferretería Industrial del Norte S.A. de C.V.")
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "respuesta citando el aviso legal del cliente (menciona adjuntos)",
    sender="sofia",
    to=["sanchez"],
    subject="RE: Horario de descarga",
    body="Hola Marta:\n\nPerfecto, el camión llegará entre las 8 y las 10.\n\n"
    + S
    + outlook_quote(
        "es",
        "Marta Sánchez <msanchez@fotolevante.es>",
        "miércoles, 25 de noviembre de 2026 12:30",
        "Sofía Ruiz <sofia.ruiz@acme-trade.example>",
        "Horario de descarga",
        "Sofía, el almacén solo descarga por la mañana.\nMarta\n\nAVISO LEGAL: Este correo y sus adjuntos "
        "son confidenciales y para uso exclusivo de su destinatario.",
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "'Estimados todos' al equipo del cliente",
    sender="sofia",
    to=["garcia", "lopez"],
    subject="Cambio de horario de oficina",
    body="Estimados todos:\n\nDel 24 al 31 de diciembre nuestra oficina de Madrid abre solo por las mañanas.\n\n" + S,
    absent=["greeting_mismatch", "exposed_recipients"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "PI de Solar Ibérica enviada a FotoLevante (rival)",
    {"content_mismatch": "critical"},
    sender="sofia",
    to=["martinez"],
    subject="Factura proforma",
    body="Hola Carlos:\n\nAdjunto la PI. Por favor, realicen el anticipo.\n\n" + S,
    attachments=[
        (
            "PI_Solar-Iberica_ES-2001_2026-058.pdf",
            pi_text(
                "Energía Solar Ibérica S.L.",
                "Polígono Fuente del Jarro, 46988 Paterna",
                "ACME-PI-2026-058",
                "1  ACM-550M  1.240 uds  60,50 USD  75.020,00 USD",
                "75.020,00 USD",
            ),
        )
    ],
)
c.risky(
    "nombre de archivo neutro, cotización para FotoLevante, va a Solar Ibérica",
    {"content_mismatch": "critical"},
    sender="sofia",
    to=["garcia"],
    subject="Cotización",
    body="Estimada Laura:\n\nAdjunto la cotización solicitada.\n\n" + S,
    attachments=[
        (
            "Cotizacion.pdf",
            quote_text(
                "Distribuciones Fotovoltaicas Levante S.L.",
                "Carlos Martínez",
                "C-2026-420",
                "Inversor 10 kW  40 uds  1.150 USD",
                "CIF Valencia",
            ),
        )
    ],
)
c.risky(
    "el asunto lleva el código de otro cliente",
    {"content_mismatch": "high"},
    sender="sofia",
    to=["garcia"],
    subject="RE: Pedido ES-2002 – retraso",
    body="Estimada Laura:\n\nEl barco llega con cuatro días de retraso.\n\n" + S,
)
c.risky(
    "el texto cuenta a una prospecta lo que pidió otro cliente",
    {"content_mismatch": "medium"},
    sender="sofia",
    to=["fernandez"],
    subject="Disponibilidad",
    body="Estimada Lucía:\n\nFotoLevante acaba de reservar 300 uds de este modelo; a usted le puedo guardar 100.\n\n"
    + S,
)
c.risky(
    "nombre de otro cliente con guiones bajos en el archivo",
    {"content_mismatch": "critical"},
    sender="sofia",
    to=["silva"],
    subject="Lista de precios",
    body="Estimado João:\n\nAdjunto nuestra lista de precios.\n\n" + S,
    attachments=[("Lista_Precios_2027_Ferreteria_Industrial_del_Norte.xlsx", None)],
)
c.risky(
    "dominio del cliente con TLD cambiado (.com en lugar de .es)",
    {"lookalike_domain": "high"},
    sender="sofia",
    to=[("laura.garcia@solariberica.com", "Laura García")],
    subject="RE: Nuevos datos bancarios",
    body="Estimada Laura:\n\nHemos recibido su correo sobre los nuevos datos bancarios.\n\n" + S,
)
c.risky(
    "dominio del cliente con una letra de más",
    {"lookalike_domain": "high"},
    sender="sofia",
    to=[("cmartinez@fotolevantes.es", "Carlos Martínez")],
    subject="Pedido confirmado",
    body="Hola Carlos:\n\nConfirmamos su pedido.\n\n" + S,
)
c.risky(
    "punycode con 'о' cirílica en el dominio del cliente",
    {"lookalike_domain": "high"},
    sender="sofia",
    to=[("j.lopez@xn--slariberica-rnj.es", "Javier López")],
    subject="RE: Pago",
    body="Estimado Javier:\n\nQuedamos a la espera del pago.\n\n" + S,
)
c.risky(
    "variante con guion del nombre del cliente como dominio",
    {"lookalike_domain": "high"},
    sender="sofia",
    to=[("aramirez@ferre-norte.com.mx", "Alejandro Ramírez")],
    subject="Factura",
    body="Estimado Alejandro:\n\nLe envío los datos de la factura.\n\n" + S,
)
c.risky(
    "dirección sin dominio de nivel superior",
    {"invalid_address": "high"},
    sender="sofia",
    to=[("laura.garcia@solariberica", "Laura García")],
    subject="Muestras",
    body="Estimada Laura:\n\nLas muestras están en camino.\n\n" + S,
)
c.risky(
    "dirección con espacio en el dominio",
    {"invalid_address": "high"},
    sender="sofia",
    to=[("cmartinez@fotolevante .es", "Carlos Martínez")],
    subject="Entrega",
    body="Hola Carlos:\n\nLa entrega será el jueves.\n\n" + S,
)
c.risky(
    "dos compradores desconocidos de hotmail visibles en Para",
    {"exposed_recipients": "medium"},
    sender="sofia",
    to=[("ferreteria.lopez.gt@hotmail.com", "Ferretería López"), ("solar.quito@hotmail.com", "Solar Quito")],
    subject="Lista de precios",
    body="Estimados señores:\n\nGracias por su interés; nuestro precio FOB es 0,115 USD/W.\n\n" + S,
)
c.risky(
    "dos clientes distintos (México y Brasil) en Para",
    {"exposed_recipients": "medium"},
    sender="sofia",
    to=["ramirez", "silva"],
    subject="Ajuste de precios enero",
    body="Estimados clientes:\n\nA partir del 1 de enero nuestros precios suben un 4 %.\n\n" + S,
)
c.risky(
    "distribuidores rivales en Para y CC",
    {"rival_exposure": "critical"},
    sender="sofia",
    to=["garcia"],
    cc=["martinez"],
    subject="Invitación jornada de distribuidores",
    body="Estimados Laura y Carlos:\n\nLes invitamos a nuestra jornada de distribuidores el 18 de diciembre.\n\n" + S,
    absent=["exposed_recipients"],
)
c.risky(
    "prospecta y cliente del mismo grupo rival en Para",
    {"rival_exposure": "critical"},
    sender="sofia",
    to=["fernandez", "sanchez"],
    subject="Referencia Écija",
    body="Estimadas Lucía y Marta:\n\nLes paso los datos de la instalación de referencia.\n\n" + S,
    absent=["exposed_recipients"],
)
c.risky(
    "competidor en copia",
    {"competitor_recipient": "high"},
    sender="sofia",
    to=["ramirez"],
    cc=["mikezhang"],
    subject="Oferta estructuras",
    body="Estimado Alejandro:\n\nNuestro precio: 0,041 USD/W, CIF Manzanillo.\n\n" + S,
)
c.risky(
    "nombre de un contacto conocido con dirección privada",
    {"contact_mismatch": "high"},
    sender="sofia",
    to=[("carlos.martinez.v@gmail.com", "Carlos Martínez")],
    subject="Contrato 2027",
    body="Hola Carlos:\n\nAdjunto el borrador del contrato de suministro.\n\n" + S,
    attachments=[("Contrato_FotoLevante_2027_borrador.docx", None)],
)
c.risky(
    "confusión aprendida: gmail de Laura en vez de su dirección de empresa",
    {"known_confusion": "high"},
    sender="sofia",
    to=[("laura.garcia.m@gmail.com", "Laura García")],
    subject="Factura proforma",
    body="Estimada Laura:\n\nAdjunto la PI.\n\n" + S,
    attachments=[("PI_Solar-Iberica_ES-2001_2026-066.pdf", None)],
)
c.risky(
    "saludo a Laura, pero el correo va a Marta (FotoLevante)",
    {"greeting_mismatch": "medium"},
    sender="sofia",
    to=["sanchez"],
    subject="Entrega",
    body="Estimada Laura:\n\nSu entrega llega el jueves.\n\n" + S,
)
c.risky(
    "saludo al Sr. Ramírez, pero el correo va a João",
    {"greeting_mismatch": "medium"},
    sender="sofia",
    to=["silva"],
    subject="Muestras",
    body="Estimado Sr. Ramírez:\n\nLas muestras salen mañana.\n\n" + S,
)
c.risky(
    "coste de compra y margen al cliente",
    {"sensitive_external": "high"},
    sender="sofia",
    to=["martinez"],
    subject="RE: Precio",
    body="Hola Carlos:\n\nNo puedo bajar más: nuestro coste de compra es 0,099 USD/W y el margen es del 4 %.\n\n" + S,
)
c.normal(
    "nuestros datos bancarios a nuestro propio cliente: nota, sin aviso",
    sender="sofia",
    to=["ramirez"],
    subject="Datos para el pago",
    body="Estimado Alejandro:\n\nRealice la transferencia a IBAN ES91 2100 0418 4502 0005 1332, BIC CAIXESBBXXX.\n\n"
    + S,
)
c.risky(
    "discusión interna reenviada al cliente",
    {"internal_content_external": "critical"},
    sender="sofia",
    to=["garcia"],
    subject="RV: Precio Solar Ibérica",
    body="Estimada Laura:\n\nPodemos aceptar su precio.\n\n"
    + S
    + outlook_quote(
        "es",
        "David Liu <david.liu@acme-trade.example>",
        "miércoles, 25 de noviembre de 2026 8:12",
        "Sofía Ruiz <sofia.ruiz@acme-trade.example>",
        "Precio Solar Ibérica",
        "Sofía, OK hasta 0,108 pero no menos. Este cliente siempre paga tarde: exige el anticipo antes "
        "de producir.\nDavid",
    ),
)
c.risky(
    "nota 'USO INTERNO' olvidada en el correo al cliente",
    {"internal_content_external": "critical"},
    sender="sofia",
    to=["lopez"],
    subject="Oferta",
    body="[USO INTERNO – borrar antes de enviar: Solar Ibérica compara precios, margen mínimo 12 %]\n\n"
    "Estimado Javier:\n\nA continuación nuestra oferta.\n\n" + S,
)
c.risky(
    "'Le adjunto la factura proforma' sin adjunto",
    {"missing_attachment": "medium"},
    sender="sofia",
    to=["silva"],
    subject="Factura proforma",
    body="Estimado João:\n\nLe adjunto la factura proforma del pedido.\n\n" + S,
)
c.risky(
    "'Adjunto encontrará el catálogo' sin adjunto (HTML)",
    {"missing_attachment": "medium"},
    sender="sofia",
    to=["fernandez"],
    subject="Catálogo",
    fmt="html",
    body=html("Estimada Lucía:\n\nAdjunto encontrará nuestro catálogo 2027.\n\nUn saludo,<br>Sofía Ruiz"),
)
c.risky(
    "primer correo a una dirección desconocida",
    {"first_time_recipient": "info"},
    sender="sofia",
    to=[("compras@energia-austral.cl", "Compras")],
    subject="Catálogo",
    body="Estimados señores:\n\nNuestro catálogo: www.acme-trade.example/catalogo\n\n" + S,
    known=True,
)
c.risky(
    "escribe a un cliente que lleva una compañera",
    {"owner_mismatch": "info"},
    sender="alex",
    to=["ramirez"],
    subject="Producción lote 3",
    body="Estimado Alejandro:\n\nSoy Alex Chen, de la oficina de Ningbo. La producción del lote 3 termina el viernes.\n\n"
    "Saludos,\nAlex Chen",
)
c.risky(
    "invitación a feria con 26 contactos visibles en Para",
    {"exposed_recipients": "medium"},
    sender="sofia",
    to=LEADS[:26],
    subject="Invitación: ACME Trade en Genera Madrid",
    body="Estimados señores:\n\nLes esperamos en nuestro stand de Genera, pabellón 8.\n\n" + S,
)

# ------------------------------------------------------------------ more normal / risky mail
c.normal(
    "agradece el pedido adjunto del cliente (adjunto de ellos)",
    sender="sofia",
    to=["sanchez"],
    subject="RE: Pedido FL-2026-204",
    body="Hola Marta:\n\nGracias por el pedido adjunto. Empezamos la producción el lunes.\n\n" + S,
    absent=["missing_attachment"],
)
c.risky(
    "circular a 25 delegaciones de un mismo cliente, todas visibles en Para",
    {"large_audience": "low"},
    sender="sofia",
    to=[(f"delegacion{n:02d}@solariberica.es", f"Delegación {n:02d}") for n in range(1, 26)],
    subject="Nuevo procedimiento de pedidos",
    body="Estimados compañeros de Solar Ibérica:\n\nA partir de enero los pedidos se tramitan por el portal.\n\n" + S,
    absent=["exposed_recipients"],
)

c.normal(
    "pide al cliente reenviar el adjunto que no se abría; cita con '>'",
    sender="sofia",
    to=["lopez"],
    subject="Re: Fotos de la descarga",
    body="Estimado Javier:\n\nEl archivo adjunto que nos mandó no se abre. ¿Podría reenviarlo?\n\n"
    + S
    + gmail_quote(
        "El mié, 25 nov 2026 a las 11:40, Javier López <j.lopez@solariberica.es> escribió:",
        "Sofía, adjunto las fotos de los palets dañados.\nJavier",
    ),
    absent=["missing_attachment"],
)

c.risky(
    "datos bancarios a una dirección desconocida",
    {"sensitive_external": "high"},
    sender="sofia",
    to=[("pagos.ramirez@gmail.com", "Alejandro Ramírez")],
    subject="Datos para el pago",
    body="Estimado Alejandro:\n\nRealice la transferencia a IBAN ES91 2100 0418 4502 0005 1332, BIC CAIXESBBXXX.\n\n"
    + S,
)

CASES = c.items
