"""The Markdown generated from the fixture catalogue, compared with tests/golden/.

After an intended change: `make update-golden`, then review the diff like code.
"""

from __future__ import annotations

from pathlib import Path

from conftest import FIXTURE, GOLDEN_DAY

from generator.content.index import build_index
from generator.photos.inspect import load_with_photos
from generator.pipeline import publish_photos, render

GOLDEN = Path(__file__).parent / "golden"


def test_generated_markdown_matches_golden(update_golden: bool, tmp_path: Path) -> None:
    content = load_with_photos(FIXTURE)
    photos = publish_photos(content, tmp_path / "cache")[0]
    pages = render(build_index(content, GOLDEN_DAY), photos=photos)
    if update_golden:
        for old in GOLDEN.rglob("*"):
            if old.is_file():
                old.unlink()
        for path, body in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(body.encode("utf-8"))
    # As bytes: the CSV and iCalendar files keep their CRLF line ends.
    expected = {
        p.relative_to(GOLDEN).as_posix(): p.read_bytes().decode("utf-8")
        for p in GOLDEN.rglob("*")
        if p.is_file()
    }
    assert sorted(pages) == sorted(expected)
    for path, body in pages.items():
        assert body == expected[path], f"{path} differs from tests/golden/{path}"
