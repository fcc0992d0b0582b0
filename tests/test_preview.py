"""The preview (`serve`) rebuilds only changed pages, yet its search index stays whole."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import GOLDEN_DAY, ROOT, indexed
from mkdocs.commands.build import build as mkdocs_build

from generator.output import mkdocs_site as site
from generator.pipeline import Caches, generate

pytestmark = pytest.mark.slow
HOOK = ROOT / "generator" / "output" / "preview_hook.py"


def dirty_build(tmp_path: Path) -> dict:
    config = site.read_config(
        ROOT / "mkdocs.yml", site_dir=str(tmp_path / "site"), hooks=[str(HOOK)]
    )
    config["docs_dir"] = str(tmp_path / "docs")
    mkdocs_build(config, dirty=True)
    return indexed(tmp_path / "site")


def pages(index: dict) -> set[str]:
    return {url.removeprefix("/") for url in index}


def test_dirty_rebuilds_keep_every_page_searchable(content: Path, tmp_path: Path) -> None:
    caches = Caches()
    generate(content, tmp_path / "docs", GOLDEN_DAY, caches)
    full = dirty_build(tmp_path)
    assert "usaha/kebun-uji/" in pages(full)

    vendor = content / "vendors" / "amplang-uji.yml"
    vendor.write_text(vendor.read_text("utf-8").replace("Amplang kepiting", "Amplang rajungan"))
    written = generate(content, tmp_path / "docs", GOLDEN_DAY, caches).written
    # The vendor page, the six lists that name the product, the search word lists (the
    # words, and those starting with "r"), usaha.json, produk.csv and sw.js (a new cache).
    assert written.written == 12
    after = dirty_build(tmp_path)
    assert pages(after) == pages(full)  # MkDocs alone would keep only the 4 rebuilt pages
    texts = " ".join(d["content"] for url, d in after.items() if url.startswith("/usaha/"))
    assert "Amplang rajungan" in texts and "Amplang kepiting" not in texts

    (content / "vendors" / "kue-tanpa-rt.yml").unlink()
    event = content / "events" / "bazar-uji.yml"
    event.write_text(event.read_text("utf-8").split("  - stall: B1")[0], "utf-8")
    generate(content, tmp_path / "docs", GOLDEN_DAY, caches)
    assert pages(dirty_build(tmp_path)) == pages(full) - {"usaha/kue-tanpa-rt/"}
