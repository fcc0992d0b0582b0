"""Checks that need more than one file: ids, references, duplicates and photo paths."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from generator.content.model import Catalogue, Event, Synonyms, Vendor
from generator.content.source import Document
from generator.content.values import natural_key
from generator.messages import Msg, t
from generator.problems import Problem


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
                other = f"{group}[{seen[ident]}]"
                problems.append(
                    doc.problem(
                        (group, i, "id"),
                        t("id.duplicate", value=ident, other=other),
                        t("id.duplicate.hint"),
                    )
                )
            seen.setdefault(ident, i)
    return problems


def vendor_refs(doc: Document, vendor: Vendor, catalogue: Catalogue) -> list[Problem]:
    categories = [c.id for c in catalogue.categories]
    programmes = [p.id for p in catalogue.programmes]
    problems = []
    if vendor.category not in categories:
        found = unknown_id("category.unknown", vendor.category, categories)
        problems.append(doc.problem(("category",), *found))
    for i, product in enumerate(vendor.products):
        if product.category is not None and product.category not in categories:
            found = unknown_id("category.unknown", product.category, categories)
            problems.append(doc.problem(("products", i, "category"), *found))
    if vendor.programme is not None and vendor.programme not in programmes:
        found = unknown_id("programme.unknown", vendor.programme, programmes)
        problems.append(doc.problem(("programme",), *found))
    return problems


def unknown_id(code: str, value: str, ids: list[str]) -> tuple[Msg, Msg]:
    """`value` is none of catalogue.yml's `ids` (categories, programmes): message `code`,
    and the ids to choose from as its hint."""
    choices = t("choice.one_of", choices=", ".join(ids)) if ids else t("choice.none")
    return t(code, value=value), choices


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
                    t("stall.duplicate", value=stall.stall, other=f"stalls[{labels[label]}]"),
                    t("stall.duplicate.hint"),
                )
            )
        labels.setdefault(label, i)
        if stall.vendor not in vendor_files:
            problems.append(
                doc.problem(("stalls", i, "vendor"), *unknown_vendor(stall.vendor, vendor_files))
            )
        elif stall.vendor in vendors:
            problems.append(
                doc.problem(
                    ("stalls", i, "vendor"),
                    t(
                        "stall.vendor_twice",
                        value=stall.vendor,
                        other=f"stalls[{vendors[stall.vendor]}]",
                    ),
                    t("stall.vendor_twice.hint"),
                )
            )
        vendors.setdefault(stall.vendor, i)
    return problems + _plan_refs(doc, event, labels)


def _plan_refs(doc: Document, event: Event, labels: dict[str, int]) -> list[Problem]:
    """Every label of `denah` is one of the event's stalls, standing in one place."""
    problems, placed = [], {}
    for r, row in enumerate(event.denah or []):
        for c, label in enumerate(row):
            if label is None:
                continue
            where = ("denah", r, c)
            if label.upper() not in labels:
                known = ", ".join(sorted((s.stall for s in event.stalls), key=natural_key))
                hint = t("denah.unknown.hint", known=known)
                problems.append(doc.problem(where, t("denah.unknown", value=label), hint))
            elif label.upper() in placed:
                other = "denah[{}][{}]".format(*placed[label.upper()])
                said = t("denah.twice", value=label, other=other)
                problems.append(doc.problem(where, said, t("denah.twice.hint")))
            placed.setdefault(label.upper(), (r, c))
    return problems


def unknown_vendor(value: str, vendor_files: Iterable[str]) -> tuple[Msg, Msg]:
    """A stall names no vendor file: the message, and as its hint the closest file name
    (a typo, most likely) or how to add the vendor."""
    near = difflib.get_close_matches(value, sorted(vendor_files), n=1, cutoff=0.5)
    hint = t("stall.did_you_mean", close=near[0]) if near else t("stall.add_vendor")
    return t("stall.unknown_vendor", value=value), hint


# Judges a photo file from its header: (message, hint) if it cannot be published. The
# photos package gives one (`photos.inspect.judge`); content itself never opens an image.
PhotoJudge = Callable[[Path, str], "tuple[Msg, Msg] | None"]


@dataclass(frozen=True)
class PhotoRef:
    """One `photo:` field that passed the checks: where it is written and what it names."""

    slug: str
    """The vendor file's name without `.yml`."""
    value: str
    """As written in the file, e.g. `foto/amplang.jpg`."""
    source: Path
    """The file itself, resolved."""
    problem: Callable[[Msg, Msg], Problem]
    """Locates a problem found later, when the photo is decoded, at this field."""


def photo_refs(
    doc: Document, slug: str, vendor: Vendor, content_dir: Path, judge: PhotoJudge | None
) -> tuple[list[Problem], list[PhotoRef]]:
    """Photo paths are relative to the YAML file, stay inside content/ and name a photo
    we can publish (judged by `judge` from its size and header; publishing decodes it)."""
    fields = [(("photo",), vendor.photo)] + [
        (("products", i, "photo"), p.photo) for i, p in enumerate(vendor.products)
    ]
    problems, refs = [], []
    for loc, value in fields:
        if value is None:
            continue
        why = _photo_problem(value, doc.path.parent, content_dir)
        target = doc.path.parent / value
        if why is None and judge is not None:
            why = judge(target, value)
        if why:
            problems.append(doc.problem(loc, *why))
        else:
            refs.append(
                PhotoRef(slug, value, target.resolve(), functools.partial(doc.problem, loc))
            )
    return problems, refs


def _photo_problem(value: str, folder: Path, content_dir: Path) -> tuple[Msg, Msg] | None:
    """What is wrong with the path itself, before the file is looked at."""
    hint = t("photo.hint")
    if re.match(r"^[a-z][a-z0-9+.-]*:", value, re.IGNORECASE) and not re.match(
        r"^[a-z]:[\\/]", value, re.IGNORECASE
    ):
        return t("photo.url", value=value), hint
    if value.startswith(("/", "\\")) or re.match(r"^[a-z]:", value, re.IGNORECASE):
        return t("photo.absolute", value=value), hint
    if "\\" in value:
        return t("photo.backslash", value=value), t("photo.backslash.hint")
    if ".." in value.split("/"):
        return t("photo.up", value=value), hint
    target = folder / value
    if leads_outside(target, content_dir):
        return t("photo.outside", value=value), t("photo.outside.hint")
    if not target.is_file():
        return t("photo.missing", value=value), t("photo.missing.hint")
    return None


def leads_outside(target: Path, content_dir: Path) -> bool:
    """Whether `target`, followed through any links, ends up outside content/ (a link
    to /etc/passwd, say): such a file is never read, let alone published."""
    try:
        return not target.resolve().is_relative_to(content_dir.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        return True


def synonym_groups(doc: Document, synonyms: Synonyms) -> list[Problem]:
    """A word in two groups would make the two groups one without anyone deciding it."""
    problems = []
    seen: dict[str, tuple[int, int]] = {}
    for i, group in enumerate(synonyms.synonyms):
        for j, word in enumerate(group):
            if word in seen:
                line = doc.where(("synonyms", *seen[word]))[0]
                problems.append(
                    doc.problem(
                        ("synonyms", i, j),
                        t("word.duplicate", value=word, other=t("word.line", line=line)),
                        t("word.duplicate.hint"),
                    )
                )
            seen.setdefault(word, (i, j))
    return problems
