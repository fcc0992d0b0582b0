"""Incremental generation: only pages whose text changes are written (mtimes kept), so
MkDocs' live reload and dirty builds see exactly what an edit touched."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from generator import pipeline
from generator.pipeline import generate

RENDER = pipeline.render

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
    # "rajungan" is a new search word (its first letter's list of words for slips).
    assert changed(after_description, stamps(docs)) == {
        "search/kata.json",
        "search/kosakata/r.json",
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


def test_a_build_made_from_the_same_renders_no_page(
    content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Rendering every page took a second per build: a build made from what the last one
    was made from (content, day, photos, the generator itself) finds them in place, each
    checked against the fingerprint kept when it was written."""
    docs = tmp_path / "docs"
    generate(content, docs, DAY)
    before = stamps(docs)
    rendered: list[int] = []
    monkeypatch.setattr(pipeline, "render", lambda *args: rendered.append(1) or RENDER(*args))

    again = generate(content, docs, DAY).written
    assert (again.written, again.unchanged, again.removed, rendered) == (0, len(before), 0, [])
    assert stamps(docs) == before

    # A generated page edited or deleted by hand is made again, as before.
    (docs / "usaha" / "amplang-uji.md").write_text("diubah", "utf-8")
    (docs / "kategori" / "makanan.md").unlink()
    assert generate(content, docs, DAY).written.written == 2 and len(rendered) == 1
    assert stamps(docs).keys() == before.keys()
    assert generate(content, docs, DAY).written.written == 0 and len(rendered) == 1
    # So is everything after an edit, or on another day (Statistik shows the day).
    edit(content / "vendors" / "amplang-uji.yml", "Amplang kepiting", "Amplang rajungan")
    assert generate(content, docs, DAY).written.written > 0 and len(rendered) == 2
    later = DAY + datetime.timedelta(days=1)
    assert generate(content, docs, later).written.written > 0 and len(rendered) == 3
    # `serve` renders from its caches: the build after it renders its pages to check them.
    generate(content, docs, later, caches=pipeline.Caches())
    assert generate(content, docs, later).written.written == 0 and len(rendered) == 5


def test_pages_are_made_from_a_fingerprint_that_stays_between_runs(content: Path) -> None:
    """No address in memory or other trace of one process in what the pages are made from:
    another process finds the same, so a second build can skip rendering."""
    script = (
        "import datetime, sys; from pathlib import Path; from generator import pipeline;"
        "from generator.output import inputs; from generator.photos import publish;"
        "from generator.content.index import build_index;"
        "from generator.photos.inspect import load_with_photos;"
        "c = load_with_photos(Path('content'));"
        "b, f, _ = pipeline.publish_photos(c, publish.default_cache_dir(Path('content')));"
        "print(inputs.made_from('pages', c, datetime.date(2025, 7, 1), b, f))"
    )
    runs = [
        subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert runs[0].stdout == runs[1].stdout and len(runs[0].stdout.strip()) == 64


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


def test_manifests_of_earlier_versions_are_still_read(tmp_path: Path) -> None:
    """Folders built before pages and PDFs shared one manifest format keep working."""
    from generator.output.manifest import Manifest, read_manifest, write_manifest

    pages, prints = tmp_path / "pages.json", tmp_path / "prints.json"
    pages.write_text('["a.md", "b/c.md", "../luar.md"]', "utf-8")
    prints.write_text('{"katalog.pdf": "f1", "/etc/x.pdf": "f2"}', "utf-8")
    assert read_manifest(pages) == Manifest({"a.md": "", "b/c.md": ""})
    assert read_manifest(prints) == Manifest({"katalog.pdf": "f1"})
    write_manifest(prints, Manifest({"katalog.pdf": "f1"}, "bahan"))
    assert read_manifest(prints) == Manifest({"katalog.pdf": "f1"}, "bahan")
    assert read_manifest(tmp_path / "none.json") == Manifest()
