"""Render the whole catalogue as Markdown pages: model in, `{path: text}` out.

Pure: no disk access. Every `{{ value }}` a template prints is escaped for
Markdown unless the generator marked it as trusted `Markup`, so a field a
template forgets to escape is still safe.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import jinja2
import yaml
from markupsafe import Markup
from mkdocs.utils.meta import get_data

from generator.content import formats, values
from generator.content.index import FILTERS, Index
from generator.content.model import Product, Vendor
from generator.content.values import format_phone, parse_open_hours
from generator.messages import t
from generator.photos.html import Pictures
from generator.photos.publish import Published
from generator.problems import BuildFailed
from generator.web import jsonld, markdown, opendata, search_words, stats


def _finalize(value: Any) -> Any:
    """Applied to every `{{ … }}`: escape unless the generator marked it trusted."""
    if value is None:
        return ""
    if isinstance(value, Markup):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return markdown.md(value)


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.web", "templates"),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=False,  # Markdown, not HTML: `_finalize` does the escaping
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        rupiah=formats.rupiah,
        tanggal=formats.tanggal,
        paragraphs=markdown.paragraphs,
        whatsapp=lambda n: Markup(f"[{format_phone(n)}](https://wa.me/{n})"),  # a chat link
        md=markdown.md,
        open_now=_open_now,
        nomor=lambda n: Markup(f"{n:02d}"),  # RT 03, as RT numbers are written locally
    )
    return env


PER_PAGE = 50  # vendors per list page: a cheap phone scrolls, and previews stay quick


@dataclass(frozen=True)
class Pager:
    """Where one list page stands among the pages of the same list."""

    number: int
    paths: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.paths)

    def window(self) -> list[int | None]:
        """Page numbers to link: the first, the last and a few around this one (None: …)."""
        near = [
            n for n in range(1, self.count + 1) if n in (1, self.count) or abs(n - self.number) <= 2
        ]
        out: list[int | None] = []
        for n in near:
            if out and out[-1] is not None and n - out[-1] > 1:
                out.append(None)
            out.append(n)
        return out


def _chunks(
    path: str, slugs: list[str], base: str | None = None
) -> list[tuple[str, list[str], Pager]]:
    """A long list split over pages: page 1 keeps `path` (printed QR codes point there);
    page n is `<base>/<n>.md`."""
    parts = [slugs[i : i + PER_PAGE] for i in range(0, len(slugs), PER_PAGE)] or [[]]
    base = base or path.removesuffix(".md")
    paths = tuple(path if n == 1 else f"{base}/{n}.md" for n in range(1, len(parts) + 1))
    return [(paths[n], part, Pager(n + 1, paths)) for n, part in enumerate(parts)]


# libyaml's emitter: twenty times quicker than PyYAML's own on a page's JSON-LD. It writes
# characters outside the Basic Multilingual Plane as `\U0001F336` escapes, which any YAML
# reader reads.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_NO_FOLDING = 1 << 30  # one line per value: no long line folded


def front_matter(data: dict[str, Any]) -> str:
    """The YAML block above a page, written by a YAML emitter (never by hand): any text,
    emoji included, is quoted and escaped the way a YAML reader expects."""
    dumped = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=_NO_FOLDING)
    return "---\n" + dumped + "---\n\n"


def read_back(path: str, front: dict[str, Any], page: str) -> str:
    """`page`, once MkDocs is known to read its front matter as `front`. MkDocs treats
    front matter it cannot read as Markdown, silently: the page would lose its title and
    show the raw data, and Markdown in it would become HTML. Raises `BuildFailed`."""
    body, data = get_data(page)
    if data != front or not page.endswith(body):
        raise BuildFailed(t("build.front_matter", path=path))
    return page


class Pages:
    """Collects rendered pages; refuses to produce the same path twice."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}

    def add(self, path: str, body: str) -> None:
        if path in self.files:
            raise ValueError(f"two pages would be written to {path}")
        self.files[path] = body


def render_site(
    index: Index,
    cache: dict[tuple, str] | None = None,
    photos: dict[tuple[str, str], Published] | None = None,
) -> dict[str, str]:
    """All pages. With a `cache` (kept by `serve` between edits), a vendor page whose
    inputs did not change is not rendered again. `photos`: (vendor slug, `photo` value as
    written) -> its published web versions."""
    env = environment()
    photos = photos or {}
    photos_of: dict[str, tuple] = {}  # by vendor: part of a vendor page's cache key
    for (owner, value), published in sorted(photos.items()):
        photos_of[owner] = (*photos_of.get(owner, ()), (value, published))
    pages = Pages()
    content = index.content
    catalogue = content.catalogue
    categories = {c.id: c for c in catalogue.categories}
    programmes = {p.id: p for p in catalogue.programmes}
    months = formats.month_names("abbreviated")
    month_names = formats.month_names()
    wa = _wa_links(catalogue.title)
    category_names = {c.id: c.name for c in catalogue.categories}
    settings = catalogue.model_dump_json() if cache is not None else ""
    used: set[tuple] = set()

    def page(
        path: str,
        template: str,
        title: str,
        description: str = "",
        boost: float = 0,
        key: tuple | None = None,
        searchable: bool = True,
        jsonld: Callable[[], str] | None = None,
        image: str = "",
        **context: Any,
    ) -> None:
        if cache is not None and key is not None:
            used.add((path, *key))
            if (path, *key) in cache:
                pages.add(path, cache[(path, *key)])
                return

        def link(label: Any, target: str) -> Markup:
            return Markup(f"[{markdown.md(label)}]({url(target)})")

        def url(target: str) -> Markup:
            return Markup(markdown.relative(path, target))

        def pictures(slug: str, vendor: Vendor) -> Pictures:
            return Pictures(path, slug, vendor, photos)

        front: dict[str, Any] = {"title": markdown.plain_title(title)}
        if description:
            front["description"] = markdown.plain_title(description)[:160]
        if boost:  # Material's per-page search weight: vendors rank above lists naming them
            front["search"] = {"boost": boost}
        if not searchable:
            front["search"] = {"exclude": True}
            front["robots"] = "noindex"  # printed by generator/output/overrides/main.html
        if jsonld:  # schema.org data, printed into <head> by output/overrides/main.html
            front["jsonld"] = jsonld()  # only now: `serve` skips it for unchanged pages
        if image:  # the link preview's picture (og:image, see overrides/main.html)
            front["image"] = image
        header = front_matter(front)
        body = env.get_template(template).render(
            page=path,
            link=link,
            url=url,
            idx=index,
            cat=catalogue,
            categories=categories,
            programmes=programmes,
            months=months,
            month_names=month_names,
            payment_names=formats.PAYMENT_NAMES,
            wa=wa,
            harvest=lambda slugs: _harvest(index, slugs),
            pictures=pictures,
            filters=FILTERS,
            **context,
        )
        pages.add(
            path, read_back(path, front, header + re.sub(r"\n{3,}", "\n\n", body.strip()) + "\n")
        )
        if cache is not None and key is not None:
            cache[(path, *key)] = pages.files[path]

    place = f"Kelurahan {catalogue.kelurahan}, {catalogue.city}"
    page("index.md", "home.md.j2", catalogue.title, catalogue.description or "")
    # Lists repeat product names in short texts that would outrank the vendor's own page,
    # where the product is a heading.
    lists = 0.5

    def listing(
        path: str,
        slugs: list[str],
        template: str,
        title: str,
        description: str,
        base: str | None = None,
        boost: float = lists,
        **context: Any,
    ) -> None:
        for part_path, part, pager in _chunks(path, slugs, base):
            suffix = f" ({pager.number}/{pager.count})" if pager.number > 1 else ""
            page(
                part_path,
                template,
                title + suffix,
                description,
                boost,
                shown=part,
                total=len(slugs),
                pager=pager,
                **context,
            )

    listing(
        "usaha/index.md",
        index.vendor_slugs,
        "vendors.md.j2",
        "Semua usaha",
        f"Semua usaha di {place}",
        base="usaha/semua",
    )
    for slug in index.vendor_slugs:
        vendor = content.vendors[slug]
        photo = Pictures(f"usaha/{slug}.md", slug, vendor, photos).main()
        image = photo.jpeg_path if photo else ""  # for link previews and schema.org
        page(
            f"usaha/{slug}.md",
            "vendor.md.j2",
            vendor.name,
            vendor.description or "",
            boost=3,
            key=(
                vendor.model_dump_json(),
                settings,
                _stands_key(index, slug),
                photos_of.get(slug, ()),
            )
            if cache is not None
            else None,
            jsonld=functools.partial(jsonld.vendor, catalogue, slug, vendor, category_names, image),
            image=image,
            slug=slug,
            v=vendor,
            product_ids=[Markup(anchor) for anchor in product_ids(vendor)],  # [a-z0-9-]
        )
    page("kategori/index.md", "categories.md.j2", "Kategori", f"Kategori usaha di {place}")
    for category in catalogue.categories:
        listing(
            f"kategori/{category.id}.md",
            index.by_category.get(category.id, []),
            "category.md.j2",
            category.name,
            category.description or "",
            boost=2,  # "bunga" finds the flowers' page first
            c=category,
        )
    page("program/index.md", "programmes.md.j2", "Program", f"Program warga {place}")
    for programme in catalogue.programmes:
        listing(
            f"program/{programme.id}.md",
            index.by_programme.get(programme.id, []),
            "programme.md.j2",
            programme.name,
            programme.description or "",
            boost=2,
            p=programme,
        )
    page("acara/index.md", "events.md.j2", "Acara & bazar", f"Bazar UMKM di {place}")
    for slug in content.events:
        event = content.events[slug]
        page(
            f"acara/{slug}.md",
            "event.md.j2",
            event.name,
            event.description or "",
            boost=3,
            jsonld=functools.partial(jsonld.event, catalogue, slug, event),
            slug=slug,
            e=event,
        )
    page("rt/index.md", "rts.md.j2", "Usaha per RT", f"Usaha per RT di {place}")
    for number, slugs in index.by_rt.items():
        listing(
            f"rt/{number}.md",
            slugs,
            "rt.md.j2",
            f"RT {number:02d}",
            f"Usaha di RT {number:02d}",
            number=number,
        )
    for name, f in FILTERS.items():
        listing(
            f"saring/{name}.md",
            index.by_feature[name],
            "filter.md.j2",
            f.title,
            f.description.format(place=place),
            heading=f.title,
        )
    # Volunteers' help pages quote example products: they must not outrank real vendors.
    help_pages = 0.2
    page(
        "bergabung.md",
        "join.md.j2",
        "Cara bergabung",
        "Cara mendaftarkan usaha ke katalog",
        boost=help_pages,
    )
    page(
        "format-data.md",
        "format.md.j2",
        "Format data",
        "Rujukan isian berkas YAML katalog",
        boost=help_pages,
    )
    # Shown by sw.js for a page the phone never opened, when there is no signal.
    page("luring.md", "offline.md.j2", "Tanpa sinyal", searchable=False)
    # Open data and statistics for the city office: files beside the pages.
    data = opendata.files(index)
    for path, body in data.items():
        pages.add(path, body)
    product_count = sum(len(content.vendors[s].products) for s in index.vendor_slugs)
    page(
        "data-terbuka.md",
        "opendata.md.j2",
        "Data terbuka",
        f"Data usaha dan bazar {place} untuk diunduh: CSV, JSON, iCalendar",
        sizes={path: _size(body) for path, body in data.items()},
        total=len(index.vendor_slugs),
        products=product_count,
        licence=opendata.LICENCE,
        calendar_url=opendata.page_url(index, "acara.ics"),
        licence_url=opendata.LICENCE_URL,
        vendor_columns=list(opendata.VENDOR_COLUMNS.items()),
        product_columns=list(opendata.PRODUCT_COLUMNS.items()),
    )
    charts = stats.charts(index)
    for chart in charts:
        pages.add(f"statistik/{chart.name}.svg", stats.svg(chart))
    page(
        "statistik.md",
        "stats.md.j2",
        "Statistik",
        f"Jumlah usaha per kategori dan RT, izin usaha, dan Kampung Bungas di {place}",
        charts=charts,
        total=len(index.vendor_slugs),
        products=product_count,
        programme_products={
            p: sum(len(content.vendors[s].products) for s in index.by_programme.get(p, []))
            for p in programmes
        },
    )
    page("cetak.md", "print.md.j2", "Katalog cetak", "Katalog PDF siap cetak dan cara mencetaknya")
    if cache is not None:  # forget pages of earlier edits: a long preview stays small
        for stale in cache.keys() - used:
            del cache[stale]
    pages.add("search/kata.json", search_words.word_map_json(index))  # read by cari.js
    return pages.files


# The vendor page's own section ids, which a product must not take.
_SECTIONS = {"produk", "izin-sertifikat", "cara-membeli", "ikut-bazar"}


def product_ids(vendor: Vendor) -> list[str]:
    """An anchor per product (`#kastengel-keju`): search and lists land on the product.
    Two products of the same name get `-2`, `-3`."""
    return values.numbered([values.slugify(p.name) or "produk" for p in vendor.products], _SECTIONS)


def _size(body: str) -> Markup:
    """File size as people read it: `12,3 KB`."""
    size = len(body.encode("utf-8"))
    return Markup(f"{size / 1024:.1f} KB".replace(".", ",") if size >= 1024 else f"{size} B")


def _open_now(hours: str) -> Markup:
    """A place for "Buka sekarang" / "Tutup", filled in by the reader's clock (katalog.js),
    when the opening hours are in the documented form; nothing otherwise."""
    ranges = parse_open_hours(hours)
    if not ranges:
        return Markup("")
    spec = ";".join(f"{','.join(map(str, days))} {start}-{end}" for days, start, end in ranges)
    return Markup(f' <span class="buka" data-jam="{spec}"></span>')


def _stands_key(index: Index, slug: str) -> tuple:
    """What a vendor page shows of the bazaars it takes part in."""
    return tuple(
        (s.event_slug, s.event.name, s.event.date, s.stall) for s in index.stands.get(slug, [])
    )


def _harvest(index: Index, slugs: list[str]) -> list[tuple[str, Product]]:
    """Products with a season, for the harvest calendar, by product name."""
    rows = [(slug, p) for slug in slugs for p in index.vendor(slug).products if p.season]
    return sorted(rows, key=lambda row: (row[1].name.casefold(), row[0]))


def _wa_links(catalogue_title: str) -> Callable[..., str]:
    def wa(vendor: Vendor, product: Product | None = None) -> Markup:
        """wa.me link; its text names the vendor (and product) so the seller knows why."""
        assert vendor.whatsapp
        if product is None:
            message = (
                f"Halo {vendor.name}, saya melihat usaha Anda di {catalogue_title} "
                "dan ingin bertanya."
            )
        else:
            unit = f" per {product.unit}" if product.unit else ""
            message = (
                f"Halo {vendor.name}, saya mau pesan {product.name} "
                f"({formats.rupiah(product.price)}{unit}) yang ada di {catalogue_title}."
            )
        return Markup(formats.whatsapp_url(vendor.whatsapp, message))

    return wa
