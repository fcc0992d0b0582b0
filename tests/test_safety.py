"""Text from YAML is data: hostile text in every field is shown as text, never run."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import GOLDEN_DAY, ROOT

from generator.build import build

HOSTILE = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert(1)>",
    "[k](javascript:alert(2))",
    "{: onclick=alert(3) }",
    "<!-- x",
    "{{ 7*7 }}{% raw %}",
    "| a | b |",
    "&lt;b>",
    "<a href='vbscript:x'>",
    '" onmouseover="alert(5)',
]
TEXT = " ".join(HOSTILE)  # under 200 characters, the limit of a one-line field
CODE = HOSTILE[0]  # permit numbers hold at most 60

pytestmark = pytest.mark.slow


class Inspector(HTMLParser):
    """Collects what a browser would run or follow."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.in_script = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}=…>")
            if (
                name in ("href", "src", "action")
                and value
                and value.strip().lower().startswith(("javascript:", "vbscript:", "data:text"))
            ):
                self.bad.append(f"<{tag} {name}={value}>")
        self.in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert" in data:
            self.bad.append(f"script: {data[:60]}")
        self.text.append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    (content / "vendors").mkdir(parents=True)
    (content / "events").mkdir()
    dump = lambda data: yaml.safe_dump(data, allow_unicode=True, sort_keys=False)  # noqa: E731
    (content / "catalogue.yml").write_text(
        dump(
            {
                "title": "Katalog " + TEXT,
                "kelurahan": TEXT,
                "kecamatan": TEXT,
                "city": TEXT,
                "description": TEXT,
                "categories": [{"id": "makanan", "name": TEXT, "description": TEXT}],
                "programmes": [{"id": "kampung-bungas", "name": TEXT, "description": TEXT}],
            }
        ),
        encoding="utf-8",
    )
    (content / "vendors" / "jahat.yml").write_text(
        dump(
            {
                "name": "Jahat " + TEXT,
                "category": "makanan",
                "programme": "kampung-bungas",
                "owner": TEXT,
                "description": TEXT + "\n\n" + TEXT,
                "address": TEXT,
                "rt": 1,
                "whatsapp": "0812-0000-0001",
                "halal": CODE,
                "pirt": CODE,
                "nib": CODE,
                "open_hours": TEXT,
                "tags": [TEXT],
                "products": [
                    {"name": TEXT, "price": 1000, "unit": TEXT, "description": TEXT, "season": [1]}
                ],
            }
        ),
        encoding="utf-8",
    )
    (content / "events" / "acara.yml").write_text(
        dump(
            {
                "name": TEXT,
                "date": GOLDEN_DAY,
                "location": TEXT,
                "organizer": TEXT,
                "description": TEXT,
                "stalls": [{"stall": "A1", "vendor": "jahat"}],
            }
        ),
        encoding="utf-8",
    )
    build(content, root / "site", ROOT / "mkdocs.yml", GOLDEN_DAY, docs_dir=root / "docs")
    return root / "site"


def test_no_active_content_reaches_any_page(hostile_site: Path) -> None:
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        inspector = Inspector()
        inspector.feed(page.read_text(encoding="utf-8"))
        assert inspector.bad == [], page.relative_to(hostile_site)


def test_hostile_text_stays_readable_as_text(hostile_site: Path) -> None:
    inspector = Inspector()
    inspector.feed((hostile_site / "usaha" / "jahat" / "index.html").read_text(encoding="utf-8"))
    shown = " ".join(" ".join(inspector.text).split())
    for piece in (
        "<script>alert('x')</script>",
        "[k](javascript:alert(2))",
        "{: onclick=alert(3) }",
        "{{ 7*7 }}{% raw %}",
        "<!-- x",
        "| a | b |",
        "&lt;b>",
    ):
        assert piece in shown
    assert "49" not in shown  # Jinja syntax in content is never evaluated


def test_search_index_holds_no_markup(hostile_site: Path) -> None:
    index = json.loads((hostile_site / "search" / "search_index.json").read_text("utf-8"))
    for doc in index["docs"]:
        assert "<script" not in doc["text"] and "<img" not in doc["text"], doc["location"]
        assert "<script" not in doc["title"] and "<img" not in doc["title"], doc["location"]
