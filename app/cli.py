"""Operator commands: `python -m app.cli migrate | demo-data | purge | create-tenant | watch`."""

from __future__ import annotations

import argparse
import re
import sys

from sqlmodel import Session

from app.config import get_settings
from app.db import create_db_engine, migrate

_GUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="sendguard")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("migrate", help="bring the database schema up to date")
    commands.add_parser("demo-data", help="load the demo tenant into an empty database")
    commands.add_parser("purge", help="delete records older than RETENTION_DAYS now")
    commands.add_parser("watch", help="run the sent-mail watcher (same as `python -m app.watch`)")
    create = commands.add_parser(
        "create-tenant",
        help="register an organization so that its users may sign in (TENANT_SIGNUP=closed)",
        description="entra: ID is the Microsoft 365 tenant id (a GUID). google: ID is the Workspace's primary "
        "domain (the `hd` claim). dev: ID is the mail domain.",
    )
    create.add_argument("provider", choices=["entra", "google", "dev"])
    create.add_argument("id")
    create.add_argument("--name", help="display name (default: the first domain)")
    create.add_argument(
        "--domain",
        action="append",
        default=[],
        help="an internal mail domain; repeat for several (required for entra; google and dev default to ID)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "create-tenant":
        return _create_tenant(args)
    if args.command == "watch":  # pragma: no cover - runs until stopped
        from app.watch.process import main as watch

        watch()
        return 0
    engine = create_db_engine(get_settings().database_url)
    if args.command == "migrate":
        migrate(engine)
        print("database schema is up to date")
        return 0
    if args.command == "purge":
        from app.privacy.service import purge_expired

        with Session(engine) as session:
            print(purge_expired(session, get_settings().retention_days))
        return 0
    from app.demo import load_demo_data

    migrate(engine)
    with Session(engine) as session:
        loaded = load_demo_data(session)
    print("demo tenant loaded" if loaded else "database already has data; demo data not loaded")
    return 0


def _create_tenant(args: argparse.Namespace) -> int:
    from app.directory.validation import normalize_domain
    from app.tenants.service import register_tenant

    ident = args.id.strip().lower()
    try:
        if args.provider == "entra" and not _GUID.match(ident):
            raise ValueError("an Entra tenant id is a GUID (Entra admin center -> Overview -> Tenant ID)")
        if args.provider != "entra":
            ident = normalize_domain(ident)
        domains = [normalize_domain(d) for d in args.domain] or ([] if args.provider == "entra" else [ident])
        if not domains:
            raise ValueError("name the organization's mail domains with --domain (one or more)")
    except ValueError as exc:
        print(f"create-tenant: {exc}", file=sys.stderr)
        return 2
    key = f"{args.provider}:{ident}"
    engine = create_db_engine(get_settings().database_url)
    migrate(engine)
    with Session(engine) as session:
        tenant = register_tenant(session, key, (args.name or domains[0]).strip()[:255], list(dict.fromkeys(domains)))
    engine.dispose()
    if tenant is None:
        print(f"tenant {key} exists already", file=sys.stderr)
        return 1
    print(f"tenant {key} created ({', '.join(domains)}); its users may sign in now")
    return 0


if __name__ == "__main__":
    sys.exit(main())
