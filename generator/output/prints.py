"""Write the printed catalogues (PDF) into a folder; the only module that writes PDFs.

Laying out a PDF takes seconds, so a PDF is made again only when its HTML (or the
stylesheet, fonts or engine) changed: a fingerprint of each is kept in a manifest
(`manifest`) beside the PDFs, which also says which PDFs are ours, so only those are
ever replaced or deleted. Rendering every HTML to fingerprint it takes a second too: the
manifest also keeps what they were all made from (`inputs`), and a build made from the
same takes the fingerprints from there.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.content.index import Index
from generator.messages import t
from generator.output import inputs
from generator.output.manifest import (
    Manifest,
    read_manifest,
    refuse_outside,
    remove_stale,
    write_atomically,
    write_manifest,
)
from generator.printed import layout, render
from generator.problems import BuildFailed

STATE = ".katalog-cetak.json"  # a dotfile: MkDocs does not publish it
CATALOGUE = "katalog.pdf"


@dataclass(frozen=True)
class Job:
    """One PDF, and optionally its booklet."""

    path: str
    source: Callable[[], str]
    """Everything the PDF is made from (HTML): unchanged source, unchanged PDF."""
    make: Callable[[], bytes]
    booklet: str | None = None


@dataclass(frozen=True)
class PrintReport:
    made: list[str]
    unchanged: int
    removed: int


def booklet_name(path: str) -> str:
    return path.removesuffix(".pdf") + "-booklet.pdf"


def jobs(index: Index) -> list[Job]:
    """Every printed file: the whole catalogue, and per event its catalogue and stall cards."""
    out = [_plan_job(CATALOGUE, lambda: render.catalogue_plan(index))]
    for slug in sorted(index.content.events):
        path = f"acara/{slug}/katalog.pdf"
        out.append(_plan_job(path, lambda s=slug: render.event_plan(index, s)))
        sheets = functools.cache(lambda s=slug: render.cards_html(index, s))
        out.append(
            Job(
                f"acara/{slug}/kartu-lapak.pdf",
                lambda sheets=sheets: "\0".join(sheets()),
                lambda sheets=sheets: _merge(sheets()),
            )
        )
    return out


def _plan_job(path: str, plan: Callable[[], render.Plan]) -> Job:
    made = functools.cache(plan)  # the source and the PDF come from one plan
    return Job(path, lambda: made().source(), lambda: _compose(made()), booklet_name(path))


# Imported when a PDF is made: a build that finds them all up to date needs no pypdf.
def _compose(plan: render.Plan) -> bytes:
    from generator.printed import compose

    return compose.make(plan)


def _merge(sheets: list[str]) -> bytes:
    from generator.printed import compose

    return compose.merge([laid.pdf for laid in layout.lay_out(sheets)])


def _booklet(pdf: bytes) -> bytes:
    from generator.printed import booklet

    return booklet.impose(pdf)


def write_prints(
    index: Index, out_dir: Path, progress: Callable[[str], None] | None = None
) -> PrintReport:
    """Make `out_dir` hold every printed file; remake only those whose input changed."""
    state = out_dir / STATE
    before = read_manifest(state)
    made_from = inputs.made_from("prints", index.content, index.today)
    # The fingerprints of the last build, if it was made from the same as this one.
    known = before.files if before.made_from == made_from else {}
    after: dict[str, str] = {}
    made: list[str] = []
    unchanged = 0
    owned = dict(before.files)  # what the manifest says while we work
    for job in jobs(index):
        key = known.get(job.path) or layout.fingerprint(job.source())
        paths = [job.path] + ([job.booklet] if job.booklet else [])
        for path in paths:
            if path not in before.files and (out_dir / path).exists():
                raise BuildFailed(t("build.clash", path=out_dir / path))
            after[path] = key
        if all(before.files.get(p) == key and (out_dir / p).is_file() for p in paths):
            unchanged += len(paths)
            continue
        if progress:
            progress(job.path)
        for path in paths:
            refuse_outside(out_dir, out_dir / path)
        pdf = job.make()
        # Claimed with no fingerprint first: a build killed half-way still knows these
        # files as its own, and makes them again next time.
        owned.update(dict.fromkeys(paths, ""))
        write_manifest(state, Manifest(owned))
        write_atomically(out_dir / job.path, pdf)
        made.append(job.path)
        if job.booklet:
            write_atomically(out_dir / job.booklet, _booklet(pdf))
            made.append(job.booklet)
    removed = remove_stale(out_dir, before.files.keys() - after.keys())
    now = Manifest(after, made_from)
    if now != before or made:  # `made` also when a PDF had gone missing
        write_manifest(state, now)
    return PrintReport(made, unchanged, removed)
