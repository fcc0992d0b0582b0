"""`new vendor|event|catalogue`: start a content file (or a kelurahan's folder) from a
commented template."""

from __future__ import annotations

import datetime
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator.authoring import scaffold
from generator.authoring.schema import schema_line
from generator.cli.editing import write_schemas
from generator.cli.shared import CONTENT, friendly
from generator.content import references, values
from generator.content.load import load_catalogue, parse_file
from generator.content.model import City, Event, Vendor
from generator.messages import Count, t, with_hint
from generator.photos.inspect import load_with_photos
from generator.problems import ContentInvalid, count


@click.group()
def new() -> None:
    """Start a new content file from a commented template."""


def _ask(
    value: str | None,
    option: str,
    prompt: str,
    example: str,
    check: Callable[[str], str | None] = lambda v: None,
) -> str:
    """A flag's value, or a question when a person is at the terminal. Each answer is
    checked as it is given: a question is asked again, a wrong flag is refused."""
    asked = not value
    while True:
        if not value:
            if not sys.stdin.isatty():
                raise click.UsageError(str(t("new.missing", option=option, example=example)))
            value = click.prompt(prompt)
        problem = check(value)
        if problem is None:
            return value
        if not asked:
            raise click.UsageError(f"{option}: {problem}")
        click.echo(problem, err=True)
        value = None


def _one_of(ids: list[str], code: str) -> Callable[[str], str | None]:
    return lambda v: None if v in ids else with_hint(*references.unknown_id(code, v, ids))


def _a_vendor(slugs: list[str]) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        return None if value in slugs else with_hint(*references.unknown_vendor(value, slugs))

    return check


def _is_price(value: str) -> str | None:
    try:
        values.parse_price(value)
    except values.FieldError as err:
        return with_hint(err.message, err.hint)
    return None


def _is_date(value: str) -> str | None:
    try:
        datetime.date.fromisoformat(value.strip())
    except ValueError:
        return with_hint(t("date.format", value=value), t("date.format.hint", example="2026-07-11"))
    return None


def _new_file(folder: Path, slug: str) -> Path:
    problem = values.slug_problem(slug, "nama-baru")
    if problem:
        why, suggestion = problem
        raise click.UsageError(
            with_hint(
                t("new.bad_slug", value=slug, why=why),
                t("new.bad_slug.hint", suggestion=suggestion),
            )
        )
    path = folder / f"{slug}.yml"
    if path.exists():
        raise click.UsageError(with_hint(t("new.exists", path=path), t("new.exists.hint")))
    return path


def _write_checked(
    content_dir: Path,
    path: Path,
    text: str,
    model: type,
    references: Callable[[Any, Any], list],
) -> None:
    """Write the new file, check it as `check` would, and take it back if it fails."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    doc, value, problems = parse_file(path, model)
    problems = problems or references(doc, value)
    if problems:
        path.unlink()
        raise ContentInvalid(problems)
    click.echo(t("new.created", path=path))
    _mention_other_problems(content_dir)


def _mention_other_problems(content_dir: Path) -> None:
    """Problems in other files don't stop a new one; the volunteer still hears of them."""
    try:
        load_with_photos(content_dir)
    except ContentInvalid as err:
        files = sorted({problem.file for problem in err.problems})
        total = Count(count(err.problems))
        click.echo(t("new.other_problems", count=total, files=", ".join(files)), err=True)


@new.command("vendor")
@click.argument("slug")
@CONTENT
@click.option("--name", help="Business name.")
@click.option("--category", help="A category id from catalogue.yml.")
@click.option("--product", help="Name of one product.")
@click.option("--price", help="Its price in Rupiah, e.g. 15000.")
@friendly
def new_vendor(
    slug: str,
    content_dir: Path,
    name: str | None,
    category: str | None,
    product: str | None,
    price: str | None,
) -> None:
    """Write content/vendors/SLUG.yml from the template."""
    catalogue, _ = load_catalogue(content_dir)  # other files' problems are only mentioned
    path = _new_file(content_dir / "vendors", slug)
    ids = [c.id for c in catalogue.categories]
    name = _ask(name, "--name", str(t("prompt.vendor_name")), "Toko Bu Sari")
    category = _ask(
        category,
        "--category",
        str(t("prompt.category", choices=", ".join(ids))),
        ids[0],
        _one_of(ids, "category.unknown"),
    )
    product = _ask(product, "--product", str(t("prompt.product")), "Kue lapis")
    price = values.parse_price(_ask(price, "--price", str(t("prompt.price")), "15000", _is_price))
    text = scaffold.vendor_template(
        name, category, product, price, ids, [p.id for p in catalogue.programmes],
        schema_line(path.parent, "vendor"),
    )  # fmt: skip
    _write_checked(
        content_dir, path, text, Vendor, lambda doc, v: references.vendor_refs(doc, v, catalogue)
    )


@new.command("event")
@click.argument("slug")
@CONTENT
@click.option("--name", help="Name of the bazaar.")
@click.option("--date", help="YYYY-MM-DD.")
@click.option("--location", help="Place.")
@click.option("--stall", help="First stall label, e.g. A1.")
@click.option("--vendor", help="Vendor at that stall (its file name without .yml).")
@friendly
def new_event(
    slug: str,
    content_dir: Path,
    name: str | None,
    date: str | None,
    location: str | None,
    stall: str | None,
    vendor: str | None,
) -> None:
    """Write content/events/SLUG.yml from the template."""
    _, slugs = load_catalogue(content_dir)  # other files' problems are only mentioned
    path = _new_file(content_dir / "events", slug)
    name = _ask(name, "--name", str(t("prompt.event_name")), "Bazar UMKM Juli")
    date = _ask(date, "--date", str(t("prompt.date")), "2026-07-11", _is_date)
    location = _ask(location, "--location", str(t("prompt.location")), "Halaman Kelurahan")
    stall = _ask(stall, "--stall", str(t("prompt.stall")), "A1")
    vendor = _ask(
        vendor,
        "--vendor",
        str(t("prompt.vendor")),
        next(iter(slugs), "x"),
        _a_vendor(slugs),
    )
    text = scaffold.event_template(
        name, date, location, stall, vendor, schema_line(path.parent, "event")
    )
    _write_checked(
        content_dir, path, text, Event, lambda doc, e: references.event_refs(doc, e, set(slugs))
    )


@new.command("catalogue")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option("--kelurahan", help="Name of the kelurahan.")
@click.option("--kecamatan", help="Name of its kecamatan.")
@click.option("--city", help="Name of the city (default: the one in --add-to).")
@click.option(
    "--add-to",
    "city_file",
    type=click.Path(path_type=Path, dir_okay=False, exists=True),
    help="A city's kota.yml: list the new kelurahan there too.",
)
@click.option("--id", "part_id", help="Its id in kota.yml (default: from its name).")
@friendly
def new_catalogue(
    folder: Path,
    kelurahan: str | None,
    kecamatan: str | None,
    city: str | None,
    city_file: Path | None,
    part_id: str | None,
) -> None:
    """Write a new kelurahan's catalogue folder: catalogue.yml, vendors/, events/."""
    if (folder / "catalogue.yml").exists():
        path = folder / "catalogue.yml"
        raise click.UsageError(with_hint(t("new.exists", path=path), t("new.exists.hint")))
    known = None
    if city_file is not None:
        _, known, problems = parse_file(city_file, City)
        if problems or known is None:
            raise ContentInvalid(problems)
    kelurahan = _ask(kelurahan, "--kelurahan", str(t("prompt.kelurahan")), "Gunung Sari Ulu")
    kecamatan = _ask(kecamatan, "--kecamatan", str(t("prompt.kecamatan")), "Balikpapan Tengah")
    city = _ask(
        city or (known.city if known else None), "--city", str(t("prompt.city")), "Balikpapan"
    )
    part_id = part_id or values.suggest_slug(kelurahan, "kelurahan")
    if known is not None and part_id in {part.id for part in known.kelurahan}:
        raise click.UsageError(str(t("new.city_id_taken", value=part_id)))
    # Its own schema/ (written below): its own ids, and a repository of its own works.
    line = "# yaml-language-server: $schema=schema/catalogue.schema.json"
    title = f"Katalog UMKM {kelurahan}"
    text = scaffold.catalogue_template(title, kelurahan, kecamatan, city, line)
    made = [
        folder / "catalogue.yml",
        folder / "vendors" / ".gitkeep",
        folder / "events" / ".gitkeep",
    ]
    for path in made:
        path.parent.mkdir(parents=True, exist_ok=True)
    made[0].write_text(text, encoding="utf-8")
    for keep in made[1:]:  # git keeps no empty folder
        keep.touch()
    try:
        catalogue = load_with_photos(folder).catalogue
    except ContentInvalid:
        for path in made:
            path.unlink(missing_ok=True)
        raise
    write_schemas(catalogue, folder, folder / "schema", kelurahan=True)
    click.echo(t("new.created", path=made[0]))
    if city_file is not None:
        _add_to_city(city_file, part_id, folder)
        click.echo(t("new.city_added", id=part_id, path=city_file))


def _add_to_city(city_file: Path, part_id: str, folder: Path) -> None:
    """Append the kelurahan after the last one in `kota.yml`, keeping the file's comments;
    checked as `check` would, and taken back if it fails."""
    before = city_file.read_text(encoding="utf-8")
    doc, city, problems = parse_file(city_file, City)
    if doc is None or city is None:  # changed since it was read a moment ago
        raise ContentInvalid(problems)
    last = len(city.kelurahan) - 1
    end = max(doc.where(("kelurahan", last, key))[0] for key in ("id", "path"))
    lines = before.splitlines(keepends=True)
    first = lines[doc.where(("kelurahan", 0, "id"))[0] - 1]
    indent = first[: len(first) - len(first.lstrip())]
    path = Path(os.path.relpath(folder.resolve(), city_file.parent.resolve())).as_posix()
    entry = f"{indent}- id: {part_id}\n{indent}  path: {path}\n"
    if not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    city_file.write_text("".join(lines[:end]) + entry + "".join(lines[end:]), encoding="utf-8")
    problems = parse_file(city_file, City)[2]
    if problems:
        city_file.write_text(before, encoding="utf-8")
        raise ContentInvalid(problems)
