"""Command line: `python -m generator check|build|print|serve|schema|diff|new`.

One module per family of commands; this one holds the group and the language option.
"""

from __future__ import annotations

import click

from generator.messages import LANGUAGES, set_language


@click.group()
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default=None,
    help="Language of messages: id (Bahasa Indonesia, default) or en. Also KATALOG_LANG.",
)
def main(lang: str | None) -> None:
    """Catalogue generator: validate content/ and build the site."""
    if lang:
        set_language(lang)


# Imported after `main` exists: the command modules import this package.
from generator.cli import catalogue, editing, new  # noqa: E402

for command in (
    catalogue.check,
    catalogue.build_command,
    catalogue.print_command,
    catalogue.serve,
    editing.schema,
    editing.diff,
    new.new,
):
    main.add_command(command)
