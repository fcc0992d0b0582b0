"""Hostile sizes stay cheap: aliases, long values and many problems give short, bounded output."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import source
from generator.cli import main
from generator.load import load_content
from generator.messages import set_language
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
        load_content(Path("content"))
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
    load_content(Path("content"))
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
