"""An event's stall plan (`denah`) on its page: an SVG whose stalls link to their
vendors, and its rows as text (numbered as content/plan.py counts them). Pure: index in,
text out."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.content.index import Index
from generator.content.model import Event
from generator.content.plan import row_numbers
from generator.web.stats import MARKUP_TEMPLATES, shorten

CELL, HEIGHT, GAP, LABEL = 64, 44, 8, 76  # px: a stall, a row, between them, "Baris 1"
NAME_CHARS = 40  # in the stall's tooltip; the text list below the plan has the whole name


@dataclass(frozen=True)
class Cell:
    x: int
    label: str
    vendor: str
    name: str
    href: str


@dataclass(frozen=True)
class Row:
    y: int
    number: int  # 0: an aisle
    cells: list[Cell]


def plan_rows(index: Index, slug: str, up: str) -> list[Row]:
    """The plan's rows as drawn: `up` leads from the event page to the site's root."""
    event = index.event(slug)
    vendor_of = {s.stall.upper(): s.vendor for s in event.stalls}
    rows = []
    for r, (labels, number) in enumerate(zip(event.denah or [], row_numbers(event), strict=True)):
        cells = [
            Cell(
                LABEL + c * (CELL + GAP),
                label,
                vendor_of[label.upper()],
                index.vendor(vendor_of[label.upper()]).name,
                f"{up}usaha/{vendor_of[label.upper()]}/",
            )
            for c, label in enumerate(labels)
            if label is not None
        ]
        rows.append(Row(GAP + r * (HEIGHT + GAP), number, cells))
    return rows


def plan_svg(event: Event, rows: list[Row]) -> Markup:
    """The plan (`rows`, from `plan_rows`) as inline SVG (links need it inline: an <img>
    has none); every text escaped by the template."""
    widest = max((len(labels) for labels in event.denah or []), default=0)
    return Markup(
        MARKUP_TEMPLATES.get_template("denah.svg.j2").render(
            rows=rows,
            name=event.name,
            width=LABEL + widest * (CELL + GAP),
            height=GAP + len(rows) * (HEIGHT + GAP),
            cell=CELL,
            row_height=HEIGHT,
            shorten=lambda text: shorten(text, NAME_CHARS),
        )
    )
