"""A static host that counts what it sends, as GitHub Pages serves a built site.

Shared by tests/test_browser.py (the budgets of a first visit and a first search) and
bench/search_bytes.py (the same at 1,000 and 5,000 vendors).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import http.server
import mimetypes
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

# Playwright's `page.on("response")` sees neither the service worker's own fetches nor
# what a body cost on the wire, so the host counts: every byte it writes to the socket.

GZIPPED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".ics", ".csv"}


@dataclass
class Sent:
    path: str
    status: int
    size: int
    """Status line, headers and (gzipped) body, as written to the socket."""


@dataclass
class Host:
    """What the host sent, answer by answer, and the answers it could not finish."""

    sent: list[Sent] = field(default_factory=list)
    broken: list[str] = field(default_factory=list)
    busy: int = 0
    last: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def clear(self) -> None:
        with self.lock:
            self.sent.clear()
            self.broken.clear()

    def wait_idle(self, seconds: float = 0.5, limit: float = 30.0) -> list[Sent]:
        """What was sent, once nothing is being answered and nothing was asked for
        `seconds` (a service worker or a lazy image may ask after the page's load)."""
        deadline = time.monotonic() + limit
        while True:
            with self.lock:
                if self.busy == 0 and time.monotonic() - self.last >= seconds:
                    return list(self.sent)
            assert time.monotonic() < deadline, f"still fetching after {limit} s"
            time.sleep(0.05)


class _Counting:
    """The socket's writer, counting what goes through it."""

    def __init__(self, raw) -> None:
        self.raw, self.count = raw, 0

    def __getattr__(self, name: str):
        return getattr(self.raw, name)

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return self.raw.write(data)


class StaticHost(http.server.BaseHTTPRequestHandler):
    """A host as GitHub Pages serves the site: text gzipped, an ETag and
    `Cache-Control: max-age=600` (a file fetched twice within ten minutes is sent once; a
    page asked again with `no-cache` costs a short "not modified"), keep-alive."""

    protocol_version = "HTTP/1.1"

    def __init__(self, *args, site: Path, host: Host, **kwargs) -> None:
        self.site, self.host = site, host
        super().__init__(*args, **kwargs)

    def setup(self) -> None:
        super().setup()
        self.wfile = _Counting(self.wfile)

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        with self.host.lock:
            self.host.busy += 1
        before = self.wfile.count
        try:
            status = self.answer(path)
        except ConnectionError:  # the browser hung up mid-answer
            with self.host.lock:
                self.host.broken.append(path)
            self.close_connection = True
            return
        finally:
            with self.host.lock:
                self.host.busy -= 1
                self.host.last = time.monotonic()
        with self.host.lock:
            self.host.sent.append(Sent(path, status, self.wfile.count - before))

    def answer(self, path: str) -> int:
        file = (self.site / path.lstrip("/")).resolve()
        if file.is_dir() and file.is_relative_to(self.site):
            if not path.endswith("/"):
                return self.reply(301, b"", {"Location": path + "/"})
            file = file / "index.html"
        if not (file.is_relative_to(self.site) and file.is_file()):
            return self.reply(404, (self.site / "404.html").read_bytes(), {}, "text/html")
        data = file.read_bytes()
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        headers = {"ETag": etag, "Cache-Control": "max-age=600"}
        if self.headers.get("If-None-Match") == etag:
            return self.reply(304, None, headers)
        if file.suffix in GZIPPED and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = gzip.compress(data, compresslevel=6, mtime=0)
            headers |= {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if file.suffix == ".wasm":  # Pagefind's engine; browsers stream it by this type
            kind = "application/wasm"
        return self.reply(200, data, headers, kind)

    def reply(self, status: int, data: bytes | None, headers: dict, kind: str = "") -> int:
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        if data is not None:
            self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if data:
            self.wfile.write(data)
        return status


def serve(site: Path, host: Host) -> tuple[http.server.ThreadingHTTPServer, str]:
    """`site` served on localhost by a `StaticHost` counting into `host`, in a thread."""
    handler = functools.partial(StaticHost, site=site.resolve(), host=host)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"
