"""Second lot, plus difficile, en français : longs fils, tiers en copie, 'joint'/'attaché' dans un autre sens."""

from __future__ import annotations

from tests.eval.common import SIG, Cases, gmail_quote, html, outlook_quote, pi_text, quote_text

c = Cases("fr")
C = SIG["claire"]
MENTIONS = (
    "Cordialement,\nClaire Martin\nResponsable commerciale France & Benelux\n"
    "ACME Trade Europe GmbH – Société de droit allemand au capital de 500 000 € – Amtsgericht Hamburg HRB 154321\n"
    "Établissement secondaire : 12 rue de la République, 69002 Lyon – RCS Lyon 901 234 567 – SIRET 901 234 567 00018\n"
    "N° TVA intracommunautaire : FR 45 901234567\n"
    "Conformément au RGPD, vous disposez d'un droit d'accès et de rectification : privacy@acme-trade.example"
)

# ------------------------------------------------------------------ courrier normal
c.normal(
    "long fil avec citation Outlook (De : / Envoyé : / À : / Objet :), le client cite une offre concurrente jointe",
    sender="claire",
    to=["dupont"],
    subject="RE: RE: Prix onduleurs hybrides 2027",
    body=(
        "Bonjour Jean,\n\nNous pouvons descendre à 602 € par appareil pour 100 pièces confirmées avant le "
        "15 décembre. C'est notre dernier prix.\n\n"
        + C
        + outlook_quote(
            "fr",
            "Jean Dupont <j.dupont@soleil-distribution.fr>",
            "jeudi 26 novembre 2026 15:12",
            "Claire Martin <claire.martin@acme-trade.example>",
            "RE: Prix onduleurs hybrides 2027",
            "Claire,\n\nUn autre fournisseur nous propose 588 € (offre ci-jointe). Pouvez-vous vous aligner ?\n\n"
            "Cordialement,\nJean Dupont\nSoleil Distribution SARL – Achats\nSARL au capital de 50 000 € – "
            "RCS Lyon 812 345 678",
        )
        + outlook_quote(
            "fr",
            "Claire Martin <claire.martin@acme-trade.example>",
            "mardi 24 novembre 2026 10:02",
            "Jean Dupont <j.dupont@soleil-distribution.fr>",
            "Prix onduleurs hybrides 2027",
            "Bonjour Jean,\n\nNotre prix 2027 : 618 € par appareil, DAP Lyon.\n\nClaire",
        )
    ),
    absent=["missing_attachment", "internal_content_external", "content_mismatch"],
)
c.normal(
    "annonce des tarifs 2027, tous les clients (rivaux compris) en Cci, expéditrice en À",
    sender="claire",
    to=["claire"],
    bcc=["dupont", "bernard", "lefevre", "moreau", "girard", "petit"],
    subject="Nouveaux tarifs 2027 – systèmes de fixation",
    body=(
        "Madame, Monsieur,\n\nEn raison de la hausse de l'aluminium, nos systèmes de fixation augmenteront de 4 % "
        "au 1er janvier 2027. Les commandes confirmées avec acompte avant le 20 décembre gardent l'ancien tarif.\n\n"
        + MENTIONS
    ),
    absent=["exposed_recipients", "rival_exposure"],
)
c.normal(
    "'Bonjour Jean, bonjour Sophie', les deux dans À",
    sender="claire",
    to=["dupont", "bernard"],
    subject="Réunion annuelle à Lyon",
    body="Bonjour Jean, bonjour Sophie,\n\nJe vous confirme notre rendez-vous du 9 décembre à 10 h.\n\n" + C,
    absent=["greeting_mismatch"],
)
c.normal(
    "client, son transitaire (TransMed) et notre transitaire de Ningbo dans le même mail",
    sender="claire",
    to=["lefevre"],
    cc=["garnier", "sunli"],
    subject="Expédition FR-3002-2026-08 – documents",
    body=(
        "Bonjour Pierre, bonjour Luc,\n\nNotre transitaire à Ningbo (Yuanhang, en copie) a envoyé aujourd'hui les "
        "connaissements originaux à Transitaire Méditerranée. Luc, merci de gérer le dédouanement à Fos.\n\n" + C
    ),
    absent=["exposed_recipients", "content_mismatch"],
)
c.normal(
    "le client apprend le nom de notre poseur partenaire et de notre usine (routine)",
    sender="claire",
    to=["girard"],
    subject="Chantier de Rennes – planning",
    body=(
        "Bonjour Nicolas,\n\nLes modules sortent de notre usine Henghui PV la semaine prochaine. La pose à Rennes "
        "sera assurée comme convenu par Bretagne Pose Solaire à partir du 18 janvier.\n\n" + C
    ),
    absent=["content_mismatch"],
)
c.normal(
    "'joint EPDM', 'attaché commercial' et 'attachés à la qualité' : autres sens",
    sender="claire",
    to=["girard"],
    subject="Rails de fixation – nouveau modèle",
    body=(
        "Bonjour Nicolas,\n\nLe nouveau rail est livré avec un joint EPDM pré-monté, plus besoin de silicone. "
        "Notre attaché commercial pour l'Ouest passera vous le montrer. Nous sommes très attachés à la qualité : "
        "chaque lot est testé au brouillard salin.\n\n" + C
    ),
    absent=["missing_attachment"],
)
c.normal(
    "'énergie verte Provence-Alpes-Côte d'Azur' (nom de région) dans un mail à Batiprox",
    sender="claire",
    to=["girard"],
    subject="Aides régionales",
    body=(
        "Bonjour Nicolas,\n\nPour votre chantier de Marseille, le programme régional d'énergie verte "
        "Provence-Alpes-Côte d'Azur subventionne jusqu'à 20 % des toitures tertiaires.\n\n" + C
    ),
    absent=["content_mismatch"],
)
c.normal(
    "mail interne avec noms de clients, prix de revient et marges",
    sender="claire",
    to=["david"],
    cc=["tom"],
    subject="Marges France T4",
    body=(
        "David,\n\nT4 : Soleil Distribution 7,5 % de marge, Énergie Verte Provence 5 % (prix de revient 0,097 $/W), "
        "Batiprox 10 %. Lumière Habitat demande 60 jours ; je propose de refuser.\n\nClaire"
    ),
    absent=["sensitive_external", "content_mismatch", "internal_content_external"],
)
c.normal(
    "objet 'TR: RE: TR:', réponse au-dessus d'une citation '>' qui parle de pièce jointe",
    sender="claire",
    to=["moreau"],
    subject="TR: RE: TR: Certificats CE",
    body=(
        "Bonjour Camille,\n\nNos certificats sont valables jusqu'en 2029, c'est bon pour votre appel d'offres.\n\n"
        + C
        + "\n\n> Bonjour Claire,\n> ci-joint le cahier des charges de l'appel d'offres. Vos certificats sont-ils "
        "encore valables ?\n> Camille Moreau"
    ),
    absent=["missing_attachment"],
)
c.normal(
    "réponse HTML avec citation Gmail (Le … a écrit :), la prospecte avait joint des photos",
    sender="claire",
    to=["petit"],
    subject="Re: Toiture à Annecy",
    fmt="html",
    body=html(
        "Bonjour Élodie,\n\nMerci pour les photos. Je vous envoie une proposition d'implantation lundi.\n\n"
        "Cordialement,<br>Claire Martin",
        "Bonjour Claire,<br>Vous trouverez ci-joint les photos de la toiture et le plan cadastral.<br>"
        "Élodie Petit<br>Lumière Habitat SARL",
        "Le jeu. 26 nov. 2026 à 10:12, Élodie Petit &lt;e.petit@lumiere-habitat.fr&gt; a écrit :",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "facture pro forma au bon client avec notre RIB (client de l'annuaire : note, pas d'alerte)",
    sender="claire",
    to=["girard"],
    subject="Facture pro forma FR-3003-2026-12",
    body=(
        "Bonjour Nicolas,\n\nVeuillez trouver ci-joint la facture pro forma. L'acompte de 30 % est à régler sur "
        "notre compte IBAN DE12 2005 0550 1234 5678 90, BIC HASPDEHHXXX.\n\n" + MENTIONS
    ),
    attachments=[
        (
            "Proforma_Batiprox_FR-3003_2026-12.pdf",
            pi_text(
                "Batiprox SAS",
                "ZI des Landes, 35000 Rennes, France",
                "ACME-PI-2026-124",
                "1  Rail alu 4,2 m  2 000 pcs  EUR 8,90  EUR 17 800,00",
                "EUR 17 800,00",
                "DAP Rennes, 30 % d'acompte, solde avant expédition",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "au poseur partenaire : notre prix de revient et sa marge de pose",
    sender="claire",
    to=["legall"],
    subject="Chantier Rennes – votre prix de pose",
    body=(
        "Bonjour Yann,\n\nPour Rennes, notre prix de revient des modules est de 0,098 $/W ; il faut rester sous "
        "0,75 €/Wc posé au total. Pouvez-vous me donner votre prix de pose ?\n\n" + C
    ),
    absent=["sensitive_external"],
)
c.normal(
    "mise en relation à trois acceptée par la prospecte et le poseur partenaire",
    sender="claire",
    to=["petit"],
    cc=["legall"],
    subject="Mise en relation : Bretagne Pose Solaire",
    body=(
        "Bonjour Élodie, bonjour Yann,\n\nComme convenu avec vous deux, je vous mets en relation. Yann pose nos "
        "systèmes depuis six ans ; il peut visiter votre toiture d'Annecy. Je vous laisse échanger.\n\n" + C
    ),
    absent=["exposed_recipients"],
)
c.normal(
    "le transitaire reçoit les documents d'un client (pratique quotidienne)",
    sender="claire",
    to=["garnier"],
    subject="Documents Soleil Distribution – conteneur MSKU 765432-1",
    body="Bonjour Luc,\n\nCi-joint la liste de colisage et la facture commerciale pour le dédouanement.\n\n" + C,
    attachments=[
        (
            "Liste_colisage_Soleil_Distribution_FR-3001.pdf",
            "LISTE DE COLISAGE\nDestinataire : Soleil Distribution SARL",
        ),
        (
            "Facture_commerciale_Soleil_Distribution_FR-3001.pdf",
            "FACTURE COMMERCIALE\nClient : Soleil Distribution SARL",
        ),
    ],
    absent=["content_mismatch", "exposed_recipients", "missing_attachment"],
)
c.normal(
    "'Bonjour à tous' aux deux contacts d'EVP, devis promis pour la semaine prochaine",
    sender="claire",
    to=["lefevre", "moreau"],
    subject="Re: Micro-onduleurs",
    body=(
        "Bonjour à tous,\n\nJe vous enverrai le devis des micro-onduleurs la semaine prochaine, dès que l'usine "
        "aura confirmé les délais.\n\n" + C
    ),
    absent=["missing_attachment", "greeting_mismatch"],
)
c.normal(
    "première réponse à un installateur inconnu (une seule adresse)",
    sender="claire",
    to=[("contact@solaire-ardeche.fr", "Solaire Ardèche")],
    subject="Re: Demande de tarifs",
    body=(
        "Madame, Monsieur,\n\nMerci pour votre demande. Notre catalogue est en ligne : "
        "www.acme-trade.example/fr/catalogue. Je vous appelle demain pour parler de vos volumes.\n\n" + C
    ),
    known=True,
)
c.normal(
    "réponse au client au-dessus de sa citation Gmail où il parle de son propre client final et de ses prix",
    sender="claire",
    to=["girard"],
    subject="Re: Projet Vitré",
    body=(
        "Bonjour Nicolas,\n\nC'est noté, nous réservons 400 modules pour Vitré.\n\n"
        + C
        + gmail_quote(
            "Le ven. 27 nov. 2026 à 09:30, Nicolas Girard <n.girard@batiprox.fr> a écrit :",
            "Claire,\nNotre client, la laiterie de Vitré, accepte 0,62 €/Wc posé. Pouvez-vous réserver 400 "
            "modules ? Le bon de commande suit.\nNicolas",
        )
    ),
    absent=["missing_attachment", "content_mismatch"],
)
c.normal(
    "congés : la collègue qui remplace est en copie",
    sender="claire",
    to=["bernard"],
    cc=["tom"],
    subject="Absence du 21/12 au 04/01",
    body=(
        "Bonjour Sophie,\n\nDu 21 décembre au 4 janvier, Tom Becker (en copie) me remplace pour les commandes "
        "en cours.\n\n" + C
    ),
)

# ------------------------------------------------------------------ courrier à risque
c.risky(
    "devis nommé en CamelCase d'après un rival (EnergieVerteProvence) envoyé à Soleil",
    {"content_mismatch": "critical"},
    sender="claire",
    to=["bernard"],
    subject="Devis 2027",
    body="Bonjour Sophie,\n\nVeuillez trouver notre devis en pièce jointe.\n\n" + C,
    attachments=[("Devis_EnergieVerteProvence_2027.pdf", None)],
)
c.risky(
    "pro forma nommée d'après Batiprox envoyée à Lumière Habitat",
    {"content_mismatch": "critical"},
    sender="claire",
    to=["petit"],
    subject="Facture pro forma",
    body="Bonjour Élodie,\n\nCi-joint la facture pro forma.\n\n" + C,
    attachments=[("Facture_proforma_Batiprox_2026-112.pdf", None)],
)
c.risky(
    "contrat avec le code client de Soleil Distribution dans le nom, envoyé à Batiprox",
    {"content_mismatch": "critical"},
    sender="claire",
    to=["girard"],
    subject="Contrat-cadre 2027",
    body="Bonjour Nicolas,\n\nCi-joint le projet de contrat-cadre 2027.\n\n" + C,
    attachments=[("Contrat_cadre_FR-3001_2027.docx", None)],
)
c.risky(
    "fichier neutre 'Devis_2027.pdf', texte pour Soleil Distribution, envoyé à EVP",
    {"content_mismatch": "critical"},
    sender="claire",
    to=["moreau"],
    subject="Votre devis",
    body="Bonjour Camille,\n\nCi-joint notre devis.\n\n" + C,
    attachments=[
        (
            "Devis_2027.pdf",
            quote_text(
                "Soleil Distribution SARL", "Jean Dupont", "Q-2027-0052", "ACM-550M 550 W  EUR 0,101/W", "DAP Lyon"
            ),
        )
    ],
)
c.risky(
    "réponse dans le mauvais fil : objet et citation de Batiprox, envoyé à EVP",
    {"content_mismatch": "high"},
    sender="claire",
    to=["moreau"],
    subject="RE: Commande Batiprox FR-3003 – date de livraison",
    body=(
        "Bonjour,\n\nC'est confirmé, livraison le 16 décembre.\n\n"
        + C
        + outlook_quote(
            "fr",
            "Nicolas Girard <n.girard@batiprox.fr>",
            "vendredi 27 novembre 2026 11:40",
            "Claire Martin <claire.martin@acme-trade.example>",
            "Commande Batiprox FR-3003 – date de livraison",
            "Claire, pouvez-vous livrer avant le 18 ? Nicolas",
        )
    ),
)
c.risky(
    "distributeurs rivaux (Soleil, EVP) en À et Cc",
    {"rival_exposure": "critical"},
    sender="claire",
    to=["dupont"],
    cc=["lefevre"],
    subject="Retard du navire",
    body="Bonjour Jean, bonjour Pierre,\n\nLe navire a cinq jours de retard.\n\n" + C,
    absent=["exposed_recipients"],
)
c.risky(
    "deux acheteurs inconnus (orange.fr et gmail.com) visibles en À",
    {"exposed_recipients": "medium"},
    sender="claire",
    to=[("elec.martin.sarl@orange.fr", "Élec Martin"), ("pv.occitanie@gmail.com", "Julien")],
    subject="Offre kits autoconsommation",
    body="Bonjour,\n\nNotre kit 6 kWc est à 2 490 € HT franco.\n\n" + C,
)
c.risky(
    "'.com' au lieu de '.fr' (batiprox.com)",
    {"lookalike_domain": "high"},
    sender="claire",
    to=[("n.girard@batiprox.com", "Nicolas Girard")],
    subject="Facture 2026-0871",
    body="Bonjour Nicolas,\n\nVoici les éléments de la facture 2026-0871.\n\n" + C,
)
c.risky(
    "punycode avec omicron grec (batiprοx.fr)",
    {"lookalike_domain": "high"},
    sender="claire",
    to=[("n.girard@xn--batiprx-epf.fr", "Nicolas Girard")],
    subject="RE: Changement de RIB ?",
    body="Bonjour Nicolas,\n\nNous n'avons pas changé de banque ; ne payez que sur le RIB de la pro forma.\n\n" + C,
)
c.risky(
    "une lettre en trop (soleil-distributions.fr)",
    {"lookalike_domain": "high"},
    sender="claire",
    to=[("s.bernard@soleil-distributions.fr", "Sophie Bernard")],
    subject="Commande confirmée",
    body="Bonjour Sophie,\n\nNous confirmons votre commande de 2 conteneurs.\n\n" + C,
)
c.risky(
    "variante à trait d'union du domaine (batiprox-fr.com)",
    {"lookalike_domain": "high"},
    sender="claire",
    to=[("n.girard@batiprox-fr.com", "Nicolas Girard")],
    subject="Planning de livraison",
    body="Bonjour Nicolas,\n\nLe camion arrive mardi.\n\n" + C,
)
c.risky(
    "virgule au lieu du point dans l'adresse",
    {"invalid_address": "high"},
    sender="claire",
    to=[("p.lefevre@energieverte-provence,fr", "Pierre Lefèvre")],
    subject="Rendez-vous",
    body="Bonjour Pierre,\n\nMardi 10 h vous convient-il ?\n\n" + C,
)
c.risky(
    "prix de revient et marge annoncés au client",
    {"sensitive_external": "high"},
    sender="claire",
    to=["lefevre"],
    subject="RE: Encore un effort ?",
    body=(
        "Bonjour Pierre,\n\nJe ne peux vraiment pas : notre prix de revient est déjà de 0,094 $/W et notre marge "
        "est inférieure à 5 %.\n\n" + C
    ),
)
c.risky(
    "'[INTERNE]' oublié dans le mail au client",
    {"internal_content_external": "critical"},
    sender="claire",
    to=["girard"],
    subject="Confirmation de commande",
    body=(
        "[INTERNE] Batiprox paie toujours en retard – ne rien expédier avant le solde !\n\nBonjour Nicolas,\n\n"
        "Nous confirmons votre commande de 2 000 rails.\n\n" + C
    ),
)
c.risky(
    "discussion interne transférée (De : David, À : Claire) au client",
    {"internal_content_external": "critical"},
    sender="claire",
    to=["dupont"],
    subject="TR: Validation prix Soleil",
    body=(
        "Bonjour Jean,\n\nBonne nouvelle, voir ci-dessous.\n\n"
        + C
        + outlook_quote(
            "fr",
            "David Liu <david.liu@acme-trade.example>",
            "jeudi 26 novembre 2026 19:45",
            "Claire Martin <claire.martin@acme-trade.example>",
            "Validation prix Soleil",
            "Claire, 0,106 ok mais seulement pour 8 conteneurs. Soleil a des soucis de trésorerie, ne lâche pas "
            "sur l'acompte.\nDavid",
        )
    ),
)
c.risky(
    "'Bonjour Madame Bernard' mais le mail part seulement à Jean Dupont",
    {"greeting_mismatch": "medium"},
    sender="claire",
    to=["dupont"],
    subject="Formation installateurs",
    body="Bonjour Madame Bernard,\n\nLa formation aura lieu le 14 janvier à Lyon.\n\n" + C,
)
c.risky(
    "'Ci-joint vous trouverez' sans pièce jointe",
    {"missing_attachment": "medium"},
    sender="claire",
    to=["girard"],
    subject="Fiches techniques",
    body="Bonjour Nicolas,\n\nCi-joint vous trouverez les fiches techniques des rails.\n\n" + C,
)
c.risky(
    "coordonnées bancaires à une adresse gmail inconnue",
    {"sensitive_external": "high"},
    sender="claire",
    to=[("compta.soleil.distribution@gmail.com", "Comptabilité")],
    subject="Nos coordonnées bancaires",
    body="Bonjour,\n\nNotre RIB : IBAN DE12 2005 0550 1234 5678 90, BIC HASPDEHHXXX.\n\n" + C,
)

c.normal(
    "'je vous le joindrai demain' (futur), rien de joint aujourd'hui",
    sender="claire",
    to=["bernard"],
    subject="Re: Certificat d'origine",
    body=(
        "Bonjour Sophie,\n\nLa chambre de commerce nous remet le certificat d'origine demain ; je vous le joindrai "
        "dès réception.\n\n" + C
    ),
    absent=["missing_attachment"],
)
c.risky(
    "transfert Outlook web (divRplyFwdMsg, De : / Envoyé :) d'un échange interne, envoyé au client",
    {"internal_content_external": "critical"},
    sender="claire",
    to=["lefevre"],
    subject="TR: Délai de paiement EVP",
    fmt="html",
    body=(
        "<html><body><div>Bonjour Pierre,<br><br>Concernant votre demande de délai de paiement, voir ci-dessous."
        "<br><br>Cordialement,<br>Claire Martin</div>"
        '<hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri">'
        "<b>De :</b> David Liu &lt;david.liu@acme-trade.example&gt;<br><b>Envoyé :</b> jeudi 26 novembre 2026 "
        "18:40<br><b>À :</b> Claire Martin &lt;claire.martin@acme-trade.example&gt;<br><b>Objet :</b> Délai de "
        "paiement EVP</font></div><div>Claire, 30 jours maximum pour EVP. L'assureur-crédit a réduit leur "
        "encours à 60 000 €, ne leur dis pas.<br>David</div></body></html>"
    ),
)

CASES = c.items
for _case in CASES:  # distinct ids beside the first batch: fr-m001 ...
    _case["id"] = _case["id"].replace("fr-", "fr-m", 1)
