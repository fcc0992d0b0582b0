"""No text from content starts a Markdown block: a fence, a setext heading, a quote, a
list, a table, indented code, an HTML block, a heading or a rule. Checked with the real
Python-Markdown and the extensions mkdocs.yml turns on, as the site is built."""

from __future__ import annotations

import datetime
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from conftest import FIXTURE, ROOT

from generator.content.index import build_index
from generator.content.load import Content
from generator.content.model import Event, Vendor
from generator.photos.inspect import load_with_photos
from generator.web.markdown import md, paragraphs
from generator.web.render import render_site

MKDOCS = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))


def site_markdown() -> markdown.Markdown:
    """Python-Markdown as MkDocs configures it from mkdocs.yml (settings included)."""
    names, configs = [], {}
    for item in MKDOCS["markdown_extensions"]:
        name, config = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        names.append(name)
        configs[name] = config or {}
    return markdown.Markdown(extensions=names, extension_configs=configs)


def to_html(source: str) -> str:
    return site_markdown().convert(source)


class Blocks(HTMLParser):
    """The tags of a page in order (its block structure) and the text a reader sees."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.words: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.words += data.split()

    @property
    def text(self) -> str:
        return " ".join(self.words)


# Each starts a block of its own in Markdown when it begins a line (some only after a
# line of text, or when a second one closes the first).
STARTERS = {
    "tilde fence": "~~~",
    "tilde fence with language": "~~~~ python",
    "backtick fence": "```",
    "setext heading": "===",
    "setext heading, short": "=",
    "setext dashes": "---",
    "rule, stars": "* * *",
    "rule, underscores": "___",
    "quote": "> kata orang",
    "list, dash": "- satu",
    "list, plus": "+ satu",
    "list, star": "* satu",
    "numbered list, dot": "1. satu",
    "numbered list, bracket": "1) satu",
    "table": "| a | b |",
    "table row": "a | b",
    "indented code": "    kode()",
    "indented code, tab": "\tkode()",
    "html block": "<div>kotak</div>",
    "html comment": "<!-- catatan -->",
    "heading": "# Judul",
    "heading, closed": "## Judul ##",
    "definition": ": artinya",
    "admonition": '!!! note "Catatan"',
    "abbreviation": "*[UMKM]: Usaha Mikro",
    "footnote": "[^1]: catatan kaki",
    "reference": "[a]: https://evil.example/",
    "attribute list": "{: .besar }",
    "table of contents": "[TOC]",
}

# The templates' real surroundings of a field, `{}` standing for it (the same field twice
# stands for two fields: a fence opened by one would be closed by the other).
SURROUNDINGS = {
    "owner then description": "**Pemilik:** {md}\n\n{paragraphs}\n\n## Produk\n",
    "description of two paragraphs": "{paragraphs2}\n",
    "description then a product's": (
        "{paragraphs}\n\n## Produk\n\n### Kopi {{ #kopi }}\n\n**Rp5.000**\n\n{paragraphs}\n"
    ),
    "a product after a heading": "### {md} {{ #p }}\n\n**Rp5.000** / {md}\n\n{paragraphs}\n",
    "a line after text": "Harga:\n{md}\n",
    "two lines": "{md}\n{md}\n",
    "list items": "- **Jam buka:** {md}\n- **Alamat:** {md}, Kel. Gunung Sari Ilir\n",
}


def fill(surrounding: str, text: str) -> str:
    return surrounding.format(
        md=md(text), paragraphs=paragraphs(text), paragraphs2=paragraphs(f"{text}\n\n{text}")
    )


@pytest.mark.parametrize("where", SURROUNDINGS)
@pytest.mark.parametrize("starter", STARTERS)
def test_a_block_starter_in_a_field_shows_as_text(starter: str, where: str) -> None:
    text = STARTERS[starter]
    shown = Blocks(to_html(fill(SURROUNDINGS[where], text)))
    plain = Blocks(to_html(fill(SURROUNDINGS[where], "teks")))
    assert shown.tags == plain.tags
    expected = plain.text.replace("teks", " ".join(text.split()))
    assert shown.text == expected


def test_text_typed_between_fences_is_shown_whole() -> None:
    """The case that was seen: `~~~` in a vendor's description and in a product's."""
    page = fill(SURROUNDINGS["description then a product's"], "~~~")
    html = to_html(page)
    assert "<pre>" not in html and "<code>" not in html
    assert Blocks(html).text == "~~~ Produk Kopi Rp5.000 ~~~"


# --- a whole page, as render_site writes it -------------------------------------------


def catalogue_with(text: str) -> Content:
    """The fixture catalogue plus one vendor and one event with `text` in every text field."""
    catalogue = load_with_photos(FIXTURE).catalogue
    vendor = Vendor(
        name=text,
        category="makanan",
        owner=text,
        description=f"{text}\n\n{text}",
        address=text,
        rt=1,
        whatsapp="081200000001",
        halal=text,
        pirt=text,
        nib=text,
        open_hours=text,
        tags=[text, text],
        products=[
            {"name": text, "price": 1000, "unit": text, "description": f"{text}\n\n{text}"},
            {"name": f"{text} 2", "price": 2000, "unit": text, "description": text},
        ],
    )
    event = Event(
        name=text,
        date=datetime.date(2030, 1, 1),
        location=text,
        organizer=text,
        description=f"{text}\n\n{text}",
        stalls=[{"stall": "A1", "vendor": "v"}],
    )
    return Content(catalogue, {"v": vendor}, {"e": event})


PAGES = ("usaha/v.md", "acara/e.md", "usaha/index.md", "kategori/makanan.md", "rt/1.md")


def rendered(text: str) -> dict[str, Blocks]:
    pages = render_site(build_index(catalogue_with(text), datetime.date(2029, 1, 1)))
    return {path: Blocks(to_html(pages[path].split("---\n", 2)[2])) for path in PAGES}


@pytest.mark.parametrize("starter", STARTERS)
def test_whole_pages_keep_their_blocks_whatever_the_text(starter: str) -> None:
    text = STARTERS[starter]
    plain = rendered("teks")
    for path, shown in rendered(text).items():
        assert shown.tags == plain[path].tags, path
        assert shown.text == plain[path].text.replace("teks", " ".join(text.split())), path


def test_search_text_keeps_the_characters_typed() -> None:
    """Pagefind indexes the HTML's text: escaped characters are read back as typed, in a
    product's name (a section heading) and in its description."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.blocks: list[str] = []

        def handle_starttag(self, tag: str, attrs: list) -> None:
            self.blocks.append("")

        def handle_data(self, data: str) -> None:
            self.blocks[-1] += data

    typed = "~~~ a=b ~ : c |"
    parser = Text()
    parser.feed(to_html(f"### {md(typed)} {{ #p }}\n\n{paragraphs(typed)}\n"))
    parser.close()
    assert [b.strip() for b in parser.blocks if b.strip()] == [typed, typed]
