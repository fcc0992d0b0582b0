"""Text from YAML is data: every payload in tests/cases/hostile/, placed in every text
field, builds a site in which it shows as text and nothing becomes active."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import GOLDEN_DAY, ROOT, indexed, serve

from generator.photos.inspect import load_with_photos
from generator.pipeline import build_site

PAYLOADS = {
    p.stem: p.read_text("utf-8") for p in sorted((ROOT / "tests/cases/hostile").glob("*.txt"))
}
SLUGS = {name: f"v-{i}" for i, name in enumerate(PAYLOADS)}

pytestmark = pytest.mark.slow

OWN_IMAGE = re.compile(r"(\.\./)*(assets/kategori/[a-z0-9-]+\.svg|foto/[0-9a-f]{20}-\d+\.webp)")
OWN_IMAGE_ATTRS = {"src", "srcset", "sizes", "width", "height", "alt", "loading", "decoding"}
OWN_IMAGE_ATTRS |= {"fetchpriority", "class"}
OWN_IMAGE_CLASSES = {None, "kartu-foto"}  # a list card's picture (web/cards.py)


class Inspector(HTMLParser):
    """Collects what a browser would run, load or follow, and the visible text."""

    ACTIVE_TAGS = {"script", "iframe", "object", "embed", "style", "svg", "img", "form", "base"}

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "img":
            self.images.append(dict(attrs))
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}=…>")
            url = (value or "").strip().lower()
            if name in ("href", "src", "action", "formaction") and (
                url.startswith(("javascript:", "vbscript:", "data:"))
                or (urlsplit(url).hostname or "").endswith("evil.example")
            ):
                self.bad.append(f"<{tag} {name}={value}>")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


CHART_IMAGE = re.compile(r'<img alt="[^"<>]*" src="[a-z0-9-]+\.svg" */?>')
# An event's stall plan: the generator's own inline SVG, its texts escaped (web/plan.py).
PLAN = re.compile(r'<div class="denah">.*?</svg>\s*</div>', re.S)
PLAN_TAGS = {"div", "svg", "title", "text", "a", "rect"}


def inspect(html: str) -> Inspector:
    inspector = Inspector()
    inspector.feed(html)
    return inspector


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    (content / "vendors").mkdir(parents=True)
    (content / "events").mkdir()
    texts = list(PAYLOADS.values())
    (content / "catalogue.yml").write_text(
        dump(
            {
                "title": texts[0],
                "kelurahan": texts[1],
                "kecamatan": texts[2],
                "city": texts[3],
                "description": " ".join(texts),
                "site_url": "https://hostile.example.org/",
                "categories": [
                    {"id": f"k-{i}", "name": t, "description": t} for i, t in enumerate(texts)
                ],
                "programmes": [
                    {"id": f"p-{i}", "name": t, "description": t} for i, t in enumerate(texts)
                ],
            }
        ),
        encoding="utf-8",
    )
    for i, (name, text) in enumerate(PAYLOADS.items()):
        slug = SLUGS[name]
        (content / "vendors" / f"{slug}.yml").write_text(
            dump(
                {
                    "name": text,
                    "category": f"k-{i}",
                    "programme": f"p-{i}",
                    "owner": text,
                    "description": f"{text}\n\n{text}",
                    "address": text,
                    "rt": i + 1,
                    "whatsapp": "0812-0000-0001",
                    "halal": text[:60],
                    "pirt": text[:60],
                    "nib": text[:60],
                    "open_hours": text,
                    "tags": [text],
                    "products": [
                        {
                            "name": text,
                            "price": 1000,
                            "unit": text,
                            "description": text,
                            "season": [1],
                            "category": f"k-{(i + 1) % len(texts)}",
                        }
                    ],
                }
            ),
            encoding="utf-8",
        )
        (content / "events" / f"e-{i}.yml").write_text(
            dump(
                {
                    "name": text,
                    "date": GOLDEN_DAY,
                    "location": text,
                    "organizer": text,
                    "description": text,
                    "stalls": [{"stall": "A1", "vendor": slug}],
                    # The plan's drawing names the vendor (tooltip, aria-label): inline SVG.
                    "denah": [["A1", None]],
                    "lokasi": [-1.2465, 116.8389],
                }
            ),
            encoding="utf-8",
        )
    build_site(content, root / "site", ROOT / "mkdocs.yml", GOLDEN_DAY, docs_dir=root / "docs")
    return root / "site"


def test_no_active_content_reaches_any_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 3 * len(PAYLOADS)
    for page in pages:
        if page.parent.name == "admin":  # the form's own page, not a page of content: below
            continue
        inspector = inspect(page.read_text(encoding="utf-8"))
        assert inspector.bad == [], page.relative_to(hostile_site)
        article = page.read_text("utf-8").split("<article", 1)[-1].split("</article>", 1)[0]
        # An event's plan holds only the drawing's own elements, its links to vendor pages.
        for plan in PLAN.findall(article):
            drawn = inspect(plan)
            assert set(drawn.tags) <= PLAN_TAGS, (page.relative_to(hostile_site), drawn.tags)
            links = re.findall(r'href="([^"]*)"', plan)
            assert links and all(re.fullmatch(r"\.\./\.\./usaha/[a-z0-9-]+/", u) for u in links)
        # The Statistik page shows its charts, generated SVG files, as images.
        main = inspect(CHART_IMAGE.sub("", PLAN.sub("", article)))
        # The only other images are the generator's own: a category icon or a processed photo.
        assert not Inspector.ACTIVE_TAGS - {"img"} & set(main.tags), page.relative_to(hostile_site)
        for image in main.images:
            assert set(image) <= OWN_IMAGE_ATTRS, (page.relative_to(hostile_site), image)
            assert image.get("class") in OWN_IMAGE_CLASSES, (page.relative_to(hostile_site), image)
            assert OWN_IMAGE.fullmatch(image["src"] or ""), (page.relative_to(hostile_site), image)


def test_the_form_page_holds_the_title_as_text_only(hostile_site: Path) -> None:
    """/admin/ shows the catalogue's title and nothing else of the content: its tags are
    those of the form's page, whatever the title holds."""
    from generator.authoring.cms import admin_files
    from generator.content.load import load_catalogue

    page = (hostile_site / "admin" / "index.html").read_text("utf-8")
    plain = load_catalogue(ROOT / "content")[0]
    assert inspect(page).bad == []
    assert inspect(page).tags == inspect(admin_files(plain)["admin/index.html"]).tags


@pytest.mark.parametrize("name", PAYLOADS)
def test_payload_stays_readable_as_text(hostile_site: Path, name: str) -> None:
    html = (hostile_site / "usaha" / SLUGS[name] / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    shown = " ".join(" ".join(inspect("<article" + article).text).split())
    payload = " ".join(PAYLOADS[name].split())
    assert shown.count(payload) >= 5  # name, owner, description (twice), address, products…
    assert "49" not in shown  # Jinja syntax in content is never evaluated


def test_every_payload_leaves_the_vendor_page_its_shape(hostile_site: Path) -> None:
    """The vendor pages differ only in their text: no payload opens a code block, a
    heading, a quote, a list or a table (a `~~~` in one field closed by one in another)."""
    shapes = {}
    for name, slug in SLUGS.items():
        html = (hostile_site / "usaha" / slug / "index.html").read_text(encoding="utf-8")
        shapes[name] = inspect(html.split("<article", 1)[1].split("</article>", 1)[0]).tags
    first = shapes[next(iter(SLUGS))]
    assert {name: tags for name, tags in shapes.items() if tags != first} == {}


def test_search_index_and_sitemap_hold_no_markup(hostile_site: Path) -> None:
    """Pagefind keeps each page's text as text: the payloads are there as typed, and no
    page gained a title or filter that isn't one of them."""
    pages = indexed(hostile_site)
    for slug in SLUGS.values():
        fragment = pages[f"/usaha/{slug}/"]
        assert fragment["meta"]["title"] in {" ".join(t.split()) for t in PAYLOADS.values()}
    sitemap = (hostile_site / "sitemap.xml").read_text("utf-8")
    assert "<script" not in sitemap and "javascript:" not in sitemap


@pytest.mark.browser
def test_search_results_show_payloads_as_text(browser, hostile_site: Path) -> None:
    """Searching the hostile catalogue in Chromium: the results are links, titles and
    marked words only, and nothing runs."""
    server, url = serve(hostile_site)
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(url)
    for query in ("alert", "script", "onerror", "javascript"):
        page.locator("#cari-kata").fill(query)
        page.wait_for_function(
            "q => document.getElementById('cari-panel').dataset.dicari === q", arg=query
        )
        tags = page.locator("#cari-hasil *").evaluate_all("els => els.map(e => e.tagName)")
        assert tags and set(tags) <= {"LI", "A", "SPAN", "MARK", "UL", "BUTTON"}, (query, tags)
        hrefs = page.locator("#cari-hasil a").evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
        assert all(re.fullmatch(r"/[a-z0-9/#-]*", h) for h in hrefs), hrefs
    page.wait_for_timeout(300)
    assert dialogs == []
    context.close()
    server.shutdown()


def hostile_content(site: Path):
    return load_with_photos(site.parent / "content")


class Scripts(HTMLParser):
    """The text of every JSON-LD script, as a browser's parser delimits it."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._open = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._open = tag == "script" and ("type", "application/ld+json") in attrs
        if self._open:
            self.found.append("")

    def handle_endtag(self, tag: str) -> None:
        self._open = False

    def handle_data(self, data: str) -> None:
        if self._open:
            self.found[-1] += data


def jsonld(page: Path) -> dict:
    parser = Scripts()
    parser.feed(page.read_text("utf-8"))
    assert len(parser.found) == 1, page
    assert "<" not in parser.found[0]  # nothing in it can end the script early
    return json.loads(parser.found[0])


def test_json_ld_carries_payloads_as_data(hostile_site: Path) -> None:
    content = hostile_content(hostile_site)
    for slug, vendor in content.vendors.items():
        data = jsonld(hostile_site / "usaha" / slug / "index.html")
        assert data["name"] == vendor.name and data["description"] == vendor.description
        assert data["founder"]["name"] == vendor.owner
        assert data["address"]["streetAddress"].startswith(vendor.address)
        assert [o["itemOffered"]["name"] for o in data["makesOffer"]] == [
            p.name for p in vendor.products
        ]
    for slug, event in content.events.items():
        data = jsonld(hostile_site / "acara" / slug / "index.html")
        assert data["name"] == event.name and data["location"]["name"] == event.location
        assert data["organizer"]["name"] == event.organizer


def read_csv(path: Path) -> list[dict[str, str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_cells_never_start_a_formula(hostile_site: Path) -> None:
    content = hostile_content(hostile_site)
    vendors = read_csv(hostile_site / "data" / "usaha.csv")
    products = read_csv(hostile_site / "data" / "produk.csv")
    assert len(vendors) == len(products) == len(PAYLOADS)
    for row in vendors + products:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    for row in vendors:
        vendor = content.vendors[row["id_usaha"]]
        # The payload itself is all there, after the apostrophe that disarms it.
        assert row["nama_usaha"].removeprefix("'") == vendor.name
        assert row["alamat"].removeprefix("'") == vendor.address
        assert row["no_halal"].removeprefix("'") == vendor.halal
    assert "'=HYPERLINK" in {r["nama_usaha"][:11] for r in vendors}
    data = json.loads((hostile_site / "data" / "usaha.json").read_text("utf-8"))
    assert {v["nama_usaha"] for v in data["usaha"]} == {v.name for v in content.vendors.values()}


def test_calendar_keeps_one_event_per_bazaar(hostile_site: Path) -> None:
    import icalendar

    content = hostile_content(hostile_site)
    raw = (hostile_site / "acara.ics").read_bytes()
    lines = raw.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75 and b"\n" not in b"".join(lines)
    # A payload cannot start a line of its own: every line is a folded continuation or
    # a property this generator writes.
    unfolded = raw.decode("utf-8").replace("\r\n ", "").split("\r\n")
    assert sum(line == "BEGIN:VEVENT" for line in unfolded) == len(content.events)
    cal = icalendar.Calendar.from_ical(raw)
    events = cal.walk("VEVENT")
    assert len(events) == len(content.events)
    by_uid = {str(e["UID"]).split("@")[0]: e for e in events}
    for slug, event in content.events.items():
        assert str(by_uid[slug]["SUMMARY"]) == event.name
        assert str(by_uid[slug]["LOCATION"]) == event.location


SVG_ELEMENTS = {"svg", "title", "desc", "rect", "line", "g", "text"}


def test_chart_svgs_hold_payloads_as_text_only(hostile_site: Path) -> None:
    content = hostile_content(hostile_site)
    charts = sorted((hostile_site / "statistik").glob("*.svg"))
    assert len(charts) == 3 + len(content.catalogue.programmes)
    for chart in charts:
        root = ET.parse(chart).getroot()  # well-formed XML, whatever the names were
        for element in root.iter():
            assert element.tag.removeprefix("{http://www.w3.org/2000/svg}") in SVG_ELEMENTS
            assert not [a for a in element.attrib if a.startswith("on") or "href" in a]
    root = ET.parse(hostile_site / "statistik" / "kategori.svg").getroot()
    labels = [e.text for e in root.iter("{http://www.w3.org/2000/svg}text")][0::2]
    for category, label in zip(content.catalogue.categories, labels, strict=True):
        assert category.name.startswith((label or "").removesuffix("…"))


def test_printed_documents_keep_every_payload_whole(hostile_site: Path) -> None:
    """What the PDFs are laid out from is data (JSON): every payload is one of its strings,
    whole, whatever `printable` and `breakable` did to it. (That Typst prints such a string
    as text, never running it, is read back from the PDF below.)"""
    import json

    from generator.content.index import build_index
    from generator.photos.inspect import load_with_photos
    from generator.printed import render as print_render

    index = build_index(load_with_photos(hostile_site.parent / "content"), GOLDEN_DAY)
    documents = [print_render.catalogue_document(index)]
    for slug in index.content.events:
        documents += [print_render.event_document(index, slug)]
        documents += [print_render.cards_document(index, slug)]

    def strings(value: object) -> list[str]:
        if isinstance(value, str):
            return [value]
        items = value.values() if isinstance(value, dict) else value
        return (
            [s for item in items for s in strings(item)] if isinstance(value, dict | list) else []
        )

    # Without the zero-width spaces that let a long word break (`render.breakable`).
    every = [
        " ".join(s.replace("\u200b", "").split())
        for d in documents
        for s in strings(json.loads(d.source()))
    ]
    for payload in PAYLOADS.values():
        assert " ".join(payload.split()) in every, payload


def test_printed_catalogue_shows_payloads_as_text(hostile_site: Path) -> None:
    from pypdf import PdfReader

    text = " ".join(
        " ".join((page.extract_text() or "").split())
        for page in PdfReader(hostile_site / "katalog.pdf").pages
    )
    assert "<script>" in text and "{{" in text
    # Typst's own code and markup as a vendor may type them: printed as typed, never run.
    assert '#eval("6*7")' in text and '#read("/etc/passwd")' in text and "$x^2$" in text
