"""Text from YAML is data: every payload in tests/cases/hostile/, placed in every text
field, builds a site in which it shows as text and nothing becomes active."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import GOLDEN_DAY, ROOT

from generator.build import build

PAYLOADS = {
    p.stem: p.read_text("utf-8") for p in sorted((ROOT / "tests/cases/hostile").glob("*.txt"))
}
SLUGS = {name: f"v-{i}" for i, name in enumerate(PAYLOADS)}

pytestmark = pytest.mark.slow


class Inspector(HTMLParser):
    """Collects what a browser would run, load or follow, and the visible text."""

    ACTIVE_TAGS = {"script", "iframe", "object", "embed", "style", "svg", "img", "form", "base"}

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
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
                }
            ),
            encoding="utf-8",
        )
    build(content, root / "site", ROOT / "mkdocs.yml", GOLDEN_DAY, docs_dir=root / "docs")
    return root / "site"


def test_no_active_content_reaches_any_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 3 * len(PAYLOADS)
    for page in pages:
        inspector = inspect(page.read_text(encoding="utf-8"))
        assert inspector.bad == [], page.relative_to(hostile_site)
        main = page.read_text("utf-8").split("<article", 1)[-1].split("</article>", 1)[0]
        assert not Inspector.ACTIVE_TAGS & set(inspect(main).tags), page.relative_to(hostile_site)


@pytest.mark.parametrize("name", PAYLOADS)
def test_payload_stays_readable_as_text(hostile_site: Path, name: str) -> None:
    html = (hostile_site / "usaha" / SLUGS[name] / "index.html").read_text(encoding="utf-8")
    article = html.split("<article", 1)[1].split("</article>", 1)[0]
    shown = " ".join(" ".join(inspect("<article" + article).text).split())
    payload = " ".join(PAYLOADS[name].split())
    assert shown.count(payload) >= 5  # name, owner, description (twice), address, products…
    assert "49" not in shown  # Jinja syntax in content is never evaluated


def test_search_index_and_sitemap_hold_no_markup(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        for field in ("title", "text"):
            inspector = inspect(doc[field])
            assert inspector.bad == [] and not Inspector.ACTIVE_TAGS & set(inspector.tags), doc
    sitemap = (hostile_site / "sitemap.xml").read_text("utf-8")
    assert "<script" not in sitemap and "javascript:" not in sitemap


def test_printed_catalogue_html_holds_no_markup_from_content(hostile_site: Path) -> None:
    """The HTML the PDFs are laid out from: every payload is text, nothing becomes a tag,
    an attribute or a style (no site_url here, so not even a QR code's SVG)."""
    from generator import print_render
    from generator.collect import build_index
    from generator.load import load_content

    index = build_index(load_content(hostile_site.parent / "content"), GOLDEN_DAY)
    documents = [print_render.catalogue_plan(index).source()]
    for slug in index.content.events:
        documents += [print_render.event_plan(index, slug).source()]
        documents += print_render.cards_html(index, slug)
    for html in documents:
        inspector = inspect(html)
        assert inspector.bad == []
        assert not Inspector.ACTIVE_TAGS & set(inspector.tags)
        assert "49" not in " ".join(inspector.text)  # {{ 7*7 }} is never evaluated
    shown = " ".join(" ".join(inspect(documents[0]).text).split())
    for payload in PAYLOADS.values():
        assert " ".join(payload.split()) in shown


def test_printed_catalogue_shows_payloads_as_text(hostile_site: Path) -> None:
    from pypdf import PdfReader

    text = " ".join(
        " ".join((page.extract_text() or "").split())
        for page in PdfReader(hostile_site / "katalog.pdf").pages
    )
    assert "<script>" in text and "{{" in text
