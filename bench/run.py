"""`make bench`: our build against the floor (the same Markdown built by plain MkDocs),
side by side in one run, at 100, 1,000 and 5,000 vendors; medians of repeated runs.

"build" is the site with the printed PDFs already up to date (as after any build whose
content did not change them); "print" makes every PDF from scratch, timed apart
(bench/pdf.py looks closer at the whole-catalogue PDF).

Prints a table and writes bench/results/latest.json. Not a test: machines are noisy, so
what counts are the ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from synth import ROOT, synthesise

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT), "CI": "1"}
PY = sys.executable


def timed(args: list[str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak resident memory in MB) of one command."""
    started = time.perf_counter()
    proc = subprocess.Popen(
        args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(args)}\n{proc.stderr.read().decode()}")
    return seconds, usage.ru_maxrss / 1024


def prepare(n: int, work: Path) -> Path:
    folder = work / str(n)
    synthesise(n, folder / "content")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    (folder / "mkdocs.yml").write_text(config, "utf-8")
    (folder / "floor.yml").write_text(config.replace("docs_dir: build/docs", "docs_dir: floor"))
    return folder


def _keep_only_pdfs(docs: Path) -> None:
    """Everything the generator wrote goes, except the PDFs and their fingerprints."""
    for path in sorted(docs.rglob("*"), reverse=True):
        if path.is_file() and path.suffix != ".pdf" and path.name != ".katalog-cetak.json":
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def measure(n: int, work: Path, repeats: int) -> dict:
    folder = prepare(n, work)
    steps: dict[str, list[tuple[float, float]]] = {
        "check": [],
        "generate": [],
        "build": [],
        "floor": [],
        "print": [],
    }
    generate = (
        "from pathlib import Path; from generator.pipeline import generate; "
        "generate(Path('content'), Path('gen-docs'))"
    )
    # The PDFs are made once, untimed: `build` then finds them up to date, as it does
    # whenever the content did not change, so "build" is the site's own work (compared
    # with the floor) and "print" the PDFs' (all of them, from scratch, timed apart).
    timed([PY, "-m", "generator", "build"], folder)
    for _ in range(repeats):
        steps["check"].append(timed([PY, "-m", "generator", "check"], folder))
        shutil.rmtree(folder / "gen-docs", ignore_errors=True)
        steps["generate"].append(timed([PY, "-c", generate], folder))
        shutil.rmtree(folder / "site", ignore_errors=True)
        _keep_only_pdfs(folder / "build" / "docs")
        steps["build"].append(timed([PY, "-m", "generator", "build"], folder))
        shutil.rmtree(folder / "print-out", ignore_errors=True)
        steps["print"].append(timed([PY, "-m", "generator", "print", "--out", "print-out"], folder))
        # The floor: the very pages we generated, as if written by hand, built by MkDocs.
        shutil.rmtree(folder / "floor", ignore_errors=True)
        shutil.copytree(folder / "build" / "docs", folder / "floor")  # PDFs included
        shutil.rmtree(folder / "floor-site", ignore_errors=True)
        steps["floor"].append(
            timed(
                [PY, "-m", "mkdocs", "build", "-q", "-f", "floor.yml", "-d", "floor-site"], folder
            )
        )
    site = folder / "site"
    index = (site / "search" / "search_index.json").read_bytes()
    return {
        "vendors": n,
        **{f"{step}_s": statistics.median(t for t, _ in runs) for step, runs in steps.items()},
        **{f"{step}_mb": max(m for _, m in runs) for step, runs in steps.items()},
        "vendor_page_bytes": len((site / "usaha" / "usaha-0" / "index.html").read_bytes()),
        "search_index_bytes_per_vendor": len(index) / n,
        "search_index_gzip_bytes_per_vendor": len(gzip.compress(index)) / n,
        # The search word list (roots and synonyms), loaded once by every visitor.
        "word_list_gzip_bytes": len(gzip.compress((site / "search" / "kata.json").read_bytes())),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,5000")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", default="/tmp/katalog-bench")
    args = parser.parse_args()
    work = Path(args.work)
    rows = [measure(int(n), work, args.repeats) for n in args.sizes.split(",")]
    print(
        f"{'vendors':>8} {'check s':>8} {'gen s':>7} {'build s':>8} {'floor s':>8} "
        f"{'print s':>8} "
        f"{'ratio':>6} {'peak MB':>8} {'page KB':>8} {'index B/v':>10} {'gz B/v':>7}"
        f" {'words gz KB':>11}"
    )
    for r in rows:
        r["ratio_to_floor"] = r["build_s"] / r["floor_s"]
        print(
            f"{r['vendors']:>8} {r['check_s']:>8.2f} {r['generate_s']:>7.2f} "
            f"{r['build_s']:>8.2f} {r['floor_s']:>8.2f} {r['print_s']:>8.2f} "
            f"{r['ratio_to_floor']:>6.2f} "
            f"{r['build_mb']:>8.0f} {r['vendor_page_bytes'] / 1024:>8.1f} "
            f"{r['search_index_bytes_per_vendor']:>10.0f} "
            f"{r['search_index_gzip_bytes_per_vendor']:>7.0f} "
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
