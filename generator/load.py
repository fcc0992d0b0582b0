"""Find every content file, parse and validate it, then check references across files.

Everything is validated before anything is written; all problems are
collected and raised once as `ContentInvalid`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from generator import checks, fields
from generator.messages import t
from generator.model import Catalogue, Event, Vendor
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


def display_path(path: Path) -> str:
    """The path as the volunteer would type it: relative to where the command runs."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)


def load_content(content_dir: Path) -> Content:
    problems: list[Problem] = []
    catalogue_file = content_dir / "catalogue.yml"
    if not content_dir.is_dir():
        raise ContentInvalid([_whole(content_dir, "content.missing")])
    catalogue_doc = None
    if catalogue_file.is_file():
        catalogue_doc = _read(catalogue_file, problems)
    else:
        problems.append(_whole(catalogue_file, "catalogue.missing"))
    catalogue, found = to_model(catalogue_doc, Catalogue) if catalogue_doc else (None, [])
    problems += found + (checks.catalogue_ids(catalogue_doc) if catalogue_doc else [])

    vendor_docs = _read_folder(content_dir / "vendors", problems)
    # Stalls may name a vendor whose file has problems of its own: those are reported
    # there, not again as "no such vendor" in every event.
    vendor_files = {p.stem for p in _yaml_files(content_dir / "vendors")}
    event_docs = _read_folder(content_dir / "events", problems)
    vendors = _models(vendor_docs, Vendor, problems)
    events = _models(event_docs, Event, problems)

    if catalogue is not None:
        for slug, vendor in vendors.items():
            problems += checks.vendor_refs(vendor_docs[slug], vendor, catalogue)
    for slug, vendor in vendors.items():
        problems += checks.photo_refs(vendor_docs[slug], vendor, content_dir)
    for slug, event in events.items():
        problems += checks.event_refs(event_docs[slug], event, vendor_files)
    if problems or catalogue is None:
        raise ContentInvalid(problems)
    return Content(catalogue, vendors, events)


def _read(path: Path, problems: list[Problem]) -> Document | None:
    loaded = load_document(path, display_path(path))
    if isinstance(loaded, list):
        problems += loaded
        return None
    return loaded


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


def _read_folder(folder: Path, problems: list[Problem]) -> dict[str, Document]:
    docs: dict[str, Document] = {}
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
        doc = _read(path, problems)
        if doc is not None:
            docs[path.stem] = doc
    return docs


def _models(docs: dict[str, Document], model: type, problems: list[Problem]) -> dict:
    out = {}
    for slug, doc in docs.items():
        value, found = to_model(doc, model)
        problems += found
        if value is not None:
            out[slug] = value
    return out
