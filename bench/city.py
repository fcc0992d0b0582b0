"""A synthetic city (issue 16's scale: 34 kelurahan × 150 vendors), built side by side with
plain MkDocs on the same pages, in one run; and what a one-vendor edit rewrites.

    ../.venv/bin/python city.py --kelurahan 34 --vendors 150      # the issue's size (long)
    ../.venv/bin/python city.py --kelurahan 4 --vendors 50         # a quick look

"build" is `python -m generator build --content kota` run again with nothing changed;
"floor" is plain `mkdocs build` on a copy of every docs folder that build wrote (the
city's and each kelurahan's), one after the other, as our build runs them. "ratio" is
build / floor. "edit" changes one price in the first kelurahan and builds again; the
files of the site it changed are counted by where they are. Not a test: the numbers
that count are the ratios measured in the same run.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import statistics
import sys
from pathlib import Path

import yaml
from run import PY, timed
from synth import ROOT, synthesise


def prepare(kelurahan: int, vendors: int, work: Path) -> Path:
    city = work / f"kota-{kelurahan}x{vendors}"
    parts = []
    for k in range(kelurahan):
        folder = synthesise(vendors, city / f"kel-{k}")
        settings = yaml.safe_load((folder / "catalogue.yml").read_text("utf-8"))
        settings["kelurahan"] = f"Kelurahan {k}"
        settings["kecamatan"] = f"Kecamatan {k % 6}"
        settings["title"] = f"Katalog UMKM Kelurahan {k}"
        (folder / "catalogue.yml").write_text(yaml.safe_dump(settings, allow_unicode=True))
        parts.append({"id": f"kel-{k}", "path": f"kel-{k}"})
    kota = {"title": "Kota Uji", "city": "Balikpapan", "kelurahan": parts}
    (city / "kota.yml").write_text(yaml.safe_dump(kota, allow_unicode=True, sort_keys=False))
    (city / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"))
    return city


BUILD = [PY, "-m", "generator", "build", "--content", ".", "--site-dir", "site"]


def floor_command(city: Path) -> list[str]:
    """Plain MkDocs on a copy of each docs folder our build wrote, one after the other."""
    script = (
        "import subprocess, sys\n"
        "for part in sorted(__import__('pathlib').Path('floor').iterdir()):\n"
        "    subprocess.run([sys.executable, '-m', 'mkdocs', 'build', '-q', '-f', 'floor.yml',"
        " '-d', f'floor-site/{part.name}'], check=True,"
        " env={**__import__('os').environ, 'FLOOR_DOCS': str(part)})\n"
    )
    # Our mkdocs.yml as it is (not strict: the city's own docs lack the nav's pages).
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    config = config.replace("docs_dir: build/docs", "docs_dir: !ENV FLOOR_DOCS")
    (city / "floor.yml").write_text(config, "utf-8")
    return [PY, "-c", script]


def fingerprints(site: Path) -> dict[str, str]:
    return {
        str(p.relative_to(site)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in site.rglob("*")
        if p.is_file()
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kelurahan", type=int, default=34)
    parser.add_argument("--vendors", type=int, default=150)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--work", type=Path, default=Path("/tmp/katalog-bench-city"))
    args = parser.parse_args()
    city = prepare(args.kelurahan, args.vendors, args.work)
    first = timed(BUILD, city)  # photos, PDFs, every page
    shutil.rmtree(city / "floor", ignore_errors=True)
    shutil.copytree(city / "build" / "kota", city / "floor")
    shutil.rmtree(city / "floor-site", ignore_errors=True)
    floor = floor_command(city)
    timed(floor, city)
    builds, floors = [], []
    for _ in range(args.repeats):
        builds.append(timed(BUILD, city))
        floors.append(timed(floor, city))
    before = fingerprints(city / "site")
    vendor = city / "kel-0" / "vendors" / "usaha-0.yml"
    data = yaml.safe_load(vendor.read_text("utf-8"))
    data["products"][0]["price"] = int(data["products"][0]["price"]) + 1000
    vendor.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    edit = timed(BUILD, city)
    after = fingerprints(city / "site")
    changed = [p for p in after if before.get(p) != after[p]] + [
        p for p in before if p not in after
    ]
    where = {"kel-0": 0, "other kelurahan": 0, "city": 0}
    for path in changed:
        top = path.split("/", 1)[0]
        key = "kel-0" if top == "kel-0" else "other kelurahan" if top.startswith("kel-") else "city"
        where[key] += 1
    build_s = statistics.median(t for t, _, _ in builds)
    floor_s = statistics.median(t for t, _, _ in floors)
    rows = [
        ("vendors", f"{args.kelurahan} × {args.vendors} = {args.kelurahan * args.vendors}"),
        ("first build (s)", f"{first[0]:.1f}"),
        ("build again, nothing changed (s, median)", f"{build_s:.1f}"),
        ("plain MkDocs on the same pages (s, median)", f"{floor_s:.1f}"),
        ("ratio", f"{build_s / floor_s:.2f}"),
        ("peak memory of a build (MB)", f"{max(m for _, m, _ in [first, *builds, edit]):.0f}"),
        ("one-vendor edit: build (s)", f"{edit[0]:.1f}"),
        ("one-vendor edit: site files changed", " / ".join(f"{k} {v}" for k, v in where.items())),
        ("site files", str(len(after))),
    ]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name:<{width}}  {value}")
    print(
        "the city's files the edit changed:",
        ", ".join(sorted(p for p in changed if not p.startswith("kel-"))),
    )
    print("kel-0's:", ", ".join(sorted(p for p in changed if p.startswith("kel-0/"))))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
