"""Recall@5 of residents' queries, typed into the real built site in Debian's Chromium.

Two query sets: the sample catalogue's (content/, tests/cases/search/queries.yml), on
which the search was developed, and a held-out one on another kelurahan's catalogue
(tests/cases/search/karang-jati/), which it was not. Each catalogue is built with
`python -m generator build --content … --site-dir …` into a temporary folder, served
over HTTP on localhost, and every query is typed into the search box as on a phone
(tests/search_driver.py, the same driver as tests/test_search.py).

    .venv/bin/python bench/search_eval.py               # both sets
    .venv/bin/python bench/search_eval.py --only karang-jati
    .venv/bin/python bench/search_eval.py --plain       # Pagefind alone, no word list
    .venv/bin/python bench/search_eval.py --city        # both, in one city's search
    .venv/bin/python bench/search_eval.py --narrow      # the same, narrowed to its kelurahan

`--city` builds one city (`kota.yml`) of both catalogues and the example city's other two
kelurahan (examples/kota/), and types each query into the city's home page: the same
queries, each wanted page under its kelurahan's folder, now among four kelurahan's pages.

Prints, per set, recall@5 (a query is found when one of its `want` pages is among the
first five results), how many product queries land on the product, and each miss with
what came first. Not a test: it asserts nothing, so the held-out number can be watched
while the search changes without being tuned to it. A `want` page the build did not
make stops the run, so a typo in a query set can't pass for a miss.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

# The Chromium, its offline flags and the static server of the browser tests.
from conftest import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from search_driver import found, lands_on_product, pages, search_box  # noqa: E402

CASES = ROOT / "tests" / "cases" / "search"
SETS = {
    "sample": (ROOT / "content", CASES / "queries.yml"),
    "karang-jati": (CASES / "karang-jati" / "content", CASES / "karang-jati" / "queries.yml"),
}
# --city: each set's kelurahan id, and the example city's two others (no query sets).
CITY_IDS = {"sample": "gunung-sari-ilir", "karang-jati": "karang-jati"}
CITY_NAMES = {"sample": "Gunung Sari Ilir", "karang-jati": "Karang Jati"}  # --narrow
CITY_OTHERS = {
    name: ROOT / "examples" / "kota" / name for name in ("gunung-sari-ulu", "mekar-sari")
}


@dataclass
class Result:
    name: str
    queries: int = 0
    missed: list[tuple[dict, list[str]]] = field(default_factory=list)
    anchors: int = 0
    off_product: list[tuple[dict, list[str]]] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return 1 - len(self.missed) / self.queries


def build(content: Path, work: Path) -> Path:
    """The site of `content`, built by the real command; the Markdown goes to `work` too
    (mkdocs.yml is copied there, its docs_dir is relative to it), never into the repo."""
    shutil.copy(ROOT / "mkdocs.yml", work / "mkdocs.yml")
    site = work / "site"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    args = ["--content", str(content), "--config", "mkdocs.yml", "--site-dir", str(site)]
    done = subprocess.run(
        [sys.executable, "-m", "generator", "build", *args],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise SystemExit(f"build of {content} failed:\n{done.stdout}{done.stderr}")
    return site


def city_folder(work: Path) -> Path:
    """A `kota.yml` of both query sets' catalogues and the example city's other two."""
    parts = [{"id": CITY_IDS[name], "path": str(content)} for name, (content, _) in SETS.items()]
    parts += [{"id": name, "path": str(folder)} for name, folder in CITY_OTHERS.items()]
    city = work / "kota"
    city.mkdir()
    kota = {"title": "Kota Uji", "city": "Balikpapan", "kelurahan": parts}
    (city / "kota.yml").write_text(yaml.safe_dump(kota, sort_keys=False), "utf-8")
    return city


def in_city(name: str, cases: list[dict]) -> list[dict]:
    """The set's queries with each wanted page under its kelurahan's folder."""
    prefix = CITY_IDS[name] + "/"
    return [case | {"want": [prefix + want for want in case["want"]]} for case in cases]


def check_wants(name: str, cases: list[dict], site: Path) -> None:
    """Every wanted page exists in the built site, or the query set is wrong."""
    absent = [
        f"  {case['q']!r}: {want}"
        for case in cases
        for want in case["want"]
        if not (site / want / "index.html").is_file()
    ]
    if absent:
        raise SystemExit(f"{name}: wanted pages the build did not make:\n" + "\n".join(absent))


def measure(
    browser, name: str, cases: list[dict], base_url: str, plain: bool, narrow: str | None = None
) -> Result:
    result = Result(name, queries=len(cases))
    block = "**/search/**" if plain else None
    with search_box(browser, base_url, block=block, narrow=narrow) as search:
        for case in cases:
            groups = search(case["q"])
            if not found(case, groups):
                result.missed.append((case, pages(groups)))
            if "anchor" in case:
                result.anchors += 1
                if not lands_on_product(case, groups):
                    result.off_product.append((case, groups[0] if groups else []))
    return result


def report(results: list[Result]) -> str:
    lines = [f"{'set':<14}{'queries':>8}{'found':>7}{'recall@5':>10}{'on product':>12}"]
    for r in results:
        on_product = f"{r.anchors - len(r.off_product)}/{r.anchors}"
        lines.append(
            f"{r.name:<14}{r.queries:>8}{r.queries - len(r.missed):>7}"
            f"{r.recall:>9.1%} {on_product:>11}"
        )
    for r in results:
        if r.missed:
            lines += ["", f"{r.name}: missed ({len(r.missed)}), query -> first result | wanted"]
            for case, got in r.missed:
                first = got[0] if got else "(no result)"
                lines.append(f"  {case['q']!r:<22} -> {first:<44} | {', '.join(case['want'])}")
        if r.off_product:
            lines += ["", f"{r.name}: found, but the first result is not the product"]
            for case, best in r.off_product:
                shown = best[0] if best else "(no result)"
                lines.append(f"  {case['q']!r:<22} -> {shown} (wanted #{case['anchor']})")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=sorted(SETS), help="measure one set")
    parser.add_argument(
        "--plain", action="store_true", help="block search/: Pagefind without our words"
    )
    parser.add_argument("--city", action="store_true", help="both sets in one city's search")
    parser.add_argument(
        "--narrow", action="store_true", help="--city, each set narrowed to its kelurahan"
    )
    args = parser.parse_args()
    args.city = args.city or args.narrow
    if not Path(CHROMIUM).exists():
        raise SystemExit("Debian's Chromium is missing: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    results = []
    with tempfile.TemporaryDirectory(prefix="search-eval-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        city = build(city_folder(Path(tmp)), Path(tmp)) if args.city else None
        for name, (content, queries) in SETS.items():
            if args.only and name != args.only:
                continue
            cases = yaml.safe_load(queries.read_text("utf-8"))
            if city:
                site, cases = city, in_city(name, cases)
            else:
                work = Path(tmp) / name
                work.mkdir()
                site = build(content, work)
            check_wants(name, cases, site)
            server, base_url = serve(site)
            try:
                narrow = CITY_NAMES[name] if args.narrow else None
                results.append(measure(browser, name, cases, base_url, args.plain, narrow))
            finally:
                server.shutdown()
        browser.close()
    print(
        ("Pagefind alone (search/kata.json and search/kosakata/ blocked)\n" if args.plain else "")
        + ("One city: four kelurahan, searched from the city's home page\n" if args.city else "")
        + (
            "each set narrowed to its own kelurahan (the panel's Kelurahan)\n"
            if args.narrow
            else ""
        )
        + report(results)
    )


if __name__ == "__main__":
    main()
