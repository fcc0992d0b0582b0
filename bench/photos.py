"""Photos benchmark: 200 new phone photos made with 1 worker and with 2, side by side
(alternating, medians of 3 rounds), then an unchanged rebuild (which must make none).

    .venv/bin/python bench/photos.py [--count 200] [--rounds 3]

A catalogue of 40 vendors with 5 products each, every product with its own 4000×3000
JPEG of about 4 MB (tests/phone_photo.py: a few pictures, each copy made distinct by a
JPEG comment, so each is a new photo to the cache and costs a full decode). Each run
is the generator's own step (`generate`: validate, make photos, write pages) with a
fresh photo cache. Not a test: what counts is the ratio measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import yaml
from synth import ROOT, synthesise

sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from phone_photo import phone_photo  # noqa: E402

from generator.photos import publish as photos  # noqa: E402
from generator.pipeline import PhotoSettings, generate  # noqa: E402

BASES = 4  # distinct pictures; the others are byte-distinct copies of them


def with_comment(jpeg: bytes, text: str) -> bytes:
    """The same picture with a JPEG comment (COM) after SOI: a different file."""
    payload = text.encode()
    return jpeg[:2] + b"\xff\xfe" + (len(payload) + 2).to_bytes(2, "big") + payload + jpeg[2:]


def prepare(count: int, folder: Path) -> Path:
    vendors = (count + 4) // 5
    content = synthesise(vendors, folder / "content")
    (content / "vendors" / "foto").mkdir()
    bases = [phone_photo(seed) for seed in range(BASES)]
    made = 0
    for i in range(vendors):
        path = content / "vendors" / f"usaha-{i}.yml"
        data = yaml.safe_load(path.read_text("utf-8"))
        for product in data["products"]:
            if made == count:
                break
            name = f"foto/produk-{made}.jpg"
            (content / "vendors" / name).write_bytes(
                with_comment(bases[made % BASES], f"photo {made}")
            )
            product["photo"] = name
            made += 1
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    return content


def cpu_seconds() -> float:
    """CPU time of this process and of its finished workers."""
    own, workers = (resource.getrusage(w) for w in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


CPU: dict[int, list[float]] = {1: [], 2: []}


def _burn(n: int) -> int:
    x = 0
    for i in range(n):
        x += i * i
    return x


def control() -> float:
    """How much faster 2 processes finish plain CPU work than 1, right now: the most the
    photos can gain on this machine while other work shares its cores."""
    seconds = {}
    for workers in (1, 2):
        started = time.perf_counter()
        with ProcessPoolExecutor(workers) as pool:
            list(pool.map(_burn, [3_000_000] * 8))
        seconds[workers] = time.perf_counter() - started
    return seconds[1] / seconds[2]


def run(content: Path, workers: int, cache: Path, docs: Path) -> tuple[float, int]:
    started, cpu = time.perf_counter(), cpu_seconds()
    report = generate(content, docs, photo_settings=PhotoSettings(cache, workers)).photos
    CPU[workers].append(cpu_seconds() - cpu)
    return time.perf_counter() - started, report.processed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-photos-") as tmp:
        work = Path(tmp)
        print(f"making {args.count} photos of ~4 MB …", file=sys.stderr)
        content = prepare(args.count, work)
        size = sum(p.stat().st_size for p in (content / "vendors" / "foto").iterdir())
        # Alternating order over several rounds, medians: other work on the machine comes
        # and goes, and should not land on one side only.
        times: dict[int, list[float]] = {1: [], 2: []}
        made: dict[int, int] = {}
        controls = []
        for round_ in range(args.rounds):
            controls.append(control())
            print(f"round {round_ + 1}: control ratio {controls[-1]:.2f}×", file=sys.stderr)
            for workers in (1, 2) if round_ % 2 == 0 else (2, 1):
                photos._KEYS.clear()  # as a new `build` process: every photo is hashed again
                cache, docs = work / f"cache-{workers}", work / f"docs-{workers}"
                shutil.rmtree(cache, ignore_errors=True)
                shutil.rmtree(docs, ignore_errors=True)
                seconds, made[workers] = run(content, workers, cache, docs)
                times[workers].append(seconds)
                print(
                    f"round {round_ + 1}: {workers} worker(s): {made[workers]} photos "
                    f"in {seconds:.1f} s (CPU {CPU[workers][-1]:.1f} s)",
                    file=sys.stderr,
                )
        results = {w: (statistics.median(times[w]), made[w]) for w in (1, 2)}
        photos._KEYS.clear()
        again, made_again = run(content, 2, work / "cache-2", work / "docs-2")
        out = work / "docs-2" / "foto"
        published = sum(p.stat().st_size for p in out.iterdir())
        one, two = results[1][0], results[2][0]
        summary = {
            "photos": args.count,
            "source_mb": round(size / 1e6, 1),
            "cores": os.cpu_count(),
            "load_average_1min_at_end": round(os.getloadavg()[0], 1),
            "rounds": args.rounds,
            "seconds_1_worker": [round(x, 2) for x in times[1]],
            "seconds_2_workers": [round(x, 2) for x in times[2]],
            "median_seconds_1_worker": round(one, 2),
            "median_seconds_2_workers": round(two, 2),
            "cpu_seconds_1_worker": [round(x, 1) for x in CPU[1][: args.rounds]],
            "cpu_seconds_2_workers": [round(x, 1) for x in CPU[2][: args.rounds]],
            "speedup_2_vs_1": round(one / two, 2),
            "control_speedup_2_vs_1": [round(x, 2) for x in controls],
            "photos_per_second_2_workers": round(results[2][1] / two, 1),
            "unchanged_rebuild_seconds": round(again, 2),
            "unchanged_rebuild_processed": made_again,
            "published_mb": round(published / 1e6, 1),
        }
        control_median = statistics.median(controls)
        print(
            "| photos | 1 worker (median) | 2 workers (median) | ratio "
            "| control ratio (plain CPU work) | unchanged rebuild |"
        )
        print("| --: | --: | --: | --: | --: | --: |")
        print(
            f"| {args.count} ({summary['source_mb']} MB) | {one:.1f} s | {two:.1f} s "
            f"| {one / two:.2f}× | {control_median:.2f}× | {again:.1f} s, {made_again} made |"
        )
        # Other work on the machine takes cores from the 2-worker run: read the ratio with it.
        print(f"load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        results_dir = ROOT / "bench" / "results"
        results_dir.mkdir(exist_ok=True)
        (results_dir / "photos.json").write_text(json.dumps(summary, indent=1) + "\n")
        shutil.rmtree(work / "content", ignore_errors=True)


if __name__ == "__main__":
    main()
