"""What search engines, chat apps and the city office read from the built sample site:
JSON-LD checked against schema.org's vocabulary and Google's required and recommended
properties, Open Graph preview tags, sitemap.xml, the open-data files and the charts."""

from __future__ import annotations

import csv
import io
import json
import re
import struct
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import icalendar
import pytest
from conftest import ROOT

from generator.photos.inspect import load_with_photos
from generator.web.jsonld import script_json

pytestmark = pytest.mark.slow

CONTENT = load_with_photos(ROOT / "content")
SITE_URL = CONTENT.catalogue.site_url

# schema.org properties each type may carry (from schema.org's type pages), so a typo
# such as `pricecurrency` or a property of the wrong type fails here.
VOCABULARY = {
    "LocalBusiness": {
        "@context", "@type", "@id", "name", "description", "url", "image", "address",
        "telephone", "founder", "paymentAccepted", "openingHoursSpecification", "sameAs",
        "keywords", "makesOffer", "priceRange", "geo",
    },
    "Offer": {"@type", "price", "priceCurrency", "availability", "url", "itemOffered"},
    "Product": {"@type", "name", "description", "category", "image"},
    "PostalAddress": {
        "@type", "streetAddress", "addressLocality", "addressRegion", "postalCode",
        "addressCountry",
    },
    "OpeningHoursSpecification": {"@type", "dayOfWeek", "opens", "closes"},
    "Person": {"@type", "name"},
    "Event": {
        "@context", "@type", "name", "description", "url", "image", "startDate", "endDate",
        "eventStatus", "eventAttendanceMode", "isAccessibleForFree", "location", "organizer",
        "offers", "performer",
    },
    "Place": {"@type", "name", "address", "geo"},
    "GeoCoordinates": {"@type", "latitude", "longitude"},
    "Organization": {"@type", "name", "url"},
}  # fmt: skip
# Google's rich-result documentation: what each type must have, and what it recommends
# (the recommended ones we can fill from the content format).
REQUIRED = {
    "LocalBusiness": {"name", "address"},
    "Event": {"name", "startDate", "location"},
    "Place": {"address"},
    "Offer": {"price", "priceCurrency"},
    "Product": {"name"},
    "PostalAddress": {"streetAddress", "addressLocality", "addressCountry"},
    "GeoCoordinates": {"latitude", "longitude"},
}
RECOMMENDED = {
    "LocalBusiness": {"url", "image", "telephone"},
    "Event": {"description", "eventStatus", "image", "organizer", "endDate"},
    "Offer": {"availability"},
}
ISO_WITA = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\+08:00)?")


class Head(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.jsonld: list[str] = []
        self.canonical = ""
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "meta" and a.get("property"):
            self.meta[a["property"]] = a.get("content") or ""
        if tag == "link" and a.get("rel") == "canonical":
            self.canonical = a.get("href") or ""
        self._in_jsonld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_endtag(self, tag: str) -> None:
        self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld.append(data)


def head(page: Path) -> Head:
    parser = Head()
    parser.feed(page.read_text("utf-8"))
    return parser


def check_node(node: Any, problems: list[str], where: str = "") -> None:
    """Every typed object: known properties, required ones present, values well formed."""
    if isinstance(node, list):
        for i, item in enumerate(node):
            check_node(item, problems, f"{where}[{i}]")
        return
    if not isinstance(node, dict):
        return
    kind = node.get("@type")
    if kind not in VOCABULARY:
        problems.append(f"{where}: unknown @type {kind!r}")
        return
    problems += [f"{where}.{key}: not a {kind} property" for key in node.keys() - VOCABULARY[kind]]
    problems += [f"{where}: {kind} lacks {key}" for key in REQUIRED.get(kind, set()) - node.keys()]
    for key, value in node.items():
        if key in ("url", "image", "@id") or (key == "sameAs"):
            for u in value if isinstance(value, list) else [value]:
                if not u.startswith(("https://", "http://")):
                    problems.append(f"{where}.{key}: {u!r} is not an absolute address")
        check_node(value, problems, f"{where}.{key}")


def jsonld(page: Path) -> dict[str, Any]:
    scripts = head(page).jsonld
    assert len(scripts) == 1, page
    return json.loads(scripts[0])


def test_vendor_pages_describe_a_local_business_with_prices_in_rupiah(
    sample_site: Path,
) -> None:
    for slug, vendor in CONTENT.vendors.items():
        data = jsonld(sample_site / "usaha" / slug / "index.html")
        problems: list[str] = []
        check_node(data, problems, slug)
        assert problems == []
        assert data["@context"] == "https://schema.org" and data["@type"] == "LocalBusiness"
        assert data["name"] == vendor.name
        assert RECOMMENDED["LocalBusiness"] - {"telephone"} <= data.keys()
        if vendor.whatsapp:
            assert data["telephone"] == "+" + vendor.whatsapp
        street = data["address"]["streetAddress"]
        assert f"Kel. {CONTENT.catalogue.kelurahan}" in street
        if vendor.rt:
            assert f"RT {vendor.rt:02d}" in street
        assert data["url"] == f"{SITE_URL}usaha/{slug}/"
        geo = data.get("geo")  # a map's pin, where the vendor gave its place
        assert (geo and (geo["latitude"], geo["longitude"])) == (vendor.lokasi or None)
        offers = data["makesOffer"]
        assert [o["itemOffered"]["name"] for o in offers] == [p.name for p in vendor.products]
        assert [o["price"] for o in offers] == [p.price for p in vendor.products]
        assert {o["priceCurrency"] for o in offers} == {"IDR"}
        assert all(RECOMMENDED["Offer"] <= o.keys() for o in offers)
        assert [o["availability"].endswith("InStock") for o in offers] == [
            p.available for p in vendor.products
        ]


def test_event_pages_describe_an_event_in_balikpapan_time(sample_site: Path) -> None:
    for slug, event in CONTENT.events.items():
        data = jsonld(sample_site / "acara" / slug / "index.html")
        problems: list[str] = []
        check_node(data, problems, slug)
        assert problems == []
        assert data["@type"] == "Event" and data["name"] == event.name
        assert RECOMMENDED["Event"] <= data.keys()
        assert ISO_WITA.fullmatch(data["startDate"]) and ISO_WITA.fullmatch(data["endDate"])
        if event.start:
            assert data["startDate"] == f"{event.date}T{event.start}:00+08:00"
        assert data["eventStatus"] == "https://schema.org/EventScheduled"
        assert data["location"]["@type"] == "Place"
        assert data["location"]["name"] == event.location
        assert data["location"]["address"]["addressCountry"] == "ID"
        assert data["organizer"]["name"] == (event.organizer or CONTENT.catalogue.title)


def test_script_json_cannot_close_the_script_element() -> None:
    hostile = {"name": "</script><script>alert(1)</script> & <!-- \u2028"}
    text = script_json(hostile)
    assert "<" not in text and ">" not in text and "&" not in text and "\u2028" not in text
    assert json.loads(text) == hostile


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_a_shared_vendor_link_shows_a_preview_card(sample_site: Path) -> None:
    for slug, vendor in CONTENT.vendors.items():
        page = head(sample_site / "usaha" / slug / "index.html")
        og = page.meta
        assert og["og:title"] == vendor.name
        assert og["og:type"] == "website" and og["og:locale"] == "id_ID"
        assert og["og:url"] == page.canonical == f"{SITE_URL}usaha/{slug}/"
        if vendor.description:
            assert og["og:description"] and vendor.description.startswith(og["og:description"][:40])
        assert og["og:image"].startswith(SITE_URL)
    image = sample_site / og["og:image"].removeprefix(SITE_URL)
    assert png_size(image) == (1200, 630)  # the size WhatsApp and others show large
    assert image.stat().st_size < 20_000


def test_sitemap_lists_every_page_at_the_real_address(sample_site: Path) -> None:
    tree = ET.parse(sample_site / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = [e.text or "" for e in tree.getroot().findall("s:url/s:loc", ns)]
    assert SITE_URL == "https://katalog-gunungsariilir.example.org/"
    assert locs and all(loc.startswith(SITE_URL) for loc in locs)
    for path in ("", "statistik/", "data-terbuka/", "usaha/amplang-bu-sari/"):
        assert SITE_URL + path in locs


def test_open_data_files_are_published_with_the_site(sample_site: Path) -> None:
    text = (sample_site / "data" / "usaha.csv").read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert sorted(r["id_usaha"] for r in rows) == sorted(CONTENT.vendors)
    products = (sample_site / "data" / "produk.csv").read_bytes().decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(products, newline="")))) == sum(
        len(v.products) for v in CONTENT.vendors.values()
    )
    data = json.loads((sample_site / "data" / "usaha.json").read_text("utf-8"))
    assert data["jumlah_usaha"] == len(CONTENT.vendors)
    cal = icalendar.Calendar.from_ical((sample_site / "acara.ics").read_bytes())
    assert len(cal.walk("VEVENT")) == len(CONTENT.events)
    page = (sample_site / "data-terbuka" / "index.html").read_text("utf-8")
    for link in ("../data/usaha.csv", "../data/produk.csv", "../data/usaha.json", "../acara.ics"):
        assert f'href="{link}"' in page
    assert "CC BY 4.0" in page and "creativecommons.org/licenses/by/4.0" in page


def test_statistics_charts_are_described_and_match_their_tables(sample_site: Path) -> None:
    page = (sample_site / "statistik" / "index.html").read_text("utf-8")
    images = re.findall(r'<img alt="([^"]+)" src="([^"]+\.svg)"', page)
    assert len(images) == 3 + len(CONTENT.catalogue.programmes)
    for alt, src in images:
        assert alt.startswith("Grafik batang.")
        svg = ET.parse(sample_site / "statistik" / src)
        root = svg.getroot()
        ns = "{http://www.w3.org/2000/svg}"
        assert root.get("role") == "img"
        title, desc = root.find(f"{ns}title"), root.find(f"{ns}desc")
        assert title is not None and title.text and title.text in alt
        assert desc is not None and desc.text
        # Print in grey: dark bars, black text, white ground.
        fills = {e.get("fill") for e in root.iter() if e.get("fill")}
        assert fills <= {"#ffffff", "#000000", "#1b5e20"}
    # The table for screen readers holds the same counts as the chart of categories.
    desc = ET.parse(sample_site / "statistik" / "kategori.svg").getroot()[1].text or ""
    for category in CONTENT.catalogue.categories:
        count = sum(1 for v in CONTENT.vendors.values() if v.category == category.id)
        assert f"{category.name}: {count}" in desc
        name = category.name.replace("&", "&amp;")
        assert re.search(rf"<td>{re.escape(name)}</td>\s*<td[^>]*>{count}</td>", page)
