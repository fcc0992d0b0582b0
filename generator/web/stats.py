"""Numbers for the "Statistik" page and its bar charts, drawn as SVG at build time.

Pure: index in, rows and SVG text out. The SVG template escapes every text (Jinja2
autoescape), so a hostile category name stays text in the picture.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import jinja2

from generator.content.index import Index


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    shown: str  # the number as printed at the bar's end, e.g. "5 (17%)"


@dataclass(frozen=True)
class Chart:
    name: str  # file name without .svg
    title: str
    column: str  # heading of the labels' column in the table
    bars: list[Bar]
    scale: int = 0  # the value a full-width bar stands for; 0: the largest value

    @property
    def full(self) -> int:
        return self.scale or max((b.value for b in self.bars), default=0)

    @property
    def description(self) -> str:
        return "; ".join(f"{b.label}: {b.shown}" for b in self.bars)


def percent(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)}%" if whole else "0%"


def charts(index: Index) -> list[Chart]:
    content = index.content
    catalogue = content.catalogue
    total = len(index.vendor_slugs)
    vendors = [index.vendor(s) for s in index.vendor_slugs]
    out = [
        Chart(
            "kategori",
            "Jumlah usaha per kategori",
            "Kategori",
            [
                Bar(c.name, n, str(n))
                for c in catalogue.categories
                for n in [len(index.by_category.get(c.id, []))]
            ],
        ),
    ]
    rt_bars = [Bar(f"RT {rt:02d}", len(s), str(len(s))) for rt, s in index.by_rt.items()]
    no_rt = sum(1 for v in vendors if v.rt is None)
    if no_rt:
        rt_bars.append(Bar("RT belum diisi", no_rt, str(no_rt)))
    out.append(Chart("rt", "Jumlah usaha per RT", "RT", rt_bars))
    permits = [
        ("P-IRT", sum(1 for v in vendors if v.pirt)),
        ("Sertifikat halal", sum(1 for v in vendors if v.halal)),
        ("NIB", sum(1 for v in vendors if v.nib)),
        ("P-IRT, halal, dan NIB", sum(1 for v in vendors if v.pirt and v.halal and v.nib)),
    ]
    out.append(
        Chart(
            "izin",
            "Usaha yang punya izin dan sertifikat",
            "Izin atau sertifikat",
            [Bar(name, n, f"{n} dari {total} ({percent(n, total)})") for name, n in permits],
            scale=total,  # a full bar is every vendor: the bars show shares
        )
    )
    for p in catalogue.programmes:
        slugs = index.by_programme.get(p.id, [])
        per_category: dict[str, int] = {}
        for slug in slugs:
            v = index.vendor(slug)
            for product in v.products:
                cid = product.category or v.category
                per_category[cid] = per_category.get(cid, 0) + 1
        bars = [Bar(index.category_names[c], n, str(n)) for c, n in per_category.items()]
        bars.sort(key=lambda b: (-b.value, b.label.casefold()))
        out.append(
            Chart(
                f"program-{p.id}",
                f"Produk peserta {p.name} per kategori",
                "Kategori",
                bars,
            )
        )
    return out


# Raw HTML and SVG that pages carry inline; Python-Markdown passes such blocks as they are.
MARKUP_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("generator.web", "templates"),
    autoescape=True,  # inline SVG and HTML (charts, the stall plan, list cards): text is escaped
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

WIDTH, LABEL_WIDTH, VALUE_WIDTH, ROW = 640, 210, 120, 32
LABEL_CHARS = 30  # longer names are cut in the picture; the table shows them whole


def shorten(text: str, limit: int) -> str:
    """`text` cut to `limit` characters with "…", never inside what a reader sees as one
    character: a flag (🇮🇩), a skin tone (👍🏽), a ZWJ family (👩‍👩‍👧), a letter and its accent."""
    if len(text) <= limit:
        return text
    end = limit - 1
    while end > 0 and (_attached(text[end]) or text[end - 1] == "\u200d" or _half_flag(text, end)):
        end -= 1
    return text[:end].rstrip() + "…"


def _attached(char: str) -> bool:
    """Whether `char` belongs to the character before it."""
    code = ord(char)
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")  # combining marks
        or char in "\u200d\ufe0e\ufe0f"  # zero-width joiner, variation selectors
        or 0x1F3FB <= code <= 0x1F3FF  # skin tones
        or 0xE0020 <= code <= 0xE007F  # tags (the flags of England, Scotland, Wales)
    )


def _half_flag(text: str, end: int) -> bool:
    """Whether `end` falls between the two regional indicators of a flag."""

    def regional(i: int) -> bool:
        return 0x1F1E6 <= ord(text[i]) <= 0x1F1FF

    before = 0
    while before < end and regional(end - 1 - before):
        before += 1
    return before % 2 == 1 and regional(end)


def svg(chart: Chart) -> str:
    bar_area = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    rows = [
        {
            "y": 8 + i * ROW,
            "label": shorten(b.label, LABEL_CHARS),
            "width": round(bar_area * b.value / chart.full, 1) if chart.full else 0,
            "shown": b.shown,
        }
        for i, b in enumerate(chart.bars)
    ]
    return MARKUP_TEMPLATES.get_template("chart.svg.j2").render(
        chart=chart,
        rows=rows,
        width=WIDTH,
        height=16 + max(len(rows), 1) * ROW,
        label_width=LABEL_WIDTH,
        row=ROW,
    )
