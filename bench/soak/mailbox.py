"""The fake Microsoft Graph and Entra (app/mailbox/fake_graph.py) as one HTTPS server process for the soak.

The API workers and the scheduled-send workers all reach the same mailboxes through it, so a send made by any of
them is counted in one place. msal insists on an https authority, hence a self-signed certificate for 127.0.0.1
that the other processes trust through SSL_CERT_FILE.

Besides Graph and Entra, the server answers the soak's own calls under `/_soak/`:
- `POST /_soak/token` `{"email", "tid"?}`: an access token for the SendGuard API, as Entra issues it to the add-in;
- `POST /_soak/drafts` `{"owner", "to"}`: a draft the user wrote in Outlook (its id);
- `GET /_soak/sends`: the send calls that reached each draft, and the sends accepted, per draft.

Run: `python -m bench.soak.mailbox --port N --certfile C --keyfile K [--send-delay SECONDS]`, with the
application's ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET in the environment (as the API has them).
"""

from __future__ import annotations

import argparse
import ipaddress
import os
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import uvicorn
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID
from fastapi import Body

from app.mailbox.fake_graph import FakeGraph, recipient


def self_signed(directory: Path) -> tuple[Path, Path]:
    """(certificate, key) files for https://127.0.0.1, valid for a day."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=5))
        .not_valid_after(now + timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = directory / "fake-graph.pem", directory / "fake-graph.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


def build(client_id: str, client_secret: str, authority: str) -> FakeGraph:
    fake = FakeGraph(client_id=client_id, client_secret=client_secret, authority_host=authority)

    @fake.app.post("/_soak/token")
    async def token(email: str = Body(), tid: str | None = Body(None)) -> dict[str, str]:
        return {"token": fake.issue_token(email, tid=tid) if tid else fake.issue_token(email)}

    @fake.app.post("/_soak/drafts")
    async def draft(owner: str = Body(), to: str = Body()) -> dict[str, str]:
        message_id = fake.add_message(owner, subject="Quotation", body="<p>Dear Michael,</p>", to=[recipient(to)])
        return {"id": message_id}

    @fake.app.get("/_soak/sends")
    async def sends() -> dict[str, dict[str, int]]:
        with fake._lock:
            return {
                "attempts": dict(fake.send_attempts),
                "accepted": dict(Counter(message for _, message in fake.sent_log)),
            }

    return fake


class MailboxControl:
    """The soak's side of `/_soak/`."""

    def __init__(self, base: str, cert: Path) -> None:
        self.client = httpx.Client(base_url=base, verify=str(cert), timeout=30)

    def token(self, email: str, tid: str | None = None) -> str:
        response = self.client.post("/_soak/token", json={"email": email, "tid": tid})
        response.raise_for_status()
        return str(response.json()["token"])

    def new_draft(self, owner: str, to: str) -> str:
        response = self.client.post("/_soak/drafts", json={"owner": owner, "to": to})
        response.raise_for_status()
        return str(response.json()["id"])

    def sends(self) -> dict[str, Any]:
        response = self.client.get("/_soak/sends")
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result

    def close(self) -> None:
        self.client.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--certfile", required=True)
    parser.add_argument("--keyfile", required=True)
    parser.add_argument("--send-delay", type=float, default=0.0, help="seconds each send takes")
    args = parser.parse_args()
    client_id, secret = os.environ["ENTRA_CLIENT_ID"], os.environ["ENTRA_CLIENT_SECRET"]
    fake = build(client_id, secret, f"https://127.0.0.1:{args.port}")
    fake.send_delay = args.send_delay
    uvicorn.run(
        fake.app,
        host="127.0.0.1",
        port=args.port,
        ssl_certfile=args.certfile,
        ssl_keyfile=args.keyfile,
        log_level="warning",
        access_log=False,
    )


if __name__ == "__main__":
    main()
