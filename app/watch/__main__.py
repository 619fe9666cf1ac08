"""`python -m app.watch`: the sent-mail watcher, a process of its own (several may run against PostgreSQL)."""

from app.watch.process import main

if __name__ == "__main__":  # pragma: no cover - exercised by running the process
    main()
