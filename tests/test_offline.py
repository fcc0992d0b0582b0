"""At the bazaar with no signal: pages opened before still open, search still works,
and a page never opened says so in Indonesian instead of the browser's error."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


class Signal(http.server.SimpleHTTPRequestHandler):
    """The site's server as a phone at the bazaar sees it: `weak` pages answer nothing
    for five seconds and then drop; with `gone`, nothing answers at all."""

    weak: set[str] = set()
    gone = False

    def handle_one_request(self) -> None:
        if Signal.gone:
            self.close_connection = True
            return
        super().handle_one_request()

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        if self.path.split("?")[0] in Signal.weak:
            time.sleep(5)
            self.close_connection = True
            return
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site(sample_site: Path, tmp_path: Path):
    """A copy of the sample site, served; the test may edit it."""
    root = tmp_path / "site"
    shutil.copytree(sample_site, root)
    Signal.weak, Signal.gone = set(), False
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Signal, directory=root)
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield root, f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


def installed(browser, url: str):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(url)
    # The service worker takes over the page it was installed from.
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller")
    return context, page


def heading(page) -> str:
    return page.locator("h1").first.inner_text()


def test_pages_opened_before_work_without_signal(browser, site) -> None:
    _, url = site
    context, page = installed(browser, url)
    page.goto(url + "usaha/amplang-bu-sari/")
    vendor = heading(page)

    Signal.gone = True  # the signal is gone: nothing answers any more

    page.goto(url + "usaha/amplang-bu-sari/")
    assert heading(page) == vendor
    page.goto(url)
    assert heading(page) == "Katalog UMKM Gunung Sari Ilir"
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("kastengel", delay=30)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15_000)
    assert "/usaha/kue-kering-dapur-lestari/" in first.get_attribute("href")

    page.goto(url + "usaha/jamu-mbok-tini/")  # never opened
    assert heading(page) == "Tanpa sinyal"
    assert page.get_by_role("link", name="halaman depan").is_visible()
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
    page.wait_for_function(
        "caches.match(location.origin + location.pathname)"
        ".then(r => r && r.text()).then(t => t && t.includes('Jamu Baru'))"
    )

    Signal.gone = True
    page.goto(url + "usaha/jamu-mbok-tini/?h=jamu")
    assert heading(page) == "Jamu Baru"
    context.close()


def test_a_weak_signal_that_drops_says_so(browser, site) -> None:
    """No answer for five seconds, then nothing: "Tanpa sinyal", not the browser's error."""
    _, url = site
    context, page = installed(browser, url)
    Signal.weak = {"/usaha/jamu-mbok-tini/"}
    page.goto(url + "usaha/jamu-mbok-tini/", timeout=20_000)
    assert heading(page) == "Tanpa sinyal"
    context.close()
