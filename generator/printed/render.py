"""The printed documents as data for Typst: model in, plain JSON-able values out.

Pure: no disk access. Everything a page prints is formatted here (prices, dates, phone
numbers, months), so the Typst templates (`templates/*.typ`) only place text. Typst reads
this data as JSON and shows every string as text: a name like `#eval("…")` or `]` is
printed as typed, never run or parsed (no escaping needed, none to forget).

Three kinds of document: the whole catalogue, one bazaar's catalogue, one bazaar's stall
cards. A document's `source()` is everything it is made from: same source, same PDF.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from generator.content import formats
from generator.content.formats import PAYMENT_NAMES
from generator.content.index import Index
from generator.content.model import Vendor
from generator.content.plan import row_numbers, spots
from generator.content.values import format_phone, split_paragraphs

# A card with more products than this, or more text (description, products and their
# notes, in characters), may continue on the next page (its table header, which names
# the vendor, repeats there): it may not fit one. Other cards are never split.
LONG_CARD, LONG_TEXT = 14, 1200
# The only fonts a PDF uses (Noto Sans, Noto Emoji; OFL, fonts/OFL.txt).
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


def printable(text: str) -> str:
    """`text` without the symbols no shipped font can draw. Emoji print in black from
    Noto Emoji (Noto has no colour emoji a black-and-white printer could use); the few it
    lacks are left out rather than printed as boxes. Letters of any script stay."""
    drawable = _drawable()

    def keep(match: re.Match[str]) -> str:
        char = match[0]
        if ord(char) in drawable or unicodedata.category(char) not in _SYMBOL_KINDS:
            return char
        return ""

    return _NOT_ASCII.sub(keep, text)


_LONG_WORD = re.compile(r"\S{31,}")
ZWSP = "\u200b"
BREAK_EVERY = 20


def breakable(text: str) -> str:
    """`text` whose words longer than 30 characters (a pasted link, a long hashtag) may
    break at a line's end: a zero-width space after every 20 or so characters, only
    between two letters, digits or punctuation marks (never inside an emoji sequence or
    before a combining mark). Typst breaks a line only where a break is allowed, and would
    let such a word run off the card."""
    return _LONG_WORD.sub(_break_word, text)


def _break_word(match: re.Match[str]) -> str:
    word, out, run = match[0], [], 0
    for here, after in zip(word, word[1:] + " ", strict=True):
        out.append(here)
        run += 1
        plain = unicodedata.category(here)[0] in "LNP" and unicodedata.category(after)[0] in "LNP"
        if run >= BREAK_EVERY and plain:
            out.append(ZWSP)
            run = 0
    return "".join(out)


# Ours, read by the templates, never printed as they are.
_NOT_TEXT = {"anchor", "target", "url", "qr", "part"}


def _printable(value: Any, key: str = "") -> Any:
    if isinstance(value, str):
        return value if key in _NOT_TEXT else breakable(printable(value))
    if isinstance(value, dict):
        return {name: _printable(item, name) for name, item in value.items()}
    if isinstance(value, list):
        return [_printable(item, key) for item in value]
    return value


@dataclass(frozen=True)
class Document:
    """One PDF: its parts, in order, each laid out by its part of the template
    (`templates/cetak.typ`) and, when `bound`, bound into one A5 document with running
    headers, page numbers, links and bookmarks (`bind.py`)."""

    title: str
    parts: list[dict[str, Any]]
    """Each a `part` (which of the template's parts lays it out) and its data. A part
    with a `heading` starts a section: its name is in the running header and bookmarks."""
    bound: bool = True

    def source(self) -> str:
        """Everything the PDF is made from, as JSON: same source, same PDF."""
        data = {"title": self.title, "bound": self.bound, "parts": _printable(self.parts)}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)

    def part(self, name: str) -> dict[str, Any]:
        """The first part of that kind (for tests and tools)."""
        return next(p for p in self.parts if p["part"] == name)


def anchor(slug: str, number: int | None = None) -> str:
    """Where a vendor's card (or one of its products) is: slugs are `a-z0-9-`."""
    return f"u-{slug}" if number is None else f"p-{slug}-{number}"


def with_codes(value: Any) -> Any:
    """`value` with each `qr` (an address) the QR code to print for it: made only when a
    part is laid out, as the address says all the code does."""
    if isinstance(value, dict):
        return {
            key: qr_png(item) if key == "qr" and item else with_codes(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [with_codes(item) for item in value]
    return value


@functools.lru_cache(maxsize=65536)
def qr_png(url: str) -> list[int]:
    """A QR code as a PNG of one pixel per module, its bytes as numbers (what JSON can
    carry; Typst draws it unsmoothed, as sharp as a vector at any size). Error level M
    survives a smudge or a fold; the quiet zone is in the image. Mask pattern 0: any mask
    makes a valid code, and trying all eight took 70 % of a catalogue's time (the printed
    codes are read back by the tests)."""
    import io

    import segno

    out = io.BytesIO()
    code = segno.make(url, error="m", micro=False, mask=0, boost_error=False)
    code.save(out, kind="png", scale=1, border=2)
    return list(out.getvalue())


def _place(index: Index) -> dict[str, Any]:
    catalogue = index.content.catalogue
    return {
        "kelurahan": catalogue.kelurahan,
        "kecamatan": catalogue.kecamatan,
        "city": catalogue.city,
    }


def _line(name: str, target: str, stall: str | None = None) -> dict[str, Any]:
    return {"name": name, "target": target, "stall": stall}


INDEX = {"heading": "Indeks produk", "anchor": "indeks"}


def catalogue_document(index: Index) -> Document:
    """Cover, contents, a section per category and programme, the product index."""
    catalogue = index.content.catalogue
    categories = [c for c in catalogue.categories if index.by_category.get(c.id)]
    shown = [slug for c in categories for slug in index.by_category[c.id]]
    site = catalogue.site_url
    cover = _place(index) | {
        "part": "catalogue-cover",
        "title": catalogue.title,
        "vendors": len(index.vendor_slugs),
        "sections": len(categories),
        "description": catalogue.description,
        "url": site,
        "qr": site or None,
        "printed": formats.tanggal(index.today),
    }
    sections = [
        {
            "part": "cards",
            "heading": c.name,
            "anchor": f"kategori-{c.id}",
            "description": c.description,
            "scan_hint": bool(site),
            "cards": [_card(index, slug) for slug in index.by_category[c.id]],
        }
        for c in categories
    ]
    programmes = [_programme(index, p) for p in catalogue.programmes]
    contents = {
        "part": "contents",
        "heading": "Daftar isi",
        "anchor": "daftar-isi",
        "stalls": False,
        "lines": [_line(p["heading"], p["anchor"]) for p in [*sections, *programmes, INDEX]],
        "contact": format_phone(catalogue.contact_whatsapp) if catalogue.contact_whatsapp else None,
    }
    index_part = {"part": "index", **INDEX, "groups": _index_entries(index, shown)}
    return Document(catalogue.title, [cover, contents, *sections, *programmes, index_part])


def event_document(index: Index, slug: str) -> Document:
    """One bazaar: its stall list up front, its plan, the cards in stall order, the index."""
    event = index.event(slug)
    stalls = index.stalls(slug)
    catalogue = index.content.catalogue
    page = catalogue.url(f"acara/{slug}/")
    hours = f"{event.start}–{event.end} WITA" if event.start and event.end else None
    if event.start and not event.end:
        hours = f"{event.start} WITA"
    cover = _place(index) | {
        "part": "event-cover",
        "title": event.name,
        "catalogue": catalogue.title,
        "date": formats.tanggal(event.date),
        "hours": hours,
        "location": event.location,
        "organizer": event.organizer,
        "stalls": len(stalls),
        "description": event.description,
        "url": page,
        "qr": page or None,
    }
    lines = [_line(index.vendor(s.vendor).name, anchor(s.vendor), s.stall) for s in stalls]
    contents = {
        "part": "contents",
        "heading": "Daftar lapak",
        "anchor": "daftar-lapak",
        "stalls": True,
        "lines": [*lines, _line(INDEX["heading"], INDEX["anchor"])],
        "contact": None,
    }
    plan = [_plan(event)] if event.denah else []
    cards = {
        "part": "cards",
        "heading": "Lapak",
        "anchor": "lapak",
        "description": None,
        "scan_hint": bool(catalogue.site_url),
        "cards": [_card(index, s.vendor, s.stall) for s in stalls],
    }
    index_part = {
        "part": "index",
        **INDEX,
        "groups": _index_entries(index, [s.vendor for s in stalls]),
    }
    return Document(event.name, [cover, contents, *plan, cards, index_part])


def cards_document(index: Index, slug: str) -> Document:
    """Stall cards for one bazaar: A6, four to an A4 sheet."""
    event = index.event(slug)
    where = spots(event)
    catalogue = index.content.catalogue
    cards = []
    for s in index.stalls(slug):
        vendor = index.vendor(s.vendor)
        url = catalogue.url(f"usaha/{s.vendor}/")
        spot = where.get(s.stall.upper())
        cards.append(
            {
                "stall": s.stall,
                "spot": str(spot) if spot else None,
                "name": vendor.name,
                "category": index.category_names[vendor.category],
                "qr": url or None,
                "whatsapp": format_phone(vendor.whatsapp) if vendor.whatsapp else None,
            }
        )
    sheets = {
        "part": "stall-cards",
        "title": event.name,
        "footer": f"{event.name} · {catalogue.title}",
        "sheets": [cards[i : i + 4] for i in range(0, len(cards), 4)],
    }
    return Document(event.name, [sheets], bound=False)


def _card(index: Index, slug: str, stall: str | None = None) -> dict[str, Any]:
    vendor = index.vendor(slug)
    catalogue = index.content.catalogue
    url = catalogue.url(f"usaha/{slug}/")
    months = formats.month_names("abbreviated")
    meta = [index.category_names[vendor.category]]
    meta += [index.programme_names[vendor.programme]] if vendor.programme else []
    meta += [vendor.owner] if vendor.owner else []
    if vendor.rt:
        meta.append(f"RT {vendor.rt:02d}" + (f"/RW {vendor.rw:02d}" if vendor.rw else ""))
    badges = [
        f"{name} {code}"
        for name, code in (("HALAL", vendor.halal), ("P-IRT", vendor.pirt), ("NIB", vendor.nib))
        if code
    ]
    return {
        "anchor": anchor(slug),
        "stall": stall,
        "name": vendor.name,
        "meta": " · ".join(meta),
        "description": split_paragraphs(vendor.description),
        "badges": badges,
        "long": len(vendor.products) > LONG_CARD or _text_length(vendor) > LONG_TEXT,
        "qr": url or None,
        "products": [
            {
                "anchor": anchor(slug, number),
                "name": p.name,
                "unit": p.unit,
                "available": p.available,
                "description": p.description,
                "season": ", ".join(months[m - 1] for m in p.season) or None,
                "price": formats.rupiah(p.price),
            }
            for number, p in enumerate(vendor.products)
        ],
        "buy": _buy(vendor),
        "where": " · ".join(
            part
            for part in (vendor.address, f"Buka {vendor.open_hours}" if vendor.open_hours else "")
            if part
        )
        or None,
    }


def _text_length(vendor: Vendor) -> int:
    products = " ".join(f"{p.name} {p.unit or ''} {p.description or ''}" for p in vendor.products)
    return len(vendor.description or "") + len(products)


def _buy(vendor: Vendor) -> dict[str, str | None]:
    payment = ", ".join(PAYMENT_NAMES[p.value] for p in vendor.payment)
    delivery = None
    if vendor.delivery is not None:
        delivery = "Bisa diantar" if vendor.delivery else "Ambil di tempat"
    return {
        "whatsapp": format_phone(vendor.whatsapp) if vendor.whatsapp else None,
        "payment": f"Bayar: {payment}" if payment else None,
        "delivery": delivery,
    }


def _programme(index: Index, programme: Any) -> dict[str, Any]:
    members = index.by_programme.get(programme.id, [])
    months = formats.month_names()
    rows = [
        (index.vendor(slug), p) for slug in members for p in index.vendor(slug).products if p.season
    ]
    rows.sort(key=lambda row: (row[1].name.casefold(), row[0].name.casefold()))
    calendar = [
        {
            "month": months[m - 1],
            "rows": [{"product": p.name, "vendor": v.name} for v, p in rows if m in p.season],
        }
        for m in range(1, 13)
        if any(m in p.season for _, p in rows)
    ]
    return {
        "part": "programme",
        "heading": f"Program {programme.name}",
        "anchor": f"program-{programme.id}",
        "description": programme.description,
        "members": [{"name": index.vendor(s).name, "target": anchor(s)} for s in members],
        "calendar": calendar,
    }


def _index_entries(index: Index, slugs: list[str]) -> list[dict[str, Any]]:
    """Every product of these vendors, by product name, pointing at its own row; grouped
    by first letter (`#` for a name that starts with no letter)."""
    entries = [
        (product.name, index.vendor(slug).name, anchor(slug, number))
        for slug in dict.fromkeys(slugs)
        for number, product in enumerate(index.vendor(slug).products)
    ]
    # "#" (a name that starts with a digit, a quote or an emoji) first, then A to Z.
    entries.sort(key=lambda e: (_letter(e[0]) != "#", _letter(e[0]), e[0].casefold(), e[1:]))
    groups: list[dict[str, Any]] = []
    for product, vendor, target in entries:
        first = _letter(product)
        if not groups or groups[-1]["letter"] != first:
            groups.append({"letter": first, "entries": []})
        groups[-1]["entries"].append({"product": product, "vendor": vendor, "target": target})
    return groups


def _letter(name: str) -> str:
    return name[:1].upper() if name[:1].isalpha() else "#"


# The plan's page (mm): stalls as boxes of at most PLAN_CELL, smaller when a row is long, so
# that the "Baris" column, the stalls and the gaps between them fit the A5 text width.
PLAN_CELL, PLAN_TEXT, PLAN_LABEL, PLAN_GAP = 14.0, 126.0, 16.0, 1.5


def _plan(event: Any) -> dict[str, Any]:
    widest = max((len(labels) for labels in event.denah), default=1)
    return {
        "part": "plan",
        "heading": "Denah lapak",
        "anchor": "denah",
        "cell": round(min(PLAN_CELL, (PLAN_TEXT - PLAN_LABEL) / max(widest, 1) - PLAN_GAP), 2),
        "rows": [
            {"number": number, "labels": list(labels)}
            for labels, number in zip(event.denah, row_numbers(event), strict=True)
        ],
    }
