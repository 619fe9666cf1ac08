"""Segundo lote, más difícil, en español: hilos largos, terceros en copia, 'adjunto' como cargo, fugas sutiles."""

from __future__ import annotations

from tests.eval.common import SIG, Cases, html, outlook_quote, pi_text, quote_text

c = Cases("es")
S = SIG["sofia"]
RGPD = (
    "Protección de datos: En cumplimiento del Reglamento (UE) 2016/679 (RGPD) y de la LOPDGDD, le informamos de que "
    "sus datos son tratados por ACME Trade Europe GmbH con la finalidad de gestionar la relación comercial. Puede "
    "ejercer sus derechos de acceso, rectificación y supresión en privacy@acme-trade.example. Este mensaje y sus "
    "anexos son confidenciales; si lo ha recibido por error, bórrelo y avísenos."
)

# ------------------------------------------------------------------ correo normal
c.normal(
    "hilo largo con cita de Outlook (De/Enviado el/Para/Asunto); el cliente menciona otra oferta adjunta",
    sender="sofia",
    to=["martinez"],
    subject="RE: RE: Precio inversores híbridos 2027",
    body=(
        "Hola Carlos:\n\nPodemos quedarnos en 605 € por equipo si confirmáis 100 unidades antes del 15 de "
        "diciembre. Es nuestro último precio.\n\n"
        + S
        + outlook_quote(
            "es",
            "Carlos Martínez <cmartinez@fotolevante.es>",
            "jueves, 26 de noviembre de 2026 13:05",
            "Sofía Ruiz <sofia.ruiz@acme-trade.example>",
            "RE: Precio inversores híbridos 2027",
            "Sofía:\n\nOtro proveedor nos da 590 € (te adjunto su oferta). ¿Podéis acercaros?\n\nUn saludo,\n"
            "Carlos Martínez\nDistribuciones Fotovoltaicas Levante S.L. · Compras\nPol. Ind. Fuente del Jarro, Paterna",
        )
        + outlook_quote(
            "es",
            "Sofía Ruiz <sofia.ruiz@acme-trade.example>",
            "martes, 24 de noviembre de 2026 9:40",
            "Carlos Martínez <cmartinez@fotolevante.es>",
            "Precio inversores híbridos 2027",
            "Hola Carlos:\n\nNuestro precio 2027: 620 € por equipo, DDP Valencia.\n\nSofía",
        )
    ),
    absent=["missing_attachment", "internal_content_external", "content_mismatch"],
)
c.normal(
    "comunicado de nuevas tarifas, todos los clientes (también rivales) en CCO, remitente en Para",
    sender="sofia",
    to=["sofia"],
    bcc=["garcia", "lopez", "martinez", "sanchez", "fernandez", "ramirez", "silva"],
    subject="Comunicado: tarifas 2027 de estructuras de montaje",
    body=(
        "Estimados clientes:\n\nPor la subida del aluminio, las estructuras de montaje subirán un 4 % a partir del "
        "1 de enero de 2027. Los pedidos confirmados con anticipo antes del 20 de diciembre mantienen la tarifa "
        "actual.\n\n" + S + "\n\n" + RGPD
    ),
    absent=["exposed_recipients", "rival_exposure", "missing_attachment"],
)
c.normal(
    "'Estimados Laura y Javier', los dos en Para",
    sender="sofia",
    to=["garcia", "lopez"],
    subject="Reunión anual en Madrid",
    body=(
        "Estimados Laura y Javier:\n\nOs confirmo la reunión del 10 de diciembre a las 11:00 en nuestra oficina "
        "de Alcalá.\n\n" + S
    ),
    absent=["greeting_mismatch"],
)
c.normal(
    "cliente, su transitario (TransIberia) y nuestro transitario en Ningbo en el mismo correo",
    sender="sofia",
    to=["garcia"],
    cc=["torres", "sunli"],
    subject="Embarque ES-2001-2026-14 – entrega de documentos",
    body=(
        "Hola Laura, hola Miguel:\n\nNuestro transitario en Ningbo (Yuanhang, en copia) ha enviado hoy los BL "
        "originales a TransIberia. Miguel, por favor encárgate del despacho en Valencia.\n\n" + S
    ),
    absent=["exposed_recipients", "content_mismatch"],
)
c.normal(
    "al cliente se le nombra nuestro agente y nuestra fábrica (rutina)",
    sender="sofia",
    to=["ramirez"],
    subject="Estructuras para el proyecto de Monterrey",
    body=(
        "Estimado Alejandro:\n\nLas estructuras se fabrican en nuestra planta Jingneng Mounting (Xiamen). Nuestro "
        "agente Pablo Duarte, de Agencia Comercial Duarte, le visitará la semana próxima con las muestras.\n\n" + S
    ),
    absent=["content_mismatch"],
)
c.normal(
    "'director adjunto' y 'nave anexa': adjunto/anexo en otro sentido",
    sender="sofia",
    to=["lopez"],
    subject="Visita a Sevilla",
    body=(
        "Hola Javier:\n\nEn la visita me acompañará nuestro director adjunto de ventas. Si os parece, vemos "
        "primero la nave anexa donde queréis montar la cubierta solar.\n\n" + S
    ),
    absent=["missing_attachment"],
)
c.normal(
    "'la industria solar ibérica' (expresión común) en un correo a FotoLevante",
    sender="sofia",
    to=["sanchez"],
    subject="Previsión 2027",
    body=(
        "Hola Marta:\n\nSegún UNEF, la industria solar ibérica crecerá un 12 % en 2027. Os recomiendo reservar "
        "capacidad para el primer trimestre.\n\n" + S
    ),
    absent=["content_mismatch"],
)
c.normal(
    "correo interno con nombres de clientes, costes y márgenes",
    sender="sofia",
    to=["david"],
    cc=["tom"],
    subject="Márgenes España y México Q4",
    body=(
        "David:\n\nQ4: Solar Ibérica 8 % de margen, FotoLevante 5,5 % (coste 0,097 $/W), Ferrenorte 11 %. "
        "Solaris Andalucía pide 60 días; propongo que no.\n\nSofía"
    ),
    absent=["sensitive_external", "content_mismatch", "internal_content_external"],
)
c.normal(
    "asunto 'RV: RE: RV:', respuesta a cliente mexicano con cita '>'",
    sender="sofia",
    to=["ramirez"],
    subject="RV: RE: RV: Certificados de galvanizado",
    body=(
        "Estimado Alejandro:\n\nLos certificados son válidos; el espesor medio es de 85 micras.\n\n"
        + S
        + "\n\n> Sofía, le adjunto los requisitos de nuestro cliente final. ¿Cumplen sus certificados?\n"
        "> Alejandro Ramírez\n> Ferretería Industrial del Norte S.A. de C.V."
    ),
    absent=["missing_attachment"],
)
c.normal(
    "respuesta HTML con cita de Gmail (El … escribió:), la prospecta adjuntó planos",
    sender="sofia",
    to=["fernandez"],
    subject="Re: Planos cubierta Córdoba",
    fmt="html",
    body=html(
        "Hola Lucía:\n\nRecibidos los planos, gracias. El lunes te mando la propuesta de distribución.\n\n"
        "Un saludo,<br>Sofía Ruiz",
        "Hola Sofía,<br>Te adjunto los planos de la cubierta y el estudio de cargas.<br>Lucía Fernández<br>"
        "Solaris Andalucía S.L.",
        "El jue, 26 nov 2026 a las 10:12, Lucía Fernández &lt;lucia.fernandez@solarisandalucia.es&gt; escribió:",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "PI al cliente correcto con nuestros datos bancarios (cliente del directorio: nota, no aviso)",
    sender="sofia",
    to=["silva"],
    subject="Factura proforma BR-9001-2026-06",
    body=(
        "Hola João:\n\nAdjunto la factura proforma. El anticipo del 30 % se paga a ACME Trade Europe GmbH, "
        "IBAN DE12 2005 0550 1234 5678 90, BIC HASPDEHHXXX.\n\n" + S
    ),
    attachments=[
        (
            "PI_Sol_do_Brasil_BR-9001_2026-06.pdf",
            pi_text(
                "Sol do Brasil Distribuidora Ltda.",
                "Av. Paulista 1000, São Paulo, Brasil",
                "ACME-PI-2026-066",
                "1  ACM-550M 550W  1,240 pcs  USD 60.20  USD 74,648.00",
                "USD 74,648.00",
                "CIF Santos, 30% anticipo, 70% contra copia del BL",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "al agente comercial (partner): nuestro coste y su comisión",
    sender="sofia",
    to=["duarte"],
    subject="Comisión proyecto Monterrey",
    body=(
        "Hola Pablo:\n\nPara Ferrenorte nuestro coste es 0,41 $ por anclaje y vendemos a 0,55 $; tu comisión "
        "queda en el 3 % como siempre.\n\n" + S
    ),
    absent=["sensitive_external"],
)
c.normal(
    "presentación a tres bandas, la prospecta y el agente ya dieron su acuerdo",
    sender="sofia",
    to=["fernandez"],
    cc=["duarte"],
    subject="Presentación: Agencia Comercial Duarte",
    body=(
        "Buenos días a ambos:\n\nComo acordamos, os pongo en contacto. Pablo lleva nuestra marca en Andalucía "
        "y puede visitar la obra de Córdoba. A partir de aquí os dejo hablar directamente.\n\n" + S
    ),
    absent=["exposed_recipients"],
)
c.normal(
    "transitario recibe los documentos de embarque de un cliente",
    sender="sofia",
    to=["torres"],
    subject="Documentos FotoLevante – contenedor MSKU 123456-7",
    body="Hola Miguel:\n\nAdjunto packing list y factura comercial de FotoLevante para el despacho.\n\n" + S,
    attachments=[
        (
            "Packing_List_FotoLevante_ES-2002-2026-11.pdf",
            "PACKING LIST\nConsignee: Distribuciones Fotovoltaicas Levante S.L.",
        ),
        (
            "Factura_Comercial_FotoLevante_ES-2002-2026-11.pdf",
            "FACTURA COMERCIAL\nCliente: Distribuciones Fotovoltaicas Levante S.L.",
        ),
    ],
    absent=["content_mismatch", "exposed_recipients", "missing_attachment"],
)
c.normal(
    "cotización prometida para la semana próxima, firma con aviso RGPD",
    sender="sofia",
    to=["ramirez"],
    subject="Re: Tornillería inoxidable",
    body=(
        "Estimado Alejandro:\n\nLe envío la cotización la semana que viene, cuando la fábrica confirme el precio "
        "del inoxidable A2.\n\n" + S + "\n\n" + RGPD
    ),
    absent=["missing_attachment"],
)
c.normal(
    "'Buenos días a todos' a dos contactos de Solar Ibérica, ambos en Para, con el jefe en copia",
    sender="sofia",
    to=["garcia", "lopez"],
    cc=["david"],
    subject="Cambio de interlocutor en ACME",
    body=(
        "Buenos días a todos:\n\nOs presento a David Liu, nuestro director general, que os visitará en enero.\n\n" + S
    ),
    absent=["greeting_mismatch", "exposed_recipients"],
)
c.normal(
    "cliente de la lista (Ferrenorte) pide el precio FOB; respondemos precios de venta, nada de costes",
    sender="sofia",
    to=["ramirez"],
    subject="Cotización anclajes",
    body=(
        "Estimado Alejandro:\n\nNuestro precio para 20.000 anclajes es 0,55 $ por unidad FOB Ningbo, plazo 25 "
        "días tras el anticipo.\n\n" + S
    ),
)

# ------------------------------------------------------------------ correo de riesgo
c.risky(
    "PI con el nombre de otro cliente sin acentos (Energia_Solar_Iberica) a FotoLevante",
    {"content_mismatch": "critical"},
    sender="sofia",
    to=["martinez"],
    subject="Factura proforma",
    body="Hola Carlos:\n\nAdjunto la PI. Por favor, gestionad el anticipo.\n\n" + S,
    attachments=[("PI_Energia_Solar_Iberica_2026-051.pdf", None)],
)
c.risky(
    "contrato con el código de cliente de Solar Ibérica en el nombre, va a Solaris Andalucía",
    {"content_mismatch": "critical"},
    sender="sofia",
    to=["fernandez"],
    subject="Contrato marco 2027",
    body="Hola Lucía:\n\nAdjunto el borrador del contrato marco 2027.\n\n" + S,
    attachments=[("Contrato_marco_ES-2001_2027.docx", None)],
)
c.risky(
    "archivo neutro 'Cotizacion_2027.pdf' con texto para Ferrenorte, va a Sol do Brasil",
    {"content_mismatch": "critical"},
    sender="sofia",
    to=["silva"],
    subject="Cotización",
    body="Hola João:\n\nAdjunto la cotización solicitada.\n\n" + S,
    attachments=[
        (
            "Cotizacion_2027.pdf",
            quote_text(
                "Ferretería Industrial del Norte S.A. de C.V.",
                "Alejandro Ramírez",
                "Q-2027-0044",
                "Anclaje 76x1600  20.000 uds  USD 0.55",
                "CIF Manzanillo",
            ),
        )
    ],
)
c.risky(
    "respuesta en el hilo equivocado: asunto y cita de Ferrenorte, va a Sol do Brasil",
    {"content_mismatch": "high"},
    sender="sofia",
    to=["silva"],
    subject="RE: Pedido Ferrenorte MX-2101 – fecha de embarque",
    body=(
        "Hola:\n\nConfirmado, embarcamos el 18 de diciembre.\n\n"
        + S
        + outlook_quote(
            "es",
            "Alejandro Ramírez <aramirez@ferrenorte.com.mx>",
            "viernes, 27 de noviembre de 2026 17:20",
            "Sofía Ruiz <sofia.ruiz@acme-trade.example>",
            "Pedido Ferrenorte MX-2101 – fecha de embarque",
            "Sofía, ¿pueden embarcar antes del 20? Saludos, Alejandro",
        )
    ),
)
c.risky(
    "distribuidores rivales (Solar Ibérica y FotoLevante) en Para y CC",
    {"rival_exposure": "critical"},
    sender="sofia",
    to=["garcia"],
    cc=["sanchez"],
    subject="Retraso del buque",
    body="Hola Laura, hola Marta:\n\nEl buque llega con cinco días de retraso.\n\n" + S,
    absent=["exposed_recipients"],
)
c.risky(
    "dos compradores desconocidos (gmail y hotmail.es) visibles en Para",
    {"exposed_recipients": "medium"},
    sender="sofia",
    to=[("instalaciones.moreno@gmail.com", "Instalaciones Moreno"), ("solar.canarias@hotmail.es", "Pedro")],
    subject="Oferta kits autoconsumo",
    body="Buenos días:\n\nNuestro kit de 5 kW sale a 2.350 € + IVA puesto en península.\n\n" + S,
)
c.risky(
    "'.com' en lugar de '.es' (fotolevante.com)",
    {"lookalike_domain": "high"},
    sender="sofia",
    to=[("msanchez@fotolevante.com", "Marta Sánchez")],
    subject="Factura 2026-0456",
    body="Hola Marta:\n\nTe paso los datos de la factura 2026-0456.\n\n" + S,
)
c.risky(
    "punycode con 'а' cirílica (fotolevаnte.es)",
    {"lookalike_domain": "high"},
    sender="sofia",
    to=[("cmartinez@xn--fotolevnte-5qi.es", "Carlos Martínez")],
    subject="RE: ¿Nueva cuenta bancaria?",
    body="Hola Carlos:\n\nNo hemos cambiado de cuenta; pagad solo a la cuenta de la proforma.\n\n" + S,
)
c.risky(
    "nombre de la empresa + 'sl' como dominio (solariberica-sl.es)",
    {"lookalike_domain": "high"},
    sender="sofia",
    to=[("laura.garcia@solariberica-sl.es", "Laura García")],
    subject="Pedido confirmado",
    body="Hola Laura:\n\nConfirmamos vuestro pedido de 2 contenedores.\n\n" + S,
)
c.risky(
    "dirección sin @ (copiada de una tarjeta)",
    {"invalid_address": "high"},
    sender="sofia",
    to=[("aramirez.ferrenorte.com.mx", "Alejandro Ramírez")],
    subject="Catálogo 2027",
    body="Estimado Alejandro:\n\nNuestro catálogo: www.acme-trade.example/catalogo\n\n" + S,
)
c.risky(
    "coste de compra y margen al cliente",
    {"sensitive_external": "high"},
    sender="sofia",
    to=["lopez"],
    subject="RE: ¿Algo más de descuento?",
    body=(
        "Hola Javier:\n\nDe verdad que no puedo: nuestro coste de compra ya es 0,094 $/W y el margen no llega al "
        "5 %.\n\n" + S
    ),
)
c.risky(
    "'Nota interna' olvidada en el correo al cliente",
    {"internal_content_external": "critical"},
    sender="sofia",
    to=["silva"],
    subject="Confirmación de pedido",
    body=(
        "Hola João:\n\nConfirmamos el pedido de 2 contenedores.\n\n"
        "Nota interna: Sol do Brasil paga siempre tarde, no embarcar sin el 100 %.\n\n" + S
    ),
)
c.risky(
    "discusión interna reenviada (De: David, Para: Sofía) al cliente",
    {"internal_content_external": "critical"},
    sender="sofia",
    to=["garcia"],
    subject="RV: Aprobación precio Solar Ibérica",
    body=(
        "Hola Laura:\n\nBuenas noticias, mira abajo.\n\n"
        + S
        + outlook_quote(
            "es",
            "David Liu <david.liu@acme-trade.example>",
            "jueves, 26 de noviembre de 2026 19:02",
            "Sofía Ruiz <sofia.ruiz@acme-trade.example>",
            "Aprobación precio Solar Ibérica",
            "Sofía, 0,106 vale, pero solo con 8 contenedores. Ibérica anda justa de caja; no negocies el anticipo."
            "\nDavid",
        )
    ),
)
c.risky(
    "'Estimado Sr. López' pero el correo va a Carlos Martínez",
    {"greeting_mismatch": "medium"},
    sender="sofia",
    to=["martinez"],
    subject="Documentación técnica",
    body="Estimado Sr. López:\n\nLe envío el enlace a la documentación técnica.\n\n" + S,
)
c.risky(
    "'Estimada Lucía' pero el correo va a Laura",
    {"greeting_mismatch": "medium"},
    sender="sofia",
    to=["garcia"],
    subject="Muestras",
    body="Estimada Lucía:\n\nLas muestras salen mañana por DHL.\n\n" + S,
)
c.risky(
    "'Adjunto encontrará' sin adjunto",
    {"missing_attachment": "medium"},
    sender="sofia",
    to=["ramirez"],
    subject="Ficha técnica anclajes",
    body="Estimado Alejandro:\n\nAdjunto encontrará la ficha técnica de los anclajes.\n\n" + S,
)
c.risky(
    "datos bancarios a un gmail desconocido",
    {"sensitive_external": "high"},
    sender="sofia",
    to=[("pagos.fotolevante@gmail.com", "Pagos")],
    subject="Datos bancarios",
    body="Buenos días:\n\nNuestros datos bancarios: IBAN DE12 2005 0550 1234 5678 90, BIC HASPDEHHXXX.\n\n" + S,
)

c.normal(
    "'te lo adjunto mañana' (futuro), sin adjunto hoy",
    sender="sofia",
    to=["sanchez"],
    subject="Re: Certificado de origen",
    body=(
        "Hola Marta:\n\nLa cámara de comercio nos entrega el certificado de origen mañana; te lo adjunto en cuanto "
        "lo tenga.\n\n" + S
    ),
    absent=["missing_attachment"],
)
c.risky(
    "reenvío de Gmail ('Mensaje reenviado') de una conversación interna, al cliente",
    {"internal_content_external": "critical"},
    sender="sofia",
    to=["ramirez"],
    subject="Fwd: Plazo de pago Ferrenorte",
    body=(
        "Estimado Alejandro:\n\nsobre su consulta del plazo de pago, vea abajo.\n\n"
        + S
        + "\n\n---------- Mensaje reenviado ---------\nDe: David Liu <david.liu@acme-trade.example>\n"
        "Date: jue, 26 nov 2026 a las 18:40\nSubject: Plazo de pago Ferrenorte\nTo: Sofía Ruiz "
        "<sofia.ruiz@acme-trade.example>\n\nSofía, máximo 30 días para Ferrenorte. La aseguradora de crédito les "
        "ha bajado el límite a 60.000 $; eso no se lo digas.\nDavid"
    ),
)

CASES = c.items
for _case in CASES:  # distinct ids beside the first batch: es-m001 ...
    _case["id"] = _case["id"].replace("es-", "es-m", 1)
