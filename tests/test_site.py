"""The shipped sample catalogue, built with the real MkDocs in strict mode."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, indexed

pytestmark = pytest.mark.slow

VENDOR_SLUGS = sorted(p.stem for p in (ROOT / "content" / "vendors").glob("*.yml"))


def test_every_page_has_its_short_stable_address(sample_site: Path) -> None:
    for slug in VENDOR_SLUGS:
        assert (sample_site / "usaha" / slug / "index.html").is_file()
    for folder in (
        "kategori/makanan",
        "program/kampung-bungas",
        "acara/bazar-umkm-juni-2025",
        "rt/3",
        "bergabung",
        "format-data",
    ):
        assert (sample_site / folder / "index.html").is_file(), folder


def test_sidebar_stays_small(sample_site: Path) -> None:
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    primary = html[html.index("md-nav--primary") : html.index('class="md-content"')]
    links = re.findall(r'href="([^"]*)"', primary)
    assert "usaha/" in links  # the list of all vendors is there…
    assert not [link for link in links if re.search(r"usaha/[a-z0-9-]+/", link)]  # …no vendor
    assert len(links) < 30  # the same few entries, whatever the number of vendors


def test_search_finds_vendor_by_name_product_owner_and_category(sample_site: Path) -> None:
    vendor = yaml.safe_load((ROOT / "content/vendors/amplang-bu-sari.yml").read_text("utf-8"))
    fragment = indexed(sample_site)["/usaha/amplang-bu-sari/"]
    page = fragment["meta"]["title"] + " " + fragment["content"]
    assert vendor["name"] in page
    assert vendor["owner"] in page
    for product in vendor["products"]:
        assert product["name"] in page
    assert "Makanan" in page  # the category's name
    assert fragment["filters"]["kategori"] == ["Makanan & Kudapan"]
    assert fragment["filters"]["rt"] == ["RT 03"]
    assert "Tanpa sinyal" not in str(indexed(sample_site).get("/luring/"))  # not searchable


def test_indonesian_interface_and_formats(sample_site: Path) -> None:
    html = (sample_site / "acara" / "bazar-umkm-juni-2025" / "index.html").read_text("utf-8")
    assert '<html lang="id"' in html
    assert "Sabtu, 14 Juni 2025" in html
    stalls = re.findall(r"<strong>([A-Z]\d+)</strong>", html)
    assert stalls.index("A2") < stalls.index("A10") < stalls.index("B1")
    vendor = (sample_site / "usaha" / "amplang-bu-sari" / "index.html").read_text("utf-8")
    assert re.search(r"Rp\d{1,3}\.\d{3}", vendor)
    assert "fonts.googleapis.com" not in vendor  # no third-party request on a slow phone


def test_two_builds_are_byte_identical(sample_site: Path, tmp_path: Path) -> None:
    """Same content, same site: fresh generation and build, compared file by file.
    (sitemap.xml's <lastmod> is the build date; SOURCE_DATE_EPOCH fixes it.)"""
    from generator.pipeline import build_site

    build_site(ROOT / "content", tmp_path / "site", ROOT / "mkdocs.yml", docs_dir=tmp_path / "docs")
    first = {
        p.relative_to(sample_site): p.read_bytes() for p in sample_site.rglob("*") if p.is_file()
    }
    second = {
        p.relative_to(tmp_path / "site"): p.read_bytes()
        for p in (tmp_path / "site").rglob("*")
        if p.is_file()
    }
    # Pagefind itself writes filter values in a random order (search_settle.py sorts them).
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_vendor_link_preview_shows_its_photo_as_jpeg(sample_site: Path) -> None:
    """WhatsApp and Facebook show og:image when a vendor page's link is shared."""
    html = (sample_site / "usaha" / "amplang-bu-sari" / "index.html").read_text("utf-8")
    url = html.split('<meta property="og:image" content="', 1)[1].split('"', 1)[0]
    assert url.startswith("https://katalog-gunungsariilir.example.org/foto/")
    assert url.endswith("-800.jpg")
    assert (sample_site / url.split(".org/", 1)[1]).read_bytes()[:3] == b"\xff\xd8\xff"
    # Without a photo: the site's own picture.
    without = (sample_site / "usaha" / "jahit-bu-warsih" / "index.html").read_text("utf-8")
    assert (
        'og:image" content="https://katalog-gunungsariilir.example.org/assets/og-image.png"'
        in without
    )


def has_emoji(text: str | None) -> bool:
    import unicodedata

    return any(ord(c) >= 0x1F000 or unicodedata.category(c) == "So" for c in text or "")


def test_emoji_vendors_keep_their_names_everywhere(sample_site: Path) -> None:
    """Vendors write emoji (🌶, 🍌🥥, 🙏): the name shows whole as the page's title and
    heading, in search, and in the open data; an event's emoji reach the calendar."""
    import csv
    import io
    from html.parser import HTMLParser

    import icalendar

    from generator.photos.inspect import load_with_photos

    content = load_with_photos(ROOT / "content")
    emoji = {
        slug: v
        for slug, v in content.vendors.items()
        if has_emoji(v.name)
        and has_emoji(v.description)
        and any(has_emoji(p.name) or has_emoji(p.description) for p in v.products)
    }
    assert len(emoji) >= 3  # the sample content writes emoji as real vendors do

    class Heads(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: dict[str, str] = {"title": "", "h1": ""}
            self.inside: str | None = None

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.inside = tag if tag in self.found else None

        def handle_endtag(self, tag: str) -> None:
            self.inside = None

        def handle_data(self, data: str) -> None:
            if self.inside:
                self.found[self.inside] += data

    search = indexed(sample_site)
    vendors_csv = list(
        csv.DictReader(
            io.StringIO((sample_site / "data/usaha.csv").read_bytes().decode("utf-8-sig"))
        )
    )
    products_csv = (sample_site / "data/produk.csv").read_bytes().decode("utf-8-sig")
    data = json.loads((sample_site / "data/usaha.json").read_text("utf-8"))
    for slug, vendor in emoji.items():
        html = (sample_site / "usaha" / slug / "index.html").read_text("utf-8")
        heads = Heads()
        heads.feed(html)
        assert heads.found["h1"].strip() == vendor.name
        assert heads.found["title"].startswith(vendor.name + " - ")
        assert "title:" not in html and "jsonld:" not in html  # no raw front matter
        assert search[f"/usaha/{slug}/"]["meta"]["title"] == vendor.name
        assert {r["nama_usaha"] for r in vendors_csv if r["id_usaha"] == slug} == {vendor.name}
        assert {v["nama_usaha"] for v in data["usaha"] if v["id_usaha"] == slug} == {vendor.name}
        for product in vendor.products:
            assert product.name in products_csv
    events = [e for e in content.events.values() if has_emoji(e.description)]
    assert events
    calendar = icalendar.Calendar.from_ical((sample_site / "acara.ics").read_bytes())
    descriptions = " ".join(str(e["DESCRIPTION"]) for e in calendar.walk("VEVENT"))
    for event in events:
        assert " ".join(event.description.split()) in " ".join(descriptions.split())
