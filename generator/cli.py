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
from generator import checks, fields, preview, report, scaffold, site
from generator.load import display_path
from generator.messages import LANGUAGES, set_language, t
from generator.model import Event, Vendor
from generator.problems import BuildFailed, ContentInvalid
from generator.source import load_document
from generator.validate import to_model

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
    if isinstance(err, click.ClickException):
        return str(t("cli.error", detail=err.format_message()))
    return str(t("cli.internal", kind=type(err).__name__, detail=err))


def friendly(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every failure into a message and exit code 1."""

    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (Exception, KeyboardInterrupt) as err:
            known = isinstance(
                err, ContentInvalid | BuildFailed | KeyboardInterrupt | click.ClickException
            )
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
    caches = building.Caches()
    building.generate(content_dir, docs_dir, caches=caches)

    def regenerate() -> None:
        try:
            _, written = building.generate(content_dir, docs_dir, caches=caches)
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
        hook = Path(__file__).with_name("preview_hook.py")
        mkdocs_serve(
            str(config_file),
            dev_addr=dev_addr,
            livereload=True,
            build_type="dirty",
            hooks=[str(hook)],
        )
    finally:
        observer.stop()


@main.group()
def new() -> None:
    """Start a new content file from a commented template."""


def _ask(value: str | None, option: str, prompt: str, example: str) -> str:
    """A flag's value, or a question when a person is at the terminal."""
    if value:
        return value
    if sys.stdin.isatty():
        return click.prompt(prompt)
    raise click.UsageError(str(t("new.missing", option=option, example=example)))


def _new_file(folder: Path, slug: str) -> Path:
    why = fields.slug_problem(slug)
    if why:
        suggestion = fields.suggest_slug(slug, "nama-baru")
        raise click.UsageError(
            f"{t('new.bad_slug', value=slug, why=why)} — "
            f"{t('new.bad_slug.hint', suggestion=suggestion)}"
        )
    path = folder / f"{slug}.yml"
    if path.exists():
        raise click.UsageError(f"{t('new.exists', path=path)} — {t('new.exists.hint')}")
    return path


def _write_checked(path: Path, text: str, check: Callable[[Any], list]) -> None:
    """Write the new file, and take it back if it does not pass the checks."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    problems = check(path)
    if problems:
        path.unlink()
        raise ContentInvalid(problems)
    click.echo(t("new.created", path=path))


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
    catalogue = building.load_content(content_dir).catalogue
    path = _new_file(content_dir / "vendors", slug)
    ids = [c.id for c in catalogue.categories]
    name = _ask(name, "--name", str(t("prompt.vendor_name")), "Toko Bu Sari")
    category = _ask(
        category, "--category", str(t("prompt.category", choices=", ".join(ids))), ids[0]
    )
    product = _ask(product, "--product", str(t("prompt.product")), "Kue lapis")
    price = _ask(price, "--price", str(t("prompt.price")), "15000")
    text = scaffold.vendor_template(
        name, category, product, price, ids, [p.id for p in catalogue.programmes]
    )

    def check(written: Path) -> list:
        doc = load_document(written, display_path(written))
        if isinstance(doc, list):
            return doc
        vendor, problems = to_model(doc, Vendor)
        return problems or checks.vendor_refs(doc, vendor, catalogue)

    _write_checked(path, text, check)


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
    content = building.load_content(content_dir)
    path = _new_file(content_dir / "events", slug)
    name = _ask(name, "--name", str(t("prompt.event_name")), "Bazar UMKM Juli")
    date = _ask(date, "--date", str(t("prompt.date")), "2026-07-11")
    location = _ask(location, "--location", str(t("prompt.location")), "Halaman Kelurahan")
    stall = _ask(stall, "--stall", str(t("prompt.stall")), "A1")
    vendor = _ask(vendor, "--vendor", str(t("prompt.vendor")), next(iter(content.vendors), "x"))
    text = scaffold.event_template(name, date, location, stall, vendor)

    def check(written: Path) -> list:
        doc = load_document(written, display_path(written))
        if isinstance(doc, list):
            return doc
        event, problems = to_model(doc, Event)
        return problems or checks.event_refs(doc, event, set(content.vendors))

    _write_checked(path, text, check)


@main.command()
@click.argument("ref")
@CONTENT
@friendly
def diff(ref: str, content_dir: Path) -> None:
    """Summarise, in Markdown, what changed in the catalogue since the git revision REF."""
    from generator.diff import summarise
    from generator.history import content_at

    new = building.load_content(content_dir)
    old, note = content_at(ref, content_dir)
    click.echo((f"> {note}\n\n" if note else "") + summarise(old, new))
