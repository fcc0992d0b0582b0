"""Property-based tests: whatever text or file a volunteer (or an attacker) writes, the
generator answers with a catalogue or with located problems, and text stays text.

`make fuzz` runs the same properties with many more examples (HYPOTHESIS_PROFILE=fuzz).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
import shutil
import subprocess
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import icalendar
import markdown
import pytest
import yaml
from conftest import FIXTURE, GOLDEN_DAY, ROOT, indexed
from hypothesis import event, example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from generator.photos.inspect import load_with_photos
from generator.problems import ContentInvalid
from generator.web.markdown import md, plain_title

MKDOCS = yaml.safe_load((ROOT / "mkdocs.yml").read_text("utf-8"))
EXTENSIONS = [e if isinstance(e, str) else next(iter(e)) for e in MKDOCS["markdown_extensions"]]
CONFIGS = {k: v for e in MKDOCS["markdown_extensions"] if isinstance(e, dict) for k, v in e.items()}

# The whole of Unicode, as vendors type it. Plain `st.text` draws mostly from the first
# planes and almost never a sequence that only means something whole, so real-world pieces
# are drawn as often as the general alphabet: emoji sequences (ZWJ families, flags and tag
# flags, skin tones, variation selectors, keycaps), right-to-left words and marks, letters
# with combining marks, astral letters, and emoji pressed against Markdown. Control
# characters and bidi overrides (U+202E) are refused when files are read (source.py): drawn
# rarely, they make a located problem; lone surrogates can't be in a file.
REAL_PIECES = [
    "🌶",
    "Sambal Raja 🌶",
    "Segar 🍌🥥",
    "Pesan lewat WA ya 🙏",
    "Wadai Acil Imah 🍡👩\u200d👩\u200d👧",
    "Café Ñoño",
    "KueBingkaKentangKhasBanjarAsliBalikpapan",  # 40 letters, no place to break
    "🫩",  # newer than the fonts
    "𝔘𝔫𝔦",
    "𠀀",
    "\u200b",
    "\ufeff",
    "🌶{: onerror=alert(1) }",
    "🌶 ![x](https://x.invalid/a.png)",
    "🌶</script>",
    "🌶\"'",
]
CHARS = st.characters(blacklist_categories=("Cc", "Cs"))
ASTRAL = st.characters(min_codepoint=0x10000, blacklist_categories=("Cs",))
MARKS = st.characters(whitelist_categories=("Mn", "Me", "Cf", "So", "Sk"))
SKIN_TONES = ["\U0001f3fb", "\U0001f3fc", "\U0001f3fd", "\U0001f3fe", "\U0001f3ff"]
# One emoji as people send it: a base, maybe a skin tone, maybe a variation selector.
ONE_EMOJI = st.builds(
    lambda base, tone, selector: base + tone + selector,
    st.sampled_from(["👩", "👨", "🧑", "👧", "👦", "👍", "🙏", "❤", "☕", "🍡", "🌶", "🏳", "🧕"]),
    st.sampled_from(["", *SKIN_TONES]),
    st.sampled_from(["", "", "\ufe0f", "\ufe0e"]),
)
REGIONAL = st.integers(0x1F1E6, 0x1F1FF).map(chr)  # two make a flag; one alone is a letter
EMOJI = st.one_of(
    ONE_EMOJI,
    st.lists(ONE_EMOJI, min_size=2, max_size=4).map("\u200d".join),  # ZWJ sequences
    st.sampled_from(
        [
            "👩\u200d👩\u200d👧",
            "👨\u200d👩\u200d👧\u200d👦",
            "👍🏽",
            "🇮🇩",
            "❤️",
            "☕\ufe0f",
            "🏳️\u200d🌈",
            "🏴\u200d☠️",
            "🧕🏾",
            "1\ufe0f\u20e3",  # keycap
            "🏴\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",  # tag flag
        ]
    ),
    st.lists(REGIONAL, min_size=1, max_size=3).map("".join),
)
RTL = st.sampled_from(
    [
        "مرحبا",
        "\u200fשלום\u200f",
        "\u200f",
        "\u200e",
        "\u061c",
        "عربي 123",
        "\u202eRW 1",  # an override: refused with a located problem
    ]
)
COMBINED = st.builds(  # a letter with one to three combining marks: e\u0301, ก่, ṩ̈
    str.__add__,
    st.sampled_from(["e", "a", "n", "i", "ก", "ب", "ज"]),
    st.text(st.characters(whitelist_categories=("Mn",)), min_size=1, max_size=3),
)
PIECE = st.one_of(
    st.text(CHARS, min_size=1, max_size=12),
    st.sampled_from(REAL_PIECES),
    EMOJI,
    RTL,
    COMBINED,
    st.text(ASTRAL, min_size=1, max_size=3),
    st.text(MARKS, min_size=1, max_size=3),
)
TEXT = st.lists(PIECE, max_size=8).map("".join).filter(lambda t: len(t) <= 120)


class Parsed(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text = ""

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text += data


@given(TEXT)
def test_any_text_renders_as_exactly_that_text(text: str) -> None:
    html = markdown.markdown(md(text), extensions=EXTENSIONS, extension_configs=CONFIGS)
    parsed = Parsed()
    parsed.feed(html)
    assert set(parsed.tags) <= {"p"}, html
    assert " ".join(parsed.text.split()) == " ".join(text.split()), html


SAMPLES = sorted(p.relative_to(FIXTURE) for p in FIXTURE.rglob("*.yml"))
# What an edit writes: a few random bytes (often a broken UTF-8 sequence), a whole 4-byte
# character, or a whole emoji sequence (up to 25 bytes), so a file can gain an emoji,
# lose half of one, or have one cut through.
CHUNK = st.one_of(
    st.binary(min_size=1, max_size=3),
    st.text(ASTRAL, min_size=1, max_size=2).map(str.encode),
    EMOJI.map(str.encode),
)
EDITS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "replace"]),
        st.integers(0, 10_000),
        CHUNK,
    ),
    min_size=1,
    max_size=6,
)


def mutate(data: bytes, edits: list[tuple[str, int, bytes]]) -> bytes:
    for action, where, chunk in edits:
        at = where % (len(data) + 1)
        if action == "insert":
            data = data[:at] + chunk + data[at:]
        elif action == "delete":
            data = data[:at] + data[at + len(chunk) :]
        else:
            data = data[:at] + chunk + data[at + len(chunk) :]
    return data


@given(st.sampled_from(SAMPLES), EDITS)
def test_mutated_files_give_a_catalogue_or_located_problems(
    tmp_path_factory: pytest.TempPathFactory, sample: Path, edits: list
) -> None:
    root = tmp_path_factory.mktemp("mutant")
    content = root / "content"
    shutil.copytree(FIXTURE, content)
    target = content / sample
    target.write_bytes(mutate(target.read_bytes(), edits))
    try:
        load_with_photos(content)
    except ContentInvalid as err:
        assert err.problems
        for problem in err.problems:
            assert Path(problem.file).resolve().is_relative_to(content.resolve()), problem
            assert problem.message and problem.hint, problem
    finally:
        shutil.rmtree(root)


LINE = (
    st.lists(PIECE, min_size=1, max_size=8)
    .map("".join)
    .filter(lambda t: t.strip() and len(t) <= 120)
)
SAFE_TAGS = {
    "h1",
    "h3",
    "h2",
    "p",
    "a",
    "strong",
    "em",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "ul",
    "ol",
    "li",
    "br",
    "code",
    "pre",
    "div",
    "span",  # a list's entries, left out of the search index (data-pagefind-ignore)
}


IMAGE_ATTRS = {"src", "width", "height", "alt", "loading", "decoding"}  # list cards: lazy
# Every link the generator itself makes, whole: another page of the site (`../usaha/x.md`,
# `#anchor`), its PDFs, a WhatsApp chat (its message percent-encoded), an Instagram
# profile. Anything else in an href came from the content.
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
OWN_LINK = re.compile(
    rf"(?:\.\./)*(?:{_SLUG}/)*{_SLUG}\.md(?:#{_SLUG})?"
    rf"|#{_SLUG}"
    rf"|(?:\.\./)*(?:usaha/)?{_SLUG}/"  # a list card: raw HTML, so the page's final URL
    rf"|(?:\.\./)*(?:{_SLUG}/)*(?:katalog|katalog-booklet|kartu-lapak)\.pdf"
    r"|https://wa\.me/628[0-9]{8,11}(?:\?text=[A-Za-z0-9%._~-]+)?"
    r"|https://www\.instagram\.com/[A-Za-z0-9._]{1,30}/"
)
OWN_IMAGE = re.compile(rf"(?:\.\./)+assets/kategori/[a-z]+\.svg|statistik/{_SLUG}\.svg")
# Python-Markdown's tables align a column with a style; nothing else has one.
ALIGNED = {"th", "td"}
ALIGNMENT = re.compile(r"text-align: (?:left|right|center);")


class Links(Parsed):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.attrs: set[str] = set()
        self.srcs: list[str] = []
        self.styles: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        super().handle_starttag(tag, attrs)
        self.attrs |= {name for name, _ in attrs}
        self.hrefs += [value for name, value in attrs if name == "href"]
        self.srcs += [value for name, value in attrs if name == "src"]
        self.styles += [(tag, value) for name, value in attrs if name == "style"]


@settings(max_examples=max(20, settings().max_examples // 4))  # a whole site per example
@given(
    name=LINE,
    owner=LINE,
    description=TEXT,
    unit=LINE,
    product=LINE,
    address=LINE,
    hours=LINE,
    tag=LINE,
    category=LINE,
)
def test_random_text_in_every_field_never_becomes_markup(**texts: str) -> None:
    import datetime

    from generator.content.index import build_index
    from generator.content.load import Content
    from generator.content.model import Event, Vendor
    from generator.web.render import render_site

    catalogue = load_with_photos(FIXTURE).catalogue
    categories = list(catalogue.categories)
    categories[0] = categories[0].model_copy(update={"name": texts["category"].strip()})
    catalogue = catalogue.model_copy(update={"categories": categories})
    vendor = Vendor(
        name=texts["name"],
        category="makanan",
        programme="kampung-bungas",
        instagram="@wadai.acil",
        owner=texts["owner"],
        description=texts["description"] or None,
        address=texts["address"],
        rt=1,
        whatsapp="081200000001",
        open_hours=texts["hours"],
        tags=[texts["tag"]],
        products=[
            {
                "name": texts["product"],
                "price": 1000,
                "unit": texts["unit"],
                "description": texts["description"] or None,
                "season": [1, 7],
            }
        ],
    )
    event = Event(
        name=texts["name"],
        date=datetime.date(2030, 1, 1),
        location=texts["address"],
        description=texts["description"] or None,
        stalls=[{"stall": "A1", "vendor": "v"}],
    )
    content = Content(catalogue, {"v": vendor}, {"e": event})
    pages = render_site(build_index(content, datetime.date(2029, 1, 1)))
    for path in (
        "usaha/v.md",
        "acara/e.md",
        "usaha/index.md",
        "kategori/makanan.md",
        "rt/1.md",
        "index.md",
        "acara/index.md",
        "program/kampung-bungas.md",  # the harvest calendar: a centred table
        "statistik.md",
    ):
        page = pages[path]
        body, meta = get_data(page)  # the front matter as MkDocs reads it
        assert meta.get("title") and not body.startswith("---"), (path, page[:300])
        if path == "usaha/v.md":
            assert meta["title"] == plain_title(texts["name"]), page[:300]
        html = markdown.markdown(body, extensions=EXTENSIONS, extension_configs=CONFIGS)
        links = Links()
        links.feed(html)
        assert set(links.tags) <= SAFE_TAGS | {"img"}, (path, html)
        own = {"href", "class", "id", "align", "style", "data-pagefind-ignore"}
        assert links.attrs <= own | IMAGE_ATTRS, (
            path,
            links.attrs,
        )
        # The only images without photos: the category's icon and the charts, both made by
        # the generator itself.
        assert [s for s in links.srcs if not OWN_IMAGE.fullmatch(s)] == [], path
        assert [h for h in links.hrefs if not OWN_LINK.fullmatch(h)] == [], path
        assert [
            (tag, style)
            for tag, style in links.styles
            if tag not in ALIGNED or not ALIGNMENT.fullmatch(style)
        ] == [], path


class Shown(HTMLParser):
    """A built page as a reader gets it: its <title>, its headings, the text of its article
    (not the scripts: the JSON-LD repeats the names), and the ids links can land on."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.headings: dict[str, list[str]] = {"h1": [], "h2": [], "h3": []}
        self.article = ""
        self.ids: list[str] = []
        self.attrs: set[str] = set()
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.attrs |= {name for name, _ in attrs}
        self.ids += [value for name, value in attrs if name == "id"]
        if tag in self.headings:
            self.headings[tag].append("")
        if tag not in ("br", "img", "meta", "link", "input", "hr"):  # no end tag
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if "script" in self._open or "style" in self._open:
            return
        if self._open[-1:] == ["title"]:
            self.title += data
        if "article" in self._open:
            self.article += data
        for tag, texts in self.headings.items():
            if tag in self._open:
                texts[-1] += data


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def words(text: str) -> str:
    """Text as a page shows it: every run of spaces and line breaks is one space."""
    return " ".join(text.split())


def as_cell(text: str) -> str:
    """A CSV cell as a spreadsheet must get it: what it would run as a formula starts
    with an apostrophe (OWASP "CSV injection"), everything else is the text itself."""
    return "'" + text if text.startswith(("=", "+", "-", "@", "\t", "\r")) else text


def pdf_text(path: Path) -> str:
    """The text a reader copies out of a PDF (poppler; pypdf misreads some encodings as
    soon as one glyph stands for two spellings, e.g. é and e + U+0301), in
    the order it was written (`-raw`: poppler's reading of the layout may put the second
    line of a wrapped name before its first)."""
    done = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return done.stdout


def squashed(text: str) -> str:
    """Text with nothing a PDF's layout may change: no spaces or line breaks (a long word
    is broken anywhere), no variation selectors (the font decides emoji or text style),
    one Unicode spelling (NFC: é, not e + U+0301)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(text.split()).replace("\ufe0f", "").replace("\ufe0e", "").replace("\u200b", "")


@functools.cache
def noto_sans() -> frozenset[int]:
    """The characters the shipped text font draws (the PDF's fonts are part of the test)."""
    from fontTools.ttLib import TTFont

    fonts = ROOT / "generator" / "printed" / "fonts"
    with TTFont(fonts / "NotoSans-Regular.ttf", lazy=True) as font:
        return frozenset(font.getBestCmap())


_RIGHT_TO_LEFT = {"R", "AL", "RLE", "RLO", "RLI"}


def plainly_printed(text: str) -> list[str]:
    """The stretches of `text` that any PDF reader gives back exactly as written: letters,
    digits, punctuation and spaces the shipped font draws, not carrying a combining mark.
    None when the text runs right to left (readers give it back reordered)."""
    if any(unicodedata.bidirectional(c) in _RIGHT_TO_LEFT for c in text):
        return []
    runs, current = [], ""
    for i, char in enumerate(text):
        following = text[i + 1 : i + 2]
        plain = (
            ord(char) in noto_sans()
            and unicodedata.category(char)[0] in "LNPZ"
            and not (following and unicodedata.category(following)[0] == "M")
        )
        if plain:
            current += char
        else:
            runs.append(current)
            current = ""
    runs.append(current)
    return [squashed(run) for run in runs if len(squashed(run)) >= 2]


def site_or_problems(root: Path, texts: dict[str, str]) -> bool:
    """Write a small catalogue with `texts` in its fields and build it with the real
    MkDocs. True: a site; False: problems, each naming a file of the catalogue."""
    from generator.pipeline import build_site

    content = root / "content"
    (content / "vendors").mkdir(parents=True)
    (content / "events").mkdir()
    catalogue = yaml.safe_load((FIXTURE / "catalogue.yml").read_text("utf-8"))
    catalogue["description"] = texts["description"] or None
    catalogue["categories"][0]["name"] = texts["category"]
    catalogue["programmes"][0]["name"] = texts["programme"]
    (content / "catalogue.yml").write_text(dump(catalogue), "utf-8")
    vendor = {
        "name": texts["name"],
        "category": "makanan",
        "programme": "kampung-bungas",
        "owner": texts["owner"],
        "description": texts["description"] or None,
        "address": texts["address"],
        "rt": 1,
        "whatsapp": "081200000001",
        "tags": [texts["product"]],
        "products": [
            {
                "name": texts["product"],
                "price": 1000,
                "unit": texts["unit"],
                "description": texts["description"] or None,
                "season": [1, 7],
            },
            {"name": texts["product"], "price": 2000},  # the same name: a second anchor
        ],
    }
    (content / "vendors" / "v.yml").write_text(dump(vendor), "utf-8")
    bazaar = {
        "name": texts["bazaar"],
        "date": GOLDEN_DAY,
        "location": texts["location"],
        "organizer": texts["owner"],
        "description": texts["description"] or None,
        "stalls": [{"stall": "A1", "vendor": "v"}],
    }
    (content / "events" / "e.yml").write_text(dump(bazaar), "utf-8")
    try:
        build_site(content, root / "site", ROOT / "mkdocs.yml", GOLDEN_DAY, docs_dir=root / "docs")
    except ContentInvalid as err:
        assert err.problems
        for problem in err.problems:
            assert Path(problem.file).resolve().is_relative_to(content.resolve()), problem
            assert problem.message and problem.hint, problem
        return False
    return True


# Real text, written as vendors here write it: emoji sequences, accents, a 40-letter word,
# and WhatsApp's own formatting (*tebal*, _miring_, ~coret~), which must stay text in
# every field. Checked everywhere, the PDF to the letter.
WADAI = {
    "name": "Wadai Acil Imah 🍡👩\u200d👩\u200d👧",
    "owner": "Café Ñoño — *Nenek* Nurul‘Aini 👵🏽",
    "description": "*Kue Bingka Kentang* Khas Banjar 🇮🇩, manisnya pas 👍🏽\n\n"
    "#KueBingkaKentangKhasBanjarAsliBalikpapan ❤️ — pesan H-1 ya",
    "address": "Gg. Musala Al-Ikhlas No. 7 _belakang masjid_",
    "product": "Kue Bingka Kentang *Khas Banjar*",
    "unit": "loyang 22 cm (8 potong) | ~½ loyang~",
    "bazaar": "Bazar Ramadan 🌙 *Kampung Bungas*",
    "location": "Lapangan Café Ñoño, RT 01 _depan musala_",
    "category": "Wadai & Kue Basah Khas Banjar 🍡",
    "programme": "Kampung Bungas 🌶🇮🇩",
}


# A whole build (pages, PDFs, the real MkDocs) takes seconds: few examples by default,
# many with `make fuzz`. Bidi overrides (U+202E) are refused before anything is built:
# the random text swaps them for right-to-left marks so most examples make a site, and
# one example keeps one to see it refused with a located problem.
@settings(max_examples=max(6, settings().max_examples // 25))
@given(
    **{
        field: (TEXT if field == "description" else LINE).map(
            lambda t: t.replace("\u202e", "\u200f")
        )
        for field in WADAI
    }
)
@example(**WADAI)
@example(**(WADAI | {"location": "Lapangan \u202eRW 1"}))
def test_any_text_builds_a_site_that_shows_it_or_located_problems(
    tmp_path_factory: pytest.TempPathFactory, **texts: str
) -> None:
    """The whole build, not only `check`: whatever text a volunteer writes (emoji
    sequences, right-to-left text, combining marks, markup), the result is a site that
    shows the text as it is, everywhere it goes, or problems that name a file, never an
    internal error: YAML loading, the pages MkDocs builds (front matter, headings, text),
    the search index and the anchors its results land on, the chart labels, the open data
    (CSV, JSON, iCalendar) and the printed catalogue."""
    root = tmp_path_factory.mktemp("whole")
    try:
        if not site_or_problems(root, texts):
            event("located problems")
            return
        event("a site")
        site = root / "site"
        loaded = load_with_photos(root / "content")
        # YAML loading: each text arrives as written, only the ends' spaces trimmed.
        v, e = loaded.vendors["v"], loaded.events["e"]
        first, second = v.products
        got = {
            "name": v.name,
            "owner": v.owner,
            "description": v.description or "",
            "address": v.address,
            "product": first.name,
            "unit": first.unit,
            "bazaar": e.name,
            "location": e.location,
            "category": loaded.catalogue.categories[0].name,
            "programme": loaded.catalogue.programmes[0].name,
        }
        assert got == {field: text.strip() for field, text in texts.items()}
        shows_the_pages(site, got)
        shows_the_search_results(site, got)
        shows_the_charts(site, got)
        shows_the_open_data(site, got)
        shows_the_prints(site, got, exact=texts == WADAI)
    finally:
        shutil.rmtree(root)


def shows_the_pages(site: Path, got: dict[str, str]) -> None:
    vendor = Shown((site / "usaha" / "v" / "index.html").read_text("utf-8"))
    assert vendor.headings["h1"] == [words(got["name"])]
    assert vendor.title.startswith(plain_title(got["name"]) + " - "), vendor.title
    assert [words(h) for h in vendor.headings["h3"]] == [words(got["product"])] * 2
    for field in ("owner", "address", "unit", "description"):
        assert words(got[field]) in words(vendor.article), field
    assert "title:" not in vendor.article and "jsonld:" not in vendor.article  # no raw front matter
    assert not [a for a in vendor.attrs if a.startswith("on")], vendor.attrs
    bazaar = Shown((site / "acara" / "e" / "index.html").read_text("utf-8"))
    assert bazaar.headings["h1"] == [words(got["bazaar"])]
    assert words(got["location"]) in words(bazaar.article)
    category = Shown((site / "kategori" / "makanan" / "index.html").read_text("utf-8"))
    assert category.headings["h1"] == [words(got["category"])]
    programme = Shown((site / "program" / "kampung-bungas" / "index.html").read_text("utf-8"))
    assert programme.headings["h1"] == [words(got["programme"])]


def shows_the_search_results(site: Path, got: dict[str, str]) -> None:
    """Each search result names the text as written and lands on an element that exists:
    the product's anchor (made from its name), the heading ids MkDocs makes (from the
    programme's name)."""
    found: dict[str, list[str]] = {}
    for url, page in indexed(site).items():  # Pagefind's sections: a page's headings
        for anchor in page["anchors"]:
            if anchor["element"] == "h1":  # the page's title, not a section of it
                continue
            location = f"{url.removeprefix('/')}#{anchor['id']}"
            found.setdefault(words(anchor["text"]), []).append(location)
    assert words(got["product"]) in found, sorted(found)
    products = found[words(got["product"])]
    vendor = Shown((site / "usaha" / "v" / "index.html").read_text("utf-8"))
    anchors = [loc.removeprefix("usaha/v/#") for loc in products if loc.startswith("usaha/v/#")]
    assert len(anchors) == 2 and len(set(anchors)) == 2, products
    chart = words(f"Produk peserta {got['programme']} per kategori")
    assert chart in found, sorted(found)
    [statistics] = [loc for loc in found[chart] if loc.startswith("statistik/#")]
    stats = Shown((site / "statistik" / "index.html").read_text("utf-8"))
    for page, anchor in [(vendor, a) for a in anchors] + [
        (stats, statistics.removeprefix("statistik/#"))
    ]:
        assert anchor and page.ids.count(anchor) == 1, (anchor, page.ids)


def shows_the_charts(site: Path, got: dict[str, str]) -> None:
    """A category's name labels its bar: whole, or its beginning and "…"."""
    svg = ElementTree.parse(site / "statistik" / "kategori.svg")
    labels = [t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text")]
    name = got["category"]
    assert any(
        label == name or (label.endswith("…") and name.startswith(label[:-1])) for label in labels
    ), (name, labels)
    stats = Shown((site / "statistik" / "index.html").read_text("utf-8"))
    assert words(name) in words(stats.article)  # the table below the chart: whole


def shows_the_open_data(site: Path, got: dict[str, str]) -> None:
    def rows(name: str) -> list[dict[str, str]]:
        text = (site / "data" / name).read_text("utf-8").removeprefix("\ufeff")
        return list(csv.DictReader(io.StringIO(text, newline="")))

    [vendor] = rows("usaha.csv")
    assert (vendor["nama_usaha"], vendor["nama_pemilik"], vendor["alamat"]) == (
        as_cell(got["name"]),
        as_cell(got["owner"]),
        as_cell(got["address"]),
    )
    first = rows("produk.csv")[0]
    assert (first["nama_produk"], first["satuan"], first["keterangan"]) == (
        as_cell(got["product"]),
        as_cell(got["unit"]),
        as_cell(got["description"]) if got["description"] else "",
    )
    data = json.loads((site / "data" / "usaha.json").read_text("utf-8"))
    assert (data["usaha"][0]["nama_usaha"], data["usaha"][0]["produk"][0]["satuan"]) == (
        got["name"],
        got["unit"],
    )
    raw = (site / "acara.ics").read_bytes()
    assert [line for line in raw.split(b"\r\n") if len(line) > 75] == []  # folded (RFC 5545)
    raw.decode("utf-8")  # and never inside a character
    [bazaar] = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert (str(bazaar["SUMMARY"]), str(bazaar["LOCATION"])) == (got["bazaar"], got["location"])


def shows_the_prints(site: Path, got: dict[str, str], exact: bool) -> None:
    """The printed catalogue has the vendor's texts and the bazaar's own has the bazaar's.
    Emoji print from a monochrome font in which a ZWJ sequence or a skin tone may be one
    picture that reads back as another spelling, and right-to-left text reads back
    reordered: random text is compared where it reads back as written (`plainly_printed`),
    the real text of WADAI to the letter."""
    printed = {
        "katalog.pdf": ("name", "owner", "address", "product", "unit", "category"),
        "acara/e/katalog.pdf": ("bazaar", "location"),
    }
    for path, fields in printed.items():
        text = squashed(pdf_text(site / path))
        for field in fields:
            pieces = [squashed(got[field])] if exact else plainly_printed(got[field])
            assert [p for p in pieces if p not in text] == [], (path, field, got[field])
