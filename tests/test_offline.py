"""At the bazaar with no signal: pages opened before still open, search still works,
and a page never opened says so in Indonesian instead of the browser's error."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def test_pages_opened_before_work_without_signal(browser, sample_site: Path) -> None:
    server, url = serve(sample_site)
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(url)
    # The service worker takes over the page it was installed from.
    page.wait_for_function("navigator.serviceWorker && navigator.serviceWorker.controller")
    page.goto(url + "usaha/amplang-bu-sari/")
    vendor = page.locator("h1").first.inner_text()

    server.shutdown()  # the signal is gone: nothing answers any more
    server.server_close()

    page.goto(url + "usaha/amplang-bu-sari/")
    assert page.locator("h1").first.inner_text() == vendor
    page.goto(url)
    assert page.locator("h1").first.inner_text() == "Katalog UMKM Gunung Sari Ilir"
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("kastengel", delay=30)
    first = page.locator(".md-search-result__item a").first
    first.wait_for(timeout=15_000)
    assert "/usaha/kue-kering-dapur-lestari/" in first.get_attribute("href")

    page.goto(url + "usaha/jamu-mbok-tini/")  # never opened
    assert page.locator("h1").first.inner_text() == "Tanpa sinyal"
    assert page.get_by_role("link", name="halaman depan").is_visible()
    context.close()
