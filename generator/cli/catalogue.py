"""The commands that make the catalogue: `check`, `build`, `print`, `serve`.

Heavy modules (MkDocs, the renderer, Typst) are imported inside the commands that
need them, so `check` starts quickly.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import click

from generator.cli import report
from generator.cli.shared import CONFIG, CONTENT, describe, friendly, interactive
from generator.content.city import is_city, load_city
from generator.messages import Seconds, t
from generator.photos.inspect import load_with_photos
from generator.problems import ContentInvalid

CHANGES = {"created", "modified", "deleted", "moved"}  # file events that mean "edited"


@click.command()
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
    """Validate the content only; write nothing. CONTENT may be a city (`kota.yml`)."""
    try:
        if is_city(content_dir):
            city = load_city(content_dir, load_with_photos)
            if fmt == "json":
                click.echo(report.as_json([]))
            else:
                vendors = sum(len(part.content.vendors) for part in city.kelurahan)
                events = sum(len(part.content.events) for part in city.kelurahan)
                click.echo(
                    t("cli.ok_city", kelurahan=len(city.kelurahan), vendors=vendors, events=events)
                )
            return
        content = load_with_photos(content_dir)
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


@click.command("build")
@CONTENT
@CONFIG
@click.option(
    "--site-dir",
    default="site",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Where the site is built.",
)
@click.option(
    "--skip-broken",
    is_flag=True,
    help="A city: publish the kelurahan without problems, and list those left out.",
)
@friendly
def build_command(content_dir: Path, config_file: Path, site_dir: Path, skip_broken: bool) -> None:
    """Validate, generate the pages and build the site."""
    from generator import pipeline
    from generator.output import mkdocs_site

    mkdocs_site.configure_logging(verbose=interactive())
    settings = pipeline.PhotoSettings(progress=interactive())
    if is_city(content_dir):
        city = pipeline.build_city(
            content_dir,
            site_dir,
            config_file,
            photo_settings=settings,
            progress=_print_progress(),
            skip_broken=skip_broken,
        )
        if city.city.left_out:  # loudly: on stderr, every problem, then who is missing
            problems = [p for found in city.city.left_out.values() for p in found]
            click.echo(report.as_text(problems), err=True)
            left = ", ".join(city.city.left_out)
            click.echo(t("cli.left_out", count=len(city.city.left_out), ids=left), err=True)
        from generator.cli.city_preview import built_line

        click.echo(built_line(city, site_dir))
        return
    result = pipeline.build_site(
        content_dir,
        site_dir,
        config_file,
        photo_settings=settings,
        progress=_print_progress(),
    )
    click.echo(
        t(
            "cli.built",
            vendors=len(result.content.vendors),
            events=len(result.content.events),
            site=site_dir,
            seconds=Seconds(result.seconds),
            written=result.pages.written,
            unchanged=result.pages.unchanged,
            photos=result.photos.processed,
            cached=result.photos.cached,
            pdfs=len(result.prints.made),
        )
    )


def _print_progress() -> Any:
    """A line per PDF being laid out (seconds each), on a terminal only."""
    if not interactive():
        return None
    return lambda path: click.echo(t("print.progress", path=path), err=True)


@click.command("print")
@CONTENT
@click.option(
    "--out",
    default="build/cetak",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder for the PDFs (the site build puts them into site/ by itself).",
)
@friendly
def print_command(content_dir: Path, out: Path) -> None:
    """Make only the printed catalogues (PDF): whole catalogue, per event, stall cards."""
    from generator.content.index import build_index
    from generator.output.prints import write_prints
    from generator.pipeline import today

    content = load_with_photos(content_dir)
    printed = write_prints(build_index(content, today()), out, _print_progress())
    click.echo(t("cli.printed", made=len(printed.made), unchanged=printed.unchanged, out=out))


@click.command()
@CONTENT
@CONFIG
@click.option(
    "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on."
)
@friendly
def serve(content_dir: Path, config_file: Path, dev_addr: str) -> None:
    """Live preview: regenerate pages when YAML changes; the browser reloads itself."""
    if is_city(content_dir):
        from generator.cli.city_preview import serve_city

        serve_city(content_dir, config_file, dev_addr)
        return
    from mkdocs.commands.serve import serve as mkdocs_serve
    from watchdog.events import FileSystemEventHandler
    from watchdog.observers import Observer

    from generator import pipeline as building
    from generator.output import mkdocs_site, preview

    mkdocs_site.configure_logging(verbose=True)
    docs_dir = Path(mkdocs_site.read_config(config_file).docs_dir)
    caches = building.Caches()
    photo_settings = building.PhotoSettings(progress=interactive())
    catalogue = building.generate(
        content_dir, docs_dir, caches=caches, photo_settings=photo_settings
    ).content.catalogue
    one_at_a_time = threading.Lock()  # a save during a regeneration waits for it

    def regenerate() -> None:
        try:
            with one_at_a_time:
                written = building.generate(
                    content_dir, docs_dir, caches=caches, photo_settings=photo_settings
                ).written
        except Exception as err:  # noqa: BLE001 - keep serving the last good pages
            click.echo(describe(err), err=True)
            return
        if written.written or written.removed:
            preview.request_rebuild()
            click.echo(t("cli.regenerated", written=written.written), err=True)

    class Regenerate(FileSystemEventHandler):
        timer: threading.Timer | None = None

        def on_any_event(self, event: Any) -> None:
            if event.is_directory or event.event_type not in CHANGES:
                return
            # Editors save in several steps: wait until the burst of events is over.
            if self.timer:
                self.timer.cancel()
            self.timer = threading.Timer(0.1, regenerate)
            self.timer.start()

    observer = Observer()
    observer.schedule(Regenerate(), str(content_dir), recursive=True)
    observer.start()
    try:
        # Dirty rebuilds render only the pages the generator rewrote; the hook keeps the
        # search index whole (see preview_hook.py).
        hook = Path(__file__).parent.parent / "output" / "preview_hook.py"
        mkdocs_serve(
            str(config_file),
            dev_addr=dev_addr,
            livereload=True,
            build_type="dirty",
            hooks=[str(hook)],
            **building.site_settings(catalogue),
        )
    finally:
        observer.stop()
