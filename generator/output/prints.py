"""Write the printed catalogues (PDF) into a folder; the only module that writes PDFs.

A PDF is made again only when its data (or the template, fonts or engine) changed: a
fingerprint of each is kept in a manifest (`manifest`) beside the PDFs, which also says
which PDFs are ours, so only those are ever replaced or deleted. The manifest also keeps
what they were all made from (`inputs`): a build made from the same takes the
fingerprints from there, without making the data again. A PDF that is made again is bound
from its parts (`printed/bind.py`), of which only those whose data changed are laid out
again: the others are kept in a dotfolder beside the PDFs (`PARTS`, `output/parts.py`).
"""

from __future__ import annotations

import functools
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
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
from generator.output.parts import Parts, remember_parts
from generator.printed import bind, render, typeset
from generator.problems import BuildFailed

STATE = ".katalog-cetak.json"  # a dotfile: MkDocs does not publish it
PARTS = ".katalog-cetak-bagian"  # laid-out parts (`output/parts.py`), not published either
CATALOGUE = "katalog.pdf"


# Each PDF is made in a process of its own: Typst keeps what it laid out in memory until
# its process ends (about 0.5 GB for a 1,000-vendor catalogue), and two documents are
# made side by side on two cores. Two at most: memory, not cores, is the limit.
WORKERS = 2


@dataclass(frozen=True)
class Job:
    """One PDF, and optionally its booklet."""

    path: str
    source: Callable[[], str]
    """What the PDF shows, as its template reads it: everything it is made from."""
    booklet: str | None = None

    @property
    def paths(self) -> list[str]:
        return [self.path] + ([self.booklet] if self.booklet else [])


@dataclass(frozen=True)
class PrintReport:
    made: list[str]
    unchanged: int
    removed: int


def booklet_name(path: str) -> str:
    return path.removesuffix(".pdf") + "-booklet.pdf"


def jobs(index: Index) -> list[Job]:
    """Every printed file: the whole catalogue, and per event its catalogue and stall cards."""
    out = [_job(CATALOGUE, lambda: render.catalogue_document(index), booklet=True)]
    for slug in sorted(index.content.events):
        out.append(
            _job(f"acara/{slug}/katalog.pdf", lambda s=slug: render.event_document(index, s), True)
        )
        out.append(
            _job(f"acara/{slug}/kartu-lapak.pdf", lambda s=slug: render.cards_document(index, s))
        )
    return out


def _job(path: str, document: Callable[[], render.Document], booklet: bool = False) -> Job:
    # Made once: the fingerprint and the PDF come from the same source.
    source = functools.cache(lambda: document().source())
    return Job(path, source, booklet_name(path) if booklet else None)


def _make(
    source: str, booklet: bool, templates: tuple[Path, Path], folder: Path
) -> tuple[list[bytes], set[str]]:
    """In a worker: the PDF, and its booklet; and the parts they were made of."""
    store = Parts(folder)
    return bind.make(source, store, templates, booklet), store.used


def _made(
    todo: list[Job], folder: Path, progress: Callable[[str], None] | None
) -> Iterator[tuple[Job, list[bytes], set[str]]]:
    """Each job with its PDFs, as they are made (by up to `WORKERS` processes)."""
    if not todo:
        return
    context = multiprocessing.get_context("spawn")  # `serve` and the city build run threads
    workers = min(WORKERS, len(todo), os.cpu_count() or 1)
    with ProcessPoolExecutor(workers, mp_context=context, max_tasks_per_child=1) as pool:
        futures = {}
        for job in todo:
            if progress:
                progress(job.path)
            booklet = job.booklet is not None
            templates = (typeset.TEMPLATE, typeset.BINDING)
            futures[pool.submit(_make, job.source(), booklet, templates, folder)] = job
        for future in as_completed(futures):
            job = futures[future]
            try:
                yield job, *future.result()
            except typeset.LayoutFailed as err:
                for waiting in futures:  # not started yet: not started at all
                    waiting.cancel()
                raise BuildFailed(err.message()) from None
            except BrokenProcessPool:  # the worker was killed: out of memory, most likely
                raise BuildFailed(t("print.crashed", path=job.path)) from None


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
    unchanged = 0
    owned = dict(before.files)  # what the manifest says while we work
    todo: list[Job] = []
    jobs_now = jobs(index)
    for job in jobs_now:
        key = known.get(job.path) or typeset.fingerprint(job.source())
        for path in job.paths:
            if path not in before.files and (out_dir / path).exists():
                raise BuildFailed(t("build.clash", path=out_dir / path))
            after[path] = key
        if all(before.files.get(p) == key and (out_dir / p).is_file() for p in job.paths):
            unchanged += len(job.paths)
            continue
        for path in job.paths:
            refuse_outside(out_dir, out_dir / path)
        todo.append(job)
    if todo:
        # Claimed with no fingerprint first: a build killed half-way still knows these
        # files as its own, and makes them again next time.
        owned.update(dict.fromkeys((p for job in todo for p in job.paths), ""))
        write_manifest(state, Manifest(owned))
    used = {}
    for job, pdfs, keys in _made(todo, out_dir / PARTS, progress):
        for path, pdf in zip(job.paths, pdfs, strict=True):
            write_atomically(out_dir / path, pdf)
        used[job.path] = keys
    remember_parts(out_dir / PARTS, used, {job.path for job in jobs_now})
    made = [path for job in todo for path in job.paths]
    removed = remove_stale(out_dir, before.files.keys() - after.keys())
    now = Manifest(after, made_from)
    if now != before or made:  # `made` also when a PDF had gone missing
        write_manifest(state, now)
    return PrintReport(made, unchanged, removed)
