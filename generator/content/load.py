"""Find every content file, parse and validate it, then check references across files.

Everything is validated before anything is written; all problems are
collected and raised once as `ContentInvalid`.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from generator.content import references, values
from generator.content.model import Catalogue, Event, Synonyms, Vendor
from generator.content.source import Document, load_document
from generator.content.validate import to_model
from generator.messages import Msg, message_and_hint, t
from generator.problems import ContentInvalid, Problem


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
    photos: list[references.PhotoRef] = field(default_factory=list)
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


def load_content(
    content_dir: Path,
    cache: FileCache | None = None,
    *,
    judge_photo: references.PhotoJudge | None,
) -> Content:
    """Every file parsed, validated and checked against the others; each photo named
    also judged by `judge_photo` when given (see `photos.inspect`). Raises
    `ContentInvalid` with all the problems found."""
    catalogue, problems = _read_catalogue(content_dir, cache)

    synonyms: list[list[str]] = []
    synonyms_file = content_dir / "synonyms.yml"
    if _outside(synonyms_file, content_dir):
        problems.append(_whole(synonyms_file, "file.outside"))
    elif synonyms_file.is_file():  # optional: search works without it, only less forgiving
        synonyms_doc, parsed, found = parse_file(synonyms_file, Synonyms, cache)
        problems += found
        if synonyms_doc is not None and parsed is not None:
            problems += references.synonym_groups(synonyms_doc, parsed)
            synonyms = [list(group) for group in parsed.synonyms]

    vendor_list = list_folder(content_dir / "vendors", content_dir)
    event_list = list_folder(content_dir / "events", content_dir)
    problems += vendor_list.problems + event_list.problems
    vendor_docs, vendors = _read_folder(vendor_list.files, Vendor, problems, cache)
    event_docs, events = _read_folder(event_list.files, Event, problems, cache)
    problems += unused_problems(vendor_list, vendor_docs) + unused_problems(event_list, {})
    # Stalls may name a vendor whose file has problems of its own (its name included):
    # those are reported there, not again as "no such vendor" in every event.
    vendor_files = vendor_list.slugs

    if catalogue is not None:
        for slug, vendor in vendors.items():
            problems += references.vendor_refs(vendor_docs[slug], vendor, catalogue)
    photo_refs: list[references.PhotoRef] = []
    for slug, vendor in vendors.items():
        found, refs = references.photo_refs(
            vendor_docs[slug], slug, vendor, content_dir, judge_photo
        )
        problems += found
        photo_refs += refs
    for slug, event in events.items():
        problems += references.event_refs(event_docs[slug], event, vendor_files)
    if cache is not None:
        _forget_old_versions(cache)
    if problems or catalogue is None:
        raise ContentInvalid(problems)
    return Content(catalogue, vendors, events, synonyms=synonyms, photos=photo_refs)


def load_catalogue(content_dir: Path) -> tuple[Catalogue, list[str]]:
    """catalogue.yml alone, and the vendor ids there are files for: what `new` needs,
    without being stopped by problems in other files."""
    catalogue, problems = _read_catalogue(content_dir, None)
    if problems or catalogue is None:
        raise ContentInvalid(problems)
    vendors = list_folder(content_dir / "vendors", content_dir).files
    return catalogue, [path.stem for path in vendors]


def _read_catalogue(
    content_dir: Path, cache: FileCache | None
) -> tuple[Catalogue | None, list[Problem]]:
    """catalogue.yml parsed, validated and its ids checked, or its problems. Without a
    content folder there is nothing else to check: raises `ContentInvalid`."""
    if not content_dir.is_dir():
        raise ContentInvalid([_whole(content_dir, "content.missing")])
    catalogue_file = content_dir / "catalogue.yml"
    if _outside(catalogue_file, content_dir):
        return None, [_whole(catalogue_file, "file.outside")]
    if not catalogue_file.is_file():
        return None, [_whole(catalogue_file, "catalogue.missing")]
    doc, catalogue, found = parse_file(catalogue_file, Catalogue, cache)
    return catalogue, found + (references.catalogue_ids(doc) if doc else [])


def _outside(path: Path, content_dir: Path) -> bool:
    """A link to a file outside content/ (`catalogue.yml -> /etc/passwd`): never read."""
    return path.is_symlink() and references.leads_outside(path, content_dir)


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


def parse_file(path: Path, model: type, cache: FileCache | None = None) -> Parsed:
    """Read, parse and validate one file (or remember having done so in `cache`): what
    `check` does to every file and `new` to the one it writes."""
    key = None
    if cache is not None:
        try:
            stat = path.stat()
        except OSError as err:  # deleted, or a link to nothing, since the folder was listed
            return (None, None, [_whole(path, "file.unreadable", reason=err.strerror)])
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
    message, hint = message_and_hint(code, **params)
    return Problem(display_path(path), message=message, hint=hint)


# What may sit in vendors/ and events/ beside the content files.
PHOTO_FOLDER = "foto"
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif"}
_SYSTEM_FILES = {"thumbs.db", "desktop.ini", ".ds_store"}  # made by the operating system


@dataclass
class Listing:
    """What one content folder holds: every entry is content, a problem, or (photos and
    folders) a problem unless a `photo:` field names it."""

    files: list[Path] = field(default_factory=list)
    """Content files with a usable name."""
    problems: list[Problem] = field(default_factory=list)
    unused: list[Path] = field(default_factory=list)
    """Photos and folders beside the content files; fine when a photo field uses them."""
    slugs: set[str] = field(default_factory=set)
    """The ids the files have, or will have once renamed as their problem says."""


def _is_yaml_name(name: str) -> bool:
    return name.strip().lower().endswith((".yml", ".yaml"))


def _ignored(name: str) -> bool:
    """Notes for people, and files that editors and operating systems leave behind."""
    lower = name.lower()
    if lower.split(".", 1)[0] == "readme" or lower in _SYSTEM_FILES:
        return True
    if name.startswith("._"):  # macOS keeps a file's Finder details in `._<name>`
        return True
    if name.startswith(".#") or name.endswith("~") or (name[:1] == "#" and name[-1:] == "#"):
        return True  # an editor's lock, backup or autosave file, gone after the save
    return name.startswith(".") and not _is_yaml_name(name)  # .gitkeep, .toko.yml.swp


def list_folder(folder: Path, content_dir: Path) -> Listing:
    """Sort every entry of `folder` (vendors/ or events/) into content and problems:
    a file the catalogue would skip must never be skipped without a word."""
    listing = Listing()
    if not folder.is_dir():
        return listing
    if references.leads_outside(folder, content_dir):  # `vendors -> /etc`: list nothing there
        problem = _whole(folder, "folder.outside")
        listing.problems.append(dataclasses.replace(problem, file=problem.file + "/"))
        return listing
    kind = folder.name
    for path in sorted(folder.iterdir()):
        name = path.name
        if _ignored(name) or (name == PHOTO_FOLDER and path.is_dir()):
            continue
        if path.is_dir() or (kind == "vendors" and path.suffix.lower() in PHOTO_SUFFIXES):
            listing.unused.append(path)
        elif not _is_yaml_name(name):
            stem = values.suggest_slug(name.split(".", 1)[0], _EXAMPLE[kind])
            listing.problems.append(_not_content(path, f"{stem}.yml", kind))
        else:
            problem, slug = _name_problem(path, kind)
            if problem is None and references.leads_outside(path, content_dir):
                problem = _whole(path, "file.outside")
            elif problem is None and path.exists() and not path.is_file():
                problem = _whole(path, "file.not_regular")  # a pipe would hang the read
            if problem is None:
                listing.files.append(path)
            else:
                listing.problems.append(problem)
            if slug:
                listing.slugs.add(slug)
    return listing


_EXAMPLE = {"vendors": "nama-usaha", "events": "nama-bazar"}


def _name_problem(path: Path, kind: str) -> tuple[Problem | None, str]:
    """The problem with a YAML file's name, if any, and the id it has or should have."""
    name = path.name
    bare = name.strip()
    stem, _, ext = bare.rpartition(".")
    ext = "." + ext
    if not stem.strip(". "):  # `.yml`, `..yml`: nothing to go on
        message, hint = t("file.no_name", ext=ext), t(f"file.no_name.{kind}")
        return Problem(display_path(path), message=message, hint=hint), ""
    bad = values.slug_problem(stem, _EXAMPLE[kind])
    slug = bad[1] if bad else stem  # a good name is its own suggestion
    if bare != name:
        message = t("file.space")
    elif ext.lower() == ".yaml":
        message = t("file.yaml_ext", ext=ext)
    elif ext != ".yml":
        message = t("file.ext_case", ext=ext)
    elif bad:  # a good ending; the name itself can't be a page address
        hint = t("file.rename", suggestion=slug, why=bad[0])
        return Problem(display_path(path), message=t("file.bad_name"), hint=hint), slug
    else:
        return None, stem
    return Problem(display_path(path), message=message, hint=_rename(path, f"{slug}.yml")), slug


def _rename(path: Path, name: str) -> Msg:
    """Rename to `name`, unless another file of that name is already there."""
    taken = path.with_name(name)
    try:
        clash = taken.exists() and not taken.samefile(path)  # one file on Windows and macOS
    except OSError:
        clash = False
    return t("file.rename_taken" if clash else "file.rename_to", name=name)


def _not_content(path: Path, name: str, kind: str) -> Problem:
    if path.with_name(name).exists():
        hint = t("file.copy", name=name)  # `toko.yml.bak` beside `toko.yml`
    else:
        hint = t(f"file.not_content.{kind}", name=name)
    return Problem(display_path(path), message=t("file.not_content"), hint=hint)


def unused_problems(listing: Listing, docs: dict[str, Document]) -> list[Problem]:
    """Photos and folders beside the content files that no `photo:` field uses: a
    vendor file put in a folder of its own would otherwise never be read."""
    used = set()
    for doc in docs.values():
        products = doc.data.get("products")
        values = [doc.data.get("photo")] + [
            p.get("photo")
            for p in (products if isinstance(products, list) else [])
            if isinstance(p, dict)
        ]
        used |= {v.removeprefix("./").split("/", 1)[0] for v in values if isinstance(v, str)}
    problems = []
    for path in listing.unused:
        if path.name in used:
            continue
        if path.is_dir():
            folder, kind = display_path(path.parent), path.parent.name
            hint = t(f"folder.not_content.{kind}", folder=folder)
            message = t("folder.not_content")
            problems.append(Problem(display_path(path) + "/", message=message, hint=hint))
        else:
            problems.append(_whole(path, "photo.unused", name=path.name))
    return problems


def _read_folder(
    files: list[Path], model: type, problems: list[Problem], cache: FileCache | None
) -> tuple[dict[str, Document], dict[str, Any]]:
    docs: dict[str, Document] = {}
    values: dict[str, Any] = {}
    for path in files:
        doc, value, found = parse_file(path, model, cache)
        problems += found
        if doc is not None:
            docs[path.stem] = doc
        if value is not None:
            values[path.stem] = value
    return docs, values
