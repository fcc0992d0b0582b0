"""Write the printed catalogues (PDF) into a folder; the only module that writes PDFs.

Laying out a PDF takes seconds, so a PDF is made again only when its HTML (or the
stylesheet, fonts or engine) changed: a fingerprint of each is kept in a state
file beside the PDFs. Like the page manifest, the state file also says which
PDFs are ours, so only those are ever replaced or deleted.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.content.index import Index
from generator.messages import t
from generator.output.write import _write_atomically, refuse_outside, remove_stale
from generator.printed import booklet, compose, layout, render
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
                lambda sheets=sheets: compose.merge(
                    [laid.pdf for laid in layout.lay_out(sheets())]
                ),
            )
        )
    return out


def _plan_job(path: str, plan: Callable[[], render.Plan]) -> Job:
    made = functools.cache(plan)  # the source and the PDF come from one plan
    return Job(path, lambda: made().source(), lambda: compose.make(made()), booklet_name(path))


def write_prints(
    index: Index, out_dir: Path, progress: Callable[[str], None] | None = None
) -> PrintReport:
    """Make `out_dir` hold every printed file; remake only those whose input changed."""
    before = _read_state(out_dir)
    after: dict[str, str] = {}
    made: list[str] = []
    unchanged = 0
    owned = dict(before)  # what the state file says while we work
    for job in jobs(index):
        key = layout.fingerprint(job.source())
        paths = [job.path] + ([job.booklet] if job.booklet else [])
        for path in paths:
            if path not in before and (out_dir / path).exists():
                raise BuildFailed(t("build.clash", path=out_dir / path))
            after[path] = key
        if all(before.get(p) == key and (out_dir / p).is_file() for p in paths):
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
        _claim(out_dir, owned)
        _write_atomically(out_dir / job.path, pdf)
        made.append(job.path)
        if job.booklet:
            _write_atomically(out_dir / job.booklet, booklet.impose(pdf))
            made.append(job.booklet)
    removed = remove_stale(out_dir, before.keys() - after.keys())
    if before != after or made:  # `made` also when a PDF had gone missing
        _claim(out_dir, after)
    return PrintReport(made, unchanged, removed)


def _claim(out_dir: Path, state: dict[str, str]) -> None:
    _write_atomically(out_dir / STATE, json.dumps(state, indent=0, sort_keys=True).encode())


def _read_state(out_dir: Path) -> dict[str, str]:
    path = out_dir / STATE
    if not path.exists():
        return {}
    try:
        state = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        state = None
    if not isinstance(state, dict) or not all(isinstance(v, str) for v in state.values()):
        raise BuildFailed(t("build.manifest", path=path))
    # Only plain relative paths: a tampered state file must not reach outside out_dir.
    return {p: v for p, v in state.items() if ".." not in p.split("/") and not p.startswith("/")}
