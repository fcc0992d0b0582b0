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

SCRIPT = ROOT / "generator" / "web" / "static" / "cari-mesin.js"


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
    kata = json.loads(data_files(index)["search/kata.json"])
    words = kata["words"]
    assert words["cabe"] == ["cabai", "chili", "chilli", "lombok"]
    assert words["wadai"] == ["cake", "kue", "kueh", "kuih"]
    assert words["iwak"] == ["fish", "ikan"]
    # Its own pages say neither laundry nor kerupuk ("kerupuk" came from its synonyms.yml):
    # those groups would only make the file bigger.
    assert "laundry" not in words and "kerupuk" not in words
    assert kata["filters"] == {
        "halal": ["tanda", "Halal"],
        "diantar": ["tanda", "Bisa diantar"],
        "qris": ["tanda", "QRIS"],
    }
    assert expand("Cabe rawit", words) == "cabe cabai chili chilli lombok rawit"


def expand(query: str, words: dict[str, list[str]]) -> str:
    """Run the site's own script in Node.js, as the browser would: each word of `query`
    with the words it is searched as."""
    return " ".join(w for word in plan(query, words)["words"] for w in word["others"])


def plan(query: str, words: dict, filters: dict | None = None) -> dict:
    kata = {"words": words, "filters": filters or {}}
    return run_script(f"plan({json.dumps(query)}, {json.dumps(kata)})")


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
    # A time limit: a script that grows exponentially (long queries) fails, not hangs.
    out = subprocess.run(
        [node, "-e", program], capture_output=True, text=True, check=True, timeout=60
    )
    return json.loads(out.stdout)


@pytest.mark.parametrize(
    "query, expanded",
    [
        ("sayuran", "sayuran sayur"),  # -an
        ("menjahit", "menjahit jahit penjahit"),  # men- before j
        ("sambelnya", "sambelnya sambel sambal"),  # -nya, then a synonym
        ("Cabe rawit", "cabe cabai lombok rawit"),
        ("hartono", "hartono"),  # no rule's guess is a word of the catalogue
        ("terasi", "terasi"),  # a word of the catalogue: no guess ("teras" + "-i")
        ('"kue kering" -pedas', "kue kueh kering pedas"),  # no syntax: words only
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


@pytest.mark.parametrize(
    "query, filters, words",
    [
        ("rt 7", {"rt": "RT 07"}, []),
        ("RT07", {"rt": "RT 07"}, []),
        ("rt 007 kue", {"rt": "RT 07"}, ["kue"]),
        ("Rw 2", {"rw": "RW 02"}, []),
        ("kue halal", {"tanda": ["Halal"]}, ["kue"]),
        ("delivery qris", {"tanda": ["Bisa diantar", "QRIS"]}, []),  # through its group
        ("rt", {}, ["rt"]),  # no number: a word like any other
        ("rt 0", {}, ["rt", "0"]),
    ],
)
def test_rt_rw_and_marks_become_filters(query: str, filters: dict, words: list) -> None:
    known = {"kue": [], "delivery": ["diantar"], "diantar": ["delivery"], "halal": []}
    marks = {"halal": ["tanda", "Halal"], "diantar": ["tanda", "Bisa diantar"]}
    marks["qris"] = ["tanda", "QRIS"]
    planned = plan(query, known, marks)
    assert planned["filters"] == filters
    assert [w["typed"] for w in planned["words"]] == words


@pytest.mark.parametrize(
    "typed, most, nearest",
    [
        ("kerupk", 1, ["kerupuk"]),  # a letter left out
        ("pokcoy", 1, ["pakcoy"]),  # one replaced
        ("kreupuk", 1, ["kerupuk"]),  # two swapped
        ("hidroponic", 2, ["hidroponik"]),
        ("angrek", 1, ["anggrek", "angrem"]),  # both one slip away: the more written first
        ("kerupuk", 1, ["kerupuks"]),  # the word itself is never offered
        ("xyzzy", 1, []),
    ],
)
def test_a_slip_is_read_as_the_nearest_catalogue_word(typed: str, most: int, nearest) -> None:
    words = [["kerupuk", 9], ["pakcoy", 2], ["hidroponik", 1], ["anggrek", 5], ["angrem", 1]]
    words.append(["kerupuks", 1])
    assert run_script(f"nearest({json.dumps(typed)}, {json.dumps(words)}, {most})") == nearest


def test_a_long_query_keeps_few_combinations() -> None:
    """Twelve words of eight alternatives each: the sixteen cheapest combinations, the
    words as typed first, without building the 8^12 others first."""
    lists = [[f"w{i}a{k}" for k in range(8)] for i in range(12)]
    found = run_script(f"combinations({json.dumps(lists)}, 16)")
    assert len(found) == 16
    assert found[0] == " ".join(f"w{i}a0" for i in range(12))
    assert all(len(c.split()) == 12 for c in found)
