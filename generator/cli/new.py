"""`new vendor|event`: start a content file from a commented template."""

from __future__ import annotations

import datetime
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator.authoring import scaffold
from generator.cli.shared import CONTENT, friendly
from generator.content import references, values
from generator.content.load import load_catalogue, parse_file
from generator.content.model import Event, Vendor
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
        name, category, product, price, ids, [p.id for p in catalogue.programmes]
    )
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
    text = scaffold.event_template(name, date, location, stall, vendor)
    _write_checked(
        content_dir, path, text, Event, lambda doc, e: references.event_refs(doc, e, set(slugs))
    )
