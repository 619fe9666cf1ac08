"""What the soak runs against, all on loopback: a PostgreSQL database of its own behind a faulty proxy, the fake
Graph/Entra server, the API (uvicorn, several worker processes) and scheduled-send worker processes.

The API and the scheduled-send workers reach PostgreSQL only through the proxy, so the fault script's black hole
and outage hit all of them; the soak itself reads the database directly, to prove what was kept.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

import httpx
import sqlalchemy as sa

from app.db import normalize_url
from app.mailbox.fake_graph import FAKE_TENANT_ID
from bench.db_proxy import FaultyProxy
from bench.directory_gen import Directory
from bench.load import free_port
from bench.load_setup import build_database
from bench.soak.mailbox import MailboxControl, self_signed

CLIENT_ID = "5e7c3a1f-2b4d-4c6e-8f0a-1b2c3d4e5f60"
# Another Entra organization: the attackers sign in there (a tenant of its own, created on first sign-in).
EVIL_TENANT_ID = "0b7e6f5d-4c3b-4a29-8817-6f5e4d3c2b1a"


def entra_subject(email: str) -> str:
    """The subject the Entra sign-in gives a user of the fake's tenant (its `oid` is derived from the address)."""
    oid = uuid.uuid5(uuid.NAMESPACE_URL, f"{FAKE_TENANT_ID}:{email}")
    return f"entra:{FAKE_TENANT_ID}:{oid}"


@dataclass
class Services:
    api: str
    proxy: FaultyProxy
    mailbox: MailboxControl
    database_url: str  # direct, not through the proxy
    logs: Path
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def direct_engine(self) -> sa.Engine:
        return sa.create_engine(normalize_url(self.database_url), pool_size=2)


@contextlib.contextmanager
def postgres_database(server_url: str) -> Iterator[str]:
    """A database of the soak's own on the server, dropped afterwards."""
    server = sa.make_url(normalize_url(server_url))
    name = f"sendguard_soak_{secrets.token_hex(4)}"
    admin = sa.create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def _environment(database_url: str, mailbox_base: str, cert: Path, secret: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "AUTH_MODE": "entra",
        "TENANT_SIGNUP": "open",  # the attackers' organization signs itself up
        "MAILBOX_PROVIDER": "graph",
        "ENTRA_CLIENT_ID": CLIENT_ID,
        "ENTRA_CLIENT_SECRET": secret,
        "ENTRA_AUTHORITY_HOST": mailbox_base,
        "ENTRA_JWKS_URI": f"{mailbox_base}/common/discovery/v2.0/keys",
        "GRAPH_BASE_URL": f"{mailbox_base}/v1.0",
        "GRAPH_BETA_URL": f"{mailbox_base}/beta",
        "SSL_CERT_FILE": str(cert),
        "MIGRATE_ON_START": "false",
        "SCHEDULER_ENABLED": "false",  # the scheduled-send workers run as processes of their own
        "SCHEDULER_POLL_SECONDS": "0.5",
        "RATE_LIMIT_CHECKS_PER_MINUTE": "100000000",
        "RATE_LIMIT_SCANS_PER_MINUTE": "100000000",
        "LOG_LEVEL": "WARNING",
        "REDIS_URL": "",
    }


def _spawn(command: list[str], env: dict[str, str], log: IO[bytes]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)


def _wait_for(url: str, process: subprocess.Popen[bytes], verify: str | bool = True, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args!r} exited with {process.returncode}")
        try:
            if httpx.get(url, timeout=5, verify=verify).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer")


@contextlib.contextmanager
def running(
    server_url: str,
    directory: Directory,
    workdir: Path,
    *,
    api_workers: int,
    send_workers: int,
    send_delay: float,
) -> Iterator[Services]:
    """Everything started, ready and, on the way out, stopped (the database dropped)."""
    with postgres_database(server_url) as database_url:
        build_database(database_url, directory, tenant_key=f"entra:{FAKE_TENANT_ID}", subject=entra_subject)
        pg = sa.make_url(database_url)
        proxy = FaultyProxy((pg.host or "127.0.0.1", pg.port or 5432))
        proxied = pg.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
        cert, key = self_signed(workdir)
        secret = secrets.token_urlsafe(16)
        mailbox_port, api_port = free_port(), free_port()
        mailbox_base = f"https://127.0.0.1:{mailbox_port}"
        env = _environment(proxied, mailbox_base, cert, secret)
        logs = workdir / "services.log"
        processes: list[subprocess.Popen[bytes]] = []
        with logs.open("wb") as log:
            try:
                fake = [sys.executable, "-m", "bench.soak.mailbox", "--port", str(mailbox_port)]
                fake += ["--certfile", str(cert), "--keyfile", str(key), "--send-delay", str(send_delay)]
                processes.append(_spawn(fake, env, log))
                _wait_for(f"{mailbox_base}/common/discovery/v2.0/keys", processes[0], verify=str(cert))
                api = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port", str(api_port)]
                api += ["--workers", str(api_workers), "--no-access-log", "--log-level", "warning"]
                processes.append(_spawn(api, env, log))
                for _ in range(send_workers):
                    processes.append(_spawn([sys.executable, "-m", "app.scheduling.worker"], env, log))
                base = f"http://127.0.0.1:{api_port}"
                _wait_for(f"{base}/readyz", processes[1])
                control = MailboxControl(mailbox_base, cert)
                try:
                    yield Services(base, proxy, control, database_url, logs, processes)
                finally:
                    control.close()
            finally:
                proxy.forward()
                for process in reversed(processes):
                    process.terminate()
                for process in processes:
                    try:
                        process.wait(timeout=30)
                    except subprocess.TimeoutExpired:
                        process.kill()
                proxy.close()
