"""A resident on a phone: search a product, open the vendor, order on WhatsApp.

Runs the built sample site in Debian's Chromium (never a downloaded browser).
"""

from __future__ import annotations

import re
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import yaml
from conftest import ROOT
from phone_photo import phone_photo
from static_host import Host, Sent, serve

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

    # Typed key by key, as a person does: the box searches as it is typed into.
    page.locator("#cari-kata").press_sequentially("kastengel", delay=40)
    page.wait_for_function("document.getElementById('cari-panel').dataset.dicari === 'kastengel'")
    first = page.locator("#cari-hasil a.cari__halaman").first
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


@dataclass
class Site:
    url: str
    host: Host


# Amplang Bu Sari's photos (its own photo is also its first product's), replaced by what a
# phone camera gives: 4000×3000, about 4 MB each. The generator must make them light.
PHONE_PHOTOS = ("amplang-piring.jpg", "amplang-toples.jpg")


@pytest.fixture(scope="module")
def published_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The sample built as if published at its own address (site_url = where it is served:
    Material's instant navigation only works within the site's own address), with phone
    photos, served by a host that counts what it sends."""
    import shutil

    from generator.pipeline import PhotoSettings, build_site

    root = tmp_path_factory.mktemp("published")
    shutil.copytree(ROOT / "content", root / "content")
    for seed, name in enumerate(PHONE_PHOTOS):
        (root / "content" / "vendors" / "foto" / name).write_bytes(phone_photo(seed))
    host = Host()
    server, url = serve(root / "site", host)  # answers once the site below is built
    catalogue = root / "content" / "catalogue.yml"
    text = catalogue.read_text("utf-8")
    catalogue.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {url}", text), "utf-8")
    photos = PhotoSettings(cache_dir=ROOT / ".cache" / "photos")  # unchanged photos: made once
    build_site(
        root / "content",
        root / "site",
        ROOT / "mkdocs.yml",
        docs_dir=root / "docs",
        photo_settings=photos,
    )
    yield Site(url, host)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def published(published_site: Site) -> str:
    return published_site.url


def watch_for_failures(page) -> list[str]:
    """Every request of the page that failed or was refused, as it happens."""
    failures: list[str] = []
    page.on("requestfailed", lambda request: failures.append(f"{request.url}: {request.failure}"))
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and failures.append(f"{response.url}: {response.status}")
        ),
    )
    return failures


def service_worker_active(page) -> bool:
    return page.evaluate(
        "navigator.serviceWorker.getRegistration()"
        ".then(r => !!(r && r.active && r.active.state === 'activated'))"
    )


def kilobytes(sent: list[Sent]) -> str:
    return ", ".join(f"{s.path} {s.status} {s.size / 1024:.1f}" for s in sent)


# What a first visit to a vendor page may cost a phone on mobile data, all told: the page,
# its styles, scripts and photos, the search files, and what the service worker keeps for
# the bazaar without signal (the home page, "Tanpa sinyal", its own script). Measured on
# the sample, December 2026: 160.2 KB (search about 36 of it; the service worker's own
# fetches 11), the same in every run; about 12 % headroom.
# KB a phone on prepaid data pays, everything the host sent counted (the search issue's
# budgets): the first visit to a vendor page, its two phone photos and the service
# worker's first copies included; then the first search, the engine included.
VISIT_BUDGET, SEARCH_BUDGET = 130 * 1024, 150 * 1024


def test_a_phone_on_mobile_data_loads_nothing_from_other_hosts(browser, published_site) -> None:
    """No Google Fonts, no CDN: every request stays on the site's own host. A first visit
    to a vendor page fetches nothing of search, and stays light; the first search then
    costs its own budget. Everything the host sent is counted, the service worker's own
    fetches included, and nothing is left out."""
    site = published_site
    site.host.clear()
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    failures = watch_for_failures(page)
    page.goto(site.url + "usaha/amplang-bu-sari/", wait_until="networkidle")
    # The worker is activated once it has kept its first copies (its install waits for them).
    deadline = time.monotonic() + 20
    while not service_worker_active(page):
        assert time.monotonic() < deadline, "the service worker never took over"
        page.wait_for_timeout(100)
    visit = site.host.wait_idle()
    site.host.clear()
    page.locator("#cari-kata").press_sequentially("amplang", delay=30)
    page.wait_for_function("document.getElementById('cari-panel').dataset.dicari === 'amplang'")
    search = site.host.wait_idle()
    context.close()

    foreign = [url for url in requests if not url.startswith(site.url)]
    assert foreign == []
    assert failures == [] and site.host.broken == []
    assert [s for s in visit + search if s.status >= 400] == []
    paths = [s.path for s in visit]
    assert "/luring/" in paths, paths  # the service worker's own fetches are in the count
    assert not [p for p in paths if "/pagefind/" in p or "/search/" in p], paths
    html = next(s.size for s in visit if s.path == "/usaha/amplang-bu-sari/")
    assert html <= 20 * 1024
    total = sum(s.size for s in visit)
    assert total <= VISIT_BUDGET, f"visit {total / 1024:.1f} KB: {kilobytes(visit)}"
    searched = sum(s.size for s in search)
    assert any(p.path.endswith(".pf_fragment") for p in search)  # the results' own pieces
    assert searched <= SEARCH_BUDGET, f"search {searched / 1024:.1f} KB: {kilobytes(search)}"


@pytest.mark.parametrize(
    ("page_path", "where"),
    [
        ("usaha/amplang-bu-sari/", "-1.250731,116.835912"),
        ("acara/bazar-umkm-juni-2025/", "-1.2517,116.8346"),
    ],
)
def test_directions_open_the_phones_map_app_or_openstreetmap(
    browser, base_url: str, page_path: str, where: str
) -> None:
    """Two plain links (the page loads nothing from the map's host: see above): `geo:`
    for the phone's own map app, OpenStreetMap for any other."""
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    page.goto(base_url + page_path)
    row = page.locator("li", has_text="Petunjuk arah:")
    app, osm = row.get_by_role("link").all()
    lat, lon = where.split(",")
    assert app.inner_text() == "buka di aplikasi peta"
    assert app.get_attribute("href") == f"geo:{where}?q={where}"
    assert osm.get_attribute("href") == (
        f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
    )
    page.close()


def test_the_stall_plan_leads_from_a_stall_to_its_vendor(browser, base_url: str) -> None:
    event = yaml.safe_load((ROOT / "content/events/bazar-umkm-juni-2025.yml").read_text("utf-8"))
    vendor = next(s["vendor"] for s in event["stalls"] if s["stall"] == "B3")
    name = yaml.safe_load((ROOT / f"content/vendors/{vendor}.yml").read_text("utf-8"))["name"]
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    page.goto(base_url + "acara/bazar-umkm-juni-2025/")
    plan = page.get_by_role("group", name=f"Denah lapak {event['name']}")
    assert plan.get_by_role("link").count() == len(event["stalls"])
    # Fits a phone: no wider than the page, so the page itself does not scroll sideways,
    # and a plan of five stalls a row is shown whole, shrunk, not cut.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    fits = "s => s.getBoundingClientRect().width <= s.parentElement.clientWidth"
    assert page.locator(".denah svg").evaluate(fits)
    # Row 3 is B1–B4: the aisle of nulls before it is no row.
    assert page.get_by_text("Baris 3:").locator("..").inner_text().startswith("Baris 3: B1 ")
    plan.get_by_role("link", name=f"Lapak B3: {name}").click()
    page.wait_for_url(base_url + f"usaha/{vendor}/")
    assert name in page.locator("h1").inner_text()
    page.close()


THUMB_BUDGET, LARGE_BUDGET = 30 * 1024, 150 * 1024


@pytest.mark.parametrize("scale", [1, 2])
def test_vendor_photos_load_with_their_size_and_stay_light(
    browser, published_site: Site, scale: int
) -> None:
    """On a phone (ordinary and sharp screen): the vendor's photo and the product photos,
    taken with a phone camera, load, each says its size (no jump while loading), and the
    bytes stay within budget: the photo the browser chose is the one fetched, once, and
    light (one large image and thumbnails)."""
    site = published_site
    site.host.clear()
    page = browser.new_page(
        viewport={"width": 360, "height": 740}, device_scale_factor=scale, is_mobile=True
    )
    failures = watch_for_failures(page)
    page.goto(site.url + "usaha/amplang-bu-sari/", wait_until="networkidle")
    page.mouse.wheel(0, 5000)  # down to the gallery: its thumbnails load lazily
    page.wait_for_load_state("networkidle")
    page.wait_for_function("[...document.images].every(i => i.complete)")
    shown = page.evaluate(
        """[...document.querySelectorAll('article img')].map(i => ({
            src: i.currentSrc, width: i.getAttribute('width'), height: i.getAttribute('height'),
            natural: i.naturalWidth, lazy: i.loading}))"""
    )
    sent = site.host.wait_idle()
    page.close()

    assert failures == [] and site.host.broken == []
    photos = [i for i in shown if "/foto/" in i["src"]]
    assert len(photos) == 3, shown  # the vendor's photo and two product photos
    for image in shown:
        assert image["natural"] > 0, image
        assert int(image["width"]) > 0 and int(image["height"]) > 0, image
    assert photos[0]["lazy"] == "auto" and {i["lazy"] for i in photos[1:]} == {"lazy"}
    chosen = {urllib.parse.urlsplit(i["src"]).path for i in photos}
    fetched = [s for s in sent if "/foto/" in s.path]
    assert sorted(s.path for s in fetched) == sorted(chosen), kilobytes(fetched)
    assert all(s.status == 200 for s in fetched), kilobytes(fetched)
    large = [s.size for s in fetched if "-1200." in s.path]
    assert len(large) <= 1 and all(n <= LARGE_BUDGET for n in large), kilobytes(fetched)
    thumbs = [s.size for s in fetched if "-480." in s.path]
    assert all(n <= THUMB_BUDGET for n in thumbs), kilobytes(fetched)
    assert len(large) + len(thumbs) == len(fetched), kilobytes(fetched)
    # A phone with a sharp screen gets the large image, an ordinary one the thumbnail.
    assert ("-1200." in photos[0]["src"]) == (scale == 2), photos[0]


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


def test_moving_between_pages_fetches_the_page_only(browser, published: str) -> None:
    """Instant navigation: the next page fetches its own HTML only; nothing of search is
    fetched until someone searches."""
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(published + "usaha/amplang-bu-sari/", wait_until="networkidle")
    first = len(requests)
    assert not [url for url in requests if "/pagefind/" in url or "/search/" in url]
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
    listed = set(page.locator("article li.kartu a.kartu-nama").all_inner_texts())
    assert listed == halal and len(halal) >= 2
    context.close()


def test_a_web_page_prints_without_sidebar_and_with_link_targets(browser, base_url: str) -> None:
    """Ctrl+P on a vendor page: the text only, and where its links lead written out."""
    slug, _ = vendor_selling("amplang")
    page = browser.new_page()
    page.goto(f"{base_url}usaha/{slug}/")
    assert page.locator("form.cari").first.is_visible()
    page.emulate_media(media="print")
    for chrome in (".md-header", ".md-sidebar--primary", "form.cari", ".md-footer"):
        assert not page.locator(chrome).first.is_visible(), chrome
    instagram = page.locator('a[href^="https://www.instagram.com/"]').first
    after = instagram.evaluate("a => getComputedStyle(a, '::after').content")
    assert "instagram.com" in after
    pdf = page.pdf(format="A5")  # Chromium's own print: the page does lay out on paper
    assert pdf.startswith(b"%PDF-")
    page.close()
