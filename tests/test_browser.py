"""A resident on a phone: search a product, open the vendor, order on WhatsApp.

Runs the built sample site in Debian's Chromium (never a downloaded browser).
"""

from __future__ import annotations

import contextlib
import re
import urllib.parse
from collections.abc import Iterator

import pytest
import yaml
from conftest import ROOT, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]


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
    product_link = page.locator("a.pesan").first
    product_message = urllib.parse.unquote(product_link.get_attribute("href"))
    assert vendor["products"][0]["name"] in product_message
    # Nothing overflows the phone's width.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()


def test_a_phone_on_mobile_data_loads_nothing_from_other_hosts(browser, base_url: str) -> None:
    """No Google Fonts, no CDN: every request stays on the site's own host, and a vendor
    page stays light (sizes are what gzip would send; photos are not counted)."""
    import gzip

    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    requests: list[str] = []
    sizes: dict[str, int] = {}
    page.on("request", lambda request: requests.append(request.url))

    def measure(response) -> None:
        # Redirects and aborted requests have no body.
        with contextlib.suppress(Exception):
            sizes[response.url] = len(gzip.compress(response.body()))

    page.on("response", measure)
    page.goto(base_url + "usaha/amplang-bu-sari/", wait_until="networkidle")
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("amplang", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    foreign = [url for url in requests if not url.startswith(base_url)]
    assert foreign == []
    html = sizes[base_url + "usaha/amplang-bu-sari/"]
    everything_but_search = sum(
        n for url, n in sizes.items() if "search_index" not in url and "/foto/" not in url
    )
    assert html <= 20 * 1024
    assert everything_but_search <= 250 * 1024, sizes
    page.close()


THUMB_BUDGET, LARGE_BUDGET = 30 * 1024, 150 * 1024


@pytest.mark.parametrize("scale", [1, 2])
def test_vendor_photos_load_with_their_size_and_stay_light(
    browser, base_url: str, scale: int
) -> None:
    """On a phone (ordinary and sharp screen): the vendor's photo and the product photos
    load, each says its size (no jump while loading), and the bytes stay within budget:
    one large image and thumbnails."""
    page = browser.new_page(
        viewport={"width": 360, "height": 740}, device_scale_factor=scale, is_mobile=True
    )
    images: dict[str, int] = {}

    def measure(response) -> None:
        if response.request.resource_type == "image":
            with contextlib.suppress(Exception):
                images[response.url] = len(response.body())

    page.on("response", measure)
    page.goto(base_url + "usaha/amplang-bu-sari/", wait_until="networkidle")
    page.mouse.wheel(0, 5000)  # down to the gallery: its thumbnails load lazily
    page.wait_for_load_state("networkidle")
    page.wait_for_function("[...document.images].every(i => i.complete)")
    shown = page.evaluate(
        """[...document.querySelectorAll('article img')].map(i => ({
            src: i.currentSrc, width: i.getAttribute('width'), height: i.getAttribute('height'),
            natural: i.naturalWidth, lazy: i.loading}))"""
    )
    photos = [i for i in shown if "/foto/" in i["src"]]
    assert len(photos) == 3, shown  # the vendor's photo and two product photos
    for image in shown:
        assert image["natural"] > 0, image
        assert int(image["width"]) > 0 and int(image["height"]) > 0, image
    assert photos[0]["lazy"] == "auto" and {i["lazy"] for i in photos[1:]} == {"lazy"}
    fetched = {url: n for url, n in images.items() if "/foto/" in url}
    large = [n for url, n in fetched.items() if "-1200." in url]
    assert len(large) <= 1 and all(n <= LARGE_BUDGET for n in large), fetched
    assert all(n <= THUMB_BUDGET for url, n in fetched.items() if "-480." in url), fetched
    assert sum(fetched.values()) <= LARGE_BUDGET + 2 * THUMB_BUDGET, fetched
    # A phone with a sharp screen gets the large image, an ordinary one the thumbnail.
    assert ("-1200." in photos[0]["src"]) == (scale == 2), photos[0]
    page.close()


def test_a_vendor_without_photo_shows_its_category_icon(browser, base_url: str) -> None:
    slug = next(
        path.stem
        for path in sorted((ROOT / "content" / "vendors").glob("*.yml"))
        if "photo:" not in path.read_text("utf-8")
    )
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(base_url + f"usaha/{slug}/", wait_until="networkidle")
    icon = page.locator(".foto-kosong img")
    assert "/assets/kategori/" in icon.get_attribute("src")
    assert icon.evaluate("i => i.naturalWidth") > 0
    page.close()


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample built as if published at its own address (site_url = where it is served):
    Material's instant navigation only works within the site's own address."""
    import shutil
    import socket

    from generator.pipeline import build_site

    root = tmp_path_factory.mktemp("published")
    shutil.copytree(ROOT / "content", root / "content")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    catalogue = root / "content" / "catalogue.yml"
    text = catalogue.read_text("utf-8")
    catalogue.write_text(
        re.sub(r"(?m)^site_url: .*$", f"site_url: http://127.0.0.1:{port}/", text), "utf-8"
    )
    build_site(root / "content", root / "site", ROOT / "mkdocs.yml", docs_dir=root / "docs")
    server, url = serve(root / "site", port)
    yield url
    server.shutdown()


def test_moving_between_pages_keeps_the_search_index(browser, published: str) -> None:
    """Instant navigation: the next page fetches its own HTML only, not the search index."""
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(published + "usaha/amplang-bu-sari/", wait_until="networkidle")
    first = len(requests)
    assert sum("search_index.json" in url for url in requests) == 1
    page.get_by_role("link", name="Makanan & Kudapan").first.click()
    page.wait_for_url("**/kategori/makanan/")
    page.locator("h1", has_text="Makanan").wait_for()
    later = [url.removeprefix(published) for url in requests[first:]]
    assert "kategori/makanan/" in later
    assert not [url for url in later if url.endswith((".json", ".js", ".css"))], later
    page.close()


def test_tapping_a_product_photo_opens_it_large(browser, published: str) -> None:
    """Tap to enlarge is a plain link: with instant navigation on, the phone still opens
    the large image itself (and pinch-zoom and the back button work as usual)."""
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    page.goto(published + "usaha/amplang-bu-sari/", wait_until="networkidle")
    thumbnail = page.locator(".galeri a").first
    thumbnail.scroll_into_view_if_needed()
    thumbnail.click()
    page.wait_for_url("**/foto/*-1200.webp")
    assert page.evaluate("document.images[0].naturalWidth") >= 1000
    page.go_back()
    page.wait_for_url("**/usaha/amplang-bu-sari/")
    page.close()


def in_season(month: int) -> set[str]:
    names = set()
    for path in (ROOT / "content" / "vendors").glob("*.yml"):
        vendor = yaml.safe_load(path.read_text("utf-8"))
        if vendor.get("programme") == "kampung-bungas":
            names |= {p["name"] for p in vendor["products"] if month in p.get("season", [])}
    return names


def test_harvest_board_follows_the_readers_date(browser, base_url: str) -> None:
    """A site built in one month shows the reader's month: July's harvest in July."""
    import datetime

    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.clock.set_fixed_time(datetime.datetime(2027, 7, 15, 9, 0))
    page.goto(base_url + "program/kampung-bungas/")
    july = page.locator("#panen-7")
    july.wait_for()
    assert july.is_visible() and not page.locator("#panen-1").is_visible()
    shown = set(page.locator("#panen-7 + ul li strong").all_inner_texts())
    assert shown == in_season(7) and shown != in_season(1)
    context.close()

    # Without JavaScript, every month is listed.
    plain = browser.new_context(java_script_enabled=False)
    page = plain.new_page()
    page.goto(base_url + "program/kampung-bungas/")
    assert all(page.locator(f"#panen-{m}").is_visible() for m in range(1, 13))
    plain.close()


@pytest.mark.parametrize("utc_hour, shown", [(0, "Buka sekarang"), (4, "Tutup")])
def test_open_now_on_balikpapans_clock(browser, base_url: str, utc_hour: int, shown: str) -> None:
    """`Setiap hari 05:30–10:00`: open at 08:00 WITA (00:00 UTC), closed at 12:00 WITA,
    whatever time zone the phone is set to."""
    import datetime

    slug = next(
        path.stem
        for path in sorted((ROOT / "content" / "vendors").glob("*.yml"))
        if "open_hours: Setiap hari 05:30–10:00" in path.read_text("utf-8")
    )
    context = browser.new_context(timezone_id="Europe/London")
    page = context.new_page()
    page.clock.set_fixed_time(datetime.datetime(2027, 7, 15, utc_hour, tzinfo=datetime.UTC))
    page.goto(base_url + f"usaha/{slug}/")
    status = page.locator("span.buka")
    status.wait_for()
    assert status.inner_text() == shown
    context.close()


def test_filters_work_without_javascript(browser, base_url: str) -> None:
    """ "Halal" on "Semua usaha" lists exactly the halal vendors, with plain links only."""
    halal = set()
    for path in (ROOT / "content" / "vendors").glob("*.yml"):
        vendor = yaml.safe_load(path.read_text("utf-8"))
        if vendor.get("halal"):
            halal.add(vendor["name"])
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "usaha/")
    page.locator("article").get_by_role("link", name="Halal", exact=True).click()
    page.wait_for_url("**/saring/halal/")
    assert page.locator("h1").first.inner_text() == "Usaha halal"
    listed = set(page.locator("article li > strong > a").all_inner_texts())
    assert listed == halal and len(halal) >= 2
    context.close()


def test_a_web_page_prints_without_sidebar_and_with_link_targets(browser, base_url: str) -> None:
    """Ctrl+P on a vendor page: the text only, and where its links lead written out."""
    slug, _ = vendor_selling("amplang")
    page = browser.new_page()
    page.goto(f"{base_url}usaha/{slug}/")
    assert page.locator(".md-search").first.is_visible()
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", ".md-search", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    instagram = page.locator('a[href^="https://www.instagram.com/"]').first
    after = instagram.evaluate("a => getComputedStyle(a, '::after').content")
    assert "instagram.com" in after
    pdf = page.pdf(format="A5")  # Chromium's own print: the page does lay out on paper
    assert pdf.startswith(b"%PDF-")
    page.close()
