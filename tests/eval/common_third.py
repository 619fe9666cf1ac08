"""Helpers for the third evaluation batch: Outlook-style HTML bodies, calendar invites, auto-replies."""

from __future__ import annotations

from tests.eval.common import LEADS


def outlook_html(paragraphs: str, sig_rows: list[str], footer: str = "", quoted: str = "") -> str:
    """An Outlook desktop HTML body: MsoNormal paragraphs, the signature in a table, the footer in a <span>."""
    parts = "".join(
        f'<p class="MsoNormal"><span lang="EN-US" style="font-size:11.0pt;font-family:Calibri">{p}</span></p>'
        for p in paragraphs.split("\n\n")
    )
    sig = (
        '<table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0"><tr>'
        '<td width="80" style="padding:0"><img src="cid:image001.png@01DB4C2A.7E3F1A20" alt="logo"></td>'
        '<td style="padding:0 0 0 8pt">'
        + "".join(f'<p class="MsoNormal"><span style="font-size:9.0pt;color:#1F3864">{r}</span></p>' for r in sig_rows)
        + "</td></tr></table>"
    )
    foot = (
        f'<p class="MsoNormal"><span style="font-size:7.5pt;color:gray;font-family:Arial">{footer}</span></p>'
        if footer
        else ""
    )
    q = ""
    if quoted:
        q = (
            '<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">'
            f'<div id="divRplyFwdMsg">{quoted}</div></div>'
        )
    return (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8">'
        "<style>p.MsoNormal{margin:0cm;font-size:11pt}</style></head>"
        f'<body lang="EN-US" link="#0563C1"><div class="WordSection1">{parts}<p class="MsoNormal">&nbsp;</p>'
        f"{sig}{foot}{q}</div></body></html>"
    )


# 40 unknown importers for newsletter Bcc lists (LEADS has 30; add 10 more)
MORE_LEADS = [
    ("k.andersson@solkraft.se", "Karin Andersson"),
    ("j.virtanen@aurinko-energia.fi", "Juha Virtanen"),
    ("p.dubois@wallonie-solaire.be", "Pierre Dubois"),
    ("l.schmit@lux-energie.lu", "Luc Schmit"),
    ("m.borg@malta-solar.com.mt", "Maria Borg"),
    ("s.georgiou@cyprus-pv.com.cy", "Stavros Georgiou"),
    ("r.novak@slo-solar.si", "Rok Novak"),
    ("m.kovac@tatra-solar.sk", "Martin Kováč"),
    ("d.petrovic@beograd-solar.rs", "Dragan Petrović"),
    ("a.hoxha@tirana-energji.al", "Arben Hoxha"),
]
LEADS40 = list(LEADS[:30]) + MORE_LEADS
