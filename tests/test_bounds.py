"""Hostile sizes stay cheap: aliases, long values and many problems give short, bounded output."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import main
from generator.content import source
from generator.messages import set_language, t
from generator.photos.inspect import load_with_photos
from generator.problems import ContentInvalid

VENDOR = "name: Toko Uji\ncategory: makanan\nproducts:\n  - name: Kue\n    price: 1000\n"


def write_vendor(content: Path, tail: str) -> None:
    (content / "vendors" / "bom.yml").write_text(VENDOR + tail, encoding="utf-8")


def check(*args: str) -> str:
    result = CliRunner().invoke(main, ["check", *args])
    assert result.exit_code == 1
    return result.output


def test_an_aliased_long_text_is_one_short_problem(content: Path) -> None:
    """`[&a "<800 KB>", *a, *a, …]`, just under 1 MB: one located problem, not 49,000 copies."""
    write_vendor(content, '    season: [&a "' + "x" * 800_000 + '"' + ", *a" * 45_000 + "]\n")
    assert (content / "vendors" / "bom.yml").stat().st_size < source.MAX_BYTES
    with pytest.raises(ContentInvalid) as caught:
        load_with_photos(Path("content"))
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.field) == (
        "content/vendors/bom.yml",
        6,
        "products[0].season[1]",
    )
    assert problem.message.code == "yaml.too_much_text"
    output = check()
    assert len(output.encode()) < 10_000
    assert output.count("\n") < 5


def test_an_anchored_text_is_checked_once_however_often_it_is_named(
    content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = []
    real = source._check_text
    monkeypatch.setattr(source, "_check_text", lambda *a: checked.append(a[2]) or real(*a))
    write_vendor(content, 'tags: [&a "manis", ' + ", ".join(["*a"] * 2_000) + "]\n")
    load_with_photos(Path("content"))
    assert checked.count("manis") == 1


def test_problems_per_file_are_capped_with_a_count_of_the_rest(content: Path) -> None:
    write_vendor(content, "    season: [&a x" + ", *a" * 4_999 + "]\n")
    output = check()
    lines = output.splitlines()
    assert len([line for line in lines if line.startswith("content/vendors/bom.yml:6:")]) == 20
    assert "content/vendors/bom.yml: dan 4.980 masalah lain" in output
    assert "5.000 masalah di 1 berkas" in output
    assert len(output.encode()) < 10_000
    english = CliRunner().invoke(main, ["--lang", "en", "check"]).output
    set_language("id")
    assert "content/vendors/bom.yml: and 4,980 more problems" in english


def test_total_output_is_bounded_over_many_files(content: Path) -> None:
    for i in range(40):
        (content / "vendors" / f"toko-{i}.yml").write_text(
            VENDOR + "    season: [13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]\n"
        )
    output = check()
    assert "520 masalah di 40 berkas" in output
    assert len(output.splitlines()) < 120
    assert re.search(r"^dan \d+ masalah lain di \d+ berkas lain", output, re.MULTILINE)


def test_values_quoted_in_messages_are_cut_short(content: Path) -> None:
    long = "Rp" + "9x" * 400
    write_vendor(content, f"    unit: kg\n    {'k' * 300}: 1\n")
    (content / "vendors" / "harga.yml").write_text(
        VENDOR.replace("price: 1000", f"price: {long}"), encoding="utf-8"
    )
    output = check()
    assert max(len(line) for line in output.splitlines()) < 400
    assert f"`{long[:79]}…` bukan harga" in output
    assert "k" * 79 + "…" in output
    assert "k" * 81 not in output
    for code in ("json", "github"):
        assert len(check("--format", code).encode()) < 5_000


# --- Patterns editors evaluate while a volunteer types (schema/*.json) ----------------------

SCHEMAS = sorted((Path(__file__).parent.parent / "schema").glob("*.schema.json"))


def patterns(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return found.union(*(patterns(v) for k, v in node.items() if k != "pattern"))
    if isinstance(node, list):
        return set().union(*(patterns(v) for v in node))
    return set()


SCHEMA_PATTERNS = sorted(set().union(*(patterns(json.loads(p.read_text())) for p in SCHEMAS)))
# Starts that lead each pattern as far as it goes, then a long run it may backtrack over.
PREFIXES = ["", "Rp", "Rp 1", "+62", "0", "8", "http://a", "instagram.com/a", "a"]
RUNS = [" ", "a", "1", "-", "8 "]


def seconds(pattern: re.Pattern[str], text: str) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        pattern.search(text)
        best = min(best, time.perf_counter() - start)
    return best


@pytest.mark.parametrize("pattern", SCHEMA_PATTERNS)
def test_schema_patterns_take_linear_time(pattern: str) -> None:
    """A regex that backtracks over a long run takes ~100x as long for 10x the text; a linear
    one ~10x. Quadratic ones took seconds at 20,000 characters; linear ones, microseconds."""
    compiled = re.compile(pattern)
    for prefix in PREFIXES:
        for run in RUNS:
            short = prefix + run * (2_000 // len(run)) + "\n!"
            long = prefix + run * (20_000 // len(run)) + "\n!"
            fast, slow = seconds(compiled, short), seconds(compiled, long)
            assert slow < 0.02 or slow / fast < 30, (prefix, run, slow, fast)


def test_phone_pattern_refuses_10000_spaces_quickly() -> None:
    from generator.content.model import PHONE_PATTERN

    compiled = re.compile(PHONE_PATTERN)
    assert compiled.search(" " * 10_000) is None
    assert seconds(compiled, " " * 20_000) / seconds(compiled, " " * 2_000) < 30


# The patterns as they were: quadratic, but what they accept is what editors should accept.
OLD = {
    "phone": r"^\s*(?:\+?\s*62|0)?[\s\-.()]*8[0-9\s\-.()]{7,16}$",
    "price": r"^\s*(?:[Rr][Pp]\.?|[Ii][Dd][Rr])?\s*(?:[0-9][0-9 ]*|[0-9]{1,3}(?:\.[0-9]{3})+)"
    r"(?:,-|,00)?\s*$",
    "text": r"^[^\n]*\S[^\n]*$",
    "website": r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/]+\S*$",
}


@given(st.text(alphabet=" \t\n+-.,()0123456862RrPpIDhtps:/wa", max_size=24))
def test_linear_patterns_accept_what_the_old_ones_did(text: str) -> None:
    from generator.content.model import PHONE_PATTERN, PRICE_PATTERN, TEXT_PATTERN, WEBSITE_PATTERN

    new = {
        "phone": PHONE_PATTERN,
        "price": PRICE_PATTERN,
        "text": TEXT_PATTERN,
        "website": WEBSITE_PATTERN,
    }
    for name, old in OLD.items():
        assert bool(re.search(old, text)) == bool(re.search(new[name], text)), name


def test_the_review_summary_still_names_long_products_in_full(content: Path) -> None:
    """Cutting is for problems: a reviewer must see all of a name, hidden ending included."""
    from generator.authoring.diff import summarise

    old = load_with_photos(Path("content"))
    name = "Amplang " + "renyah " * 25 + "ujungnya"
    with (content / "vendors" / "amplang-uji.yml").open("a") as f:
        f.write(f"  - name: {name}\n    price: 37000\n")
    summary = summarise(old, load_with_photos(Path("content")))
    assert f"`{name}`" in summary


def test_a_fold_line_counts_exactly_what_it_stands_for() -> None:
    """A file with 3 problems shown and 85 folded by the validator says "85 more", not 68."""
    from generator.cli.report import capped
    from generator.problems import Problem, more

    shown = [
        Problem("a.yml", line=n, field=f"f{n}", message=t("problems.more", count=1))
        for n in range(1, 4)
    ]
    out = capped([*shown, more("a.yml", 85)])
    assert out[:3] == shown and [p.omitted for p in out[3:]] == [85]
