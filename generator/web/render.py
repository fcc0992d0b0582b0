"""Render the whole catalogue as Markdown pages: model in, `{path: text}` out. The
files beside them (open data, charts, search words) are `files.data_files`.

Pure: no disk access. Every `{{ value }}` a template prints is escaped for
Markdown unless the generator marked it as trusted `Markup`, so a field a
template forgets to escape is still safe.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from markupsafe import Markup

from generator.content import formats, values
from generator.content.index import FILTERS, Index
from generator.content.model import Product, Vendor
from generator.content.values import degrees, format_phone
from generator.photos.html import Pictures
from generator.photos.publish import Published
from generator.web import jsonld, markdown, opendata, stats
from generator.web.cards import hours_spec, vendor_cards
from generator.web.frontmatter import Meta, front_matter, read_back
from generator.web.pagination import chunks
from generator.web.plan import plan_rows, plan_svg


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
        directions=_directions,
    )
    return env


# Search weights of a page's article (front matter `search: boost:`, Pagefind's weight).
OWN_PAGE = 3  # a vendor's or an event's page: above the lists naming it
TOPIC = 1  # a category's or programme's page: its title already weighs (h1)
# Lists repeat product names in short texts that would outrank the vendor's own page,
# where the product is a heading.
LISTS = 0.5
HELP = 0.2  # volunteers' help pages quote example products: they must not outrank vendors


def _directions(where: tuple[float, float]) -> Markup:
    """Two links, nothing loaded until tapped: `geo:` opens the phone's map app (Android;
    `?q=` drops a pin there), and OpenStreetMap's page for any other phone."""
    lat, lon = (degrees(n) for n in where)
    osm = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
    app = f"geo:{lat},{lon}?q={lat},{lon}"
    return Markup(f"[buka di aplikasi peta]({app}) · [OpenStreetMap]({osm})")


def _url(page: str, target: str) -> Markup:
    """The link from `page` to the page `target` (`../x.md`)."""
    return Markup(markdown.relative(page, target))


def page_link(page: str, label: Any, target: str) -> Markup:
    return Markup(f"[{markdown.md(label)}]({_url(page, target)})")


class SiteRenderer:
    """The pages of one catalogue, one method per kind of page; `render` makes them all.
    Refuses to produce the same path twice."""

    def __init__(
        self,
        index: Index,
        cache: dict[tuple, str] | None = None,
        photos: dict[tuple[str, str], Published] | None = None,
        files: Mapping[str, str] | None = None,
    ) -> None:
        catalogue = index.content.catalogue
        self.index, self.catalogue, self.cache = index, catalogue, cache
        self.photos = photos or {}
        # The open-data page shows the sizes of the files it links to.
        self.files = files if files is not None else opendata.files(index)
        self.env = environment()
        self.pages: dict[str, str] = {}
        self.used: set[tuple] = set()  # the cache keys of this run's pages
        self.place = f"Kelurahan {catalogue.kelurahan}, {catalogue.city}"
        self.category_names = index.category_names
        # What a vendor page is made of besides its vendor: part of its cache key.
        self.settings = catalogue.model_dump_json() if cache is not None else ""
        self.photos_of: dict[str, tuple] = {}
        for (owner, value), published in sorted(self.photos.items()):
            self.photos_of[owner] = (*self.photos_of.get(owner, ()), (value, published))
        # What every template may use besides the page's own values.
        self.shared: dict[str, Any] = {
            "idx": index,
            "cat": catalogue,
            "categories": {c.id: c for c in catalogue.categories},
            "programmes": {p.id: p for p in catalogue.programmes},
            "months": formats.month_names("abbreviated"),
            "month_names": formats.month_names(),
            "payment_names": formats.PAYMENT_NAMES,
            "wa": _wa_links(catalogue.title),
            "harvest": functools.partial(_harvest, index),
            "filters": FILTERS,
        }

    def render(self) -> dict[str, str]:
        self.home()
        self.vendors()
        self.categories()
        self.programmes()
        self.events()
        self.rts()
        self.filters()
        self.help_pages()
        self.open_data()
        self.statistics()
        if self.cache is not None:  # forget pages of earlier edits: a long preview stays small
            for stale in self.cache.keys() - self.used:
                del self.cache[stale]
        return self.pages

    def add(self, path: str, text: str) -> None:
        if path in self.pages:
            raise ValueError(f"two pages would be written to {path}")
        self.pages[path] = text

    def page(
        self, path: str, template: str, meta: Meta, key: tuple | None = None, **context: Any
    ) -> None:
        """`template` rendered as the page `path`. `key`: everything the page is made from,
        for `serve`'s cache: the page is rendered again only when that changed."""
        cached = (path, *key) if key is not None else None
        if self.cache is not None and cached is not None:
            self.used.add(cached)
            if cached in self.cache:
                self.add(path, self.cache[cached])
                return
        front = meta.front()
        body = self.env.get_template(template).render(
            page=path,
            link=functools.partial(page_link, path),
            url=functools.partial(_url, path),
            pictures=functools.partial(Pictures, path, photos=self.photos),
            cards=functools.partial(vendor_cards, path, index=self.index, photos=self.photos),
            **self.shared,
            **context,
        )
        text = front_matter(front) + re.sub(r"\n{3,}", "\n\n", body.strip()) + "\n"
        self.add(path, read_back(path, front, text))
        if self.cache is not None and cached is not None:
            self.cache[cached] = text

    def listing(
        self,
        path: str,
        slugs: list[str],
        template: str,
        meta: Meta,
        base: str | None = None,
        **context: Any,
    ) -> None:
        """A list of vendors, over as many pages as it takes (see `pagination.chunks`)."""
        for part_path, part, pager in chunks(path, slugs, base):
            later = pager.number > 1  # its first page stands for it in search
            suffix = f" ({pager.number}/{pager.count})" if later else ""
            numbered = dataclasses.replace(
                meta, title=meta.title + suffix, in_search=meta.in_search and not later
            )
            self.page(
                part_path, template, numbered, shown=part, total=len(slugs), pager=pager, **context
            )

    def home(self) -> None:
        catalogue = self.catalogue
        self.page("index.md", "home.md.j2", Meta(catalogue.title, catalogue.description or ""))

    def vendors(self) -> None:
        """The list of all vendors ("Semua usaha") and a page per vendor."""
        self.listing(
            "usaha/index.md",
            self.index.vendor_slugs,
            "vendors.md.j2",
            Meta("Semua usaha", f"Semua usaha di {self.place}", LISTS),
            base="usaha/semua",
        )
        for slug in self.index.vendor_slugs:
            self.vendor(slug)

    def vendor(self, slug: str) -> None:
        path, vendor = f"usaha/{slug}.md", self.index.vendor(slug)
        photo = Pictures(path, slug, vendor, self.photos).main()
        image = photo.jpeg_path if photo else ""  # for link previews and schema.org
        data = functools.partial(
            jsonld.vendor, self.catalogue, slug, vendor, self.category_names, image
        )
        self.page(
            path,
            "vendor.md.j2",
            Meta(
                vendor.name,
                vendor.description or "",
                OWN_PAGE,
                jsonld=data,
                image=image,
                filters=self._vendor_filters(slug),
            ),
            key=self._vendor_key(slug),
            slug=slug,
            v=vendor,
            product_ids=[Markup(anchor) for anchor in product_ids(vendor)],  # [a-z0-9-]
        )

    def _vendor_filters(self, slug: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """The search filters a vendor's page belongs to (as its list pages name them)."""
        vendor = self.index.vendor(slug)
        filters = [("kategori", (self.category_names[vendor.category],))]
        if vendor.rt:
            filters.append(("rt", (f"RT {vendor.rt:02d}",)))
        if vendor.rw:
            filters.append(("rw", (f"RW {vendor.rw:02d}",)))
        marks = tuple(f.label for f in FILTERS.values() if f.wanted(vendor))
        if marks:
            filters.append(("tanda", marks))
        return tuple(filters)

    def _vendor_key(self, slug: str) -> tuple | None:
        """All a vendor page shows, for `serve`'s cache (none without one)."""
        if self.cache is None:
            return None
        return (
            self.index.vendor(slug).model_dump_json(),
            self.settings,
            _stands_key(self.index, slug),
            self.photos_of.get(slug, ()),
        )

    def categories(self) -> None:
        self.page(
            "kategori/index.md",
            "categories.md.j2",
            Meta("Kategori", f"Kategori usaha di {self.place}"),
        )
        for category in self.catalogue.categories:
            self.listing(
                f"kategori/{category.id}.md",
                self.index.by_category.get(category.id, []),
                "category.md.j2",
                Meta(
                    category.name,
                    category.description or "",
                    TOPIC,
                    filters=(("kategori", (category.name,)),),
                ),
                c=category,
            )

    def programmes(self) -> None:
        self.page(
            "program/index.md", "programmes.md.j2", Meta("Program", f"Program warga {self.place}")
        )
        for programme in self.catalogue.programmes:
            self.listing(
                f"program/{programme.id}.md",
                self.index.by_programme.get(programme.id, []),
                "programme.md.j2",
                Meta(programme.name, programme.description or "", TOPIC),
                p=programme,
            )

    def events(self) -> None:
        self.page(
            "acara/index.md", "events.md.j2", Meta("Acara & bazar", f"Bazar UMKM di {self.place}")
        )
        for slug, event in self.index.content.events.items():
            data = functools.partial(jsonld.event, self.catalogue, slug, event)
            rows = plan_rows(self.index, slug, "../../")
            self.page(
                f"acara/{slug}.md",
                "event.md.j2",
                Meta(event.name, event.description or "", OWN_PAGE, jsonld=data),
                slug=slug,
                e=event,
                plan=plan_svg(event, rows) if event.denah else None,
                plan_rows=rows,
            )

    def rts(self) -> None:
        self.page("rt/index.md", "rts.md.j2", Meta("Usaha per RT", f"Usaha per RT di {self.place}"))
        for number, slugs in self.index.by_rt.items():
            self.listing(
                f"rt/{number}.md",
                slugs,
                "rt.md.j2",
                Meta(
                    f"RT {number:02d}",
                    f"Usaha di RT {number:02d}",
                    LISTS,
                    filters=(("rt", (f"RT {number:02d}",)),),
                ),
                number=number,
            )

    def filters(self) -> None:
        for name, f in FILTERS.items():
            self.listing(
                f"saring/{name}.md",
                self.index.by_filter[name],
                "filter.md.j2",
                Meta(
                    f.title,
                    f.description.format(place=self.place),
                    LISTS,
                    filters=(("tanda", (f.label,)),),
                ),
                heading=f.title,
            )

    def help_pages(self) -> None:
        """For volunteers who add their business, and for whoever prints or reads offline."""
        self.page(
            "bergabung.md",
            "join.md.j2",
            Meta("Cara bergabung", "Cara mendaftarkan usaha ke katalog", HELP),
        )
        self.page(
            "format-data.md",
            "format.md.j2",
            Meta("Format data", "Rujukan isian berkas YAML katalog", HELP),
        )
        # Shown by sw.js for a page the phone never opened, when there is no signal.
        self.page("luring.md", "offline.md.j2", Meta("Tanpa sinyal", searchable=False))
        # The search form's page without JavaScript (or a shared `cari/?q=` link).
        self.page("cari.md", "search.md.j2", Meta("Pencarian", searchable=False))
        self.page(
            "cetak.md",
            "print.md.j2",
            Meta("Katalog cetak", "Katalog PDF siap cetak dan cara mencetaknya"),
        )

    def _product_count(self, slugs: list[str]) -> int:
        return sum(len(self.index.vendor(s).products) for s in slugs)

    def open_data(self) -> None:
        """The page of the open data for the city office (the files: `files.data_files`)."""
        index = self.index
        self.page(
            "data-terbuka.md",
            "opendata.md.j2",
            Meta(
                "Data terbuka",
                f"Data usaha dan bazar {self.place} untuk diunduh: CSV, JSON, iCalendar",
            ),
            sizes={path: _size(body) for path, body in self.files.items()},
            total=len(index.vendor_slugs),
            products=self._product_count(index.vendor_slugs),
            licence=opendata.LICENCE,
            calendar_url=opendata.page_url(index, "acara.ics"),
            licence_url=opendata.LICENCE_URL,
            vendor_columns=list(opendata.VENDOR_COLUMNS.items()),
            product_columns=list(opendata.PRODUCT_COLUMNS.items()),
        )

    def statistics(self) -> None:
        """The numbers for the city office (the charts' pictures: `files.data_files`)."""
        index = self.index
        charts = stats.charts(index)  # a few sums: cheaper to count again than to pass
        about = "Jumlah usaha per kategori dan RT, izin usaha, dan Kampung Bungas"
        self.page(
            "statistik.md",
            "stats.md.j2",
            Meta("Statistik", f"{about} di {self.place}"),
            charts=charts,
            total=len(index.vendor_slugs),
            products=self._product_count(index.vendor_slugs),
            programme_products={
                p.id: self._product_count(index.by_programme.get(p.id, []))
                for p in self.catalogue.programmes
            },
        )


def render_site(
    index: Index,
    cache: dict[tuple, str] | None = None,
    photos: dict[tuple[str, str], Published] | None = None,
    *,
    files: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """All pages. With a `cache` (kept by `serve` between edits), a vendor page whose
    inputs did not change is not rendered again. `photos`: (vendor slug, `photo` value as
    written) -> its published web versions. `files`: what `files.data_files` made, when
    the caller has it; the open-data page shows those files' sizes (without it, the open
    data is made again here)."""
    return SiteRenderer(index, cache, photos, files).render()


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
    spec = hours_spec(hours)
    return Markup(f' <span class="buka" data-jam="{spec}"></span>' if spec else "")


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
