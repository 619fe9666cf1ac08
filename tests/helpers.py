"""Request headers for the dev sign-in used across the suite."""

from __future__ import annotations


def headers(email: str = "alex@acme-trade.example", admin: bool = False) -> dict[str, str]:
    result = {"X-Dev-User": email}
    if admin:
        result["X-Dev-Role"] = "admin"
    return result


ADMIN = headers("boss@acme-trade.example", admin=True)
MEMBER = headers("alex@acme-trade.example")
OTHER_ADMIN = headers("chief@rival-corp.example", admin=True)
OTHER_MEMBER = headers("bob@rival-corp.example")
