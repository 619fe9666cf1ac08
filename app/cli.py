"""Operator commands: `python -m app.cli migrate | demo-data`."""

from __future__ import annotations

import argparse
import sys

from sqlmodel import Session

from app.config import get_settings
from app.db import create_db_engine, migrate


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sendguard")
    parser.add_argument("command", choices=["migrate", "demo-data", "purge"])
    args = parser.parse_args(argv)
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


if __name__ == "__main__":
    sys.exit(main())
