"""The commands for editors and reviewers: `schema` and `diff` (`new` has its own module)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.shared import CONTENT, friendly
from generator.content.city import is_city, load_city
from generator.content.model import Catalogue
from generator.photos.inspect import load_with_photos
from generator.problems import ContentInvalid


@click.command()
@CONTENT
@click.option(
    "--out",
    default="schema",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the JSON Schema files.",
)
@friendly
def schema(content_dir: Path, out: Path) -> None:
    """Write the JSON Schemas editors use (category and programme ids from the content),
    and the configuration of the /admin/ form made from the same models. CONTENT may be
    a city (`kota.yml`): then each kelurahan that keeps its own `schema/` folder gets
    its own again (`--out` is not used)."""
    if not is_city(content_dir):
        for path in write_schemas(load_with_photos(content_dir).catalogue, content_dir, out):
            click.echo(path)
        return
    for part in load_city(content_dir, load_with_photos).kelurahan:
        if (part.folder / "schema").is_dir():
            own = part.folder / "schema"
            for path in write_schemas(part.content.catalogue, part.folder, own, kelurahan=True):
                click.echo(path)


def write_schemas(
    catalogue: Catalogue, content_dir: Path, out: Path, kelurahan: bool = False
) -> list[Path]:
    """The schemas of `catalogue` (whose folder is `content_dir`) and its /admin/ form's
    configuration, written into `out`. `kelurahan`: a city's kelurahan's own folder,
    only the schemas of its own files (its form's configuration is the site's)."""
    from generator.authoring import cms
    from generator.authoring.schema import schemas

    out.mkdir(parents=True, exist_ok=True)
    files = schemas(catalogue)
    if kelurahan:
        files.pop("kota.schema.json")
    else:
        files[cms.CONFIG] = cms.config_text(catalogue, cms.repository_folder(content_dir))
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
    return [out / name for name in files]


@click.command()
@click.argument("ref")
@CONTENT
@friendly
def diff(ref: str, content_dir: Path) -> None:
    """Summarise, in Markdown, what changed in the catalogue since the git revision REF."""
    from generator.authoring.diff import outside_section, summarise
    from generator.authoring.history import changed_outside, content_at

    outside = changed_outside(ref, content_dir)
    try:
        new = load_with_photos(content_dir)
    except ContentInvalid:  # the files to read as code still come first, then the problems
        if outside:
            click.echo("\n".join(outside_section(outside)))
        raise
    old, note = content_at(ref, content_dir)
    click.echo((f"> {note}\n\n" if note else "") + summarise(old, new, outside))
