"""French trade mail: distributors in France that compete, a builder's merchant, installer partner, forwarder."""

from __future__ import annotations

from tests.eval.common import FOOTER, LEADS, SIG, Cases, gmail_quote, html, outlook_quote, pi_text, quote_text

c = Cases("fr")
CL = SIG["claire"]

# ------------------------------------------------------------------ normal mail
c.normal(
    "avis d'expédition avec mention de confidentialité (parle des pièces jointes)",
    sender="claire",
    to=["dupont"],
    subject="Commande FR-3001-2026-22 : date d'arrivée",
    body=(
        "Bonjour M. Dupont,\n\nVos deux conteneurs partent de Ningbo le 4 décembre, arrivée prévue à Fos-sur-Mer "
        "le 6 janvier. Le transitaire vous enverra l'avis d'arrivée.\n\n" + CL + "\n\n" + FOOTER["fr"]
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "devis au nom du client, au bon client, avec mention de confidentialité",
    sender="claire",
    to=["dupont", "bernard"],
    subject="Devis modules 2027 – Soleil Distribution",
    body="Bonjour Jean, bonjour Sophie,\n\nVeuillez trouver ci-joint notre devis pour 2027.\n\n"
    + CL
    + "\n\n"
    + FOOTER["fr"],
    attachments=[
        (
            "Devis_Soleil-Distribution_FR-3001_2027.pdf",
            quote_text(
                "Soleil Distribution SARL",
                "Jean Dupont",
                "D-2026-508",
                "ACM-550M 550 Wc  12 400 pcs  0,112 USD/Wc",
                "CIF Fos-sur-Mer",
            ),
        )
    ],
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "la PI suivra demain (futur)",
    sender="claire",
    to=["lefevre"],
    subject="RE : Commande structures",
    body="Bonjour Pierre,\n\nMerci pour la confirmation des quantités. La PI suivra demain, dès que le fret sera confirmé.\n\n"
    + CL,
    absent=["missing_attachment"],
)
c.normal(
    "plans pas encore joints, envoyés la semaine prochaine",
    sender="claire",
    to=["girard"],
    subject="Plans chemins de câbles",
    body=(
        "Bonjour M. Girard,\n\nJe ne joins pas encore les plans : notre ingénieur finalise les tableaux de charge. "
        "Je vous enverrai les plans la semaine prochaine avec le certificat de galvanisation.\n\n" + CL
    ),
    absent=["missing_attachment"],
)
c.normal(
    "réponse au-dessus d'une citation Outlook (De / Envoyé) où le client avait joint sa commande",
    sender="claire",
    to=["dupont"],
    subject="RE : Bon de commande BC-2026-0412",
    body="Bonjour M. Dupont,\n\nMerci pour votre commande, nous confirmons une livraison en semaine 3.\n\n"
    + CL
    + outlook_quote(
        "fr",
        "Jean Dupont <j.dupont@soleil-distribution.fr>",
        "lundi 23 novembre 2026 10:14",
        "Claire Martin <claire.martin@acme-trade.example>",
        "Bon de commande BC-2026-0412",
        "Bonjour Claire,\n\nVous trouverez ci-joint notre bon de commande BC-2026-0412. Merci de nous "
        "confirmer le délai.\n\nCordialement,\nJean Dupont\nResponsable achats | Soleil Distribution SARL\n"
        "ZI des Milles, 13290 Aix-en-Provence | Tél. 04 42 12 34 56",
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "réponse au-dessus d'une citation Gmail (Le … a écrit) avec photos jointes",
    sender="claire",
    to=["moreau"],
    subject="Re: Réclamation livraison novembre",
    body="Bonjour Camille,\n\nMerci pour les photos. Nous remplaçons les 6 modules avec la prochaine livraison.\n\n"
    + CL
    + gmail_quote(
        "Le mar. 24 nov. 2026 à 09:02, Camille Moreau <c.moreau@energieverte-provence.fr> a écrit :",
        "Bonjour Claire,\nJe vous joins les photos des 6 modules abîmés.\nCamille",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "réponse HTML, la prospecte avait joint son cahier des charges (blockquote)",
    sender="claire",
    to=["petit"],
    subject="RE : Cahier des charges résidence Les Oliviers",
    fmt="html",
    body=html(
        "Bonjour Madame Petit,\n\nNous avons bien reçu votre cahier des charges et revenons vers vous vendredi.\n\n"
        "Cordialement,<br>Claire Martin",
        "Bonjour,<br>Ci-joint notre cahier des charges et le plan de toiture.<br>Élodie Petit<br>Lumière Habitat SARL",
        "Le lun. 23 nov. 2026 à 16:20, Élodie Petit &lt;e.petit@lumiere-habitat.fr&gt; a écrit :",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "client et son transitaire dans le même mail, documents au nom du client",
    sender="claire",
    to=["dupont"],
    cc=["garnier"],
    subject="Documents d'expédition FR-3001-2026-22",
    body=(
        "Bonjour M. Dupont, bonjour Luc,\n\nCi-joint la liste de colisage et la facture commerciale. Luc, merci "
        "d'organiser le dédouanement et la livraison à Aix.\n\n" + CL
    ),
    attachments=[
        (
            "Liste_Colisage_Soleil_Distribution_FR-3001.pdf",
            "LISTE DE COLISAGE\nDestinataire : Soleil Distribution SARL",
        ),
        (
            "Facture_Commerciale_Soleil_Distribution_FR-3001.pdf",
            "FACTURE COMMERCIALE\nAcheteur : Soleil Distribution SARL",
        ),
    ],
    absent=["exposed_recipients", "content_mismatch", "missing_attachment"],
)
c.normal(
    "client et installateur partenaire dans le même mail",
    sender="claire",
    to=["girard"],
    cc=["legall"],
    subject="Pose toiture entrepôt Rennes",
    body=(
        "Bonjour M. Girard, bonjour Yann,\n\nComme convenu, Bretagne Pose Solaire réalise la pose sur votre "
        "entrepôt de Rennes. Je vous laisse caler la date ensemble.\n\n" + CL
    ),
    absent=["exposed_recipients"],
)
c.normal(
    "mise en relation à trois acceptée par le client",
    sender="claire",
    to=["lefevre"],
    cc=["legall"],
    subject="Mise en relation : Bretagne Pose Solaire",
    body=(
        "Bonjour Pierre,\n\nComme vous me l'avez demandé au téléphone, je vous mets en relation avec Yann Le Gall "
        "de Bretagne Pose Solaire, notre installateur partenaire. Yann, Pierre est acheteur chez Énergie Verte "
        "Provence et cherche un poseur pour deux toitures.\n\nJe vous laisse échanger directement.\n\n" + CL
    ),
    absent=["exposed_recipients", "content_mismatch"],
)
c.normal(
    "demander le prix départ usine (EXW) à notre fournisseur, avec coût cible et marge",
    sender="claire",
    to=["huanglei"],
    subject="Demande de prix EXW – crochets de toiture",
    body=(
        "Bonjour M. Huang,\n\nPouvez-vous nous donner votre prix départ usine (EXW Xiamen) pour 20 000 crochets "
        "inox ? Notre coût cible est de 1,85 USD pièce, sinon notre marge disparaît.\n\n" + CL
    ),
    absent=["sensitive_external"],
)
c.normal(
    "prix sortie usine demandé à l'usine de quincaillerie pour un client nommé",
    sender="claire",
    to=["wugang"],
    subject="Prix EXW vis M8 – commande Batiprox",
    body=(
        "Bonjour M. Wu,\n\nMerci de nous indiquer votre meilleur prix EXW Ningbo pour 40 000 vis M8 inox, pour "
        "notre client Batiprox. Notre marge est très faible sur ce dossier.\n\n" + CL
    ),
    absent=["sensitive_external"],
)
c.normal(
    "PI au bon client, fichier à son nom",
    sender="claire",
    to=["lefevre"],
    subject="Facture proforma FR-3002-2026-047",
    body="Bonjour Pierre,\n\nCi-joint la PI de votre commande. Merci de procéder à l'acompte de 30 %.\n\n" + CL,
    attachments=[
        (
            "PI_Energie-Verte-Provence_FR-3002_2026-047.pdf",
            pi_text(
                "Énergie Verte Provence SAS",
                "150 avenue de la Gare, 84000 Avignon",
                "ACME-PI-2026-047",
                "1  Rail aluminium 4,2 m  3 000 pcs  9,80 USD  29 400,00 USD",
                "29 400,00 USD",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "'Bonjour M. Dupont' à M. Dupont en À",
    sender="claire",
    to=["dupont"],
    subject="Échantillons",
    body="Bonjour M. Dupont,\n\nLes échantillons sont partis aujourd'hui par DHL.\n\n" + CL,
    absent=["greeting_mismatch"],
)
c.normal(
    "'Madame Bernard' à Mme Bernard en À",
    sender="claire",
    to=["bernard"],
    cc=["dupont"],
    subject="Rendez-vous salon BePositive",
    body="Madame Bernard,\n\nJe vous propose mercredi 10 h 30 sur notre stand.\n\n" + CL,
    absent=["greeting_mismatch"],
)
c.normal(
    "'Bonjour à tous' à deux contacts du même client",
    sender="claire",
    to=["lefevre", "moreau"],
    subject="Dernier départ avant le Nouvel An chinois",
    body="Bonjour à tous,\n\nLe dernier navire avant le Nouvel An chinois quitte Ningbo le 30 janvier.\n\n" + CL,
    absent=["greeting_mismatch", "exposed_recipients"],
)
c.normal(
    "mail interne sur la marge et le coût d'un client, seulement des collègues",
    sender="claire",
    to=["tom", "david"],
    subject="Prix Soleil Distribution – interne",
    body=(
        "Bonjour l'équipe,\n\nSoleil Distribution demande 0,108 USD/Wc. Notre coût est de 0,099, la marge "
        "tomberait sous 8 %. Usage interne : Jean laisse entendre qu'Énergie Verte Provence achète moins cher. "
        "On valide ?\n\nClaire"
    ),
    absent=["sensitive_external", "internal_content_external", "content_mismatch"],
)
c.normal(
    "mail interne à la logistique citant plusieurs clients",
    sender="claire",
    to=["logistics"],
    subject="Conteneurs décembre",
    body="Bonjour,\n\nMerci de réserver un conteneur pour Soleil Distribution (FR-3001) et un pour Batiprox (FR-3003).\n\nClaire",
    absent=["content_mismatch", "rival_exposure"],
)
c.normal(
    "lettre d'information aux clients (concurrents entre eux) en Cci",
    sender="claire",
    to=["claire"],
    bcc=["dupont", "bernard", "lefevre", "moreau", "girard", "petit"],
    subject="Nouveautés 2027 : modules TOPCon 600 Wc",
    body="Chers clients,\n\nDès janvier, nous proposons des modules TOPCon 600 Wc depuis notre entrepôt de Lyon.\n\n"
    + CL,
    absent=["exposed_recipients", "rival_exposure"],
)
c.normal(
    "réponse avec long historique, dont un ancien mail d'un collègue au client",
    sender="claire",
    to=["girard"],
    subject="RE : RE : RE : Planning de livraison FR-3003",
    body="Bonjour M. Girard,\n\nLe lot 3 sera chargé le 9 décembre.\n\n"
    + CL
    + outlook_quote(
        "fr",
        "Nicolas Girard <n.girard@batiprox.fr>",
        "mardi 24 novembre 2026 16:40",
        "Claire Martin <claire.martin@acme-trade.example>",
        "RE : RE : Planning de livraison FR-3003",
        "Claire, peut-on avancer le lot 3 ? Ci-joint la liste de chantiers mise à jour.",
    )
    + outlook_quote(
        "fr",
        "Tom Becker <tom.becker@acme-trade.example>",
        "vendredi 20 novembre 2026 11:02",
        "Nicolas Girard <n.girard@batiprox.fr>",
        "RE : Planning de livraison FR-3003",
        "Bonjour M. Girard, le lot 2 est parti le 18 novembre ; le prix du lot 3 reste à 41,50 USD le "
        "kit comme convenu. Ci-joint la copie du connaissement.\nTom Becker (remplaçant de Claire)",
    )
    + outlook_quote(
        "fr",
        "Nicolas Girard <n.girard@batiprox.fr>",
        "jeudi 12 novembre 2026 09:15",
        "Claire Martin <claire.martin@acme-trade.example>",
        "Planning de livraison FR-3003",
        "Bonjour Claire, ci-joint le planning.\nNicolas Girard | Batiprox SAS | 8 rue de l'Industrie, 35000 Rennes",
    ),
    absent=["internal_content_external", "missing_attachment", "content_mismatch"],
)
c.normal(
    "signatures complètes des deux côtés (adresse, téléphone, SIRET, capital)",
    sender="claire",
    to=["bernard"],
    subject="RE : Nouvelle adresse de livraison",
    body="Bonjour Sophie,\n\nC'est noté, nous livrerons le nouvel entrepôt de Vitrolles dès janvier.\n\n"
    + CL
    + "\nACME Trade Europe GmbH – établissement de Lyon – SIRET 123 456 789 00012"
    + gmail_quote(
        "Le mer. 25 nov. 2026 à 14:05, Sophie Bernard <s.bernard@soleil-distribution.fr> a écrit :",
        "Bonjour Claire,\nÀ partir de janvier : 12 avenue de Rome, 13127 Vitrolles.\n"
        "Sophie Bernard | Logistique | Soleil Distribution SARL au capital de 50 000 € | "
        "RCS Aix-en-Provence 512 345 678 | 04 42 12 34 57",
    ),
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "le transitaire reçoit les documents d'un client (pratique quotidienne)",
    sender="claire",
    to=["garnier"],
    subject="Dédouanement Énergie Verte Provence FR-3002",
    body="Bonjour Luc,\n\nCi-joint facture commerciale et liste de colisage d'Énergie Verte Provence.\n\n" + CL,
    attachments=[
        ("Facture_EVP_FR-3002.pdf", "FACTURE COMMERCIALE\nAcheteur : Énergie Verte Provence SAS"),
        ("Colisage_EVP_FR-3002.pdf", "LISTE DE COLISAGE\nDestinataire : Énergie Verte Provence SAS"),
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "catalogue joint pour une prospecte",
    sender="claire",
    to=["petit"],
    subject="Catalogue ACME Trade 2027",
    body="Bonjour Madame Petit,\n\nRavie de vous avoir rencontrée à Lyon. Vous trouverez ci-joint notre catalogue 2027.\n\n"
    + CL,
    attachments=[("Catalogue_ACME_Trade_2027.pdf", "Catalogue ACME Trade 2027 : modules, onduleurs, structures")],
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "certificats envoyés dès réception de l'usine (rien de joint pour l'instant)",
    sender="claire",
    to=["moreau"],
    subject="Certificats IEC",
    body="Bonjour Camille,\n\nJe vous enverrai les certificats IEC dès que l'usine nous les aura transmis ; rien en pièce jointe pour le moment.\n\n"
    + CL,
    absent=["missing_attachment"],
)
c.normal(
    "facture jointe au nom du client",
    sender="claire",
    to=["girard"],
    subject="Facture FR-3003-2026-11",
    body="Bonjour M. Girard,\n\nVeuillez trouver ci-joint la facture du lot 2.\n\n" + CL,
    attachments=[("Facture_Batiprox_FR-3003-2026-11.pdf", "FACTURE\nClient : Batiprox SAS, Rennes")],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "réponse citant la mention légale du client (parle de pièces jointes)",
    sender="claire",
    to=["lefevre"],
    subject="RE : Créneau de déchargement",
    body="Bonjour Pierre,\n\nParfait, le camion arrivera entre 8 h et 10 h.\n\n"
    + CL
    + outlook_quote(
        "fr",
        "Pierre Lefèvre <p.lefevre@energieverte-provence.fr>",
        "mercredi 25 novembre 2026 12:30",
        "Claire Martin <claire.martin@acme-trade.example>",
        "Créneau de déchargement",
        "Claire, l'entrepôt ne décharge que le matin.\nPierre\n\nCe courriel et ses pièces jointes sont "
        "strictement confidentiels et destinés à l'usage exclusif de leur destinataire.",
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "'Bonjour Nicolas' seul destinataire, offre de prix au bon client",
    sender="claire",
    to=["girard"],
    subject="Offre chemins de câbles Batiprox",
    body="Bonjour Nicolas,\n\nVoici notre offre : chemin de câbles 60x40 à 2,10 EUR/m, franco Rennes.\n\n" + CL,
    absent=["greeting_mismatch", "content_mismatch"],
)
c.normal(
    "'Bonjour l'équipe' aux interlocuteurs de l'usine",
    sender="claire",
    to=["zhouqiang", "xuyan"],
    subject="Planning de production janvier",
    body="Bonjour l'équipe,\n\nPour janvier nous aurons besoin de 6 conteneurs : 4 x 550 Wc, 2 x 450 Wc.\n\n" + CL,
    absent=["greeting_mismatch", "exposed_recipients"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "PI de Soleil Distribution envoyée au distributeur rival",
    {"content_mismatch": "critical"},
    sender="claire",
    to=["lefevre"],
    subject="Facture proforma",
    body="Bonjour Pierre,\n\nCi-joint la PI. Merci de procéder à l'acompte.\n\n" + CL,
    attachments=[
        (
            "PI_Soleil_Distribution_FR-3001_2026-044.pdf",
            pi_text(
                "Soleil Distribution SARL",
                "ZI des Milles, 13290 Aix-en-Provence",
                "ACME-PI-2026-044",
                "1  ACM-550M  1 240 pcs  60,50 USD  75 020,00 USD",
                "75 020,00 USD",
            ),
        )
    ],
)
c.risky(
    "PI d'un autre client envoyée à deux distributeurs rivaux visibles l'un de l'autre",
    {"content_mismatch": "critical", "rival_exposure": "critical"},
    sender="claire",
    to=["dupont"],
    cc=["lefevre"],
    subject="PI commande groupée",
    body="Bonjour,\n\nCi-joint la PI.\n\n" + CL,
    attachments=[("PI_Batiprox_FR-3003_2026-049.pdf", None)],
)
c.risky(
    "nom de fichier neutre, devis pour Batiprox envoyé à Soleil Distribution",
    {"content_mismatch": "critical"},
    sender="claire",
    to=["bernard"],
    subject="Devis",
    body="Bonjour Sophie,\n\nVeuillez trouver ci-joint le devis demandé.\n\n" + CL,
    attachments=[
        (
            "Devis.pdf",
            quote_text(
                "Batiprox SAS",
                "Nicolas Girard",
                "D-2026-520",
                "Chemin de câbles 60x40  2 000 m  2,10 EUR/m",
                "franco Rennes",
            ),
        )
    ],
)
c.risky(
    "l'objet porte le code client d'un autre client",
    {"content_mismatch": "high"},
    sender="claire",
    to=["dupont"],
    subject="RE : Commande FR-3002 – retard",
    body="Bonjour M. Dupont,\n\nLe navire a quatre jours de retard.\n\n" + CL,
)
c.risky(
    "le texte révèle à une prospecte la commande d'un autre client",
    {"content_mismatch": "medium"},
    sender="claire",
    to=["petit"],
    subject="Disponibilité",
    body="Bonjour Madame Petit,\n\nSoleil Distribution vient de réserver 300 pièces ; je peux vous en garder 100.\n\n"
    + CL,
)
c.risky(
    "alias d'un autre client en CamelCase dans le nom du fichier",
    {"content_mismatch": "critical"},
    sender="claire",
    to=["girard"],
    subject="Liste de prix 2027",
    body="Bonjour M. Girard,\n\nCi-joint notre liste de prix 2027.\n\n" + CL,
    attachments=[("ListePrix_2027_SoleilDistribution.xlsx", None)],
)
c.risky(
    "domaine du client avec une lettre changée",
    {"lookalike_domain": "high"},
    sender="claire",
    to=[("j.dupont@soleil-distributlon.fr", "Jean Dupont")],
    subject="Confirmation de commande",
    body="Bonjour M. Dupont,\n\nNous confirmons votre commande.\n\n" + CL,
)
c.risky(
    "punycode avec un 'о' cyrillique dans le domaine du client",
    {"lookalike_domain": "high"},
    sender="claire",
    to=[("s.bernard@xn--sleil-distribution-d4o.fr", "Sophie Bernard")],
    subject="RE : Nouveau RIB",
    body="Bonjour Sophie,\n\nNous avons bien reçu votre nouveau RIB.\n\n" + CL,
)
c.risky(
    "domaine connu utilisé comme sous-domaine d'un autre domaine",
    {"lookalike_domain": "high"},
    sender="claire",
    to=[("p.lefevre@energieverte-provence.fr.secure-docs.net", "Pierre Lefèvre")],
    subject="RE : Paiement",
    body="Bonjour Pierre,\n\nNous attendons le paiement.\n\n" + CL,
)
c.risky(
    "TLD remplacé (.com au lieu de .fr)",
    {"lookalike_domain": "high"},
    sender="claire",
    to=[("n.girard@batiprox.com", "Nicolas Girard")],
    subject="Livraison",
    body="Bonjour M. Girard,\n\nLivraison jeudi.\n\n" + CL,
)
c.risky(
    "adresse sans @",
    {"invalid_address": "high"},
    sender="claire",
    to=[("j.dupont.soleil-distribution.fr", "Jean Dupont")],
    subject="Échantillons",
    body="Bonjour M. Dupont,\n\nLes échantillons arrivent demain.\n\n" + CL,
)
c.risky(
    "deux @ dans l'adresse",
    {"invalid_address": "high"},
    sender="claire",
    to=[("c.moreau@@energieverte-provence.fr", "Camille Moreau")],
    subject="Livraison",
    body="Bonjour Camille,\n\nLivraison confirmée.\n\n" + CL,
)
c.risky(
    "deux acheteurs inconnus chez orange.fr / free.fr visibles en À",
    {"exposed_recipients": "medium"},
    sender="claire",
    to=[("artisan.solaire84@orange.fr", "Marc Roux"), ("elec.bernier@free.fr", "Paul Bernier")],
    subject="Vos demandes de prix",
    body="Messieurs,\n\nMerci pour vos demandes ; notre prix est de 0,115 USD/Wc FOB.\n\n" + CL,
)
c.risky(
    "client et prospecte en À",
    {"exposed_recipients": "medium"},
    sender="claire",
    to=["girard", "petit"],
    subject="Hausse de prix janvier",
    body="Madame, Monsieur,\n\nNos prix augmentent de 4 % au 1er janvier.\n\n" + CL,
)
c.risky(
    "distributeurs rivaux en À et Cc",
    {"rival_exposure": "critical"},
    sender="claire",
    to=["dupont"],
    cc=["lefevre"],
    subject="Invitation journée distributeurs",
    body="Bonjour Jean, bonjour Pierre,\n\nNous vous invitons à notre journée distributeurs le 18 décembre.\n\n" + CL,
    absent=["exposed_recipients"],
)
c.risky(
    "concurrent en copie",
    {"competitor_recipient": "high"},
    sender="claire",
    to=["girard"],
    cc=["zimmermann"],
    subject="Offre chemins de câbles",
    body="Bonjour M. Girard,\n\nNotre prix : 2,10 EUR/m franco.\n\n" + CL,
)
c.risky(
    "concurrent chinois en À avec le prix",
    {"competitor_recipient": "high"},
    sender="claire",
    to=["qiancheng"],
    subject="Prix modules 2027",
    body="Bonjour,\n\nNotre prix pour 2027 : 0,112 USD/Wc.\n\n" + CL,
)
c.risky(
    "nom d'un contact connu avec une adresse privée",
    {"contact_mismatch": "high"},
    sender="claire",
    to=[("pierre.lefevre84@laposte.net", "Pierre Lefèvre")],
    subject="Contrat 2027",
    body="Bonjour Pierre,\n\nCi-joint le projet de contrat.\n\n" + CL,
    attachments=[("Contrat_EVP_2027_projet.docx", None)],
)
c.risky(
    "confusion apprise : adresse orange.fr au lieu de l'adresse professionnelle",
    {"known_confusion": "high"},
    sender="claire",
    to=[("jean.dupont@orange.fr", "Jean Dupont")],
    subject="Facture proforma",
    body="Bonjour M. Dupont,\n\nCi-joint la PI.\n\n" + CL,
    attachments=[("PI_Soleil_Distribution_FR-3001_2026-051.pdf", None)],
)
c.risky(
    "salutation à M. Dupont, le mail part chez Batiprox",
    {"greeting_mismatch": "medium"},
    sender="claire",
    to=["girard"],
    subject="Livraison",
    body="Bonjour M. Dupont,\n\nVotre livraison arrive jeudi.\n\n" + CL,
)
c.risky(
    "salutation à Camille (EVP), le mail part chez Soleil",
    {"greeting_mismatch": "medium"},
    sender="claire",
    to=["bernard"],
    subject="Rappel",
    body="Bonjour Camille Moreau,\n\nJe vous rappelle demain comme convenu.\n\n" + CL,
)
c.risky(
    "coût d'achat et marge au client",
    {"sensitive_external": "high"},
    sender="claire",
    to=["lefevre"],
    subject="RE : Prix",
    body="Bonjour Pierre,\n\nImpossible de baisser : notre prix d'achat est de 0,099 USD/Wc et notre marge n'est que de 4 %.\n\n"
    + CL,
)
c.normal(
    "nos coordonnées bancaires à notre propre client : note, pas d'alerte",
    sender="claire",
    to=["girard"],
    subject="Coordonnées de paiement",
    body="Bonjour M. Girard,\n\nMerci de régler sur IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPPXXX.\n\n" + CL,
)
c.risky(
    "discussion interne transférée au client",
    {"internal_content_external": "critical"},
    sender="claire",
    to=["dupont"],
    subject="TR : Prix Soleil Distribution",
    body="Bonjour M. Dupont,\n\nNous pouvons accepter votre prix.\n\n"
    + CL
    + outlook_quote(
        "fr",
        "David Liu <david.liu@acme-trade.example>",
        "mercredi 25 novembre 2026 08:12",
        "Claire Martin <claire.martin@acme-trade.example>",
        "Prix Soleil Distribution",
        "Claire, OK jusqu'à 0,108 mais pas moins. Ce client paie toujours en retard, exige l'acompte "
        "avant production.\nDavid",
    ),
)
c.risky(
    "note 'usage interne' oubliée dans le mail au client",
    {"internal_content_external": "critical"},
    sender="claire",
    to=["moreau"],
    subject="Offre",
    body="[USAGE INTERNE – à supprimer avant envoi : EVP fait jouer la concurrence, marge mini 12 %]\n\n"
    "Bonjour Camille,\n\nVoici notre offre.\n\n" + CL,
)
c.risky(
    "'ci-joint le devis' sans pièce jointe",
    {"missing_attachment": "medium"},
    sender="claire",
    to=["petit"],
    subject="Devis",
    body="Bonjour Madame Petit,\n\nCi-joint notre devis pour la résidence Les Oliviers.\n\n" + CL,
)
c.risky(
    "'vous trouverez en pièce jointe la facture' sans pièce jointe",
    {"missing_attachment": "medium"},
    sender="claire",
    to=["girard"],
    subject="Facture",
    body="Bonjour M. Girard,\n\nVous trouverez en pièce jointe la facture du lot 3.\n\n" + CL,
)
c.risky(
    "premier mail à une adresse inconnue",
    {"first_time_recipient": "info"},
    sender="claire",
    to=[("achats@helios-renov.be", "Service achats")],
    subject="Catalogue",
    body="Madame, Monsieur,\n\nNotre catalogue : www.acme-trade.example/catalogue\n\n" + CL,
    known=True,
)
c.risky(
    "écrit à un client suivi par une collègue",
    {"owner_mismatch": "info"},
    sender="tom",
    to=["dupont"],
    subject="Remplacement pendant les congés",
    body="Bonjour M. Dupont,\n\nJe remplace Claire jusqu'au 4 janvier ; votre livraison est à l'heure.\n\nTom Becker",
)
c.risky(
    "invitation au salon à 25 contacts visibles en À",
    {"exposed_recipients": "medium"},
    sender="claire",
    to=LEADS[:25],
    subject="Invitation : ACME Trade au salon BePositive",
    body="Madame, Monsieur,\n\nNous serons heureux de vous accueillir sur notre stand, hall 5.\n\n" + CL,
)

# ------------------------------------------------------------------ more normal / risky mail
c.normal(
    "remercie pour le bon de commande joint par le client (sa pièce jointe)",
    sender="claire",
    to=["moreau"],
    subject="RE : Commande EVP-2026-88",
    body="Bonjour Camille,\n\nMerci pour le bon de commande joint. La production démarre lundi.\n\n" + CL,
    absent=["missing_attachment"],
)

c.risky(
    "circulaire aux 27 agences d'un même client, toutes visibles en À",
    {"large_audience": "low"},
    sender="claire",
    to=[(f"agence{n:02d}@soleil-distribution.fr", f"Agence {n:02d}") for n in range(1, 28)],
    subject="Nouvelle procédure de commande",
    body="Bonjour à toutes les agences Soleil Distribution,\n\nDès janvier, les commandes passent par le portail.\n\n"
    + CL,
    absent=["exposed_recipients"],
)

c.normal(
    "demande au client de renvoyer la pièce jointe illisible",
    sender="claire",
    to=["girard"],
    subject="RE : Photos chantier",
    body="Bonjour M. Girard,\n\nLa pièce jointe que vous nous avez envoyée ne s'ouvre pas. Pourriez-vous la renvoyer ?\n\n"
    + CL,
    absent=["missing_attachment"],
)

c.risky(
    "coordonnées bancaires à une adresse inconnue",
    {"sensitive_external": "high"},
    sender="claire",
    to=[("compta@girard-solaire-sarl.example", "Comptabilité")],
    subject="Coordonnées de paiement",
    body="Bonjour,\n\nMerci de régler sur IBAN FR76 3000 6000 0112 3456 7890 189, BIC AGRIFRPPXXX.\n\n" + CL,
)

CASES = c.items
