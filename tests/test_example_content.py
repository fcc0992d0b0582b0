"""Example catalogues stay valid: the sample content/ and every catalogue a test case keeps
(tests/cases/**/content, such as the held-out search catalogue of Karang Jati), and the
pages and products the held-out queries want stay in the site it builds."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from conftest import ROOT

from generator.cli import main

CATALOGUES = [ROOT / "content"] + sorted(
    path.parent for path in (ROOT / "tests" / "cases").glob("**/content/catalogue.yml")
)
HELD_OUT = ROOT / "tests" / "cases" / "search" / "karang-jati"


@pytest.mark.parametrize("content", CATALOGUES, ids=lambda p: str(p.relative_to(ROOT)))
def test_an_example_catalogue_passes_check(content: Path) -> None:
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 0, result.output


def test_the_held_out_catalogue_is_among_them() -> None:
    assert HELD_OUT / "content" in CATALOGUES


@pytest.mark.slow
def test_every_page_a_held_out_query_wants_is_built(tmp_path: Path) -> None:
    """A renamed vendor or a typo in queries.yml must not pass for a search miss."""
    from generator.pipeline import build_site

    site = tmp_path / "site"
    build_site(HELD_OUT / "content", site, ROOT / "mkdocs.yml", docs_dir=tmp_path / "docs")
    queries = yaml.safe_load((HELD_OUT / "queries.yml").read_text("utf-8"))
    absent = [
        f"{case['q']!r}: {want}"
        for case in queries
        for want in case["want"]
        if not (site / want / "index.html").is_file()
    ]
    absent += [
        f"{case['q']!r}: #{case['anchor']}"
        for case in queries
        if "anchor" in case
        and f'id="{case["anchor"]}"'
        not in (site / case["want"][0] / "index.html").read_text("utf-8")
    ]
    assert not absent
    assert len(queries) >= 40
