"""The printed pack at scale, as an organiser meets it on the eve of a bazaar: every PDF
of a synthesised catalogue (the whole catalogue and its booklet, one bazaar with a stall
per vendor: its catalogue, booklet and stall cards) made from scratch, then made again
after one vendor's price changed; the goal at 1,000 vendors on the project's 2-core
machine is 20 s and 5 s. Then again after a product was added to the first vendor, whose
card grows: every later page of its category, of the bazaar's stalls and of the index
moves. The edited PDFs are compared with a build from scratch of the edited content:
they must be byte for byte the same.

    .venv/bin/python bench/pdf.py [100 1000 …]

Not a test: it reports numbers (one fresh `generator print` process per step, as the
build runs it). "wall s" is wall time, "CPU s" the processor time of the process and its
children, "peak MB" the most memory they held at once.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from synth import ROOT, synthesise

ENV = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "1"}


def print_pdfs(content: Path, out: Path) -> dict:
    """One `generator print` run, timed: wall, processor time, peak memory."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "print", "--content", str(content), "--out", str(out)],
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
    made = int(proc.stdout.read().decode().split()[1])  # "Selesai: N PDF dibuat, …"
    return {"wall": seconds, "cpu": usage.ru_utime + usage.ru_stime, "mb": peak.mb, "made": made}


def pdfs(out: Path) -> dict[str, bytes]:
    """The PDFs published (not the parts kept to make them, in a dotfolder)."""
    found = (p.relative_to(out) for p in sorted(out.rglob("*.pdf")))
    return {p.as_posix(): (out / p).read_bytes() for p in found if not p.parts[0].startswith(".")}


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
    from pypdf import PdfReader

    content = synthesise(n, work / f"c{n}")
    out, fresh = work / f"o{n}", work / f"f{n}"
    scratch = print_pdfs(content, out)
    vendor = content / "vendors" / "usaha-0.yml"
    text = vendor.read_text("utf-8")
    price = re.search(r"price: (\d+)", text)
    assert price, "the synthetic vendor has a price"
    vendor.write_text(text.replace(price[0], f"price: {int(price[1]) + 500}", 1), "utf-8")
    edit = print_pdfs(content, out)
    print_pdfs(content, fresh)
    same = pdfs(out) == pdfs(fresh)
    added = "- name: Produk tambahan\n  price: 7000\n  unit: bungkus\n"
    vendor.write_text(vendor.read_text("utf-8").replace("products:\n", f"products:\n{added}", 1))
    grow = print_pdfs(content, out)
    shutil.rmtree(fresh)
    print_pdfs(content, fresh)
    same = same and pdfs(out) == pdfs(fresh)
    return {
        "vendors": n,
        "scratch": scratch,
        "edit": edit,
        "grow": grow,
        "identical": same,
        "pages": len(PdfReader(out / "katalog.pdf").pages),
        "mb_total": sum(len(b) for b in pdfs(out).values()) / 1e6,
    }


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [100, 1000]
    print(
        f"{'vendors':>8} {'scratch s':>9} {'CPU s':>6} {'peak MB':>8} {'edit s':>7} "
        f"{'CPU s':>6} {'remade':>6} {'grow s':>7} {'identical':>9} {'pages':>6} {'PDF MB':>7}"
        f"  (cores: {os.cpu_count()})"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            r = measure(n, Path(tmp))
            s, e, g = r["scratch"], r["edit"], r["grow"]
            print(
                f"{r['vendors']:>8} {s['wall']:>9.1f} {s['cpu']:>6.1f} {s['mb']:>8.0f} "
                f"{e['wall']:>7.1f} {e['cpu']:>6.1f} {e['made']:>6} {g['wall']:>7.1f} "
                f"{str(r['identical']):>9} {r['pages']:>6} {r['mb_total']:>7.1f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
