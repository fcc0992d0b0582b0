"""Bytes a phone downloads for the catalogue's search, and how long indexing takes.

For each size (1,000 and 5,000 vendors by default) a catalogue is synthesised
(bench/synth.py) and built with the real command (`python -m generator build --content …
--site-dir …`, in a work folder holding a copy of mkdocs.yml). The first build of a size
makes its PDFs too (4 min at 1,000 vendors, 14 at 5,000 on 2 cores); the work folder is
kept, and the build is incremental, so later runs take seconds. The search index
(generator/output/search_index.py: Pagefind, then its filter files put in order) is
then made again from the built HTML, timed (median of `--repeats`).

The site is served on localhost by a small server that gzips text (html, css, js, json,
svg, xml; level 6, as a static host would) and sends Pagefind's own files as they are
(already gzipped by Pagefind), with `Cache-Control: max-age=600` and ETags as GitHub Pages
does. **Bytes are counted by that server: everything it writes to the socket for each
request, status line, headers and (gzipped) body**, so what the service worker and the
search engine fetch is counted too. Chrome's `Network.loadingFinished` count of the
page's own requests is kept in the JSON (`devtools_bytes`) as a cross-check. Debian's
Chromium (Playwright, the flags of tests/conftest.py) opens a fresh context (an empty
cache) on a 360 px screen:

- visit: a vendor page, left until idle (the service worker installed, its first copies
  fetched);
- search 1: "kerupuk" typed into the header's search box, until the box shows its
  answer (the engine, the word list, the index pieces and the first results);
- later: five more queries, one after the other (the table shows the largest).

    .venv/bin/python bench/search_bytes.py                 # 1,000 and 5,000 vendors
    .venv/bin/python bench/search_bytes.py --sizes 1000

Prints a table (KB = 1,024 bytes) and writes bench/results/search-bytes.json. Not a test.
"""

from __future__ import annotations

import argparse
import email.utils
import functools
import gzip
import hashlib
import http.server
import json
import mimetypes
import os
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from synth import ROOT, synthesise

sys.path.insert(0, str(ROOT / "tests"))
# The Chromium and its offline flags of the browser tests.
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "CI": "1"}
PY = sys.executable
# The first query, then later ones; all in every synthesised catalogue (bench/synth.py).
QUERIES = ("kerupuk", "sambal", "anyaman", "pisang", "kopi", "rt 12")
VENDOR_PAGE = "usaha/usaha-7/"
GZIPPED = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".ics", ".csv"}
QUIET_S = 1.5  # a phase is over when the server has had no request for this long


# --- the server -------------------------------------------------------------------------


@dataclass
class Hit:
    phase: str
    path: str
    status: int
    wire: int  # status line + headers + body, as written to the socket
    body: int


@dataclass
class Wire:
    """What the server sent, request by request; `phase` is set by the measuring thread."""

    phase: str = ""
    hits: list[Hit] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    block: re.Pattern | None = None
    busy: int = 0
    last: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)
    gz: dict[Path, tuple[float, bytes]] = field(default_factory=dict)

    def quiet(self, seconds: float = QUIET_S, limit: float = 60.0) -> None:
        """Wait until no request is in flight and none came for `seconds`."""
        end = time.monotonic() + limit
        while time.monotonic() < end:
            with self.lock:
                idle = self.busy == 0 and time.monotonic() - self.last >= seconds
            if idle:
                return
            time.sleep(0.1)
        raise SystemExit("the page kept fetching for a minute")

    def gzipped(self, file: Path, data: bytes) -> bytes:
        mtime = file.stat().st_mtime
        with self.lock:
            kept = self.gz.get(file)
        if kept and kept[0] == mtime:
            return kept[1]
        packed = gzip.compress(data, compresslevel=6, mtime=0)
        with self.lock:
            self.gz[file] = (mtime, packed)
        return packed


class _Counted:
    """The socket's writer, counting the bytes written through it."""

    def __init__(self, raw):
        self.raw, self.count = raw, 0

    def __getattr__(self, name: str):
        return getattr(self.raw, name)

    def write(self, data: bytes) -> int:
        self.count += len(data)
        return self.raw.write(data)

    def flush(self) -> None:
        self.raw.flush()


class Handler(http.server.BaseHTTPRequestHandler):
    """A static host: gzip for text, ETag and max-age=600, directory index pages."""

    protocol_version = "HTTP/1.1"  # keep-alive, as browsers and hosts use

    def __init__(self, *args, site: Path, wire: Wire, **kwargs):
        self.site, self.wire = site, wire
        super().__init__(*args, **kwargs)

    def setup(self) -> None:
        super().setup()
        self.wfile = _Counted(self.wfile)

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        with self.wire.lock:
            self.wire.busy += 1
            self.wire.last = time.monotonic()
        before = self.wfile.count
        try:
            status, body = self.answer(path)
        finally:
            with self.wire.lock:
                self.wire.busy -= 1
                self.wire.last = time.monotonic()
        if status is None:
            with self.wire.lock:
                self.wire.refused.append(path)
            return
        hit = Hit(self.wire.phase, path, status, self.wfile.count - before, body)
        with self.wire.lock:
            self.wire.hits.append(hit)

    def answer(self, path: str) -> tuple[int | None, int]:
        if self.wire.block and self.wire.block.search(path):
            self.reply(404, b"", "text/plain")
            return None, 0
        file = (self.site / path.lstrip("/")).resolve()
        if not file.is_relative_to(self.site):
            return self.reply(404, b"", "text/plain"), 0
        if file.is_dir():
            if not path.endswith("/"):
                self.send_response(301)
                self.send_header("Location", path + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return 301, 0
            file = file / "index.html"
        if not file.is_file():
            return self.reply(404, b"not found", "text/plain"), 9
        data = file.read_bytes()
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            return 304, 0
        kind = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if file.suffix == ".wasm":
            kind = "application/wasm"
        headers = {"ETag": etag, "Cache-Control": "max-age=600"}
        headers["Last-Modified"] = email.utils.formatdate(file.stat().st_mtime, usegmt=True)
        if file.suffix in GZIPPED and "gzip" in self.headers.get("Accept-Encoding", ""):
            data = self.wire.gzipped(file, data)
            headers |= {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
        self.reply(200, data, kind, headers)
        return 200, len(data)

    def reply(self, status: int, data: bytes, kind: str, headers: dict | None = None) -> int:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
        return status


def serve(site: Path, wire: Wire) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(Handler, site=site.resolve(), wire=wire)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


# --- what each request is ---------------------------------------------------------------

KINDS = ("html", "css", "js", "search engine", "search index", "results", "word list")
KINDS += ("sitemap", "fonts/images", "other")


def kind(path: str) -> str:
    name = path.rsplit("/", 1)[-1]
    if name.endswith((".pf_index", ".pf_filter")):
        return "search index"
    if path.endswith("search/kata.json") or "/search/kosakata/" in path:
        return "word list"
    if name == "sitemap.xml":  # fetched by Material's instant navigation
        return "sitemap"
    if name.endswith(".pf_fragment"):
        return "results"
    if "/pagefind/" in path:  # pagefind.js, its wasm, entry and metadata
        return "search engine"
    if path.endswith("/") or name.endswith(".html"):
        return "html"
    suffix = Path(name).suffix
    if suffix == ".css":
        return "css"
    if suffix in (".js", ".mjs"):
        return "js"
    if suffix in (".woff", ".woff2", ".ttf", ".png", ".svg", ".webp", ".jpg", ".ico", ".gif"):
        return "fonts/images"
    return "other"


def tally(mine: list[Hit]) -> dict:
    by_kind = {k: sum(h.wire for h in mine if kind(h.path) == k) for k in KINDS}
    return {
        "bytes": sum(h.wire for h in mine),
        "requests": len(mine),
        "by_kind": {k: v for k, v in by_kind.items() if v},
        "files": [[h.path, h.status, h.wire] for h in mine],
    }


# --- building and indexing --------------------------------------------------------------


def build(n: int, work: Path) -> tuple[Path, float]:
    """The synthesised catalogue of `n` vendors, built by the real command."""
    folder = work / str(n)
    folder.mkdir(parents=True, exist_ok=True)
    synthesise(n, folder / "content")
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")
    args = ["--content", "content", "--config", "mkdocs.yml", "--site-dir", "site"]
    started = time.perf_counter()
    done = subprocess.run(
        [PY, "-m", "generator", "build", *args], cwd=folder, env=ENV, capture_output=True
    )
    if done.returncode != 0:
        raise SystemExit(f"build of {n} vendors failed:\n{done.stderr.decode()}")
    return folder / "site", time.perf_counter() - started


def index_seconds(site: Path, repeats: int) -> dict:
    """The search index made again from the built site, the median of `repeats` runs."""
    from generator.output.search_index import BUNDLE, index_site

    runs = []
    for _ in range(repeats):
        started = time.perf_counter()
        index_site(site)
        runs.append(time.perf_counter() - started)
    files = [p for p in (site / BUNDLE).rglob("*") if p.is_file()]
    return {
        "seconds": statistics.median(runs),
        "runs_s": runs,
        "bundle_files": len(files),
        "bundle_bytes": sum(p.stat().st_size for p in files),
    }


# --- the browser ------------------------------------------------------------------------


class Phone:
    """A fresh context (empty cache) on a 360 px screen, with a DevTools byte count."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
        self.page = self.context.new_page()
        self.cdp = self.context.new_cdp_session(self.page)
        self.cdp.send("Network.enable")
        self.encoded = 0
        self.cdp.on("Network.loadingFinished", self._finished)

    def _finished(self, event: dict) -> None:
        self.encoded += int(event["encodedDataLength"])

    def devtools_bytes(self) -> int:
        """Chrome's own count so far (the page's requests, not the service worker's)."""
        taken, self.encoded = self.encoded, 0
        return taken

    def close(self) -> None:
        self.context.close()


def phase(wire: Wire, phone: Phone, name: str, action) -> dict:
    wire.phase = name
    start = len(wire.hits)
    action()
    wire.quiet()
    return tally(wire.hits[start:]) | {"devtools_bytes": phone.devtools_bytes()}


def visit_and_search(browser, wire: Wire, base_url: str) -> dict:
    phone = Phone(browser)
    page = phone.page
    answered = "q => document.getElementById('cari-panel').getAttribute('data-dicari') === q"

    def visit() -> None:
        page.goto(base_url + VENDOR_PAGE, wait_until="networkidle")
        page.evaluate("navigator.serviceWorker.ready")  # its first copies are fetched

    def search(query: str):
        def run() -> None:
            page.locator("#cari-kata").fill(query)
            page.wait_for_function(answered, arg=query, timeout=30_000)

        return run

    result = {"visit": phase(wire, phone, "visit", visit)}
    for i, query in enumerate(QUERIES):
        result[f"search{i + 1}"] = phase(wire, phone, f"search{i + 1}", search(query))
        result[f"search{i + 1}"]["results"] = page.locator("#cari-hasil > li").count()
    result["later_max"] = max(result[f"search{i + 1}"]["bytes"] for i in range(1, len(QUERIES)))
    phone.close()
    return result


# --- one size ---------------------------------------------------------------------------


def measure(n: int, work: Path, browser, repeats: int) -> dict:
    site, build_s = build(n, work)
    row = {"vendors": n, "build_s": build_s, "index": index_seconds(site, repeats)}
    wire = Wire()
    server, base_url = serve(site, wire)
    try:
        row["site"] = visit_and_search(browser, wire, base_url)
    finally:
        server.shutdown()
    return row


# --- the report -------------------------------------------------------------------------


def kb(count: int) -> str:
    return f"{count / 1024:.1f}"


BUDGET = {"visit": 100, "search1": 150, "later_max": 30}  # KB, from the search issue


def table(rows: list[dict]) -> str:
    """One line per size: KB of the first visit, the first search and the largest later
    search, each against its budget, then the first search by kind; and the index."""
    lines = [
        "KB on the wire (gzip, headers included), fresh cache, counted by the server",
        f"{'vendors':>7}{'visit':>8}{'search 1':>10}{'later':>8}  first search by kind",
    ]
    for r in rows:
        s = r["site"]
        parts = ", ".join(f"{k} {kb(v)}" for k, v in s["search1"]["by_kind"].items())
        lines.append(
            f"{r['vendors']:>7}{kb(s['visit']['bytes']):>8}{kb(s['search1']['bytes']):>10}"
            f"{kb(s['later_max']):>8}  {parts}"
        )
    lines.append(
        f"{'budget':>7}{BUDGET['visit']:>8}{BUDGET['search1']:>10}{BUDGET['later_max']:>8}"
    )
    lines += [
        "",
        f"{'vendors':>7}{'index s':>9}{'files':>7}{'bundle KB':>11}  build s (incremental)",
    ]
    for r in rows:
        i = r["index"]
        lines.append(
            f"{r['vendors']:>7}{i['seconds']:>9.2f}{i['bundle_files']:>7}"
            f"{kb(i['bundle_bytes']):>11}  {r['build_s']:.1f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,5000")
    parser.add_argument("--work", default="/tmp/search-bytes", help="kept between runs")
    parser.add_argument("--repeats", type=int, default=3, help="indexing runs")
    args = parser.parse_args()
    if not Path(CHROMIUM).exists():
        raise SystemExit("Debian's Chromium is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in args.sizes.split(","):
            rows.append(measure(int(n), Path(args.work), browser, args.repeats))
        browser.close()
    print(table(rows))
    out = ROOT / "bench" / "results" / "search-bytes.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"queries": QUERIES, "rows": rows}, indent=2) + "\n")
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
