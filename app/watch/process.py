"""Starting the watcher as a process: the mailbox it reads, its source of sent mail, and a clean stop on SIGTERM."""

from __future__ import annotations

import asyncio
import logging
import signal

from app.config import Settings
from app.mailbox.base import MailboxProvider
from app.mailbox.exceptions import ProviderMismatch
from app.mailbox.sent_watch import SentMailSource

log = logging.getLogger(__name__)


def source_for(mailbox: MailboxProvider) -> SentMailSource:
    """The sent-mail reader of the configured provider: Graph delta on Sent Items, or Gmail history."""
    from app.mailbox.gmail import GmailMailbox
    from app.mailbox.graph import GraphMailbox

    if isinstance(mailbox, GraphMailbox):
        from app.mailbox.graph_sent import GraphSentItems

        return GraphSentItems(mailbox)
    if isinstance(mailbox, GmailMailbox):
        from app.mailbox.gmail_sent import GmailSentMail

        return GmailSentMail(mailbox)
    raise ProviderMismatch(
        "The sent-mail watch needs MAILBOX_PROVIDER=graph (app-only access) or gmail (domain-wide delegation).",
        details={"configured": mailbox.name},
    )


def main(settings: Settings | None = None) -> None:  # pragma: no cover - exercised by running the process
    from app.config import get_settings
    from app.db import create_db_engine
    from app.db_timeouts import DatabaseTimeouts
    from app.mailbox.dependencies import build_provider
    from app.watch.worker import Watcher

    settings = settings or get_settings()
    logging.basicConfig(level=settings.log_level)
    engine = create_db_engine(settings.database_url, DatabaseTimeouts.of(settings))
    mailbox = build_provider(settings)
    watcher = Watcher(engine, mailbox, source_for(mailbox), settings)

    async def run() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        log.info("sent-mail watcher %s started", watcher.watcher_id)
        try:
            await watcher.run(stop)
        finally:
            watcher.extractor.close()
            closer = getattr(mailbox, "aclose", None)
            if closer is not None:
                await closer()

    asyncio.run(run())
