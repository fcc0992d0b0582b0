"""A resident on a phone: search a product, open the vendor, order on WhatsApp.

Runs the built sample site in Debian's Chromium (never a downloaded browser).
"""

from __future__ import annotations

import functools
import http.server
import re
import threading
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
# Offline machine: without these flags Chromium keeps dialling Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def base_url(sample_site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=sample_site)
    handler.log_message = lambda *args: None  # type: ignore[method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's Chromium is missing: apt-get install chromium (.ci/run does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def vendor_selling(word: str) -> tuple[str, dict]:
    for path in sorted((ROOT / "content" / "vendors").glob("*.yml")):
        vendor = yaml.safe_load(path.read_text("utf-8"))
        if any(word in p["name"].lower() for p in vendor["products"]):
            return path.stem, vendor
    raise AssertionError(f"no sample vendor sells {word}")


def test_search_product_open_vendor_and_order_on_whatsapp(browser, base_url: str) -> None:
    slug, vendor = vendor_selling("kastengel")
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(base_url)
    assert page.locator("h1").first.inner_text() == "Katalog UMKM Gunung Sari Ilir"

    page.locator("label.md-header__button[for='__search']").click()  # the phone's search icon
    # Typed key by key, as a person does: Material searches on keystrokes.
    page.locator("input.md-search__input").press_sequentially("kastengel", delay=30)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15_000)
    # The vendor's own page ranks above the lists that name the product.
    assert f"/usaha/{slug}/" in first.get_attribute("href")
    first.click()

    page.wait_for_url(re.compile(f"/usaha/{slug}/"))
    assert page.locator("h1").first.inner_text() == vendor["name"]
    button = page.get_by_role("link", name="Pesan lewat WhatsApp")
    assert button.is_visible()
    href = button.get_attribute("href")
    assert href.startswith("https://wa.me/62")
    message = urllib.parse.parse_qs(urllib.parse.urlsplit(href).query)["text"][0]
    assert vendor["name"] in message
    # The per-product link names the product.
    product_link = page.locator("table a", has_text="Pesan").first
    product_message = urllib.parse.unquote(product_link.get_attribute("href"))
    assert vendor["products"][0]["name"] in product_message
    # Nothing overflows the phone's width except inside scrollable tables.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()
