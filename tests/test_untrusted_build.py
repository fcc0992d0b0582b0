"""The build folder can come from a pull request too (a force-added `build/docs/` with a
manifest and symbolic links): the generator never writes or deletes outside it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.output.write import MANIFEST, write_docs
from generator.problems import BuildFailed


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder of the person running the build, beside the docs folder."""
    home = tmp_path / "rumah"
    home.mkdir()
    (home / "a.md").write_text("catatan pribadi", "utf-8")
    (home / "rahasia.txt").write_text("kunci", "utf-8")
    return home


def test_a_manifest_never_deletes_through_a_link(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    write_docs({"a.md": "A"}, docs)
    (docs / "luar").symlink_to(outside)  # committed with the manifest below
    (docs / MANIFEST).write_text(json.dumps(["a.md", "luar/rahasia.txt", "luar/a.md"]), "utf-8")
    write_docs({"a.md": "A"}, docs)
    assert (outside / "rahasia.txt").read_text("utf-8") == "kunci"
    assert (outside / "a.md").read_text("utf-8") == "catatan pribadi"


def test_pages_are_never_written_through_a_link(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    write_docs({"usaha/a.md": "A", "index.md": "I"}, docs)
    (docs / "usaha" / "a.md").unlink()
    (docs / "usaha").rmdir()
    (docs / "usaha").symlink_to(outside)
    with pytest.raises(BuildFailed) as caught:
        write_docs({"usaha/a.md": "B", "index.md": "I"}, docs)
    assert str(caught.value) == (
        f"{docs / 'usaha' / 'a.md'} ada di balik tautan (symlink) yang keluar dari "
        f"{docs}; hapus tautan itu (folder hasil build tidak boleh ada di git)"
    )
    assert (outside / "a.md").read_text("utf-8") == "catatan pribadi"
