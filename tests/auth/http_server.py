"""A local HTTP server whose answers a test sets (status, headers, delay), recording every request."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Seen:
    method: str
    body: bytes
    headers: dict[str, str]


@dataclass
class Server:
    """A local HTTP server answering every request with `status`, `headers` and a body, after `delay` seconds."""

    url: str = ""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    payload: bytes | None = None  # else "answer <n>" for the n-th request, to tell answers apart
    seen: list[Seen] = field(default_factory=list)

    def body(self) -> bytes:
        return self.payload if self.payload is not None else f"answer {len(self.seen)}".encode()


@contextmanager
def serve() -> Iterator[Server]:
    state = Server()

    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            state.seen.append(Seen(self.command, self.rfile.read(length), dict(self.headers)))
            time.sleep(state.delay)
            data = state.body()
            self.send_response(state.status)
            for name, value in state.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _answer

        def log_message(self, *args: Any) -> None:
            return

    http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    http.daemon_threads = True  # a handler still sleeping for a timed-out client is not waited for
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    state.url = f"http://127.0.0.1:{http.server_address[1]}/certs"
    try:
        yield state
    finally:
        http.shutdown()
        http.server_close()
