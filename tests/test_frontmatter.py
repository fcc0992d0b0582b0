"""Front matter: what the generator writes above each page is read back by MkDocs as
exactly the data it meant, whatever characters a volunteer typed (emoji above all)."""

from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURE, GOLDEN_DAY, ROOT
from mkdocs.utils.meta import get_data

from generator.pipeline import build_site

pytestmark = pytest.mark.slow

NAME = "Sambal Raja Acil 🌶"
PAYLOAD = "Pedas 🌶 ![x](https://x.invalid/a.png){: onerror=alert(document.domain) }"


class Page(HTMLParser):
    """The <title>, the <h1> and every attribute name of a page."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = self.h1 = self.text = ""
        self.attrs: list[str] = []
        self._in: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attrs += [name for name, _ in attrs]
        if tag in ("title", "h1"):
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        self._in = None

    def handle_data(self, data: str) -> None:
        self.text += data
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data


@pytest.fixture(scope="module")
def emoji_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("emoji")
    content = root / "content"
    shutil.copytree(FIXTURE, content)
    path = content / "vendors" / "amplang-uji.yml"
    vendor = yaml.safe_load(path.read_text("utf-8"))
    vendor["name"] = NAME
    vendor["products"][1]["description"] = PAYLOAD
    path.write_text(yaml.safe_dump(vendor, allow_unicode=True), "utf-8")
    build_site(content, root / "site", ROOT / "mkdocs.yml", GOLDEN_DAY, docs_dir=root / "docs")
    return root / "site"


def test_an_emoji_in_a_vendor_name_keeps_its_page_whole(emoji_site: Path) -> None:
    page = Page((emoji_site / "usaha" / "amplang-uji" / "index.html").read_text("utf-8"))
    assert page.h1.strip() == NAME
    assert page.title.startswith(NAME)
    html = (emoji_site / "usaha" / "amplang-uji" / "index.html").read_text("utf-8")
    assert "title:" not in html and "jsonld:" not in html and "\\ud83c" not in html
    assert 'type="application/ld+json"' in html


def test_markup_beside_an_emoji_stays_text(emoji_site: Path) -> None:
    html = (emoji_site / "usaha" / "amplang-uji" / "index.html").read_text("utf-8")
    page = Page(html)
    assert not [name for name in page.attrs if name.startswith("on")]
    assert 'src="https://x.invalid' not in html
    assert "{: onerror=alert(document.domain) }" in page.text  # shown as the text it is


def old_front_matter(data: dict) -> str:
    """How front matter was written before: JSON per line, emoji as surrogate escapes."""
    return "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in data.items()) + "---\n\n"


def test_front_matter_mkdocs_would_misread_stops_the_build(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.content.index import build_index
    from generator.photos.inspect import load_with_photos
    from generator.problems import BuildFailed
    from generator.web import render

    path = content / "vendors" / "amplang-uji.yml"
    path.write_text(path.read_text("utf-8").replace("Amplang Uji", NAME), "utf-8")
    index = build_index(load_with_photos(content), GOLDEN_DAY)
    pages = render.render_site(index)
    monkeypatch.setattr(render, "front_matter", old_front_matter)
    with pytest.raises(BuildFailed) as failed:
        render.render_site(index)
    named = re.search(r"\b((?:[a-z0-9-]+/)*[a-z0-9-]+\.md)\b", str(failed.value))
    assert named and "front matter" in str(failed.value)  # names the page it would break
    front = get_data(pages[named[1]])[1]
    assert any(ord(c) > 0xFFFF for c in str(front)), front  # a page with an emoji up front
