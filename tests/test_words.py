"""The search word list (built here) and the query expansion (in the site's script)."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess

import pytest
from conftest import FIXTURE, ROOT

from generator.collect import build_index
from generator.load import load_content
from generator.words import root, word_map

SCRIPT = ROOT / "generator" / "static" / "katalog.js"


def test_roots_follow_indonesian_affixes_and_leave_names_alone() -> None:
    assert root("sayuran") == "sayur"
    assert root("manisan") == "manis"
    assert root("perbaikan") == "baik"
    assert root("hartono") == "hartono"
    assert root("amplang") == "amplang"


def test_word_map_joins_roots_and_synonyms() -> None:
    words = word_map(build_index(load_content(FIXTURE), datetime.date(2025, 7, 1)))
    assert words["sayur"] == ["sayuran"]  # synonyms.yml of the fixture
    assert words["amplang"] == ["kerupuk"] and words["kerupuk"] == ["amplang"]
    assert words["kudap"] == []  # "Kudapan" is a word of the catalogue; its root is a key


def expand(query: str, words: dict[str, list[str]]) -> str:
    """Run the site's own script in Node.js, as the browser would, and expand `query`."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is missing: apt-get install nodejs (.ci/run does this)")
    program = (
        "global.document = {addEventListener() {}};"
        + SCRIPT.read_text("utf-8")
        + f";process.stdout.write(expandQuery({json.dumps(query)}, {json.dumps(words)}))"
    )
    return subprocess.run([node, "-e", program], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize(
    "query, expanded",
    [
        ("sayuran", "sayuran sayur"),  # -an
        ("menjahit", "menjahit jahit penjahit"),  # men- before j
        ("sambelnya", "sambelnya sambel sambal"),  # -nya, then a synonym
        ("Cabe rawit", "Cabe cabai lombok rawit"),
        ("hartono", "hartono"),  # no rule's guess is a word of the catalogue
        ('"kue kering" -pedas', '"kue kering" -pedas'),  # Material's syntax stays as typed
    ],
)
def test_query_expansion_in_the_browser_script(query: str, expanded: str) -> None:
    words = {
        "sayur": [],
        "jahit": ["penjahit"],
        "sambel": ["sambal"],
        "cabe": ["cabai", "lombok"],
        "rawit": [],
        "kue": ["kueh"],
    }
    assert expand(query, words) == expanded
