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
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from synth import ROOT, synthesise

sys.path.insert(0, str(ROOT / "tests"))
# The Chromium and its offline flags, and the counting host, of the browser tests.
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from static_host import Host, Sent, serve  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "CI": "1"}
PY = sys.executable
# The first query, then later ones; all in every synthesised catalogue (bench/synth.py).
QUERIES = ("kerupuk", "sambal", "anyaman", "pisang", "kopi", "rt 12")
VENDOR_PAGE = "usaha/usaha-7/"
QUIET_S = 1.5  # a phase is over when the server has had no request for this long


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


def tally(mine: list[Sent]) -> dict:
    by_kind = {k: sum(h.size for h in mine if kind(h.path) == k) for k in KINDS}
    return {
        "bytes": sum(h.size for h in mine),
        "requests": len(mine),
        "by_kind": {k: v for k, v in by_kind.items() if v},
        "files": [[h.path, h.status, h.size] for h in mine],
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


def phase(host: Host, phone: Phone, action) -> dict:
    host.clear()
    action()
    sent = host.wait_idle(QUIET_S, limit=60)
    return tally(sent) | {"devtools_bytes": phone.devtools_bytes()}


def visit_and_search(browser, host: Host, base_url: str, first: str = VENDOR_PAGE) -> dict:
    """A fresh phone opens `first`, then searches each of QUERIES in turn."""
    phone = Phone(browser)
    page = phone.page
    answered = "q => document.getElementById('cari-panel').getAttribute('data-dicari') === q"

    def visit() -> None:
        page.goto(base_url + first, wait_until="networkidle")
        page.evaluate("navigator.serviceWorker.ready")  # its first copies are fetched

    def search(query: str):
        def run() -> None:
            page.locator("#cari-kata").fill(query)
            page.wait_for_function(answered, arg=query, timeout=30_000)

        return run

    result = {"visit": phase(host, phone, visit)}
    for i, query in enumerate(QUERIES):
        result[f"search{i + 1}"] = phase(host, phone, search(query))
        result[f"search{i + 1}"]["results"] = page.locator("#cari-hasil > li").count()
    result["later_max"] = max(result[f"search{i + 1}"]["bytes"] for i in range(1, len(QUERIES)))
    phone.close()
    return result


# --- one size ---------------------------------------------------------------------------


def measure(n: int, work: Path, browser, repeats: int) -> dict:
    site, build_s = build(n, work)
    row = {"vendors": n, "build_s": build_s, "index": index_seconds(site, repeats)}
    host = Host()
    server, base_url = serve(site, host)
    try:
        row["site"] = visit_and_search(browser, host, base_url)
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
