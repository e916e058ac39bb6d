"""A tiny HTTP server on 127.0.0.1 for the built site, run inside the test process.

It serves files read-only from one folder and records every POST it receives (a consent form
without ``forms.action`` posts to its own page, which is here). Nothing else listens: the
browser is kept on this address by the request guard in ``browser_checks``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

HOST = "127.0.0.1"


@dataclass
class Received:
    """One POST as the server read it off the socket."""

    path: str
    content_type: str
    body: bytes


@dataclass
class SiteServer:
    """A running server: its base URL and what it has received so far."""

    base_url: str
    posts: list[Received] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, relative: str) -> str:
        return f"{self.base_url}/{relative.lstrip('/')}"

    def take_posts(self) -> list[Received]:
        with self.lock:
            taken, self.posts[:] = list(self.posts), []
        return taken


class _Handler(SimpleHTTPRequestHandler):
    """Static files plus a POST recorder; quiet, because pytest shows only what fails."""

    server_record: SiteServer  # set on the subclass each call of serve() makes

    def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        with self.server_record.lock:
            self.server_record.posts.append(
                Received(self.path, self.headers.get("Content-Type", ""), body))
        reply = b"<!DOCTYPE html><html lang=en><title>received</title><p>received</p></html>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the base class's name)
        pass


@contextmanager
def serve(folder: Path) -> Iterator[SiteServer]:
    """Serve ``folder`` on a free port of 127.0.0.1 until the block ends."""
    record = SiteServer(base_url="")
    handler = type("SiteHandler", (_Handler,), {"server_record": record})
    httpd = ThreadingHTTPServer((HOST, 0), partial(handler, directory=str(folder)))
    httpd.daemon_threads = True
    record.base_url = f"http://{HOST}:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield record
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=60)
