"""Checks that need more than one file: ids, references and duplicates."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

from generator.model import Catalogue, Event, Vendor
from generator.problems import Problem
from generator.source import Document


def _choices(ids: list[str]) -> str:
    return "write one of: " + ", ".join(ids) if ids else "add it to content/catalogue.yml first"


def catalogue_ids(doc: Document) -> list[Problem]:
    """No category or programme id twice; read from the raw data, so this is
    reported together with any other problem in the file."""
    problems = []
    for group in ("categories", "programmes"):
        items = doc.data.get(group)
        seen: dict[object, int] = {}
        for i, item in enumerate(items if isinstance(items, list) else []):
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str):
                continue
            if ident in seen:
                problems.append(
                    doc.problem(
                        (group, i, "id"),
                        f"id `{ident}` is used twice (also {group}[{seen[ident]}])",
                        "give each one an id of its own",
                    )
                )
            seen.setdefault(ident, i)
    return problems


def vendor_refs(doc: Document, vendor: Vendor, catalogue: Catalogue) -> list[Problem]:
    categories = [c.id for c in catalogue.categories]
    programmes = [p.id for p in catalogue.programmes]
    problems = []
    if vendor.category not in categories:
        problems.append(
            doc.problem(
                ("category",), f"unknown category `{vendor.category}`", _choices(categories)
            )
        )
    for i, product in enumerate(vendor.products):
        if product.category is not None and product.category not in categories:
            problems.append(
                doc.problem(
                    ("products", i, "category"),
                    f"unknown category `{product.category}`",
                    _choices(categories),
                )
            )
    if vendor.programme is not None and vendor.programme not in programmes:
        problems.append(
            doc.problem(
                ("programme",), f"unknown programme `{vendor.programme}`", _choices(programmes)
            )
        )
    return problems


def event_refs(doc: Document, event: Event, vendor_files: set[str]) -> list[Problem]:
    """Stalls name existing vendors; no label or vendor appears twice."""
    problems = []
    labels: dict[str, int] = {}
    vendors: dict[str, int] = {}
    for i, stall in enumerate(event.stalls):
        label = stall.stall.upper()
        if label in labels:
            problems.append(
                doc.problem(
                    ("stalls", i, "stall"),
                    f"stall `{stall.stall}` is listed twice (also stalls[{labels[label]}])",
                    "give each stall its own label",
                )
            )
        labels.setdefault(label, i)
        if stall.vendor not in vendor_files:
            near = difflib.get_close_matches(stall.vendor, sorted(vendor_files), n=1, cutoff=0.5)
            hint = (
                f"did you mean `{near[0]}`? A vendor is named by its file name in content/vendors/"
                if near
                else "add the vendor's file to content/vendors/"
            )
            problems.append(
                doc.problem(
                    ("stalls", i, "vendor"), f"no vendor `{stall.vendor}` in content/vendors/", hint
                )
            )
        elif stall.vendor in vendors:
            problems.append(
                doc.problem(
                    ("stalls", i, "vendor"),
                    f"vendor `{stall.vendor}` has two stalls "
                    f"(also stalls[{vendors[stall.vendor]}])",
                    "list each vendor once; remove one of the stalls",
                )
            )
        vendors.setdefault(stall.vendor, i)
    return problems


def photo_refs(doc: Document, vendor: Vendor, content_dir: Path) -> list[Problem]:
    """Photo paths are relative to the YAML file and stay inside content/."""
    fields = [(("photo",), vendor.photo)] + [
        (("products", i, "photo"), p.photo) for i, p in enumerate(vendor.products)
    ]
    problems = []
    for loc, value in fields:
        if value is not None:
            why = _photo_problem(value, doc.path.parent, content_dir)
            if why:
                problems.append(doc.problem(loc, *why))
    return problems


_PHOTO_HINT = "put the photo in a folder next to this file and write e.g. `photo: foto/kue.jpg`"


def _photo_problem(value: str, folder: Path, content_dir: Path) -> tuple[str, str] | None:
    if re.match(r"^[a-z][a-z0-9+.-]*:", value, re.IGNORECASE) and not re.match(
        r"^[a-z]:[\\/]", value, re.IGNORECASE
    ):
        return f"`{value}` is a web address, not a file", _PHOTO_HINT
    if value.startswith(("/", "\\")) or re.match(r"^[a-z]:", value, re.IGNORECASE):
        return f"`{value}` is an absolute path", _PHOTO_HINT
    if "\\" in value:
        return f"`{value}` uses `\\`", "separate folders with `/`, e.g. `photo: foto/kue.jpg`"
    if ".." in value.split("/"):
        return f"`{value}` goes up out of this folder (`..`)", _PHOTO_HINT
    target = folder / value
    try:
        inside = target.resolve().is_relative_to(content_dir.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        inside = False
    if not inside:
        return f"`{value}` is a link that leads outside content/", "copy the photo itself here"
    if not target.is_file():
        return f"no file `{value}` next to this file", "check the spelling and the folder"
    return None
