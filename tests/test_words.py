"""The search word list (built here) and the query expansion (in the site's script)."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess

import pytest
from conftest import FIXTURE, ROOT

from generator.content.index import build_index
from generator.photos.inspect import load_with_photos
from generator.web.search_words import root, word_map

SCRIPT = ROOT / "generator" / "web" / "static" / "cari.js"


def test_roots_follow_indonesian_affixes_and_leave_names_alone() -> None:
    assert root("sayuran") == "sayur"
    assert root("manisan") == "manis"
    assert root("perbaikan") == "baik"
    assert root("hartono") == "hartono"
    assert root("amplang") == "amplang"


def test_word_map_joins_roots_and_synonyms() -> None:
    words = word_map(build_index(load_with_photos(FIXTURE), datetime.date(2025, 7, 1)))
    assert words["sayur"] == ["sayuran"]  # synonyms.yml of the fixture
    assert words["amplang"] == ["kerupuk"] and words["kerupuk"] == ["amplang"]
    assert words["kudap"] == []  # "Kudapan" is a word of the catalogue; its root is a key


def expand(query: str, words: dict[str, list[str]]) -> str:
    """Run the site's own script in Node.js, as the browser would, and expand `query`."""
    return run_script(f"expandQuery({json.dumps(query)}, {json.dumps(words)}).query")


def run_script(expression: str) -> str:
    """Evaluate `expression` in Node.js after the site's own search script."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is missing: apt-get install nodejs (make test does this)")
    program = (
        "global.document = {};"
        + SCRIPT.read_text("utf-8")
        + f";process.stdout.write(JSON.stringify({expression}))"
    )
    out = subprocess.run([node, "-e", program], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.parametrize(
    "query, expanded",
    [
        ("sayuran", "sayuran sayur"),  # -an
        ("menjahit", "menjahit jahit penjahit"),  # men- before j
        ("sambelnya", "sambelnya sambel sambal"),  # -nya, then a synonym
        ("Cabe rawit", "Cabe cabai lombok rawit"),
        ("hartono", "hartono"),  # no rule's guess is a word of the catalogue
        ("terasi", "terasi"),  # a word of the catalogue: no guess ("teras" + "-i")
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
        "teras": [],
        "terasi": [],
    }
    assert expand(query, words) == expanded


def test_results_speak_of_the_words_typed() -> None:
    """Searching "cabe" finds "cabai": the result must not say "cabe" is missing."""
    terms = {"cabe": False, "cabai": True, "lombok": False, "rawit": False}
    groups = [["cabe", "cabai", "lombok"], ["rawit"]]
    typed = run_script(f"typedTerms({json.dumps(terms)}, {json.dumps(groups)})")
    assert typed == {"cabe": True, "rawit": False}
