"""Long lists are split over pages: small pages for cheap phones and quick previews."""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from generator.content.index import build_index
from generator.photos.inspect import load_with_photos
from generator.pipeline import build_site
from generator.web.pagination import PER_PAGE, Pager
from generator.web.render import render_site

sys.path.insert(0, str(ROOT / "bench"))
from synth import synthesise  # noqa: E402 - the benchmark's catalogue maker


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return synthesise(130, tmp_path_factory.mktemp("big") / "content")


def listed(page: str) -> list[str]:
    """The vendors a list page's cards link to (web/cards.py: final URLs)."""
    return re.findall(r'<a class="kartu-nama" href="(?:\.\./)*(?:usaha/)?(usaha-\d+)/"', page)


def test_every_vendor_is_on_exactly_one_page_of_each_list(big: Path) -> None:
    pages = render_site(build_index(load_with_photos(big), datetime.date(2026, 1, 1)))
    parts = ["usaha/index.md", "usaha/semua/2.md", "usaha/semua/3.md"]
    assert [len(listed(pages[p])) for p in parts] == [PER_PAGE, PER_PAGE, 30]
    assert sorted(sum((listed(pages[p]) for p in parts), [])) == sorted(
        f"usaha-{i}" for i in range(130)
    )
    assert "usaha/semua/4.md" not in pages
    assert "Halaman 2 dari 3: [1](../index.md) · **2** · [3](3.md)" in pages["usaha/semua/2.md"]
    assert pages["usaha/semua/2.md"].startswith("---\ntitle: Semua usaha (2/3)\n")


def test_page_links_stay_short_on_long_lists() -> None:
    pager = Pager(10, tuple(f"p{n}.md" for n in range(1, 101)))
    assert pager.window() == [1, None, 8, 9, 10, 11, 12, None, 100]


@pytest.mark.slow
def test_split_lists_build_strictly(big: Path, tmp_path: Path) -> None:
    build_site(big, tmp_path / "site", ROOT / "mkdocs.yml", docs_dir=tmp_path / "docs")
    assert (tmp_path / "site" / "usaha" / "semua" / "3" / "index.html").is_file()
