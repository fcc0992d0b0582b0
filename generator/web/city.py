"""The city's own pages: what shows every kelurahan together (content/city.py).

Each kelurahan's pages are its catalogue's, built as on its own under `/<id>/`; these
are the pages above them, which link down into those folders.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from generator.content.city import CityContent
from generator.content.index import Index
from generator.web.frontmatter import Meta, front_matter, read_back
from generator.web.render import environment


@dataclass(frozen=True)
class Part:
    """One kelurahan as the city's pages show it."""

    id: str
    name: str
    kecamatan: str
    vendors: int
    events: int


def render_city(city: CityContent, indexes: dict[str, Index]) -> dict[str, str]:
    """The city's pages: docs path -> Markdown. `indexes`: each kelurahan's, by id."""
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
    upcoming = sorted(
        (index.event(slug).date, part.id, slug)
        for part in city.kelurahan
        for index in [indexes[part.id]]
        for slug in index.upcoming
    )
    names = {part.id: part.name for part in parts}
    bazaars = [
        (indexes[part_id].event(slug), names[part_id], _down(part_id, f"acara/{slug}/"))
        for _, part_id, slug in upcoming
    ]
    meta = Meta(city.city.title, city.city.description or "", searchable=True)
    home = _page("index.md", "city/home.md.j2", meta, city=city.city, parts=parts, bazaars=bazaars)
    return {"index.md": home}


def _down(part_id: str, path: str = "") -> Markup:
    """The address of a kelurahan's page from the city's home: `<id>/<path>`."""
    return Markup(f"{part_id}/{path}")


def _page(path: str, template: str, meta: Meta, **context: Any) -> str:
    front = meta.front()
    body = environment().get_template(template).render(page=path, down=_down, **context)
    text = front_matter(front) + body.strip() + "\n"
    return read_back(path, front, text)
