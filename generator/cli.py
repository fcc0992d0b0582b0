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
from generator import site
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
        files = len({p.file for p in err.problems})
        return "\n".join(map(str, err.problems)) + (
            f"\n\n{len(err.problems)} problem(s) in {files} file(s). Nothing was written; "
            "fix them and run the command again."
        )
    if isinstance(err, BuildFailed):
        return f"error: {err}\nThe previous site was left as it was."
    if isinstance(err, KeyboardInterrupt):
        return "stopped."
    return (
        f"internal error: {type(err).__name__}: {err}\nThis is a bug in the generator, not in "
        "your content. Please report it with this message (run with KATALOG_DEBUG=1 for details)."
    )


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
def main() -> None:
    """Catalogue generator: validate content/ and build the site."""


@main.command()
@CONTENT
@friendly
def check(content_dir: Path) -> None:
    """Validate the content only; write nothing."""
    content = building.load_content(content_dir)
    click.echo(
        f"OK: {len(content.vendors)} vendors, {len(content.events)} events, "
        f"{len(content.catalogue.categories)} categories."
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
        f"Built {len(result.content.vendors)} vendors and {len(result.content.events)} "
        f"events into {site_dir}/ in {result.seconds:.1f} s "
        f"({result.pages.written} pages written, {result.pages.unchanged} unchanged)."
    )


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
            click.echo(f"content changed: {written.written} page(s) rewritten", err=True)

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
