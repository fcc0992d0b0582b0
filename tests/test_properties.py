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
# planes, so real-world pieces are mixed in to occur often: emoji (with skin tones, flags,
# ZWJ sequences, variation selectors), right-to-left text and marks, combining marks,
# astral letters, and emoji pressed against Markdown. Control characters are refused when
# files are read (see source.py), so not generated here; lone surrogates can't be in a file.
REAL_PIECES = [
    "🌶",
    "Sambal Raja 🌶",
    "Segar 🍌🥥",
    "Pesan lewat WA ya 🙏",
    "👨\u200d👩\u200d👧",
    "👍🏽",
    "🇮🇩",
    "❤️",
    "☕\ufe0f",
    "🫩",  # newer than the fonts
    "مرحبا",
    "\u200fשלום\u200f",
    "e\u0301",
    "ก่",
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
PIECE = st.one_of(
    st.text(CHARS, max_size=12),
    st.sampled_from(REAL_PIECES),
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
EDITS = st.lists(
    st.tuples(
        st.sampled_from(["insert", "delete", "replace"]),
        st.integers(0, 10_000),
        st.binary(min_size=1, max_size=3),
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


LINE = TEXT.filter(lambda t: t.strip() and len(t.strip()) <= 200)
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
PRINTED = re.compile(r"([a-z0-9-]+/)?(katalog|katalog-booklet|kartu-lapak)\.pdf")


class Links(Parsed):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.attrs: set[str] = set()
        self.srcs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        super().handle_starttag(tag, attrs)
        self.attrs |= {name for name, _ in attrs}
        self.hrefs += [value for name, value in attrs if name == "href"]
        self.srcs += [value for name, value in attrs if name == "src"]


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
)
def test_random_text_in_every_field_never_becomes_markup(**texts: str) -> None:
    import datetime

    from generator.content.index import build_index
    from generator.content.load import Content
    from generator.content.model import Event, Vendor
    from generator.web.render import render_site

    catalogue = load_with_photos(FIXTURE).catalogue
    vendor = Vendor(
        name=texts["name"],
        category="makanan",
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
        # The only image without photos: the category's icon, from the generator itself.
        assert all(re.fullmatch(r"(\.\./)+assets/kategori/[a-z]+\.svg", s) for s in links.srcs)
        for href in links.hrefs:
            assert (
                href.startswith(("https://wa.me/62", "https://www.instagram.com/", "../", "#"))
                or href.endswith(".md")
                or PRINTED.fullmatch(href)  # the generator's own PDFs
            ), (path, href)


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
