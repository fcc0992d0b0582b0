"""The whole build, one stage after another: load -> index -> render -> write -> print -> site."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from generator.authoring import cms, scaffold
from generator.authoring.schema import schemas
from generator.content.city import CityContent, load_city
from generator.content.formats import WITA
from generator.content.index import Index, build_index
from generator.content.load import Content, FileCache
from generator.content.model import Catalogue
from generator.output import inputs, mkdocs_site
from generator.output.prints import PrintReport, write_prints
from generator.output.search_index import index_site
from generator.output.write import WriteReport, unchanged_docs, write_docs
from generator.photos import publish
from generator.photos.inspect import load_with_photos
from generator.problems import ContentInvalid
from generator.web.city import render_city
from generator.web.files import data_files
from generator.web.markdown import plain_title
from generator.web.render import render_site
from generator.web.search_words import city_search_files


def today() -> datetime.date:
    """Today in Balikpapan, or the day of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = (
        datetime.datetime.fromtimestamp(int(epoch), WITA) if epoch else datetime.datetime.now(WITA)
    )
    return now.date()


@dataclass(frozen=True)
class Result:
    content: Content
    pages: WriteReport
    prints: PrintReport
    seconds: float
    photos: publish.Report = field(default_factory=publish.Report)


@dataclass
class Caches:
    """What `serve` remembers between edits, so a preview takes a second, not ten."""

    files: FileCache = field(default_factory=dict)
    pages: dict[tuple, str] = field(default_factory=dict)


@dataclass(frozen=True)
class PhotoSettings:
    """Where processed photos are kept between builds, and how many processes make them."""

    cache_dir: Path | None = None
    """Default: `.cache/photos/` beside the content folder."""
    workers: int | None = None
    """Default: one per core."""
    progress: bool = False
    """A counter on stderr while new photos are made (for a person at a terminal)."""
    time_limit: float = publish.TIME_LIMIT
    """Seconds one photo may take before it is given up and reported."""


@dataclass(frozen=True)
class Generated:
    """What `generate` made of the content folder."""

    content: Content
    index: Index
    """The cross-file indexes the pages were rendered from (the PDFs use the same)."""
    written: WriteReport
    photos: publish.Report


def with_address(content: Content, site_url: str | None) -> Content:
    """The catalogue published at `site_url` (a kelurahan's in a city), not its own."""
    catalogue = content.catalogue.model_copy(update={"site_url": site_url})
    return dataclasses.replace(content, catalogue=catalogue)


class Keep:
    """`site_url` as the catalogue says (not None: a city may have no address)."""


KEEP = Keep()


def generate(
    content_dir: Path,
    docs_dir: Path,
    day: datetime.date | None = None,
    caches: Caches | None = None,
    photo_settings: PhotoSettings | None = None,
    site_url: str | None | Keep = KEEP,
    loaded: Content | None = None,
) -> Generated:
    """Validate everything, make the photos, then write the pages. Raises `ContentInvalid`.
    `site_url`, `loaded`: the catalogue's address when it is part of a city, and its
    content as `build_city` loaded it (not read twice)."""
    # Validates all files before anything is written.
    content = loaded or load_with_photos(content_dir, caches.files if caches else None)
    if not isinstance(site_url, Keep):
        content = with_address(content, site_url)
    settings = photo_settings or PhotoSettings()
    cache_dir = settings.cache_dir or publish.default_cache_dir(content_dir)
    by_field, files, made = publish_photos(content, cache_dir, settings)
    index = build_index(content, day or today())
    # A build made from what the last one was made from finds its pages already written.
    # `serve` records no such fingerprint (it renders from its caches): the build after it
    # renders every page to check them.
    folder = cms.repository_folder(content_dir)  # where the /admin/ form saves
    made_from = ""
    if caches is None:
        made_from = inputs.made_from("pages", content, index.today, by_field, files, folder)
    written = unchanged_docs(docs_dir, files, made_from)
    if written is None:
        pages = render(index, caches.pages if caches else None, by_field, folder)
        written = write_docs(pages, docs_dir, files, fingerprint(content), made_from)
    return Generated(content, index, written, made)


def render(
    index: Index,
    cache: dict[tuple, str] | None = None,
    photos: dict[tuple[str, str], publish.Published] | None = None,
    folder: str = "content",
) -> dict[str, str]:
    """Every file of the docs folder the content makes: docs path -> text. `folder`: the
    content folder's path in its git repository, where the /admin/ form saves."""
    files = data_files(index)  # made once: the open-data page shows their sizes
    parts = (
        render_site(index, cache, photos, files=files),
        files,
        editor_files(index),
        cms.admin_files(index.content.catalogue, folder),
    )
    joined: dict[str, str] = {}
    for part in parts:
        if twice := joined.keys() & part.keys():
            raise ValueError(f"two pages would be written to {min(twice)}")
        joined |= part
    return joined


def editor_files(index: Index) -> dict[str, str]:
    """Published for volunteers' editors: the JSON Schemas (/schema/…) and whole example
    files for those who only use GitHub's web editor (/contoh/…, linked from "bergabung")."""
    catalogue = index.content.catalogue
    files = {f"schema/{name}": body for name, body in schemas(catalogue).items()}
    ids = [c.id for c in catalogue.categories]
    programmes = [p.id for p in catalogue.programmes]
    first_vendor = index.vendor_slugs[0] if index.vendor_slugs else "nama-usaha"
    files["contoh/usaha-baru.yml"] = scaffold.vendor_template(
        "Nama Usaha Anda", ids[0], "Nama produk", 10000, ids, programmes
    )
    files["contoh/bazar-baru.yml"] = scaffold.event_template(
        "Nama Bazar", "2026-07-11", "Tempat bazar", "A1", first_vendor
    )
    return files


def fingerprint(content: Content) -> bytes:
    """What the site is made from, with no trace of the day it was built on."""
    digest = hashlib.sha256(content.catalogue.model_dump_json().encode())
    for kind in (content.vendors, content.events):
        for slug in sorted(kind):
            digest.update(f"{len(slug)}:{slug}".encode() + kind[slug].model_dump_json().encode())
    digest.update(json.dumps(content.synonyms).encode())
    return digest.digest()


def publish_photos(
    content: Content, cache_dir: Path, settings: PhotoSettings | None = None
) -> tuple[dict[tuple[str, str], publish.Published], dict[str, Path], publish.Report]:
    """Every photo's web versions: by (vendor slug, `photo` value), and as files for the
    docs folder. A photo that turns out damaged only when decoded is a content problem
    like the others: raises `ContentInvalid`."""
    settings = settings or PhotoSettings()
    published, problems, made = publish.publish(
        content.photos, cache_dir, settings.workers, settings.progress, settings.time_limit
    )
    if problems:
        raise ContentInvalid(problems)
    by_field = {(ref.slug, ref.value): published[ref.source] for ref in content.photos}
    return by_field, publish.site_files(published, cache_dir), made


def site_settings(catalogue: Catalogue) -> dict[str, str]:
    """MkDocs settings taken from the catalogue, so another kelurahan changes content only.
    The theme prints them unescaped: they get the same treatment as page titles."""
    settings = {
        "site_name": plain_title(catalogue.title),
        "site_description": plain_title(catalogue.description or ""),
    }
    if home := catalogue.url(""):
        settings["site_url"] = home
    return settings


@dataclass(frozen=True)
class InCity:
    """A kelurahan's site in a city: its pages carry `kelurahan` as the city search's
    filter, and its search box offers the city's search (`city`: the city's name).
    `content`: as the city loaded it."""

    kelurahan: str
    city: str
    content: Content


def build_site(
    content_dir: Path,
    site_dir: Path,
    config_file: Path,
    day: datetime.date | None = None,
    docs_dir: Path | None = None,
    photo_settings: PhotoSettings | None = None,
    progress: Callable[[str], None] | None = None,
    site_url: str | None | Keep = KEEP,
    in_city: InCity | None = None,
    preview: bool = False,
) -> Result:
    """Validate, generate and build the site. Raises `ContentInvalid` or `BuildFailed`.
    `site_url`, `in_city`: for a kelurahan in a city (`build_city`), its address, its
    content and what its pages say of the city. `preview`: a city's `serve`, which, like
    a catalogue's, makes no PDFs (seconds each)."""
    started = time.perf_counter()
    config = mkdocs_site.read_config(config_file, strict=True)
    if preview:
        preview_settings(config)
    if in_city:  # read by output/overrides/ (main.html, partials/cari.html)
        config["extra"]["kelurahan"] = in_city.kelurahan
        config["extra"]["kota"] = in_city.city
    if docs_dir is not None:  # tests build several catalogues side by side
        config["docs_dir"] = str(docs_dir.resolve())
    day = day or today()
    generated = generate(
        content_dir,
        Path(config.docs_dir),
        day,
        photo_settings=photo_settings,
        site_url=site_url,
        loaded=in_city.content if in_city else None,
    )
    # The PDFs go into the docs folder too: MkDocs publishes them as static files, checks
    # the links to them, and a failed build leaves the previous site (PDFs included).
    # `serve` skips this step (seconds per PDF): it shows the PDFs of the last build.
    prints = PrintReport([], 0, 0)
    if not preview:
        prints = write_prints(generated.index, Path(config.docs_dir), progress)
    for key, value in site_settings(generated.content.catalogue).items():
        config[key] = value
    # A city indexes its kelurahan's sites itself, while it builds the next one.
    mkdocs_site.run_mkdocs(config, site_dir, index=in_city is None)
    elapsed = time.perf_counter() - started
    return Result(generated.content, generated.written, prints, elapsed, generated.photos)


def preview_settings(config: MkDocsConfig) -> None:
    """A preview without PDFs: a link to a PDF not made yet is no reason to stop it."""
    config["strict"] = False
    config["validation"]["links"]["not_found"] = logging.INFO


@dataclass(frozen=True)
class CityResult:
    city: CityContent
    parts: dict[str, Result]
    seconds: float


def build_city(
    city_dir: Path,
    site_dir: Path,
    config_file: Path,
    day: datetime.date | None = None,
    photo_settings: PhotoSettings | None = None,
    progress: Callable[[str], None] | None = None,
    builds: Path | None = None,
    skip_broken: bool = False,
    preview: bool = False,
) -> CityResult:
    """A city (`kota.yml`): every kelurahan checked first, then the city's pages, then each
    kelurahan's site under `/<id>/` exactly as on its own, then one search index over all
    of them; built in a new folder that replaces `site_dir` only when all of it worked.
    `preview`: for `serve` (no PDFs: each kelurahan shows those of its last build).
    Raises `ContentInvalid` or `BuildFailed`."""
    started = time.perf_counter()
    # Nothing is written for a broken city; with `skip_broken`, for a broken kelurahan.
    city = load_city(city_dir, load_with_photos, skip_broken)
    day = day or today()
    config = mkdocs_site.read_config(config_file, strict=True)
    # Each part's generated pages: build/kota/<id>/ beside build/docs (tests: their own).
    builds = builds or Path(config.docs_dir).parent / "kota"

    def address(part_id: str) -> str | None:
        return city.city.site_url and f"{city.city.site_url.rstrip('/')}/{part_id}/"

    indexes = {
        part.id: build_index(with_address(part.content, address(part.id)), day)
        for part in city.kelurahan
    }
    root = builds / "_kota"
    pages = render_city(city, indexes) | city_search_files(list(indexes.values()))
    write_docs(pages, root)
    config["docs_dir"] = str(root.resolve())
    config["nav"] = [
        {"Beranda": "index.md"},
        {"Kategori": "kategori/index.md"},
        {"Acara & bazar": "acara/index.md"},
        {"Statistik": "statistik.md"},
        {"Data terbuka": "data-terbuka.md"},
    ]
    config["site_name"] = plain_title(city.city.title)
    config["site_description"] = plain_title(city.city.description or "")
    if city.city.site_url:
        config["site_url"] = city.city.site_url
    # The city's home links down into the kelurahan's folders, which are not its pages.
    config["validation"]["links"]["not_found"] = logging.INFO
    staging = mkdocs_site.staging_for(site_dir)
    # Each kelurahan's own search index is made (Pagefind, a process of its own) while
    # MkDocs builds the next kelurahan: two cores at work, not one.
    indexing = ThreadPoolExecutor(max_workers=1)
    try:
        mkdocs_site.run_mkdocs(config, staging, index=False)
        parts, indexed = {}, []
        for part in city.kelurahan:
            catalogue = part.content.catalogue
            parts[part.id] = build_site(
                part.folder,
                staging / part.id,
                config_file,
                day,
                docs_dir=builds / part.id,
                photo_settings=photo_settings,
                progress=progress,
                site_url=address(part.id),
                in_city=InCity(catalogue.kelurahan, city.city.city, part.content),
                preview=preview,
            )
            indexed.append(indexing.submit(index_site, staging / part.id))
        for done in indexed:
            done.result()  # its BuildFailed, if any
        index_site(staging)  # one search over the whole city
        mkdocs_site.replace_site(staging, site_dir)
    finally:
        indexing.shutdown(cancel_futures=True)
        shutil.rmtree(staging, ignore_errors=True)
    return CityResult(city, parts, time.perf_counter() - started)
