"""Quatrième lot (réservé), français : autre commerciale, Madame/Monsieur, citations Outlook, Gmail, Apple Mail."""

from __future__ import annotations

from tests.eval.common import FOOTER, Cases, gmail_quote, outlook_quote, pi_text

c = Cases("fr")
C = "Bien à vous,\nClaire\n—\nClaire Martin · ACME Trade Europe · Lyon · +33 6 12 34 56 78"
CF = C + "\n\n" + FOOTER["fr"]


def apple(intro: str, body: str) -> str:
    quoted = "\n".join("> " + line for line in body.splitlines())
    return f"\n\n{intro}\n\n{quoted}"


# ------------------------------------------------------------------ normal mail
c.normal(
    "Madame Bernard ; mention de confidentialité citant les pièces jointes, rien d'annoncé",
    sender="claire",
    to=["bernard"],
    subject="RE : départ conteneur",
    body="Madame Bernard,\n\nLe conteneur quitte Ningbo le 3 décembre, arrivée Fos-sur-Mer le 9 janvier.\n\n" + CF,
    known=True,
    absent=["missing_attachment", "greeting_mismatch"],
)
c.normal(
    "pièce jointe future : 'je vous transmettrai le certificat dès réception'",
    sender="claire",
    to=["dupont"],
    subject="certificat CE",
    body="Bonjour Jean,\n\nJe vous transmettrai le certificat CE dès que l'usine me l'envoie, sans doute "
    "jeudi.\n\n" + C,
    absent=["missing_attachment"],
)
c.normal(
    "réponse Apple Mail citant le client ('ci-joint notre commande', sa propre marge)",
    sender="claire",
    to=["girard"],
    subject="Re: commande 889",
    body="Merci Nicolas, bien reçu, je vous confirme le délai demain.\n\n"
    + C
    + apple(
        "Le 26 nov. 2026 à 10:20, Nicolas Girard <n.girard@batiprox.fr> a écrit :",
        "Bonjour Claire,\nci-joint notre commande 889. Notre marge est très serrée cette année, merci de "
        "tenir le prix.\nNicolas",
    ),
    absent=["missing_attachment", "sensitive_external", "internal_content_external"],
)
c.normal(
    "devis réellement joint, prix au client",
    sender="claire",
    to=["lefevre"],
    subject="Devis DV-26-207 Énergie Verte Provence",
    body="Monsieur Lefèvre,\n\nVeuillez trouver ci-joint notre devis DV-26-207, 0,117 €/Wc départ Lyon.\n\n" + C,
    attachments=[("DV-26-207_EnergieVerteProvence.pdf", None)],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "cite notre transitaire TransMed Fret et notre poseur Bretagne Pose Solaire au client",
    sender="claire",
    to=["girard"],
    subject="chantier Rennes",
    body="Bonjour Nicolas,\n\nTransMed Fret livre le 8 décembre et Bretagne Pose Solaire commence la pose le "
    "10.\n\n" + C,
    absent=["content_mismatch"],
)
c.normal(
    "salue Camille, en copie",
    sender="claire",
    to=["lefevre"],
    cc=["moreau"],
    subject="réunion annuelle",
    body="Bonjour Pierre, bonjour Camille,\n\nLe 15 janvier vous conviendrait-il ?\n\n" + C,
    absent=["greeting_mismatch"],
)
c.normal(
    "mots courants en minuscules : 'soleil', 'distribution', 'énergie verte'",
    sender="claire",
    to=["girard"],
    subject="salon",
    body="Bonjour Nicolas,\n\nBeau soleil à Lyon pour le salon ; la distribution des badges commence à 9 h. "
    "Le thème cette année : l'énergie verte en Provence et ailleurs.\n\n" + C,
    absent=["content_mismatch"],
)
c.normal(
    "nos coordonnées bancaires à un client de l'annuaire (low)",
    sender="claire",
    to=["girard"],
    subject="règlement du solde",
    body="Bonjour Nicolas,\n\nPour le solde : BNP Paribas Lyon, IBAN FR76 3000 4000 0312 3456 7890 143, "
    "BIC BNPAFRPPXXX.\n\n" + C,
    known=True,
)
c.normal(
    "autre adresse du même contact dans la même société (+étiquette)",
    sender="claire",
    to=[("j.dupont+achats@soleil-distribution.fr", "Jean Dupont")],
    subject="bon de livraison",
    body="Bonjour Jean,\n\nLe BL signé est enregistré.\n\n" + C,
    absent=["contact_mismatch", "lookalike_domain"],
)
c.normal(
    "client, transitaire et poseur partenaire en copie",
    sender="claire",
    to=["dupont"],
    cc=["garnier", "legall"],
    subject="livraison Brest",
    body="Bonjour Jean,\n\nLuc (TransMed) et Yann (Bretagne Pose) organisent la livraison.\n\n" + C,
    absent=["exposed_recipients"],
)
c.normal(
    "interne : prix de revient et marge entre collègues",
    sender="claire",
    to=["alex"],
    cc=["david"],
    subject="marge Batiprox",
    body="Alex,\n\nPrix de revient usine 0,092, on propose 0,109 à Batiprox, marge ~15 %. D'accord ?\n\nClaire",
)
c.normal(
    "Madame Petit, prospect, brochure jointe",
    sender="claire",
    to=["petit"],
    subject="documentation",
    body="Madame,\n\nJe vous prie de trouver ci-joint notre brochure 2027.\n\n" + C,
    attachments=[("Brochure_ACME_2027.pdf", None)],
    known=True,
)
c.normal(
    "réponse Outlook citant le client ('vous trouverez en pièce jointe les photos')",
    sender="claire",
    to=["n.girard@batiprox.fr"],
    subject="RE : réclamation",
    body="Nicolas, photos bien reçues, nous voyons avec l'usine.\n\n"
    + C
    + outlook_quote(
        "fr",
        "Nicolas Girard <n.girard@batiprox.fr>",
        "jeudi 26 novembre 2026 09:14",
        "Claire Martin <claire.martin@acme-trade.example>",
        "réclamation",
        "Claire, vous trouverez en pièce jointe les photos des panneaux cassés.\nNicolas",
    ),
    absent=["missing_attachment"],
)
c.normal(
    "négation : 'je ne joins pas la facture, elle part par courrier'",
    sender="claire",
    to=["dupont"],
    subject="facture",
    body="Bonjour Jean,\n\nJe ne joins pas la facture à ce mail, elle part par courrier.\n\n" + C,
    absent=["missing_attachment"],
)
c.normal(
    "demande de prix usine à notre fournisseur",
    sender="claire",
    to=["zhouqiang"],
    subject="demande de prix",
    body="Dear Mr. Zhou,\n\nplease send your factory price for 2 MW, our target cost is 0.088/W.\n\n" + C,
    absent=["sensitive_external"],
)
c.normal(
    "sous-domaine du client (achats.batiprox.fr)",
    sender="claire",
    to=[("commandes@achats.batiprox.fr", "Batiprox Achats")],
    subject="accusé de réception",
    body="Bonjour,\n\nNous confirmons la commande 901.\n\n" + C,
    absent=["lookalike_domain"],
)
c.normal(
    "'Monsieur le Directeur' sans nom, client unique",
    sender="claire",
    to=["lefevre"],
    subject="partenariat 2027",
    body="Monsieur le Directeur,\n\nNous souhaitons vous présenter nos conditions 2027.\n\n" + C,
    absent=["greeting_mismatch"],
)
c.normal(
    "vœux avec tous les clients en Cci",
    sender="claire",
    to=["claire"],
    bcc=["dupont", "lefevre", "girard", "petit"],
    subject="Meilleurs vœux",
    body="Chers clients,\n\nMeilleurs vœux pour 2027 !\n\n" + C,
    absent=["rival_exposure", "exposed_recipients"],
)
c.normal(
    "au transitaire : facture commerciale avec valeur (routine)",
    sender="claire",
    to=["garnier"],
    subject="dédouanement Fos",
    body="Luc,\n\nCi-joint la facture commerciale Soleil Distribution, valeur 51 300 USD.\n\n" + C,
    attachments=[("FC_Soleil_26-402.pdf", None)],
)
c.normal(
    "'Chère Madame Moreau' au bon contact",
    sender="claire",
    to=["moreau"],
    subject="échantillons",
    body="Chère Madame Moreau,\n\nLes échantillons partent demain.\n\n" + C,
    absent=["greeting_mismatch"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "proforma Soleil Distribution envoyée à Énergie Verte Provence (rivaux)",
    {"content_mismatch": "critical"},
    sender="claire",
    to=["lefevre"],
    subject="facture proforma",
    body="Monsieur Lefèvre,\n\nCi-joint la proforma.\n\n" + C,
    attachments=[("Proforma_Soleil_Distribution_26-090.pdf", None)],
)
c.risky(
    "texte de la PI nomme Batiprox, envoyée à Soleil",
    {"content_mismatch": "critical"},
    sender="claire",
    to=["dupont"],
    subject="PI",
    body="Jean, la PI en pièce jointe.\n\n" + C,
    attachments=[
        (
            "PI_26-093.pdf",
            pi_text(
                "Batiprox SAS", "ZA des Landes, Rennes", "26-093", "1 Rail 4,2 m 800 pcs 9,80 7840,00", "EUR 7 840,00"
            ),
        )
    ],
)
c.risky(
    "objet nomme Lumière Habitat, envoyé à Batiprox",
    {"content_mismatch": "high"},
    sender="claire",
    to=["girard"],
    subject="Lumière Habitat – conditions de lancement",
    body="Nicolas, voici les conditions.\n\n" + C,
)
c.risky(
    "le corps cite le code client FR-3002 à Soleil",
    {"content_mismatch": "medium"},
    sender="claire",
    to=["bernard"],
    subject="stock",
    body="Sophie, les modules réservés pour FR-3002 sont de nouveau disponibles.\n\n" + C,
)
c.risky(
    "Soleil et EVP ensemble en À",
    {"rival_exposure": "critical"},
    sender="claire",
    to=["dupont", "moreau"],
    subject="hausse tarifaire",
    body="Madame, Monsieur,\n\nNos tarifs augmentent de 3 % au 1er janvier.\n\n" + C,
    absent=["exposed_recipients"],
)
c.risky(
    "Batiprox et Lumière Habitat en copie (non rivaux)",
    {"exposed_recipients": "medium"},
    sender="claire",
    to=["claire"],
    cc=["girard", "petit"],
    subject="fermeture",
    body="Chers clients,\n\nFermeture du 24/12 au 02/01.\n\n" + C,
)
c.risky(
    "concurrent Sino Solar Export en Cc",
    {"competitor_recipient": "high"},
    sender="claire",
    to=["girard"],
    cc=["mikezhang"],
    subject="offre",
    body="Nicolas, l'offre ci-dessous.\n\n" + C,
)
c.risky(
    "domaine confusable (ѕ cyrillique) en punycode pour soleil-distribution.fr",
    {"lookalike_domain": "high"},
    sender="claire",
    to=[("j.dupont@xn--oleil-distribution-thp.fr", "Jean Dupont")],
    subject="coordonnées bancaires",
    body="Jean, nos coordonnées bancaires n'ont pas changé.\n\n" + C,
)
c.risky(
    "variante de mot : batiprox-france.fr",
    {"lookalike_domain": "high"},
    sender="claire",
    to=[("n.girard@batiprox-france.fr", "Nicolas Girard")],
    subject="contrat",
    body="Nicolas, le contrat ci-joint.\n\n" + C,
    attachments=[("Contrat_Batiprox_2027.pdf", None)],
)
c.risky(
    "nom affiché 'Pierre Lefèvre' mais adresse wanadoo",
    {"contact_mismatch": "high"},
    sender="claire",
    to=[("pierre.lefevre13@wanadoo.fr", "Pierre Lefèvre")],
    subject="tarifs 2027",
    body="Pierre, nos tarifs 2027.\n\n" + C,
)
c.risky(
    "confusion apprise : jean.dupont@orange.fr",
    {"known_confusion": "high"},
    sender="claire",
    to=[("jean.dupont@orange.fr", "Jean Dupont")],
    subject="commande",
    body="Jean, commande confirmée.\n\n" + C,
)
c.risky(
    "'Monsieur Girard' dans un mail à Soleil",
    {"greeting_mismatch": "medium"},
    sender="claire",
    to=["dupont"],
    subject="échantillons",
    body="Monsieur Girard,\n\nLes échantillons partent demain.\n\n" + C,
)
c.risky(
    "prix d'achat et marge révélés au client",
    {"sensitive_external": "high"},
    sender="claire",
    to=["girard"],
    subject="RE : remise",
    body="Nicolas, franchement impossible : on l'achète 0,101 €/Wc à l'usine et on ne garde que 4 % de marge.\n\n" + C,
)
c.risky(
    "IBAN à une adresse inconnue",
    {"sensitive_external": "high"},
    sender="claire",
    to=[("compta@batiprox-paiements.com", "Comptabilité")],
    subject="RIB",
    body="Bonjour,\n\nIBAN FR76 3000 4000 0312 3456 7890 143, BIC BNPAFRPPXXX.\n\n" + C,
)
c.risky(
    "transfert d'un échange Gmail interne avec jugement sur le client",
    {"internal_content_external": "critical"},
    sender="claire",
    to=["lefevre"],
    subject="Fwd: prix spécial EVP",
    body="Pierre, voir ci-dessous, c'est validé.\n\n"
    + C
    + gmail_quote(
        "Le mer. 25 nov. 2026 à 18:30, David Liu <david.liu@acme-trade.example> a écrit :",
        "Claire, EVP négocie toujours tout et paie en retard. 2 % maximum, et ne leur dis rien de la remise "
        "usine.\nDavid",
    ),
)
c.risky(
    "'Vous trouverez ci-joint le BL' sans pièce jointe",
    {"missing_attachment": "medium"},
    sender="claire",
    to=["bernard"],
    subject="BL 26-402",
    body="Madame Bernard,\n\nVous trouverez ci-joint le bon de livraison 26-402.\n\n" + C,
)
c.risky(
    "adresse avec espace et sans domaine valide",
    {"invalid_address": "high"},
    sender="claire",
    to=[("c.moreau@energieverte provence.fr", "Camille Moreau")],
    subject="rendez-vous",
    body="Camille, rendez-vous confirmé.\n\n" + C,
)
c.risky(
    "premier contact avec un installateur belge",
    {"first_time_recipient": "info"},
    sender="claire",
    to=[("info@liege-solaire.be", "Marc Lambert")],
    subject="présentation ACME",
    body="Monsieur Lambert,\n\nRavie de vous avoir rencontré au salon.\n\n" + C,
    known=True,
)
c.risky(
    "Tom écrit à Batiprox (compte de Claire)",
    {"owner_mismatch": "info"},
    sender="tom",
    to=["girard"],
    subject="stock Hambourg",
    body="Bonjour Nicolas,\n\n500 kW disponibles à Hambourg.\n\nTom",
)
c.risky(
    "28 installateurs visibles en Cc",
    {"large_audience": "low", "exposed_recipients": "medium"},
    sender="claire",
    to=["claire"],
    cc=[(f"contact@installateur{i:02d}.fr", "") for i in range(1, 29)],
    subject="formation",
    body="Bonjour à tous,\n\nFormation gratuite le 20 janvier à Lyon.\n\n" + C,
)

CASES = c.items
for _case in CASES:  # distinct ids beside the other batches: fr-q001 ...
    _case["id"] = _case["id"].replace("fr-", "fr-q", 1)
