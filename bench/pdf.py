"""The printed catalogue at scale: seconds and peak memory to make the whole-catalogue
PDF (and its booklet) for synthesised catalogues; the target is 1,000 vendors in at most
60 s and 1 GB on the project's 2-core machine.

    .venv/bin/python bench/pdf.py [100 1000 …]

Not a test: it reports numbers (one fresh process per size, no cache). "total s" is wall
time, "CPU s" the processor time of all its processes (the parts of a catalogue are laid out in
worker processes, one per core): on a machine shared with other work, wall time grows
while CPU time stays about the same. "peak MB" is the most memory all of them held at once.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from synth import ROOT, synthesise

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}
# The catalogue job only: load, index, HTML, PDF, booklet, written to `out`.
SCRIPT = """
import sys, time
from pathlib import Path
from pypdf import PdfReader
from generator.pipeline import today
from generator.content.index import build_index
from generator.photos.inspect import load_with_photos as load_content
from generator.printed import booklet as print_booklet
from generator.printed import compose as print_compose
from generator.printed import render as print_render
started = time.perf_counter()
index = build_index(load_content(Path(sys.argv[1])), today())
pdf = print_compose.make(print_render.catalogue_plan(index))
laid_out = time.perf_counter()
booklet = print_booklet.impose(pdf)
done = time.perf_counter()
Path(sys.argv[2], "katalog.pdf").write_bytes(pdf)
Path(sys.argv[2], "katalog-booklet.pdf").write_bytes(booklet)
pages = len(PdfReader(Path(sys.argv[2], "katalog.pdf")).pages)
print(pages, len(pdf), len(booklet), laid_out - started, done - laid_out)
"""


class Peak:
    """Peak resident memory of a process and its workers together, sampled every 0.1 s
    (the layout runs in worker processes: one process's peak would hide them)."""

    def __init__(self, pid: int) -> None:
        self.pid, self.mb, self.done = pid, 0.0, threading.Event()
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def run(self) -> None:
        while not self.done.wait(0.1):
            self.mb = max(self.mb, sum(_rss_mb(p) for p in _tree(self.pid)))

    def stop(self) -> None:
        self.done.set()
        self.thread.join()


def _tree(root: int) -> list[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree = [root]
    for pid in tree:
        tree += [child for child, parent in parents.items() if parent == pid]
    return tree


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def measure(n: int, work: Path) -> dict:
    content = synthesise(n, work / f"c{n}")
    out = work / f"o{n}"
    out.mkdir()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(content), str(out)],
        env=ENV,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    peak = Peak(proc.pid)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    peak.stop()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(proc.stderr.read().decode())
    pages, size, booklet_size, layout, impose = proc.stdout.read().decode().split()
    return {
        "vendors": n,
        "seconds": seconds,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "layout_s": float(layout),
        "booklet_s": float(impose),
        "peak_mb": peak.mb,
        "pages": int(pages),
        "pdf_kb": int(size) / 1024,
        "booklet_kb": int(booklet_size) / 1024,
    }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 1000]
    print(
        f"{'vendors':>8} {'total s':>8} {'CPU s':>6} {'PDF s':>7} {'booklet s':>9} {'peak MB':>8} "
        f"{'pages':>6} {'PDF KB':>8} {'booklet KB':>10}  (cores: {os.cpu_count()})"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = measure(n, Path(tmp))
            print(
                f"{r['vendors']:>8} {r['seconds']:>8.1f} {r['cpu_s']:>6.1f} {r['layout_s']:>7.1f} "
                f"{r['booklet_s']:>9.1f} {r['peak_mb']:>8.0f} {r['pages']:>6} "
                f"{r['pdf_kb']:>8.0f} {r['booklet_kb']:>10.0f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
