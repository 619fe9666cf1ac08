"""Activity for the admin console's browser test: real checks with outcomes, incidents, and a large directory,
all made through the HTTP API of a running service (nothing written behind its back)."""

from __future__ import annotations

import httpx

ALEX = {"X-Dev-User": "alex@acme-trade.example"}
LIN = {"X-Dev-User": "lin.wei@acme-trade.example"}
ADMIN = {"X-Dev-User": "admin@acme-trade.example", "X-Dev-Role": "admin"}
HEADER = "organization,kind,domains,aliases,rival_group,owner_email,contact_name,contact_email,language,customer_code,country\n"

# (who, recipient, body, outcome, dismissed): look-alike domains users fix, first-time recipients they dismiss.
CHECKS: list[tuple[dict[str, str], str, str, str | None, list[str]]] = [
    *[(ALEX, "m.schmidt@solartec.de", "Dear Michael, see you soon.", "fixed", [])] * 4,
    *[(ALEX, "m.schmidt@solartec.de", "Dear Michael, see you soon.", "sent_anyway", ["lookalike_domain"])],
    *[(LIN, f"buyer{i}@newcustomer{i}.example", "Hello, our catalogue.", "sent_anyway", ["first_time_recipient"])
      for i in range(7)],
    *[(LIN, f"info@prospect{i}.example", "Hello, our catalogue.", "sent_anyway", []) for i in range(2)],
    *[(ALEX, "l.gomez@sunpeak.example", "Dear Laura, please find attached.", "cancelled", [])] * 2,
]  # fmt: skip


def _check(client: httpx.Client, who: dict[str, str], to: str, body: str) -> str:
    draft = {"from": who["X-Dev-User"], "to": [{"email": to}], "subject": "Hello", "body": body}
    response = client.post(
        "/v1/drafts/check", json={"client": "outlook", "trigger": "send", "draft": draft}, headers=who
    )
    response.raise_for_status()
    return str(response.json()["check_id"])


def seed(base: str, organizations: int = 3000) -> None:
    with httpx.Client(base_url=base, timeout=60) as client:
        for who, to, body, outcome, dismissed in CHECKS:
            check_id = _check(client, who, to, body)
            if outcome:
                client.post(
                    f"/v1/checks/{check_id}/outcome", json={"outcome": outcome, "dismissed": dismissed}, headers=who
                ).raise_for_status()
        for wrong, intended, name in (
            ("l.gomez@sunpeak.example", "m.schmidt@solartech.example", "PI_SolarTech_2026-001.pdf"),
            ("info@orient-export.example", "m.schmidt@solartech.example", "Pricelist_2026.xlsx"),
            ("ventas@bombasandinas.example", "compras@aguasur.example", "Catalogue.pdf"),
        ):
            message = {
                "from": ALEX["X-Dev-User"],
                "to": [{"email": wrong}],
                "subject": "Documents",
                "body": "Dear customer, please find attached.",
                "attachments": [{"name": name, "size": 1000, "content_type": "application/pdf"}],
            }
            incident = {"message": message, "wrong_recipients": [wrong], "intended_recipients": [intended]}
            client.post("/v1/incidents", json=incident, headers=ALEX).raise_for_status()
        rows = "".join(
            f"Trading House {i:05d} Ltd,customer,th{i:05d}.example,,,,Buyer {i},buyer@th{i:05d}.example,en,T-{i:05d},GB\n"
            for i in range(organizations)
        )
        client.post(
            "/v1/organizations/import", content=(HEADER + rows).encode(), headers={**ADMIN, "Content-Type": "text/csv"}
        ).raise_for_status()
