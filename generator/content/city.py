"""A city: the catalogues of many kelurahan under one `kota.yml` (docs/city.md).

Each kelurahan keeps an ordinary catalogue folder, loaded exactly as on its own; this
module reads `kota.yml`, finds the folders, and gathers every problem of every folder,
each named by its file in that folder, so one `check` reports them all at once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.content.load import Content, parse_file
from generator.content.model import City
from generator.content.source import Document
from generator.messages import t
from generator.problems import ContentInvalid, Problem

CITY_FILE = "kota.yml"
CATALOGUE_FILE = "catalogue.yml"


@dataclass(frozen=True)
class Kelurahan:
    id: str
    folder: Path
    content: Content


@dataclass(frozen=True)
class CityContent:
    city: City
    kelurahan: list[Kelurahan]
    left_out: dict[str, list[Problem]] = field(default_factory=dict)
    """With `skip_broken`: each kelurahan left out, by id, with its problems."""


def is_city(folder: Path) -> bool:
    """A folder with `kota.yml` is a city; one with `catalogue.yml`, a single catalogue."""
    return (folder / CITY_FILE).is_file()


def load_city(
    city_dir: Path, load: Callable[[Path], Content], skip_broken: bool = False
) -> CityContent:
    """`kota.yml` and every kelurahan's folder, each loaded by `load` (the loader `check`
    uses for one catalogue). Raises `ContentInvalid` with every problem of every folder;
    with `skip_broken`, only for `kota.yml`'s own or when every kelurahan is broken, the
    others being left out (`CityContent.left_out`)."""
    doc, city, problems = parse_file(city_dir / CITY_FILE, City)
    if doc is None or city is None:
        raise ContentInvalid(problems)
    problems += _folder_problems(doc, city, city_dir)
    if problems:
        raise ContentInvalid(problems)
    parts, left_out = [], {}
    for part in city.kelurahan:
        folder = city_dir / part.path
        try:
            parts.append(Kelurahan(part.id, folder, load(folder)))
        except ContentInvalid as err:
            problems += err.problems
            left_out[part.id] = err.problems
    if problems and (not skip_broken or not parts):
        raise ContentInvalid(problems)
    return CityContent(city, parts, left_out)


def _folder_problems(doc: Document, city: City, city_dir: Path) -> list[Problem]:
    """Each id once, each folder once, and each folder a catalogue."""
    found: list[Problem] = []
    ids: dict[str, int] = {}
    folders: dict[Path, int] = {}
    for at, part in enumerate(city.kelurahan):
        if part.id in ids:
            first = doc.where(("kelurahan", ids[part.id], "id"))[0]
            found.append(
                doc.problem(
                    ("kelurahan", at, "id"),
                    t("city.duplicate_id", value=part.id, first=first),
                    t("city.duplicate_id.hint"),
                )
            )
        ids.setdefault(part.id, at)
        folder = (city_dir / part.path).resolve()
        loc = ("kelurahan", at, "path")
        if not (folder / CATALOGUE_FILE).is_file():
            found.append(
                doc.problem(
                    loc,
                    t("city.not_a_catalogue", value=part.path),
                    t("city.not_a_catalogue.hint", id=part.id),
                )
            )
        elif folder in folders:
            first = doc.where(("kelurahan", folders[folder], "path"))[0]
            found.append(
                doc.problem(
                    loc,
                    t("city.same_folder", value=part.path, first=first),
                    t("city.same_folder.hint"),
                )
            )
        folders.setdefault(folder, at)
    return found
