"""Command line: `python -m generator check|build|serve`."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator import build as building
from generator import report, site
from generator.messages import LANGUAGES, set_language, t
from generator.problems import BuildFailed, ContentInvalid

CONTENT = click.option(
    "--content",
    "content_dir",
    default="content",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder holding catalogue.yml, vendors/ and events/.",
)
CONFIG = click.option(
    "--config",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="MkDocs configuration.",
)


CHANGES = {"created", "modified", "deleted", "moved"}


def interactive() -> bool:
    """Progress lines for a person at a terminal; quiet in CI and logs."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def describe(err: BaseException) -> str:
    """What a volunteer reads when something fails: never a traceback."""
    if isinstance(err, ContentInvalid):
        return report.as_text(err.problems)
    if isinstance(err, BuildFailed):
        return str(t("cli.build_failed", detail=err.message))
    if isinstance(err, KeyboardInterrupt):
        return str(t("cli.stopped"))
    return str(t("cli.internal", kind=type(err).__name__, detail=err))


def friendly(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every failure into a message and exit code 1."""

    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (Exception, KeyboardInterrupt) as err:
            known = isinstance(err, ContentInvalid | BuildFailed | KeyboardInterrupt)
            if os.environ.get("KATALOG_DEBUG") and not known:
                raise
            click.echo(describe(err), err=True)
        sys.exit(1)

    run.__name__, run.__doc__ = command.__name__, command.__doc__
    return run


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


@main.command()
@CONTENT
@click.option(
    "--format",
    "fmt",
    type=click.Choice(report.FORMATS),
    default="text",
    show_default=True,
    help="text for people, github for pull-request annotations, json for other tools.",
)
@friendly
def check(content_dir: Path, fmt: str) -> None:
    """Validate the content only; write nothing."""
    try:
        content = building.load_content(content_dir)
    except ContentInvalid as err:
        if fmt == "text":
            raise
        click.echo(
            report.as_github(err.problems) if fmt == "github" else report.as_json(err.problems)
        )
        sys.exit(1)
    if fmt == "json":
        click.echo(report.as_json([]))
    else:
        click.echo(
            t(
                "cli.ok",
                vendors=len(content.vendors),
                events=len(content.events),
                categories=len(content.catalogue.categories),
            )
        )


@main.command()
@CONTENT
@CONFIG
@click.option(
    "--site-dir",
    default="site",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Where the site is built.",
)
@friendly
def build(content_dir: Path, config_file: Path, site_dir: Path) -> None:
    """Validate, generate the pages and build the site."""
    site.configure_logging(verbose=interactive())
    result = building.build(content_dir, site_dir, config_file)
    click.echo(
        t(
            "cli.built",
            vendors=len(result.content.vendors),
            events=len(result.content.events),
            site=site_dir,
            seconds=result.seconds,
            written=result.pages.written,
            unchanged=result.pages.unchanged,
        )
    )


@main.command()
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
    """Write the JSON Schemas editors use (category and programme ids from the content)."""
    from generator.schema import schemas

    catalogue = building.load_content(content_dir).catalogue
    out.mkdir(parents=True, exist_ok=True)
    for name, text in schemas(catalogue).items():
        (out / name).write_text(text, encoding="utf-8")
        click.echo(out / name)


@main.command()
@CONTENT
@CONFIG
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
@friendly
def serve(content_dir: Path, config_file: Path, dev_addr: str) -> None:
    """Live preview: regenerate pages when YAML changes; the browser reloads itself."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    site.configure_logging(verbose=True)
    docs_dir = Path(site.load(config_file).docs_dir)
    building.generate(content_dir, docs_dir)

    def regenerate() -> None:
        try:
            _, written = building.generate(content_dir, docs_dir)
        except Exception as err:  # noqa: BLE001 - keep serving the last good pages
            click.echo(describe(err), err=True)
            return
        if written.written or written.removed:
            click.echo(t("cli.regenerated", written=written.written), err=True)

    class Regenerate(FileSystemEventHandler):
        timer: threading.Timer | None = None

        def on_any_event(self, event: Any) -> None:
            if event.is_directory or event.event_type not in CHANGES:
                return
            # Editors save in several steps: wait until the burst of events is over.
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(0.2, regenerate)
            self.timer.start()

    observer = Observer()
    observer.schedule(Regenerate(), str(content_dir), recursive=True)
    observer.start()
    try:
        mkdocs_serve(str(config_file), dev_addr=dev_addr, livereload=True)
    finally:
        observer.stop()
