"""A loopback TCP proxy in front of a database, standing for the network: it forwards, stalls or refuses.

- `forward()`: bytes pass both ways (what it held while stalled is delivered first);
- `stall()`: a black hole. Every connection stays open and new ones are accepted and connected upstream, but no
  byte is passed on, so a client waits on a socket that never becomes readable;
- `refuse()`: an outage. Every open connection is closed and new ones are reset as soon as they arrive;
- `lose_answers()`: what the client sends reaches the server, but no answer comes back (a partition that begins
  while a statement or a commit is on its way: the server has done it, the client cannot know).

Used by tests/test_db_timeouts.py and by `make soak`.
"""

from __future__ import annotations

import contextlib
import select
import socket
import struct
import threading
from typing import Literal

Mode = Literal["forward", "stall", "refuse", "lose_answers"]


class FaultyProxy:
    def __init__(self, target: tuple[str, int]) -> None:
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.1)
        self.port: int = self.listener.getsockname()[1]
        self.mode: Mode = "forward"
        self.stopped = threading.Event()
        self.accepted = 0
        self.reset = 0
        self._threads = [threading.Thread(target=self._accept, daemon=True)]
        self._threads[0].start()

    def forward(self) -> None:
        self.mode = "forward"

    def stall(self) -> None:
        self.mode = "stall"

    def refuse(self) -> None:
        self.mode = "refuse"

    def lose_answers(self) -> None:
        self.mode = "lose_answers"

    def close(self) -> None:
        self.stopped.set()
        self.listener.close()
        for thread in self._threads:
            thread.join(timeout=2)

    def _accept(self) -> None:
        while not self.stopped.is_set():
            try:
                client, _ = self.listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # closed
            self.accepted += 1
            if self.mode == "refuse":
                self._reset(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                self._reset(client)
                continue
            thread = threading.Thread(target=self._pump, args=(client, upstream), daemon=True)
            thread.start()
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]

    def _reset(self, client: socket.socket) -> None:
        """Close with an RST, as a host whose port is closed answers."""
        self.reset += 1
        with contextlib.suppress(OSError):
            client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()

    def _pump(self, client: socket.socket, upstream: socket.socket) -> None:
        peers = {client: upstream, upstream: client}
        held: dict[socket.socket, list[bytes]] = {client: [], upstream: []}
        try:
            while not self.stopped.is_set() and self.mode != "refuse":
                readable, _, _ = select.select(list(peers), [], [], 0.05)
                for sock in readable:
                    data = sock.recv(65536)
                    if not data:
                        return
                    held[peers[sock]].append(data)
                passing = {"forward": (upstream, client), "lose_answers": (upstream,)}.get(self.mode, ())
                for sock in passing:
                    while held[sock]:
                        sock.sendall(held[sock].pop(0))
        except OSError:
            return
        finally:
            for sock in peers:
                with contextlib.suppress(OSError):
                    sock.close()
