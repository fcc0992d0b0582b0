"""The printed catalogue at scale: seconds and peak memory to make the whole-catalogue
PDF (and its booklet) for synthesised catalogues; the target is 1,000 vendors in at most
60 s and 1 GB on the project's 2-core machine.

    .venv/bin/python bench/pdf.py [100 1000 …]

Not a test: it reports numbers (one fresh process per size, no cache). "total s" is wall
time, "CPU s" the processor time: on a machine shared with other work, wall time grows
while CPU time stays about the same.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synth import ROOT, synthesise

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}
# The catalogue job only: load, index, HTML, PDF, booklet, written to `out`.
SCRIPT = """
import sys, time
from pathlib import Path
from pypdf import PdfReader
from generator.build import today
from generator.collect import build_index
from generator.load import load_content
from generator import print_booklet, print_pdf, print_render
started = time.perf_counter()
index = build_index(load_content(Path(sys.argv[1])), today())
html = print_render.catalogue_html(index)
pdf = print_pdf.to_pdf(html)
laid_out = time.perf_counter()
booklet = print_booklet.impose(pdf)
done = time.perf_counter()
Path(sys.argv[2], "katalog.pdf").write_bytes(pdf)
Path(sys.argv[2], "katalog-booklet.pdf").write_bytes(booklet)
pages = len(PdfReader(Path(sys.argv[2], "katalog.pdf")).pages)
print(pages, len(pdf), len(booklet), laid_out - started, done - laid_out)
"""


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
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(proc.stderr.read().decode())
    pages, size, booklet_size, layout, impose = proc.stdout.read().decode().split()
    return {
        "vendors": n,
        "seconds": seconds,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "layout_s": float(layout),
        "booklet_s": float(impose),
        "peak_mb": usage.ru_maxrss / 1024,
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
