"""`make bench`: our build against the floor (the same Markdown built by plain MkDocs),
side by side in one run, at 100, 1,000 and 5,000 vendors; medians of repeated runs.

"build" is `python -m generator build` run again with nothing changed (pages, photos and
PDFs up to date), "floor" is `mkdocs build` run again on a copy of the very docs folder that
build wrote (PDFs and photos included): each replaces the site of its previous run, as a
second run of either command does. "ratio" is build / floor, the number to watch; "CPU
ratio" is the same for processor time, steadier on a busy machine. "print" makes every PDF
from scratch, timed apart; "print edit" then makes them again after one vendor's price
changed (what shows it is remade); bench/pdf.py looks closer, and checks the edited PDFs
against a build from scratch.

    ../.venv/bin/python run.py --sizes 1000 --quick   # only build and floor, for iterating

Prints a table and writes bench/results/latest.json (not with --quick). Not a test:
machines are noisy, so what counts are the ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from synth import ROOT, synthesise

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "CI": "1"}
PY = sys.executable


def timed(args: list[str], cwd: Path) -> tuple[float, float, float]:
    """(seconds, peak resident memory in MB, CPU seconds) of one command."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{proc.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def prepare(n: int, work: Path) -> Path:
    folder = work / str(n)
    synthesise(n, folder / "content")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    (folder / "floor.yml").write_text(config.replace("docs_dir: build/docs", "docs_dir: floor"))
    return folder


FLOOR = [PY, "-m", "mkdocs", "build", "-q", "-f", "floor.yml", "-d", "floor-site"]


def measure(n: int, work: Path, repeats: int, quick: bool = False) -> dict:
    folder = prepare(n, work)
    steps = ["build", "floor"]
    steps += [] if quick else ["check", "generate", "print", "print_edit"]
    runs: dict[str, list[tuple[float, float, float]]] = {step: [] for step in steps}
    generate = (
        "from pathlib import Path; from generator.pipeline import generate; "
        "generate(Path('content'), Path('gen-docs'))"
    )
    # Untimed: the first build makes the photos and PDFs (minutes at 1,000 vendors, less
    # when the work folder is kept from an earlier run); the floor gets a copy of the very
    # docs folder it wrote and builds once, so that both then do a second build.
    timed([PY, "-m", "generator", "build"], folder)
    shutil.rmtree(folder / "floor", ignore_errors=True)
    shutil.copytree(folder / "build" / "docs", folder / "floor")  # PDFs and photos included
    shutil.rmtree(folder / "floor-site", ignore_errors=True)
    timed(FLOOR, folder)
    for _ in range(repeats):
        if not quick:
            runs["check"].append(timed([PY, "-m", "generator", "check"], folder))
            shutil.rmtree(folder / "gen-docs", ignore_errors=True)
            runs["generate"].append(timed([PY, "-c", generate], folder))
        # Side by side: a second build with nothing changed, ours then plain MkDocs'.
        runs["build"].append(timed([PY, "-m", "generator", "build"], folder))
        runs["floor"].append(timed(FLOOR, folder))
        if not quick:
            shutil.rmtree(folder / "print-out", ignore_errors=True)
            runs["print"].append(
                timed([PY, "-m", "generator", "print", "--out", "print-out"], folder)
            )
            edited = folder / "print-content"  # a copy: the builds above stay unchanged
            shutil.rmtree(edited, ignore_errors=True)
            shutil.copytree(folder / "content", edited)
            vendor = edited / "vendors" / "usaha-0.yml"
            text = vendor.read_text("utf-8")
            price = re.search(r"price: (\d+)", text)
            assert price, "the synthetic vendor has a price"
            vendor.write_text(text.replace(price[0], f"price: {int(price[1]) + 1}", 1), "utf-8")
            command = ["print", "--content", "print-content", "--out", "print-out"]
            runs["print_edit"].append(timed([PY, "-m", "generator", *command], folder))
    site = folder / "site"
    row = {
        "vendors": n,
        **{f"{step}_s": statistics.median(t for t, _, _ in got) for step, got in runs.items()},
        **{f"{step}_mb": max(m for _, m, _ in got) for step, got in runs.items()},
        **{f"{step}_cpu_s": statistics.median(c for _, _, c in got) for step, got in runs.items()},
        "build_runs_s": [t for t, _, _ in runs["build"]],
        "floor_runs_s": [t for t, _, _ in runs["floor"]],
    }
    row["ratio_to_floor"] = row["build_s"] / row["floor_s"]
    row["cpu_ratio_to_floor"] = row["build_cpu_s"] / row["floor_cpu_s"]
    if quick:
        return row
    return row | {
        "vendor_page_bytes": len((site / "usaha" / "usaha-0" / "index.html").read_bytes()),
        # Pagefind's bundle, stored compressed as it is sent (a search fetches a few pieces:
        # bench/search_bytes.py counts those).
        "search_index_bytes_per_vendor": sum(
            p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file()
        )
        / n,
        # The search word list (roots and synonyms), loaded once by every visitor.
        "word_list_gzip_bytes": len(gzip.compress((site / "search" / "kata.json").read_bytes())),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", default="/tmp/katalog-bench")
    parser.add_argument("--quick", action="store_true", help="only build and floor")
    args = parser.parse_args()
    work = Path(args.work)
    rows = [measure(int(n), work, args.repeats, args.quick) for n in args.sizes.split(",")]
    print("build: our second build, nothing changed; floor: plain `mkdocs build`, the same")
    if args.quick:
        print(f"{'vendors':>8} {'build s':>8} {'floor s':>8} {'ratio':>6} {'CPU ratio':>9}")
        for r in rows:
            print(
                f"{r['vendors']:>8} {r['build_s']:>8.2f} {r['floor_s']:>8.2f} "
                f"{r['ratio_to_floor']:>6.2f} {r['cpu_ratio_to_floor']:>9.2f}"
            )
        return
    print(
        f"{'vendors':>8} {'check s':>8} {'gen s':>7} {'build s':>8} {'floor s':>8} "
        f"{'ratio':>6} {'CPU ratio':>9} {'print s':>8} {'edit s':>7} "
        f"{'peak MB':>8} {'page KB':>8} {'index B/v':>10}"
        f" {'words gz KB':>11}"
    )
    for r in rows:
        print(
            f"{r['vendors']:>8} {r['check_s']:>8.2f} {r['generate_s']:>7.2f} "
            f"{r['build_s']:>8.2f} {r['floor_s']:>8.2f} "
            f"{r['ratio_to_floor']:>6.2f} {r['cpu_ratio_to_floor']:>9.2f} {r['print_s']:>8.2f} "
            f"{r['print_edit_s']:>7.2f} "
            f"{r['build_mb']:>8.0f} {r['vendor_page_bytes'] / 1024:>8.1f} "
            f"{r['search_index_bytes_per_vendor']:>10.0f} "
            f"{r['word_list_gzip_bytes'] / 1024:>11.1f}"
        )
    by_size = {r["vendors"]: r for r in rows}
    summary = {}
    if 1000 in by_size and 5000 in by_size:
        summary["build_5000_over_1000"] = by_size[5000]["build_s"] / by_size[1000]["build_s"]
        print(
            f"build at 5,000 / build at 1,000: {summary['build_5000_over_1000']:.2f} "
            "(linear would be 5)"
        )
    out = ROOT / "bench" / "results" / "latest.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"rows": rows, **summary}, indent=2) + "\n")
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
