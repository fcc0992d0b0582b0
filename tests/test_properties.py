"""Property-based tests: whatever text or file a volunteer (or an attacker) writes, the
generator answers with a catalogue or with located problems, and text stays text.

`make fuzz` runs the same properties with many more examples (HYPOTHESIS_PROFILE=fuzz).
"""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
import yaml
from conftest import FIXTURE, GOLDEN_DAY, ROOT
from hypothesis import event, given, settings
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
}


IMAGE_ATTRS = {"src", "width", "height", "alt"}
# Every link the generator itself makes, whole: another page of the site (`../usaha/x.md`,
# `#anchor`), its PDFs, a WhatsApp chat (its message percent-encoded), an Instagram
# profile. Anything else in an href came from the content.
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
OWN_LINK = re.compile(
    rf"(?:\.\./)*(?:{_SLUG}/)*{_SLUG}\.md(?:#{_SLUG})?"
    rf"|#{_SLUG}"
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
        assert links.attrs <= {"href", "class", "id", "align", "style"} | IMAGE_ATTRS, (
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


class Shown(Links):
    """A built page: its <title>, its <h1> and the visible text of its article."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found = {"title": "", "h1": ""}
        self.inside: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list) -> None:
        super().handle_starttag(tag, attrs)
        self.inside = tag if tag in self.found else None

    def handle_endtag(self, tag: str) -> None:
        self.inside = None

    def handle_data(self, data: str) -> None:
        super().handle_data(data)
        if self.inside:
            self.found[self.inside] += data


def dump(data: object) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


# A whole build (pages, PDFs, the real MkDocs) takes seconds: few examples by default,
# many with `make fuzz`.
@settings(max_examples=max(10, settings().max_examples // 15))
@given(
    name=LINE,
    owner=LINE,
    description=TEXT,
    address=LINE,
    product=LINE,
    unit=LINE,
    bazaar=LINE,
    location=LINE,
)
def test_any_text_builds_a_site_that_shows_it_or_located_problems(
    tmp_path_factory: pytest.TempPathFactory, **texts: str
) -> None:
    """The whole build, not only `check`: whatever text a volunteer writes (emoji, RTL,
    ZWJ sequences, markup), the result is a site that shows the text as it is, or
    problems that name a file, never an internal error. MkDocs reads each page's front
    matter: the vendor's name is the page's <title> and <h1>, no raw front matter shows."""
    from generator.pipeline import build_site

    root = tmp_path_factory.mktemp("whole")
    content = root / "content"
    (content / "vendors").mkdir(parents=True)
    (content / "events").mkdir()
    catalogue = yaml.safe_load((FIXTURE / "catalogue.yml").read_text("utf-8"))
    catalogue["description"] = texts["description"] or None
    (content / "catalogue.yml").write_text(dump(catalogue), "utf-8")
    vendor = {
        "name": texts["name"],
        "category": "makanan",
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
            }
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
        try:
            build_site(
                content, root / "site", ROOT / "mkdocs.yml", GOLDEN_DAY, docs_dir=root / "docs"
            )
        except ContentInvalid as err:
            event("located problems")
            assert err.problems
            for problem in err.problems:
                assert Path(problem.file).resolve().is_relative_to(content.resolve()), problem
                assert problem.message and problem.hint, problem
            return
        event("a site")
        loaded = load_with_photos(content).vendors["v"]
        html = (root / "site" / "usaha" / "v" / "index.html").read_text("utf-8")
        page = Shown(html)
        assert " ".join(page.found["h1"].split()) == " ".join(loaded.name.split()), html[:2000]
        assert page.found["title"].startswith(plain_title(loaded.name) + " - "), page.found
        assert "title:" not in html and "jsonld:" not in html  # no raw front matter shows
        assert not [a for a in page.attrs if a.startswith("on")], page.attrs
    finally:
        shutil.rmtree(root)
