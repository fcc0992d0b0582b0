"""Vendor lists as a market's stalls: a compact card per vendor, with its picture, its
price range, its marks (halal, delivery, QRIS) and whether it is open now.

Pure: model and published photos in, trusted HTML out. The cards are a raw HTML block
in the list page's Markdown (Python-Markdown leaves such a block alone), made by an
autoescaping template, so text from YAML stays text; links are therefore final URLs.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from markupsafe import Markup

from generator.content import formats
from generator.content.index import FILTERS, Index
from generator.content.model import Vendor
from generator.content.values import parse_open_hours
from generator.photos.html import Pictures, served_at
from generator.photos.publish import Published
from generator.web.stats import MARKUP_TEMPLATES, shorten

# The products' line shows about this much on a phone; the rest would only cost bytes.
PRODUCT_CHARS = 60


@dataclass(frozen=True)
class Card:
    href: str
    name: str
    picture: Markup
    where: str
    """Category and RT, as far as the list does not say them already."""
    prices: str
    marks: list[str]
    hours: str | None
    """Opening hours for katalog.js ("Buka sekarang"); None: not in the documented form."""
    products: str


def price_range(vendor: Vendor) -> str:
    """`Rp5.000–Rp25.000` over what is on sale now (everything, if nothing is)."""
    products = [p for p in vendor.products if p.available] or vendor.products
    low, high = min(p.price for p in products), max(p.price for p in products)
    if low == high:
        return formats.rupiah(low)
    return f"{formats.rupiah(low)}–{formats.rupiah(high)}"


def hours_spec(hours: str | None) -> str | None:
    """Opening hours as katalog.js reads them (`1,2,3 08:00-17:00;6 08:00-12:00`)."""
    ranges = parse_open_hours(hours) if hours else []
    if not ranges:
        return None
    return ";".join(f"{','.join(map(str, days))} {start}-{end}" for days, start, end in ranges)


def vendor_cards(
    page: str,
    slugs: list[str],
    index: Index,
    photos: dict[tuple[str, str], Published],
    show_category: bool = True,
    show_rt: bool = True,
) -> Markup:
    """The list of `slugs` as cards, for the page `page` (`usaha/index.md`); a category's
    or an RT's own list does not repeat it on every card."""
    if not slugs:
        return Markup("")
    names = index.category_names
    here = served_at(page) or "."
    cards = []
    for slug in slugs:
        vendor = index.vendor(slug)
        where = [names[vendor.category]] if show_category else []
        where += [f"RT {vendor.rt:02d}"] if vendor.rt and show_rt else []
        cards.append(
            Card(
                href=posixpath.relpath(f"usaha/{slug}", here) + "/",
                name=vendor.name,
                picture=Pictures(page, slug, vendor, photos).card(),
                where=" · ".join(where),
                prices=price_range(vendor),
                marks=[f.mark for f in FILTERS.values() if f.wanted(vendor)],
                hours=hours_spec(vendor.open_hours),
                products=shorten(", ".join(p.name for p in vendor.products), PRODUCT_CHARS),
            )
        )
    return Markup(MARKUP_TEMPLATES.get_template("cards.html.j2").render(cards=cards))
