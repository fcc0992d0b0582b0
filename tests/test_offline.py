"""At the bazaar with no signal: pages opened before still open, search still works,
and a page never opened says so in Indonesian instead of the browser's error."""

from __future__ import annotations

import datetime
import functools
import http.server
import re
import shutil
import threading
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class Signal(http.server.SimpleHTTPRequestHandler):
    """The site's server as a phone at the bazaar sees it: `slow` pages answer after
    SLOW_S seconds; `hung` pages answer nothing until the test is over (at most 30 s) and
    then drop; with `gone`, nothing answers at all."""

    slow: set[str] = set()
    hung: set[str] = set()
    gone = False
    over = threading.Event()

    def handle_one_request(self) -> None:
        if Signal.gone:
            self.close_connection = True
            return
        super().handle_one_request()

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        path = self.path.split("?")[0]
        if path in Signal.hung:
            Signal.over.wait(30)
            self.close_connection = True
            return
        if path in Signal.slow:
            time.sleep(SLOW_S)
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


# Longer than the few seconds the service worker waits before it shows a kept copy.
SLOW_S = 5


@pytest.fixture
def site(sample_site: Path, tmp_path: Path):
    """A copy of the sample site, served; the test may edit it."""
    root = tmp_path / "site"
    shutil.copytree(sample_site, root)
    Signal.slow, Signal.hung, Signal.gone = set(), set(), False
    Signal.over = threading.Event()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Signal, directory=root)
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_port}/"
    Signal.over.set()  # a hung answer ends with the test
    server.shutdown()
    server.server_close()


def installed(browser, url: str):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(url)
    # The service worker takes over the page it was installed from.
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller")
    return context, page


def wait_until(page, script: str, arg: object = None, seconds: float = 20) -> None:
    """Until `script` (which may answer with a promise) is true in the page. Playwright's
    `wait_for_function` takes a promise for a true answer at once."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(script, arg):
        assert time.monotonic() < deadline, f"still false after {seconds} s: {script}"
        page.wait_for_timeout(100)


def heading(page) -> str:
    return page.locator("h1").first.inner_text()


def search(page, query: str) -> None:
    page.locator("#cari-kata").press_sequentially(query, delay=30)
    page.wait_for_function(
        "q => document.getElementById('cari-panel').dataset.dicari === q", arg=query
    )


# The service worker keeps what a search fetched as it comes: results' pieces included.
KEPT_RESULTS = """() => caches.keys()
  .then(names => Promise.all(names.map(n => caches.open(n).then(c => c.keys()))))
  .then(lists => lists.flat().some(r => r.url.endsWith(".pf_fragment")))"""


def test_pages_opened_before_work_without_signal(browser, site) -> None:
    _, url = site
    context, page = installed(browser, url)
    page.goto(url + "usaha/amplang-bu-sari/")
    vendor = heading(page)
    search(page, "kastengel")  # online: the engine and the pieces of the index it needs
    wait_until(page, KEPT_RESULTS)

    Signal.gone = True  # the signal is gone: nothing answers any more

    page.goto(url + "usaha/amplang-bu-sari/")
    assert heading(page) == vendor
    page.goto(url)
    assert heading(page) == "Katalog UMKM Gunung Sari Ilir"
    # A search made before, made again without signal: its pieces of the index were kept.
    search(page, "kastengel")
    first = page.locator("#cari-hasil a.cari__halaman").first
    assert "/usaha/kue-kering-dapur-lestari/" in first.get_attribute("href")

    page.goto(url + "usaha/jamu-mbok-tini/")  # never opened
    assert heading(page) == "Tanpa sinyal"
    home = page.get_by_role("link", name="halaman depan")
    assert home.evaluate("a => a.href") == url  # not usaha/: links work from any address
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky",
        "fixed",
    )  # Material's styles loaded (the bare page would leave the header static)
    context.close()


def test_offline_shows_the_freshest_copy_seen(browser, site) -> None:
    """A page opened from search (`?h=word`) and later directly is one page, kept once."""
    root, url = site
    context, page = installed(browser, url)
    page.goto(url + "usaha/jamu-mbok-tini/?h=jamu")
    html = root / "usaha" / "jamu-mbok-tini" / "index.html"
    html.write_text(html.read_text("utf-8").replace("Jamu Mbok Tini</h1>", "Jamu Baru</h1>"))
    page.goto(url + "usaha/jamu-mbok-tini/")
    assert heading(page) == "Jamu Baru"
    # The copy is kept just after the page is shown; a person takes longer than that.
    wait_until(
        page,
        "caches.match(location.origin + location.pathname)"
        ".then(r => r && r.text()).then(t => !!t && t.includes('Jamu Baru'))",
    )

    Signal.gone = True
    page.goto(url + "usaha/jamu-mbok-tini/?h=jamu")
    assert heading(page) == "Jamu Baru"
    context.close()


def test_a_signal_that_hangs_shows_the_kept_copy_within_seconds(browser, site) -> None:
    """A page opened before, and now the server answers nothing (for 30 s): the copy kept
    on the phone is shown after a few seconds of silence, not a blank screen until the
    network gives up."""
    _, url = site
    context, page = installed(browser, url)
    page.goto(url + "usaha/amplang-bu-sari/")
    vendor = heading(page)
    wait_kept(page, "/usaha/amplang-bu-sari/")

    Signal.hung = {"/usaha/amplang-bu-sari/"}
    started = time.monotonic()
    page.goto(url + "usaha/amplang-bu-sari/", timeout=10_000)
    waited = time.monotonic() - started
    assert heading(page) == vendor
    # About 4 s of patience, then the page from the phone's own storage.
    assert waited < 6, f"the kept copy came after {waited:.1f} s"
    context.close()


def test_a_page_never_opened_is_waited_for_on_a_slow_signal(browser, site) -> None:
    """No copy kept to show instead: the phone waits for a slow answer past its few
    seconds of patience, and shows the page, not "Tanpa sinyal"."""
    _, url = site
    context, page = installed(browser, url)
    Signal.slow = {"/usaha/jamu-mbok-tini/"}
    page.goto(url + "usaha/jamu-mbok-tini/", timeout=20_000)
    assert heading(page) == "Jamu Mbok Tini"
    context.close()


def kept(page, path: str) -> bool:
    return page.evaluate(
        "path => caches.keys().then(names => Promise.all(names.map(n => caches.open(n)"
        ".then(c => c.match(new URL(path, location.href).href))))).then(r => r.some(x => x))",
        path,
    )


def wait_kept(page, path: str) -> None:
    wait_until(page, "path => caches.match(new URL(path, location.href).href).then(r => !!r)", path)


def rebuild_without(root: Path, slug: str, sample: Path, work: Path) -> None:
    """The vendor's file deleted from a copy of the sample content, the site built again
    (only changed PDFs are made again) and published over the served one."""
    from conftest import ROOT

    from generator.pipeline import PhotoSettings, build_site

    content = work / "content"
    shutil.copytree(ROOT / "content", content)
    (content / "vendors" / f"{slug}.yml").unlink()
    docs = work / "docs"
    shutil.copytree(sample.parent / "docs", docs)
    photos = PhotoSettings(cache_dir=ROOT / ".cache" / "photos")
    build_site(content, work / "site", ROOT / "mkdocs.yml", docs_dir=docs, photo_settings=photos)
    shutil.rmtree(root)
    shutil.copytree(work / "site", root)


def cache_name(root: Path) -> str:
    found = re.search(r'var BUILD = "([^"]+)";', (root / "sw.js").read_text("utf-8"))
    assert found, "sw.js names its cache"
    return found.group(1)


def test_a_removed_vendor_is_gone_from_the_phone(browser, site, sample_site, tmp_path) -> None:
    """A vendor who asked to be removed: after the next build, not shown online (the
    server's 404, not the copy kept) nor, once the new worker took over, offline."""
    root, url = site
    context, page = installed(browser, url)
    page.goto(url + "usaha/katering-dapur-bunda-yuli/")
    vendor = heading(page)
    wait_kept(page, "/usaha/katering-dapur-bunda-yuli/")
    before = cache_name(root)
    # Another catalogue on the same origin (one github.io, two kelurahan) keeps its copies.
    other = "katalog " + url + "lain/ 0123"
    page.evaluate("name => caches.open(name)", other)

    rebuild_without(root, "katering-dapur-bunda-yuli", sample_site, tmp_path / "again")
    after = cache_name(root)
    assert after != before  # a new build, a new cache: the old one goes

    response = page.goto(url + "usaha/katering-dapur-bunda-yuli/")
    assert response.status == 404 and vendor not in page.content()
    # The visit fetched the new sw.js: its worker takes over and deletes the old copies.
    wait_until(
        page,
        "([build, other]) => caches.keys().then(n => n.length === 2 && n.includes(other)"
        " && n.some(name => name !== other && name.endsWith(' ' + build)))",
        [after, other],
    )

    Signal.gone = True
    page.goto(url + "usaha/katering-dapur-bunda-yuli/")
    assert heading(page) == "Tanpa sinyal"
    context.close()


def test_the_same_content_keeps_the_same_cache(tmp_path) -> None:
    """An unchanged catalogue built again, on another day (the deploy rebuilds daily, and
    the calendar's time stamp and the statistics' date change with the day), gives the same
    sw.js: phones keep their copies. A vendor's edit gives another: the old copy goes."""
    from conftest import ROOT

    from generator.pipeline import PhotoSettings, generate

    photos = PhotoSettings(cache_dir=ROOT / ".cache" / "photos")
    generate(ROOT / "content", tmp_path / "a", datetime.date(2026, 1, 1), photo_settings=photos)
    generate(ROOT / "content", tmp_path / "b", datetime.date(2026, 1, 2), photo_settings=photos)
    assert (tmp_path / "a/data/usaha.json").read_bytes() != (
        tmp_path / "b/data/usaha.json"
    ).read_bytes()  # the day shows in the files: the cache name must not follow it
    assert cache_name(tmp_path / "a") == cache_name(tmp_path / "b")

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    vendor = content / "vendors" / "amplang-bu-sari.yml"  # its owner's name taken out
    vendor.write_text(vendor.read_text("utf-8").replace("\nowner: ", "\n# owner: ", 1), "utf-8")
    generate(content, tmp_path / "c", datetime.date(2026, 1, 1), photo_settings=photos)
    assert cache_name(tmp_path / "c") != cache_name(tmp_path / "a")


def test_a_page_the_server_says_is_gone_is_forgotten(browser, site) -> None:
    root, url = site
    context, page = installed(browser, url)
    page.goto(url + "usaha/laundry-bersih-wangi/")
    wait_kept(page, "/usaha/laundry-bersih-wangi/")
    shutil.rmtree(root / "usaha" / "laundry-bersih-wangi")  # taken down by hand: 404

    assert page.goto(url + "usaha/laundry-bersih-wangi/").status == 404
    page.goto(url)
    wait_until(page, "caches.match(location.origin + '/usaha/laundry-bersih-wangi/').then(r => !r)")
    Signal.gone = True
    page.goto(url + "usaha/laundry-bersih-wangi/")
    assert heading(page) == "Tanpa sinyal"
    context.close()


def test_pdfs_are_not_kept(browser, site) -> None:
    _, url = site
    context, page = installed(browser, url)
    size = page.evaluate("fetch('katalog.pdf').then(r => r.arrayBuffer()).then(b => b.byteLength)")
    assert size > 10_000
    page.goto(url + "usaha/")  # kept after the PDF was read whole
    wait_kept(page, "/usaha/")
    page.wait_for_timeout(500)
    assert not kept(page, "/katalog.pdf")
    context.close()


VENDORS = sorted(p.stem for p in (Path(__file__).parents[1] / "content/vendors").glob("*.yml"))


def test_the_pages_used_longest_ago_go_first(browser, site) -> None:
    """At most MOST pages and files are kept (here 16 instead of 200); opening a page
    again makes it the newest."""
    root, url = site
    worker = (root / "sw.js").read_text("utf-8")
    assert "var MOST = 200;" in worker
    (root / "sw.js").write_text(worker.replace("var MOST = 200;", "var MOST = 16;"), "utf-8")
    context, page = installed(browser, url)
    opened = [f"/usaha/{slug}/" for slug in VENDORS[:14]]
    for n, path in enumerate(opened):
        page.goto(url + path.lstrip("/"))
        wait_kept(page, path)
        if n >= 2:  # the first page is used again and again
            page.goto(url + opened[0].lstrip("/"))
            wait_kept(page, opened[0])

    count = page.evaluate(
        "caches.keys().then(n => caches.open(n[0])).then(c => c.keys()).then(k => k.length)"
    )
    assert count <= 16
    assert kept(page, opened[0]) and kept(page, opened[-1])
    assert not kept(page, opened[1])  # opened once, long ago
    assert kept(page, "/luring/")  # kept at installation, never dropped
    context.close()
