"""`serve --content CITY`: the city's site built as `build` builds it, PDFs aside, into a
temporary folder and served with live reload. A file saved in `kota.yml`, `mkdocs.yml`
or any kelurahan's folder builds it again and the browser reloads itself; a build that
fails prints its problems and the last good site stays served.

A catalogue's `serve` renders only the pages an edit touched (preview.py); a city is
built whole each time, which the build's own caches (unchanged pages, photos, the
manifest of what MkDocs wrote) keep to seconds for a city of a few kelurahan.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import click
import yaml

from generator.cli.shared import describe, interactive
from generator.messages import Seconds, t

if TYPE_CHECKING:
    from generator.pipeline import CityResult


def serve_city(city_dir: Path, config_file: Path, dev_addr: str) -> None:
    from mkdocs.livereload import LiveReloadServer

    from generator import pipeline
    from generator.output import mkdocs_site, preview

    mkdocs_site.configure_logging(verbose=True)
    host, _, port = dev_addr.rpartition(":")
    site_dir = Path(tempfile.mkdtemp(prefix="katalog-kota-"))
    settings = pipeline.PhotoSettings(progress=interactive())

    def build() -> pipeline.CityResult:
        built = pipeline.build_city(
            city_dir, site_dir, config_file, photo_settings=settings, preview=True
        )
        preview.no_offline_copies(site_dir)
        click.echo(built_line(built, site_dir), err=True)
        return built

    def rebuild() -> None:
        try:
            build()
        except Exception as err:  # noqa: BLE001 - keep serving the last good site
            click.echo(describe(err), err=True)
        finally:
            watch(server, watched(city_dir, config_file))

    try:
        first = build()  # a broken city stops here, its problems named (`friendly`)
        mount = urlsplit(first.city.city.site_url or "/").path
        server = LiveReloadServer(rebuild, host or "127.0.0.1", int(port), str(site_dir), mount)
        watch(server, watched(city_dir, config_file))
        try:
            server.serve()
        except KeyboardInterrupt:
            click.echo(t("cli.stopped"), err=True)
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)


def built_line(built: CityResult, site_dir: Path) -> str:
    """What `build` and `serve` say when a city is built."""
    parts = built.parts.values()
    return str(
        t(
            "cli.built_city",
            kelurahan=len(built.parts),
            vendors=sum(len(part.content.vendors) for part in parts),
            site=site_dir,
            seconds=Seconds(built.seconds),
        )
    )


def watched(city_dir: Path, config_file: Path) -> set[Path]:
    """`kota.yml`, `mkdocs.yml` and every kelurahan folder `kota.yml` names, read as
    it is now, even broken: a kelurahan added to a city is watched before it builds."""
    paths = {(city_dir / "kota.yml").resolve(), config_file.resolve()}
    try:
        city = yaml.safe_load((city_dir / "kota.yml").read_text("utf-8"))
        parts = city.get("kelurahan") or []
        paths |= {(city_dir / str(part["path"])).resolve() for part in parts}
    except Exception:  # noqa: BLE001 - the build says what is wrong with kota.yml
        pass
    return {path for path in paths if path.exists()}


def watch(server: Any, paths: set[Path]) -> None:
    """Watch `paths` from now on (MkDocs' server counts repeated watches of one path)."""
    for path in paths - {Path(p) for p in server._watched_paths}:
        server.watch(str(path))
