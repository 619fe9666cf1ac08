"""Troisième lot, français : HTML Outlook, noms « Nom, Prénom (Société) », invitations, réponses automatiques."""

from __future__ import annotations

from tests.eval.common import FOOTER, SIG, Cases, outlook_quote, quote_text
from tests.eval.common_third import LEADS40, outlook_html

c = Cases("fr")
C = SIG["claire"]
CLAIRE_ROWS = [
    "<b>Claire Martin</b> | Responsable commerciale France &amp; Benelux",
    "ACME Trade Europe GmbH",
    "12 rue de la République, 69002 Lyon",
    "Tél. +33 4 72 11 22 33 | Port. +33 6 12 34 56 78",
]

# ------------------------------------------------------------------ normal mail
c.normal(
    "HTML Outlook, signature dans un tableau, mention de confidentialité (parle des pièces jointes) dans un <span>",
    sender="claire",
    to=["dupont"],
    subject="Commande SD-2026-054 : lancement de la production",
    fmt="html",
    body=outlook_html(
        "Bonjour Jean,\n\nLa production de votre commande SD-2026-054 a démarré aujourd'hui ; fin prévue le 11 décembre.",
        CLAIRE_ROWS,
        FOOTER["fr"],
    ),
    absent=["missing_attachment", "internal_content_external"],
)
c.normal(
    "nom affiché 'DUPONT, Jean (Soleil Distribution)' avec la bonne adresse",
    sender="claire",
    to=[("j.dupont@soleil-distribution.fr", "DUPONT, Jean (Soleil Distribution)")],
    subject="Conditions 2027",
    body="Monsieur Dupont,\n\nJe vous confirme nos conditions de paiement 2027 : 30 % d'acompte, 70 % contre copie du B/L.\n\n"
    + C,
    absent=["contact_mismatch", "greeting_mismatch"],
)
c.normal(
    "le client écrit depuis un sous-domaine (mail.soleil-distribution.fr)",
    sender="claire",
    to=[("achats@mail.soleil-distribution.fr", "Achats Soleil Distribution")],
    subject="RE : avis de livraison semaine 50",
    body="Bonjour,\n\nLa livraison arrive mardi, semaine 50, entre 8 h et 12 h.\n\n" + C,
    absent=["lookalike_domain"],
)
c.normal(
    "adresse en casse mixte (J.Dupont@Soleil-Distribution.FR)",
    sender="claire",
    to=[("J.Dupont@Soleil-Distribution.FR", "Jean Dupont")],
    subject="Question rails de montage",
    body="Bonjour Jean,\n\nVous faut-il les rails de 4,2 m ou de 6 m ?\n\n" + C,
    absent=["contact_mismatch", "lookalike_domain", "invalid_address"],
)
c.normal(
    "devis 'Devis_Batiprox_2027.pdf' envoyé à Batiprox",
    sender="claire",
    to=["girard"],
    subject="Devis onduleurs hybrides 2027",
    body="Bonjour Nicolas,\n\nVous trouverez ci-joint notre devis pour les onduleurs hybrides.\n\n" + C,
    attachments=[
        (
            "Devis_Batiprox_2027.pdf",
            quote_text(
                "Batiprox SAS",
                "Nicolas Girard",
                "D-2026-402",
                "Onduleur hybride 10 kW  40 pcs  EUR 1 180,00",
                "DAP Lyon",
            ),
        )
    ],
    absent=["content_mismatch", "missing_attachment"],
)
c.normal(
    "invitation de calendrier (Teams) à deux contacts du même client, .ics joint",
    sender="claire",
    to=["dupont", "bernard"],
    subject="Invitation : Revue annuelle 2027 @ jeu. 10 déc. 2026 10:00 - 11:30 (CET)",
    body=(
        "Claire Martin vous a invité à une réunion Microsoft Teams.\n\nQuand : jeudi 10 décembre 2026 10:00-11:30 "
        "(UTC+01:00) Bruxelles, Copenhague, Madrid, Paris\nOù : Réunion Microsoft Teams\n\n"
        "Rejoindre la réunion maintenant\nID de réunion : 347 118 902 556\nCode secret : Qw7zR2"
    ),
    attachments=[("invite.ics", None)],
    absent=["exposed_recipients", "missing_attachment"],
)
c.normal(
    "réponse automatique d'absence à un client",
    sender="claire",
    to=["girard"],
    subject="Réponse automatique : RE : Réclamation livraison 4471",
    body=(
        "Merci pour votre message. Je suis absente jusqu'au 4 décembre inclus. En cas d'urgence, merci de contacter "
        "David Liu (david.liu@acme-trade.example).\n\nClaire Martin"
    ),
    absent=["missing_attachment", "greeting_mismatch"],
)
c.normal(
    "photos scannées IMG_2034.jpg jointes comme annoncé",
    sender="claire",
    to=["lefevre"],
    subject="RE : cartons abîmés",
    body="Bonjour Pierre,\n\nCi-joint les photos du chargement (IMG_2034, IMG_2035) : les cartons étaient intacts au départ.\n\n"
    + C,
    attachments=[("IMG_2034.jpg", None), ("IMG_2035.jpg", None)],
    absent=["missing_attachment"],
)
c.normal(
    "fiches techniques dans un .zip joint",
    sender="claire",
    to=["lefevre"],
    subject="Fiches techniques modules 2027",
    body="Bonjour Pierre,\n\nJe vous joins toutes les fiches techniques dans un fichier zip.\n\n" + C,
    attachments=[("Fiches_techniques_2027.zip", None)],
    absent=["missing_attachment"],
)
c.normal(
    "la salutation nomme Sophie, en copie (décision produit : normal)",
    sender="claire",
    to=["dupont"],
    cc=["bernard"],
    subject="Planning de livraison janvier",
    body="Bonjour Jean, bonjour Sophie,\n\nVoici le planning de janvier :\n- 12/01 : 2 x 40HQ\n- 26/01 : 1 x 40HQ\n\n"
    + C,
    absent=["greeting_mismatch"],
)
c.normal(
    "RIB envoyé à un client de l'annuaire (pour nous payer) : au plus low",
    sender="claire",
    to=["girard"],
    subject="Solde commande FR-3003-2026-12",
    body=(
        "Bonjour Nicolas,\n\nLa marchandise est chargée. Merci de virer le solde de 70 % sur notre compte :\n"
        "ACME Trade Europe GmbH\nIBAN : DE44 2005 0550 1234 5678 90\nBIC : HASPDEHHXXX\n\n" + C
    ),
)
c.normal(
    "lettre d'information : un client en À, 40 importateurs et clients (rivaux compris) en Cci",
    sender="claire",
    to=["girard"],
    bcc=[*LEADS40, "dupont", "lefevre", "petit"],
    subject="Lettre d'information ACME Trade – décembre 2026",
    body="Madame, Monsieur,\n\nNotre module TOPCon 600 W est désormais disponible en stock.\n\n" + C,
    absent=["exposed_recipients", "rival_exposure", "large_audience"],
)
c.normal(
    "objet en majuscules avec le numéro de commande et le code client du destinataire",
    sender="claire",
    to=["girard"],
    subject="URGENT - COMMANDE FR-3003-2026-12 BATIPROX - RETARD NAVIRE",
    body="Bonjour Nicolas,\n\nL'armateur a retardé le navire ; nouveau départ le 9 décembre.\n\n" + C,
    absent=["content_mismatch"],
)
c.normal(
    "réponse sous la citation (bottom-posting) ; le client avait écrit 'ci-joint notre commande'",
    sender="claire",
    to=["lefevre"],
    subject="Re: Commande 7720",
    body=(
        "Le 26 nov. 2026 à 14:05, Pierre Lefèvre <p.lefevre@energieverte-provence.fr> a écrit :\n"
        "> Bonjour Claire, ci-joint notre commande 7720. Pouvez-vous confirmer le délai ?\n\n"
        "Bonjour Pierre,\n\nMerci, la confirmation suit demain.\n\n" + C
    ),
    absent=["missing_attachment"],
)
c.normal(
    "client, poseur partenaire et agence du transitaire (sous-domaine) dans le même mail",
    sender="claire",
    to=["girard"],
    cc=["legall", ("marseille@mrs.transmed-fret.fr", "TransMed Fret – Agence Marseille")],
    subject="Livraison chantier Rennes",
    body="Bonjour à tous,\n\nTransMed Marseille livre le chantier de Rennes le 14/12 ; Yann réceptionne.\n\n" + C,
    absent=["exposed_recipients", "lookalike_domain"],
)

# ------------------------------------------------------------------ risky mail
c.risky(
    "'Offre pour Soleil Distribution.docx' envoyée à EVP (rival)",
    {"content_mismatch": "critical"},
    sender="claire",
    to=["lefevre"],
    subject="Offre modules 2027",
    body="Bonjour Pierre,\n\nVous trouverez ci-joint notre offre.\n\n" + C,
    attachments=[("Offre pour Soleil Distribution.docx", None)],
)
c.risky(
    "nom affiché 'DUPONT, Jean (Soleil Distribution)' avec une adresse chez EVP",
    {"contact_mismatch": "high"},
    sender="claire",
    to=[("j.dupont@energieverte-provence.fr", "DUPONT, Jean (Soleil Distribution)")],
    subject="Conditions 2027",
    body="Monsieur Dupont,\n\nJe vous confirme nos conditions de paiement 2027.\n\n" + C,
)
c.risky(
    "invitation de calendrier avec deux distributeurs rivaux en À",
    {"rival_exposure": "critical"},
    sender="claire",
    to=["dupont", "lefevre"],
    subject="Invitation : Tarifs 2027",
    body="Claire Martin vous a invité à une réunion Microsoft Teams.\nID de réunion : 347 118 902 556",
    attachments=[("invite.ics", None)],
    absent=["exposed_recipients"],
)
c.risky(
    "vieux fil réutilisé : la citation la plus ancienne est la pro forma de Batiprox, envoyé à Lumière Habitat",
    {"content_mismatch": "medium"},
    sender="claire",
    to=["petit"],
    subject="RE : Délai de livraison",
    body=(
        "Bonjour Élodie,\n\nLe délai pour votre projet est de 25 jours après acompte.\n\n"
        + C
        + outlook_quote(
            "fr",
            "Claire Martin <claire.martin@acme-trade.example>",
            "mercredi 25 novembre 2026 11:20",
            "Nicolas Girard <n.girard@batiprox.fr>",
            "RE : Délai de livraison",
            "Bonjour Nicolas,\n\nVotre pro forma BX-2026-019 (EUR 96 400) part en semaine 50.\n\nClaire",
        )
    ),
)
c.risky(
    "domaine interne écrit à la française (acme-trade.exemple) en Cc",
    {"lookalike_domain": "high"},
    sender="claire",
    to=["dupont"],
    cc=[("david.liu@acme-trade.exemple", "David Liu")],
    subject="Ajustement tarifaire 2027",
    body="Bonjour Jean,\n\nJe mets notre directeur David Liu en copie.\n\n" + C,
)
c.risky(
    "zéro à la place du o (batipr0x.fr)",
    {"lookalike_domain": "high"},
    sender="claire",
    to=[("n.girard@batipr0x.fr", "Nicolas Girard")],
    subject="Solde à régler",
    body="Bonjour Nicolas,\n\nJe vous rappelle le solde de la commande FR-3003-2026-12.\n\n" + C,
)
c.risky(
    "'Madame Moreau,' (EVP) dans un mail à Nicolas Girard (Batiprox)",
    {"greeting_mismatch": "medium"},
    sender="claire",
    to=["girard"],
    subject="Plan de chargement",
    body="Madame Moreau,\n\nLe plan de chargement convient : 26 palettes par conteneur.\n\n" + C,
)
c.risky(
    "prix d'achat usine et marge annoncés à une prospecte",
    {"sensitive_external": "high"},
    sender="claire",
    to=["petit"],
    subject="RE : votre prix cible",
    body=(
        "Bonjour Élodie,\n\nPour être franche, l'usine nous facture 0,093 USD/W et nous ne gardons que 5 % ; "
        "impossible de descendre plus bas.\n\n" + C
    ),
)
c.risky(
    "commentaire interne sur le client laissé entre parenthèses",
    {"internal_content_external": "critical"},
    sender="claire",
    to=["girard"],
    subject="Conditions de paiement commande 13",
    body=(
        "Bonjour Nicolas,\n\n(NB pour David : client difficile, paie toujours en retard, ne pas descendre sous 0,105)\n\n"
        "Pour la commande 13 nous proposons 30 % d'acompte et 70 % avant embarquement.\n\n" + C
    ),
)
c.risky(
    "'Je vous joins le bon de livraison' sans pièce jointe",
    {"missing_attachment": "medium"},
    sender="claire",
    to=["girard"],
    subject="Bon de livraison FR-3003-2026-12",
    body="Bonjour Nicolas,\n\nJe vous joins le bon de livraison signé.\n\n" + C,
)
c.risky(
    "« nouvelles coordonnées bancaires » envoyées à un domaine inconnu",
    {"sensitive_external": "high"},
    sender="claire",
    to=[("compta@solaire-habitat-sud.fr", "Comptabilité")],
    subject="Changement de coordonnées bancaires",
    body="Madame, Monsieur,\n\nMerci de noter nos nouvelles coordonnées bancaires :\nIBAN : DE89 3704 0044 0532 0130 00\nBIC : COBADEFFXXX\n\n"
    + C,
)
c.risky(
    "deux acheteurs inconnus (wanadoo.fr et laposte.net) visibles en À",
    {"exposed_recipients": "medium"},
    sender="claire",
    to=[("elec.bernard@wanadoo.fr", "M. Bernard"), ("solaire.morel@laposte.net", "Luc Morel")],
    subject="Offre panneaux 550 W",
    body="Bonjour,\n\nNotre prix pour les panneaux 550 W est de 0,118 USD/W FOB Ningbo.\n\n" + C,
)
c.risky(
    "confusion apprise, en casse mixte (Jean.Dupont@Orange.fr)",
    {"known_confusion": "high"},
    sender="claire",
    to=[("Jean.Dupont@Orange.fr", "Jean Dupont")],
    subject="Pro forma SD-2026-055",
    body="Bonjour Jean,\n\nLa pro forma part demain.\n\n" + C,
)
c.risky(
    "concurrent en Cci",
    {"competitor_recipient": "high"},
    sender="claire",
    to=["girard"],
    bcc=["mikezhang"],
    subject="Offre onduleurs",
    body="Bonjour Nicolas,\n\nNotre prix : EUR 1 180,00 par appareil.\n\n" + C,
)

c.risky(
    "pro forma en majuscules sans accents au nom d'EVP envoyée à Soleil Distribution",
    {"content_mismatch": "critical"},
    sender="claire",
    to=["dupont"],
    subject="Pro forma",
    body="Bonjour Jean,\n\nCi-joint la pro forma.\n\n" + C,
    attachments=[("PROFORMA_ENERGIE-VERTE-PROVENCE_2026-061.PDF", None)],
)

CASES = c.items
for _case in CASES:  # distinct ids beside the first two batches: fr-t001 ...
    _case["id"] = _case["id"].replace("fr-", "fr-t", 1)
