"""The city's own pages: what shows every kelurahan together (content/city.py).

Each kelurahan's pages are its catalogue's, built as on its own under `/<id>/`; these
are the pages above them, which link down into those folders.
"""

from __future__ import annotations

import functools
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.content.city import CityContent
from generator.content.index import Index
from generator.content.model import Vendor
from generator.web import opendata
from generator.web.frontmatter import Meta, front_matter, read_back
from generator.web.render import HELP, LISTS, environment, page_link


@dataclass(frozen=True)
class Part:
    """One kelurahan as the city's pages show it."""

    id: str
    name: str
    kecamatan: str
    vendors: int
    events: int


def render_city(city: CityContent, indexes: dict[str, Index]) -> dict[str, str]:
    """The city's pages and files: docs path -> text. `indexes`: each kelurahan's, by id,
    made from its content with the city's address (see `pipeline.build_city`).
    In the city's search every city page is a list, weighed as a kelurahan weighs its
    lists: a city category names the products of every kelurahan, and would otherwise
    outrank the one vendor's page that sells them."""
    parts = [
        Part(
            part.id,
            part.content.catalogue.kelurahan,
            part.content.catalogue.kecamatan,
            len(part.content.vendors),
            len(part.content.events),
        )
        for part in city.kelurahan
    ]
    names = {part.id: part.name for part in parts}
    today = next(iter(indexes.values())).today
    every = sorted(
        (indexes[part.id].event(slug).date, part.id, slug)
        for part in city.kelurahan
        for slug in indexes[part.id].content.events
    )
    events = [
        (indexes[part_id].event(slug), names[part_id], _down(part_id, f"acara/{slug}/"))
        for _, part_id, slug in every
    ]
    upcoming = [e for e in events if e[0].date >= today]
    place = f"Kota {city.city.city}"
    home = Meta(city.city.title, city.city.description or "", LISTS)
    events_meta = Meta("Acara & bazar", f"Bazar UMKM di {place}", LISTS)
    pages = {
        "index.md": _page("index.md", "city/home.md.j2", home, city=city.city, parts=parts,
                          bazaars=upcoming),
        "acara/index.md": _page(
            "acara/index.md", "city/events.md.j2", events_meta,
            up=Markup("../"), upcoming=upcoming,
            past=[e for e in events if e[0].date < today][::-1],
        ),
        "acara.ics": opendata.calendar_of(
            city.city.title,
            [(indexes[part_id], slug, f"{part_id}-{slug}") for _, part_id, slug in every],
        ),
    }  # fmt: skip
    categories = city_categories(city)
    pages |= _category_pages(city, indexes, names, categories)
    pages["statistik.md"] = _page(
        "statistik.md", "city/stats.md.j2", Meta("Statistik", f"Angka UMKM {place}", HELP),
        today=today, tables=city_tables(city, categories), total_kelurahan=len(city.kelurahan),
    )  # fmt: skip
    # The search form's page without JavaScript (or a shared `cari/?q=` link), and the
    # page the service worker shows for a page never opened, as in each kelurahan.
    pages["cari.md"] = _page(
        "cari.md", "city/search.md.j2", Meta("Pencarian", searchable=False), parts=parts
    )
    pages["luring.md"] = _page("luring.md", "offline.md.j2", Meta("Tanpa sinyal", searchable=False))
    pages["data-terbuka.md"] = _page(
        "data-terbuka.md", "city/opendata.md.j2", Meta("Data terbuka", f"Data UMKM {place}", HELP),
        city=city.city, parts=parts, total=sum(p.vendors for p in parts),
        vendor_columns=list(CITY_VENDOR_COLUMNS.items()),
    )  # fmt: skip
    return pages | city_data(city, indexes)


def _category_pages(
    city: CityContent,
    indexes: dict[str, Index],
    names: dict[str, str],
    categories: dict[str, tuple[str, str]],
) -> dict[str, str]:
    """`/kategori/` and a page per category: the vendors of every kelurahan."""
    listed: dict[str, list[tuple[str, str, str, int]]] = {c: [] for c in categories}
    for part in city.kelurahan:
        index = indexes[part.id]
        for slug in index.vendor_slugs:
            vendor = index.vendor(slug)
            address = _down(part.id, f"usaha/{slug}/")
            listed[vendor.category].append(
                (vendor.name, names[part.id], address, len(vendor.products))
            )
    pages = {}
    for cid, (name, description) in categories.items():
        rows = sorted(listed[cid], key=lambda row: (row[0].casefold(), row[1]))
        meta = Meta(name, f"{name} di Kota {city.city.city}", LISTS)
        pages[f"kategori/{cid}.md"] = _page(
            f"kategori/{cid}.md", "city/category.md.j2", meta, name=name,
            description=description, rows=rows, up=Markup("../../"),
        )  # fmt: skip
    counts = {cid: len(listed[cid]) for cid in categories}
    meta = Meta("Kategori", f"Kategori usaha di Kota {city.city.city}", LISTS)
    pages["kategori/index.md"] = _page(
        "kategori/index.md", "city/categories.md.j2", meta, categories=categories, counts=counts
    )
    return pages


@dataclass(frozen=True)
class Row:
    """A line of the city's statistics: what the Dinas Koperasi, UMKM dan Perindustrian
    asks of a group of vendors."""

    label: str
    kelurahan: int
    vendors: int
    nib: int
    pirt: int
    halal: int
    products: int


def city_tables(
    city: CityContent, categories: dict[str, tuple[str, str]]
) -> list[tuple[str, str, list[Row]]]:
    """(title, the first column's heading, rows): per kecamatan, kelurahan, category."""
    groups: dict[str, dict[str, list[tuple[str, Vendor]]]] = {"kec": {}, "kel": {}, "cat": {}}
    for part in city.kelurahan:
        catalogue = part.content.catalogue
        for vendor in part.content.vendors.values():
            keys = {
                "kec": catalogue.kecamatan,
                "kel": catalogue.kelurahan,
                "cat": categories[vendor.category][0],
            }
            for kind, key in keys.items():
                groups[kind].setdefault(key, []).append((part.id, vendor))

    def rows(kind: str) -> list[Row]:
        return [
            Row(
                label,
                len({part_id for part_id, _ in members}),
                len(members),
                sum(1 for _, v in members if v.nib),
                sum(1 for _, v in members if v.pirt),
                sum(1 for _, v in members if v.halal),
                sum(len(v.products) for _, v in members),
            )
            for label, members in sorted(groups[kind].items(), key=lambda g: g[0].casefold())
        ]

    return [
        ("Per kecamatan", "Kecamatan", rows("kec")),
        ("Per kelurahan", "Kelurahan", rows("kel")),
        ("Per kategori", "Kategori", rows("cat")),
    ]


def city_categories(city: CityContent) -> dict[str, tuple[str, str]]:
    """Every category id of the city, in the order the kelurahan list them: `{id: (name,
    description)}`. Two kelurahan may name the same id differently (Mekar Sari's "Jasa &
    Layanan"): the city shows the name most of them use, the first listed on a tie."""
    named: dict[str, Counter[tuple[str, str]]] = {}
    for part in city.kelurahan:
        for c in part.content.catalogue.categories:
            named.setdefault(c.id, Counter())[(c.name, c.description or "")] += 1
    return {cid: names.most_common(1)[0][0] for cid, names in named.items()}


# The city's columns: each kelurahan's, its id in front of every `id_usaha`.
CITY_VENDOR_COLUMNS = opendata.VENDOR_COLUMNS | {
    "id_usaha": "kode tetap usaha: id kelurahan/nama berkas, sama dengan alamat halamannya"
}
CITY_PRODUCT_COLUMNS = opendata.PRODUCT_COLUMNS | {
    "id_usaha": "kode usaha penjual, sama dengan id_usaha di usaha.csv"
}


def city_data(city: CityContent, indexes: dict[str, Index]) -> dict[str, str]:
    """The open data of the whole city: every kelurahan's rows, `id_usaha` made unique
    across the city (`<kelurahan id>/<slug>`), the page addresses from the city's root."""
    vendors, products = [], []
    for part in city.kelurahan:
        index = indexes[part.id]
        own_vendors, own_products = opendata.rows(index)
        for row in own_vendors:
            page = row["halaman"]
            halaman = page if "://" in page else f"{part.id}/{page}"
            vendors.append(row | {"id_usaha": f"{part.id}/{row['id_usaha']}", "halaman": halaman})
        products += [row | {"id_usaha": f"{part.id}/{row['id_usaha']}"} for row in own_products]
    today = next(iter(indexes.values())).today
    whole = {
        "judul": city.city.title,
        "kota": city.city.city,
        "lisensi": opendata.LICENCE,
        "lisensi_url": opendata.LICENCE_URL,
        "tanggal_data": today.isoformat(),
        "mata_uang": "IDR",
        "jumlah_kelurahan": len(city.kelurahan),
        "jumlah_usaha": len(vendors),
        "usaha": opendata.with_products(vendors, products),
    }
    return {
        "data/usaha.json": json.dumps(whole, ensure_ascii=False, indent=1) + "\n",
        "data/usaha.csv": opendata.to_csv(CITY_VENDOR_COLUMNS, vendors),
        "data/produk.csv": opendata.to_csv(CITY_PRODUCT_COLUMNS, products),
    }


def _down(part_id: str, path: str = "") -> Markup:
    """The address of a kelurahan's page from the city's home: `<id>/<path>`."""
    return Markup(f"{part_id}/{path}")


def _page(path: str, template: str, meta: Meta, **context: Any) -> str:
    front = meta.front()
    link = functools.partial(page_link, path)
    body = environment().get_template(template).render(page=path, down=_down, link=link, **context)
    text = front_matter(front) + body.strip() + "\n"
    return read_back(path, front, text)
