"""Find every content file, parse and validate it, then check references across files.

Everything is validated before anything is written; all problems are
collected and raised once as `ContentInvalid`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator import checks, fields, photos
from generator.messages import t
from generator.model import Catalogue, Event, Synonyms, Vendor
from generator.problems import ContentInvalid, Problem
from generator.source import Document, load_document
from generator.validate import to_model


@dataclass(frozen=True)
class Content:
    """The whole validated catalogue."""

    catalogue: Catalogue
    vendors: dict[str, Vendor]
    """By slug (the file name)."""
    events: dict[str, Event]
    """By slug (the file name)."""
    synonyms: list[list[str]] = field(default_factory=list)
    """Groups of words that mean the same, for search (`content/synonyms.yml`)."""
    photos: list[photos.Ref] = field(default_factory=list)
    """Every photo field that names a usable photo, in file order."""


def display_path(path: Path) -> str:
    """The path as the volunteer would type it: relative to where the command runs."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


# A parsed and validated file, remembered by `serve` between edits: an unchanged file
# (same size and modification time) is not read again.
Parsed = tuple[Document | None, BaseModel | None, list[Problem]]
FileCache = dict[tuple[str, type, int, int], Parsed]


def load_content(content_dir: Path, cache: FileCache | None = None) -> Content:
    problems: list[Problem] = []
    catalogue_file = content_dir / "catalogue.yml"
    if not content_dir.is_dir():
        raise ContentInvalid([_whole(content_dir, "content.missing")])
    catalogue_doc, catalogue = None, None
    if catalogue_file.is_file():
        catalogue_doc, catalogue, found = _parse(catalogue_file, Catalogue, cache)
        problems += found + (checks.catalogue_ids(catalogue_doc) if catalogue_doc else [])
    else:
        problems.append(_whole(catalogue_file, "catalogue.missing"))

    synonyms: list[list[str]] = []
    synonyms_file = content_dir / "synonyms.yml"
    if synonyms_file.is_file():  # optional: search works without it, only less forgiving
        synonyms_doc, parsed, found = _parse(synonyms_file, Synonyms, cache)
        problems += found
        if synonyms_doc is not None and parsed is not None:
            problems += checks.synonym_groups(synonyms_doc, parsed)
            synonyms = [list(group) for group in parsed.synonyms]

    vendor_docs, vendors = _read_folder(content_dir / "vendors", Vendor, problems, cache)
    # Stalls may name a vendor whose file has problems of its own: those are reported
    # there, not again as "no such vendor" in every event.
    vendor_files = {p.stem for p in _yaml_files(content_dir / "vendors")}
    event_docs, events = _read_folder(content_dir / "events", Event, problems, cache)

    if catalogue is not None:
        for slug, vendor in vendors.items():
            problems += checks.vendor_refs(vendor_docs[slug], vendor, catalogue)
    photo_refs: list[photos.Ref] = []
    for slug, vendor in vendors.items():
        found, refs = checks.photo_refs(vendor_docs[slug], slug, vendor, content_dir)
        problems += found
        photo_refs += refs
    for slug, event in events.items():
        problems += checks.event_refs(event_docs[slug], event, vendor_files)
    if cache is not None:
        _forget_old_versions(cache)
    if problems or catalogue is None:
        raise ContentInvalid(problems)
    return Content(catalogue, vendors, events, synonyms=synonyms, photos=photo_refs)


def _forget_old_versions(cache: FileCache) -> None:
    """Drop files edited or deleted since they were cached: a long preview stays small."""
    for key in list(cache):
        path = Path(key[0])
        try:
            stat = path.stat()
        except OSError:
            del cache[key]
            continue
        if (stat.st_mtime_ns, stat.st_size) != key[2:]:
            del cache[key]


def _parse(path: Path, model: type, cache: FileCache | None) -> Parsed:
    """Read, parse and validate one file (or remember having done so)."""
    key = None
    if cache is not None:
        stat = path.stat()
        key = (str(path), model, stat.st_mtime_ns, stat.st_size)
        if key in cache:
            return cache[key]
    loaded = load_document(path, display_path(path))
    if isinstance(loaded, list):
        parsed: Parsed = (None, None, loaded)
    else:
        value, found = to_model(loaded, model)
        parsed = (loaded, value, found)
    if cache is not None and key is not None:
        cache[key] = parsed
    return parsed


def _whole(path: Path, code: str, **params: object) -> Problem:
    """A problem with a whole file: message `code`, hint `code.hint`."""
    return Problem(display_path(path), message=t(code, **params), hint=t(code + ".hint", **params))


def _yaml_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix in (".yml", ".yaml") and p.is_file() and not p.name.startswith(".")
    )


def _read_folder(
    folder: Path, model: type, problems: list[Problem], cache: FileCache | None
) -> tuple[dict[str, Document], dict[str, Any]]:
    docs: dict[str, Document] = {}
    values: dict[str, Any] = {}
    for path in _yaml_files(folder):  # README.md and the like may live beside the content
        if path.suffix == ".yaml":
            problems.append(_whole(path, "file.yaml_ext", stem=path.stem))
            continue
        why = fields.slug_problem(path.stem)
        if why:
            suggestion = fields.suggest_slug(path.stem, "nama-usaha")
            problems.append(
                Problem(
                    display_path(path),
                    message=t("file.bad_name"),
                    hint=t("file.rename", suggestion=suggestion, why=why),
                )
            )
            continue
        doc, value, found = _parse(path, model, cache)
        problems += found
        if doc is not None:
            docs[path.stem] = doc
        if value is not None:
            values[path.stem] = value
    return docs, values
