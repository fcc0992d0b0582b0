"""The printed catalogue as HTML for WeasyPrint: model in, HTML text out.

Pure, like `render`: no disk access. Jinja2 autoescapes every value (the HTML
here is for a PDF, but text from YAML is still data, never markup). Page
numbers in the table of contents and the index are left to CSS
(`target-counter`), which the PDF engine fills in after layout.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import jinja2
import segno
from markupsafe import Markup

from generator import text
from generator.collect import Index
from generator.fields import format_phone
from generator.model import Product, Vendor
from generator.render import PAYMENT_NAMES

# A card with more products than this may continue on the next page (its table header,
# which names the vendor, repeats there); shorter cards are never split.
LONG_CARD = 14


@dataclass(frozen=True)
class Section:
    """One part of the catalogue: a category's vendor cards."""

    id: str
    title: str
    description: str | None
    slugs: list[str]


@dataclass(frozen=True)
class Entry:
    """One line of the index at the back: a product and where its card row is."""

    product: str
    vendor: str
    anchor: str


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates/print"),
        undefined=jinja2.StrictUndefined,
        autoescape=True,  # HTML: every value from YAML is escaped
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        rupiah=text.rupiah,
        tanggal=text.tanggal,
        phone=format_phone,
        nomor=lambda n: f"{n:02d}",
        paragraphs=_paragraphs,
    )
    return env


def qr_svg(url: str) -> Markup:
    """A QR code as inline SVG, sized by CSS. `url` is one the generator built."""
    # Error level M survives a smudge or a fold; the quiet zone is part of the SVG.
    svg = segno.make(url, error="m", micro=False).svg_inline(
        omitsize=True, border=2, svgclass="qr", lineclass=None
    )
    return Markup(svg)


def vendor_url(index: Index, slug: str) -> str | None:
    base = index.content.catalogue.site_url
    return f"{base.rstrip('/')}/usaha/{slug}/" if base else None


def event_url(index: Index, slug: str) -> str | None:
    base = index.content.catalogue.site_url
    return f"{base.rstrip('/')}/acara/{slug}/" if base else None


def catalogue_html(index: Index) -> str:
    """The whole catalogue: cover, contents, a section per category and programme, index."""
    categories = index.content.catalogue.categories
    sections = [
        Section(f"kategori-{c.id}", c.name, c.description, index.by_category[c.id])
        for c in categories
        if index.by_category.get(c.id)
    ]
    shown = [slug for section in sections for slug in section.slugs]
    return _render(
        "catalogue.html.j2",
        index,
        sections=sections,
        entries=_entries(index, shown),
        programmes=[p for p in index.content.catalogue.programmes],
    )


def event_html(index: Index, slug: str) -> str:
    """One bazaar: its stall list up front, then the cards in stall order, then the index."""
    stalls = index.stalls(slug)
    return _render(
        "event.html.j2",
        index,
        slug=slug,
        e=index.event(slug),
        stalls=stalls,
        event_url=event_url(index, slug),
        entries=_entries(index, [s.vendor for s in stalls]),
    )


def cards_html(index: Index, slug: str) -> str:
    """Stall cards for one bazaar: A6, four to an A4 sheet."""
    stalls = index.stalls(slug)
    sheets = [stalls[i : i + 4] for i in range(0, len(stalls), 4)]
    return _render("cards.html.j2", index, slug=slug, e=index.event(slug), sheets=sheets)


def _render(template: str, index: Index, **context: Any) -> str:
    catalogue = index.content.catalogue
    return (
        environment()
        .get_template(template)
        .render(
            idx=index,
            cat=catalogue,
            categories={c.id: c for c in catalogue.categories},
            programme_names={p.id: p.name for p in catalogue.programmes},
            months=text.month_names("abbreviated"),
            payment_names=PAYMENT_NAMES,
            qr=qr_svg,
            vendor_url=lambda slug: vendor_url(index, slug),
            site_url=catalogue.site_url,
            harvest=lambda slugs: _harvest(index, slugs),
            long_card=LONG_CARD,
            anchor=_anchor,
            **context,
        )
    )


def _anchor(slug: str, number: int | None = None) -> str:
    """Element ids: slugs are `a-z0-9-`, so these are safe as they are."""
    return f"u-{slug}" if number is None else f"p-{slug}-{number}"


def _entries(index: Index, slugs: list[str]) -> list[Entry]:
    """Every product of these vendors, by product name, pointing at its own row."""
    entries = [
        Entry(product.name, index.vendor(slug).name, _anchor(slug, number))
        for slug in dict.fromkeys(slugs)
        for number, product in enumerate(index.vendor(slug).products)
    ]
    return sorted(entries, key=lambda e: (e.product.casefold(), e.vendor.casefold(), e.anchor))


def _harvest(index: Index, slugs: list[str]) -> list[tuple[str, Vendor, Product]]:
    rows = [
        (slug, index.vendor(slug), p)
        for slug in slugs
        for p in index.vendor(slug).products
        if p.season
    ]
    return sorted(rows, key=lambda row: (row[2].name.casefold(), row[0]))


def _paragraphs(value: str | None) -> list[str]:
    """A blank line in a description starts a new paragraph; the template escapes each."""
    if not value:
        return []
    return [" ".join(p.split()) for p in value.strip().split("\n\n") if p.strip()]
