"""The commands for editors and reviewers: `schema` and `diff` (`new` has its own module)."""

from __future__ import annotations

from pathlib import Path

import click

from generator.cli.shared import CONTENT, friendly
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
    and the configuration of the /admin/ form made from the same models."""
    from generator.authoring import cms
    from generator.authoring.schema import schemas

    catalogue = load_with_photos(content_dir).catalogue
    out.mkdir(parents=True, exist_ok=True)
    files = schemas(catalogue)
    files[cms.CONFIG] = cms.config_text(catalogue, cms.repository_folder(content_dir))
    for name, text in files.items():
        (out / name).write_text(text, encoding="utf-8")
        click.echo(out / name)


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
