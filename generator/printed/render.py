"""The printed catalogue as HTML parts for WeasyPrint: model in, HTML text out.

Pure, like `render`: no disk access. Jinja2 autoescapes every value (the HTML
is for a PDF, but text from YAML is still data, never markup).

A catalogue is laid out in parts (cover, contents, chunks of vendor cards,
programmes, index) rather than as one document: WeasyPrint's time and memory
grow faster than linearly with a document's size, and parts can be laid out
side by side. Parts that print page numbers (contents, programmes, index) take
a `page` function; given none, they print a placeholder of the same width, which
is also what the fingerprint of a catalogue is made from.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from generator.content import formats
from generator.content.formats import PAYMENT_NAMES
from generator.content.index import Index
from generator.content.plan import row_numbers, spots
from generator.content.values import format_phone, split_paragraphs

# A card with more products than this may continue on the next page (its table header,
# which names the vendor, repeats there); shorter cards are never split.
LONG_CARD = 14
CHUNK = 50  # vendor cards per part: small enough to lay out quickly, big enough to fill pages
INDEX_CHUNK = 800  # index lines per part

PageNumbers = Callable[[str], str]  # anchor -> printed page number
# The only fonts a PDF uses (Noto Sans, Noto Emoji; OFL, fonts/OFL.txt); also the base URL
# print.css finds them from (`layout`).
FONTS = Path(str(resources.files("generator.printed") / "fonts"))

# Symbols, pictographs, private and unassigned code points: a character of these kinds that
# no shipped font has (an emoji newer than Noto Emoji) would print as an empty box.
_SYMBOL_KINDS = {"So", "Sk", "Co", "Cn"}
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


@functools.cache
def _drawable() -> frozenset[int]:
    """Every character the shipped fonts (Noto Sans, Noto Emoji) have a glyph for."""
    from fontTools.ttLib import TTFont

    found: set[int] = set()
    for path in sorted(FONTS.glob("*.ttf")):
        with TTFont(path, lazy=True) as font:
            found |= set(font.getBestCmap())
    return frozenset(found)


def printable(html: str) -> str:
    """`html` without the symbols no shipped font can draw. Emoji print in black from
    Noto Emoji (Noto has no colour emoji a black-and-white printer could use); the few it
    lacks are left out rather than printed as boxes. Letters of any script stay."""
    drawable = _drawable()

    def keep(match: re.Match[str]) -> str:
        char = match[0]
        if ord(char) in drawable or unicodedata.category(char) not in _SYMBOL_KINDS:
            return char
        return ""

    return _NOT_ASCII.sub(keep, html)


@dataclass(frozen=True)
class Part:
    """One piece of a printed document, laid out on its own."""

    html: str
    section: str | None
    """Running header on its pages; None: no header, no page number (the cover)."""
    bookmark: str | None = None
    """A first-level PDF bookmark at its first page."""
    bookmarks: list[tuple[str, str]] = field(default_factory=list)
    """(anchor, title) of the cards it holds: second-level bookmarks."""


@dataclass(frozen=True)
class Entry:
    """One line of the index at the back: a product and where its card row is."""

    product: str
    vendor: str
    anchor: str


@dataclass(frozen=True)
class Plan:
    """A whole printed document: the parts whose layout does not depend on page numbers,
    and the ones made once the others' page numbers are known."""

    title: str
    before: list[Part]
    """Cover and contents (an event's plan after them); the contents are made again with
    the real numbers."""
    cards: list[Part]
    after: Callable[[PageNumbers | None], list[Part]]
    contents: Callable[[PageNumbers | None], Part]

    def source(self) -> str:
        """Everything the document is made from: same source, same PDF."""
        parts = [*self.before, *self.cards, *self.after(None), self.contents(None)]
        return "\0".join(part.html for part in parts)


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.printed", "templates"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,  # HTML: every value from YAML is escaped
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        rupiah=formats.rupiah,
        tanggal=formats.tanggal,
        phone=format_phone,
        nomor=lambda n: f"{n:02d}",
        paragraphs=split_paragraphs,  # the template escapes each
    )
    return env


QR_MARK = re.compile(r'<img class="qr" data-qr="([0-9a-f]+)">')


def qr_placeholder(url: str) -> Markup:
    """A QR code's place: the code itself is made where the part is laid out (`with_qr`),
    in the worker processes. The URL is one the generator built; written as hex, text from
    YAML (always escaped, so never a raw `<`) can't pose as one."""
    return Markup(f'<img class="qr" data-qr="{url.encode().hex()}">')


def with_qr(html: str) -> str:
    """Every QR code's place in `html` filled with the code."""
    return QR_MARK.sub(lambda m: _qr_img(bytes.fromhex(m[1]).decode()), html)


def _qr_img(url: str) -> str:
    # A PNG of one pixel per module, drawn without smoothing: as sharp as SVG at any size,
    # and WeasyPrint draws it at once where it walks an SVG path step by step (a fifth of
    # the catalogue's time). Error level M survives a smudge or a fold; the quiet zone is
    # in the image.
    import segno  # here, in the workers: a build whose PDFs are up to date needs none

    uri = segno.make(url, error="m", micro=False).png_data_uri(scale=1, border=2)
    return f'<img class="qr" src="{uri}" alt="">'


def anchor(slug: str, number: int | None = None) -> str:
    """Element ids: slugs are `a-z0-9-`, so these are safe as they are."""
    return f"u-{slug}" if number is None else f"p-{slug}-{number}"


def catalogue_plan(index: Index) -> Plan:
    """Cover, contents, a section per category and programme, the product index."""
    catalogue = index.content.catalogue
    categories = [c for c in catalogue.categories if index.by_category.get(c.id)]
    cards: list[Part] = []
    for c in categories:
        cards += _card_parts(
            index,
            c.name,
            f"kategori-{c.id}",
            c.description,
            [(s, None) for s in index.by_category[c.id]],
        )
    shown = [slug for c in categories for slug in index.by_category[c.id]]

    def after(page: PageNumbers | None) -> list[Part]:
        parts = [_programme(index, p, page) for p in catalogue.programmes]
        return [*parts, *_index_parts(index, shown, page)]

    def contents(page: PageNumbers | None) -> Part:
        entries = [(None, c.name, f"kategori-{c.id}") for c in categories]
        entries += [(None, f"Program {p.name}", f"program-{p.id}") for p in catalogue.programmes]
        entries.append((None, "Indeks produk", "indeks"))
        return _contents(index, catalogue.title, "Daftar isi", entries, page, stalls=False)

    cover = _render("cover.html.j2", index, catalogue.title, None, sections=len(categories))
    return Plan(catalogue.title, [Part(cover, None), contents(None)], cards, after, contents)


def event_plan(index: Index, slug: str) -> Plan:
    """One bazaar: its stall list up front, then the cards in stall order, then the index."""
    event = index.event(slug)
    stalls = index.stalls(slug)
    cards = _card_parts(index, "Lapak", "lapak", None, [(s.vendor, s.stall) for s in stalls])

    def after(page: PageNumbers | None) -> list[Part]:
        return _index_parts(index, [s.vendor for s in stalls], page)

    def contents(page: PageNumbers | None) -> Part:
        entries = [(s.stall, index.vendor(s.vendor).name, anchor(s.vendor)) for s in stalls]
        entries.append((None, "Indeks produk", "indeks"))
        return _contents(index, event.name, "Daftar lapak", entries, page, stalls=True)

    page = index.content.catalogue.url(f"acara/{slug}/")
    cover = _render("event_cover.html.j2", index, event.name, None, e=event, event_url=page)
    before = [Part(cover, None), contents(None)]
    if event.denah:  # a page of its own, after the stall list
        numbers = row_numbers(event)
        plan = _render("denah.html.j2", index, event.name, None, e=event, numbers=numbers)
        before.append(Part(plan, "Denah lapak", "Denah lapak"))
    return Plan(event.name, before, cards, after, contents)


def cards_html(index: Index, slug: str) -> list[str]:
    """Stall cards for one bazaar: A6, four to an A4 sheet; in parts of CHUNK sheets."""
    stalls = index.stalls(slug)
    sheets = [stalls[i : i + 4] for i in range(0, len(stalls), 4)]
    event = index.event(slug)
    return [
        _render(
            "cards.html.j2",
            index,
            event.name,
            None,
            e=event,
            sheets=sheets[i : i + CHUNK],
            spots=spots(event),
        )  # fmt: skip
        for i in range(0, len(sheets), CHUNK)
    ]


def frame_html(title: str, sections: list[str | None], first: int = 1) -> str:
    """Running headers and page numbers for pages `first`, `first + 1`, … of a document, one
    per entry of `sections` (None: neither, as on the cover)."""
    return printable(
        environment()
        .get_template("frame.html.j2")
        .render(title=title, sections=sections, first=int(first))
    )


def _contents(
    index: Index,
    title: str,
    heading: str,
    entries: Sequence[tuple[str | None, str, str]],
    page: PageNumbers | None,
    stalls: bool,
) -> Part:
    """A contents page: (stall label or None, name, anchor) a line, and its page number;
    `stalls`: an event's list of stalls (no catalogue contact line under it)."""
    html = _render(
        "toc.html.j2", index, title, page, heading=heading, entries=entries, stalls=stalls
    )
    return Part(html, heading, heading)


def _card_parts(
    index: Index,
    heading: str,
    section_id: str,
    description: str | None,
    cards: list[tuple[str, str | None]],
) -> list[Part]:
    parts = []
    for start in range(0, len(cards), CHUNK):
        chunk = cards[start : start + CHUNK]
        first = start == 0
        html = _render(
            "cards.part.html.j2",
            index,
            heading,
            None,
            heading=heading if first else None,
            section_id=section_id,
            description=description,
            cards=chunk,
        )
        marks = [
            (anchor(s), f"{stall} {index.vendor(s).name}" if stall else index.vendor(s).name)
            for s, stall in chunk
        ]
        parts.append(Part(html, heading, heading if first else None, marks))
    return parts


def _programme(index: Index, programme: Any, page: PageNumbers | None) -> Part:
    members = index.by_programme.get(programme.id, [])
    months = formats.month_names()
    rows = [
        (index.vendor(slug), p) for slug in members for p in index.vendor(slug).products if p.season
    ]
    rows.sort(key=lambda row: (row[1].name.casefold(), row[0].name.casefold()))
    calendar = [
        (months[m - 1], [(v, p) for v, p in rows if m in p.season])
        for m in range(1, 13)
        if any(m in p.season for _, p in rows)
    ]
    name = f"Program {programme.name}"
    html = _render(
        "programme.html.j2", index, name, page, p=programme, members=members, calendar=calendar
    )
    return Part(html, name, name)


def _index_parts(index: Index, slugs: list[str], page: PageNumbers | None) -> list[Part]:
    """Every product of these vendors, by product name, pointing at its own row."""
    entries = [
        Entry(product.name, index.vendor(slug).name, anchor(slug, number))
        for slug in dict.fromkeys(slugs)
        for number, product in enumerate(index.vendor(slug).products)
    ]
    entries.sort(key=lambda e: (e.product.casefold(), e.vendor.casefold(), e.anchor))
    parts = []
    for start in range(0, max(len(entries), 1), INDEX_CHUNK):
        first = start == 0
        html = _render(
            "index.html.j2",
            index,
            "Indeks produk",
            page,
            heading=first,
            entries=entries[start : start + INDEX_CHUNK],
        )
        parts.append(Part(html, "Indeks produk", "Indeks produk" if first else None))
    return parts


def _render(
    template: str, index: Index, title: str, page: PageNumbers | None, **context: Any
) -> str:
    catalogue = index.content.catalogue
    return printable(
        environment()
        .get_template(template)
        .render(
            title=title,
            idx=index,
            cat=catalogue,
            categories={c.id: c for c in catalogue.categories},
            programme_names={p.id: p.name for p in catalogue.programmes},
            months=formats.month_names("abbreviated"),
            payment_names=PAYMENT_NAMES,
            qr=qr_placeholder,  # `{{ qr(url) }}`: the code is drawn in when laid out
            vendor_url=lambda slug: catalogue.url(f"usaha/{slug}/"),
            site_url=catalogue.site_url,
            long_card=LONG_CARD,
            anchor=anchor,
            page=page or (lambda _: PLACEHOLDER),
            page_column=lambda anchor: (page(anchor) if page else PLACEHOLDER).rjust(
                len(PLACEHOLDER), FIGURE_SPACE
            ),
            **context,
        )
    )


# The contents are laid out with the placeholder first and must not change length once
# numbered, so their numbers take its width whatever their digits (right-aligned): a
# narrower number could pull a long name back onto one line. Noto Sans's digits and the
# figure space are all equally wide.
PLACEHOLDER = "000"
FIGURE_SPACE = "\u2007"
