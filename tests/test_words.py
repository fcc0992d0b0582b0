"""The search word list (built here) and the query expansion (in the site's script)."""

from __future__ import annotations

import datetime
import json
import re
import shutil
import subprocess
from collections import Counter

import pytest
from conftest import FIXTURE, ROOT

from generator.content.index import build_index
from generator.photos.inspect import load_with_photos
from generator.web import word_groups
from generator.web.files import data_files
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
    # synonyms.yml of the fixture, each group joined with the generator's group that
    # shares a word with it: [sayur, gangan, …] and [kerupuk, krupuk]
    assert words["sayur"] == ["gangan", "sayuran", "vegetable", "vegetables"]
    assert words["amplang"] == ["kerupuk", "krupuk"]
    assert words["krupuk"] == ["amplang", "kerupuk"]
    assert words["kudap"] == []  # "Kudapan" is a word of the catalogue; its root is a key


def test_the_generators_word_list_keeps_its_rules() -> None:
    """generator/web/words/kata.yml: read (which checks one word in one group, single
    lowercase words, known kinds and sources), big enough, every source with a licence."""
    listed = word_groups.shipped()
    assert len(listed.groups) >= 250
    assert set(listed.sources) == {"kbbi-tidak-baku", "kbbi-arti", "ngebanjar", "bacaan-sendiri"}
    assert all(source["about"] and source["licence"] for source in listed.sources.values())
    kinds = Counter(kind for group in listed.groups for kind in group.kinds)
    assert kinds["spelling"] >= 80 and kinds["regional"] >= 60 and kinds["loanword"] >= 40
    words = [word for group in listed.groups for word in group.words]
    assert len(words) == len(set(words))
    assert all(re.fullmatch(r"[a-z0-9]+", word) for word in words)


def test_a_broken_word_list_names_every_problem() -> None:
    text = """
sources: {kbbi-arti: {about: KBBI, licence: facts}, sendiri: {about: us}}
kinds: {spelling: other spellings}
groups:
  - {words: [cabai, cabe], kind: spelling, source: kbbi-arti}
  - {words: [Cabe rawit, cabe], kind: [spelling, regional], source: kamus}
  - {words: [sambal], kind: spelling, source: kbbi-arti}
"""
    with pytest.raises(ValueError) as raised:
        word_groups.read_word_list(text)
    assert str(raised.value).splitlines() == [
        "sources.sendiri: needs `about` and `licence`",
        "groups[1].words[0]: `Cabe rawit` is not one lowercase word",
        "groups[1].words[1]: `cabe` is already in groups[0]",
        "groups[1].kind: unknown `regional`",
        "groups[1].source: unknown `kamus`",
        "groups[2].words: a group needs two words or more",
    ]


def test_a_catalogue_group_joins_the_generators_groups_it_shares_a_word_with() -> None:
    shipped = [["cabai", "cabe", "lombok"], ["kue", "kueh"], ["sambal", "sambel"]]
    local = [["cabai", "tabia"], ["lombok", "rica"], ["bakery", "roti"]]
    joined = {group.words: group.local for group in word_groups.join(shipped, local)}
    chili = {"cabai", "tabia", "lombok", "rica"}  # both catalogue groups touch cabai's
    assert joined == {
        frozenset(chili | {"cabe"}): chili,
        frozenset({"kue", "kueh"}): frozenset(),
        frozenset({"sambal", "sambel"}): frozenset(),
        frozenset({"bakery", "roti"}): {"bakery", "roti"},
    }


def test_a_catalogue_without_synonyms_still_finds_the_variants(tmp_path) -> None:
    """Another kelurahan's catalogue, with no synonyms.yml: its kata.json holds the
    generator's groups for the words its pages show, and only those."""
    shutil.copytree(FIXTURE, tmp_path / "content")
    (tmp_path / "content" / "synonyms.yml").unlink()
    index = build_index(load_with_photos(tmp_path / "content"), datetime.date(2025, 7, 1))
    words = json.loads(data_files(index)["search/kata.json"])
    assert words["cabe"] == ["cabai", "chili", "chilli", "lombok"]
    assert words["wadai"] == ["cake", "kue", "kueh", "kuih"]
    assert words["iwak"] == ["fish", "ikan"]
    # Its own pages say neither laundry nor kerupuk ("kerupuk" came from its synonyms.yml):
    # those groups would only make the file bigger.
    assert "laundry" not in words and "kerupuk" not in words
    assert expand("Cabe rawit", words) == "Cabe cabai chili chilli lombok rawit"


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
