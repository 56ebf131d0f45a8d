"""A counting TCP proxy on loopback: bytes over the wire, as the browser and the server send them.

One child process runs an asyncio proxy per server (Chromium → proxy → ``streamlit run``) and
adds every byte it forwards to counters in shared memory, split by direction (up: browser to
server, down: server to browser) and by kind of connection: the Streamlit websocket
(``GET /_stcore/stream``, compressed frames and framing included) or plain HTTP (requests,
response headers and bodies as sent, gzip included). The bench reads the counters before and
after each phase; nothing is parsed or changed on the way.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing as mp
from collections.abc import Mapping
from dataclasses import dataclass

FIELDS = ("ws_up", "ws_down", "http_up", "http_down", "connections")


@dataclass(frozen=True)
class Bytes:
    """Counters at one moment (or the difference of two moments)."""

    ws_up: int = 0
    ws_down: int = 0
    http_up: int = 0
    http_down: int = 0
    connections: int = 0

    @property
    def total(self) -> int:
        return self.ws_up + self.ws_down + self.http_up + self.http_down

    @property
    def ws(self) -> int:
        return self.ws_up + self.ws_down

    @property
    def http(self) -> int:
        return self.http_up + self.http_down

    def __sub__(self, other: Bytes) -> Bytes:
        return Bytes(*(getattr(self, f) - getattr(other, f) for f in FIELDS))

    def as_dict(self) -> dict[str, int]:
        return {**{f: getattr(self, f) for f in FIELDS}, "total": self.total}


async def _pump(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, add) -> None:
    try:
        while data := await reader.read(65536):
            add(len(data))
            writer.write(data)
            await writer.drain()
    except (ConnectionError, asyncio.CancelledError):
        pass
    finally:
        with contextlib.suppress(Exception):  # the other side is gone already
            writer.close()


def _serve(upstreams: list[int], counters, ready) -> None:
    async def main() -> None:
        servers = []
        for slot, upstream in enumerate(upstreams):
            base = slot * len(FIELDS)

            async def handle(reader, writer, base=base, upstream=upstream):
                counters[base + 4] += 1
                first = await reader.read(65536)
                if not first:
                    writer.close()
                    return
                ws = first.startswith(b"GET /_stcore/stream")
                up_slot, down_slot = (base, base + 1) if ws else (base + 2, base + 3)
                try:
                    up_reader, up_writer = await asyncio.open_connection("127.0.0.1", upstream)
                except OSError:
                    writer.close()
                    return
                counters[up_slot] += len(first)
                up_writer.write(first)

                def add_up(n):
                    counters[up_slot] += n

                def add_down(n):
                    counters[down_slot] += n

                await asyncio.gather(_pump(reader, up_writer, add_up), _pump(up_reader, writer, add_down))

            server = await asyncio.start_server(handle, "127.0.0.1", 0)
            servers.append(server)
        ready.send([s.sockets[0].getsockname()[1] for s in servers])
        await asyncio.gather(*(s.serve_forever() for s in servers))

    asyncio.run(main())


class CountingProxy:
    """Proxies for named upstream ports; ``port(name)`` to connect to, ``read(name)`` to count."""

    def __init__(self, upstreams: Mapping[str, int]):
        ctx = mp.get_context("fork")  # before any browser thread exists
        self.names = list(upstreams)
        self._counters = ctx.RawArray("q", len(self.names) * len(FIELDS))
        parent, child = ctx.Pipe()
        self._process = ctx.Process(
            target=_serve, args=([upstreams[n] for n in self.names], self._counters, child), daemon=True
        )
        self._process.start()
        if not parent.poll(30):
            self._process.kill()
            raise RuntimeError("the counting proxy did not start")
        self._ports = dict(zip(self.names, parent.recv(), strict=True))

    def port(self, name: str) -> int:
        return self._ports[name]

    def read(self, name: str) -> Bytes:
        base = self.names.index(name) * len(FIELDS)
        return Bytes(*self._counters[base : base + len(FIELDS)])

    def close(self) -> None:
        self._process.terminate()
        self._process.join(5)
