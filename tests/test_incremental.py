"""Incremental generation: only pages whose text changes are written (mtimes kept), so
MkDocs' live reload and dirty builds see exactly what an edit touched."""

from __future__ import annotations

import datetime
from pathlib import Path

from generator.pipeline import generate

DAY = datetime.date(2025, 7, 1)


def stamps(docs: Path) -> dict[str, int]:
    return {
        p.relative_to(docs).as_posix(): p.stat().st_mtime_ns
        for p in docs.rglob("*")
        if p.is_file() and not p.name.startswith(".")
    }


def changed(before: dict[str, int], after: dict[str, int]) -> set[str]:
    return {path for path in after if before.get(path) != after[path]}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_only_pages_showing_the_edit_are_rewritten(content: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    first = generate(content, docs, DAY).written
    assert first.written > 20
    before = stamps(docs)

    again = generate(content, docs, DAY).written
    assert (again.written, again.removed) == (0, 0)
    assert stamps(docs) == before  # content and mtime untouched

    # Same words in another order: the search word list stays as it was.
    edit(content / "vendors" / "amplang-uji.yml", "Paragraf kedua.", "Kedua paragraf.")
    generate(content, docs, DAY)
    after_description = stamps(docs)
    # And the service worker: any change names a new cache (phones drop the old copies).
    assert changed(before, after_description) == {"usaha/amplang-uji.md", "sw.js"}

    edit(content / "vendors" / "amplang-uji.yml", "Amplang kepiting", "Amplang rajungan")
    generate(content, docs, DAY)
    # Every page that names the product, and the open data that lists it; no other.
    # "rajungan" is a new search word.
    assert changed(after_description, stamps(docs)) == {
        "search/kata.json",
        "usaha/amplang-uji.md",
        "usaha/index.md",
        "kategori/makanan.md",
        "rt/3.md",
        "saring/halal.md",
        "saring/diantar.md",
        "saring/qris.md",
        "data/usaha.json",
        "data/produk.csv",
        "sw.js",
    }


def test_a_hand_written_twin_is_never_claimed(tmp_path: Path) -> None:
    from generator.output.write import write_docs

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "catatan.md").write_text("sama", "utf-8")  # hand-written, same text as a page
    write_docs({"catatan.md": "sama", "a.md": "A"}, docs)
    write_docs({"a.md": "A"}, docs)  # the page goes away; the author's file stays
    assert (docs / "catatan.md").read_text("utf-8") == "sama"


def test_a_damaged_manifest_is_named(tmp_path: Path) -> None:
    import pytest

    from generator.output.write import MANIFEST, write_docs
    from generator.problems import BuildFailed

    docs = tmp_path / "docs"
    write_docs({"a.md": "A"}, docs)
    for damage in ("{oops", "5", "null"):
        (docs / MANIFEST).write_text(damage, "utf-8")
        with pytest.raises(BuildFailed) as caught:
            write_docs({"a.md": "B"}, docs)
        assert str(caught.value).startswith(f"{docs / MANIFEST} rusak; jika folder itu")
