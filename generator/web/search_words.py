"""What the search box knows beyond the index: which words a query word also stands
for, which words are filters, and the catalogue's words for typing slips.

People here spell the same thing many ways. The site's search script (`cari.js`)
strips common affixes from each query word and looks the results up in
`search/kata.json`, searching also the catalogue's own words that share a root
(Sastrawi, at build time) or a group of words that mean the same (`word_groups`:
the generator's list, joined by the catalogue's `content/synonyms.yml`). Only
words found here are added, so a rough affix guess in the browser never adds
noise, and a name like "Hartono" that no rule recognises is searched as typed.
A word the index lacks is read as the nearest word of `search/kosakata/<letter>.json`
(the catalogue's words, by first letter, with how often each is written).
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from generator.content.formats import PAYMENT_NAMES
from generator.content.index import FILTERS, Index
from generator.web import word_groups

# The separator the site's search splits text with (mkdocs.yml: plugins.search.separator).
SEPARATOR = re.compile(r"[\s\-,:!=\[\]()\"/]+|\.(?!\d)")
WORD = re.compile(r"[a-z]{3,}")
TOKEN = re.compile(r"[a-z0-9]+")
TEMPLATES = Path(__file__).parent / "templates"
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.DOTALL)


@functools.cache
def _stemmer():  # type: ignore[no-untyped-def]
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return StemmerFactory().create_stemmer()


@functools.lru_cache(maxsize=50_000)
def root(word: str) -> str:
    """The Indonesian root of a lowercase word: `sayuran` -> `sayur`, `perbaikan` -> `baik`.
    Sastrawi checks its guess against a dictionary, so unknown words stay as they are."""
    return _stemmer().stem(word) or word


def _texts(index: Index) -> Iterator[str]:
    catalogue = index.content.catalogue
    yield from (c.name for c in catalogue.categories)
    yield from (p.name for p in catalogue.programmes)
    for vendor in index.content.vendors.values():
        yield vendor.name
        yield vendor.description or ""
        yield from vendor.tags
        for product in vendor.products:
            yield product.name
            yield product.description or ""
    for event in index.content.events.values():
        yield event.name


def vocabulary(index: Index) -> set[str]:
    return set(_counts(index))


def _counts(index: Index) -> Counter[str]:
    return Counter(
        word
        for text in _texts(index)
        for word in SEPARATOR.split(text.casefold())
        if WORD.fullmatch(word)
    )


def site_words(index: Index) -> set[str]:
    """Every word the catalogue's pages may show, and the roots of those: the words of
    every text in the content, and those the site writes itself (templates, filters,
    ways to pay: "bisa diantar", "Tunai")."""
    found = set(_own_words())
    for model in (index.content.catalogue, *index.content.vendors.values()):
        found |= _tokens(model.model_dump(mode="json"))
    for event in index.content.events.values():
        found |= _tokens(event.model_dump(mode="json"))
    return found | {root(word) for word in found if WORD.fullmatch(word)}  # not numbers


@functools.cache
def _own_words() -> frozenset[str]:
    # A catalogue's own pages (the city's, in templates/city/, are not a catalogue's).
    # Without the templates' comments: they are notes to developers, in English.
    texts = [
        JINJA_COMMENT.sub(" ", path.read_text("utf-8")) for path in sorted(TEMPLATES.glob("*.j2"))
    ]
    texts += [f"{f.title} {f.label} {f.mark} {f.description}" for f in FILTERS.values()]
    texts += PAYMENT_NAMES.values()
    return frozenset(_tokens(texts))


def _tokens(value: object) -> set[str]:
    """The words of every string in `value` (nested lists and mappings too)."""
    if isinstance(value, str):
        return set(TOKEN.findall(value.casefold()))
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return set().union(*map(_tokens, value))
    return set()


def groups(index: Index) -> list[word_groups.Joined]:
    """The groups this catalogue's search needs: its own (`synonyms.yml`) joined with the
    generator's list, and those of the list with a word the site shows (the others
    would only make `kata.json` bigger: searching for them finds nothing here)."""
    shipped = [group.words for group in word_groups.shipped().groups]
    joined = word_groups.join(shipped, index.content.synonyms)
    shown = site_words(index)
    return [group for group in joined if group.local or group.words & shown]


def word_map(index: Index) -> dict[str, list[str]]:
    """`{word: other words to search for too}`.

    Keys are the catalogue's words and their roots. A word of the catalogue gets its
    root, so the browser needs no guess for it ("terasi" is not "teras" + "-i"); a root
    is a key even with nothing to add, as the browser only uses a guessed root that is
    one. A word that starts with its root needs no entry under the root: the search
    already matches `sayur` inside `sayuran`.

    Each word of a group (`groups`) gets the others; the catalogue's own words also
    under their roots, as before the generator had a list. A word of the generator's
    list the catalogue doesn't have is a key too, used as typed: it also gets what the
    browser would have found by its root ("pesanan" -> "pesan").
    """
    vocabulary_roots = {word: root(word) for word in vocabulary(index)}
    family: dict[str, set[str]] = defaultdict(set)
    for word, base in vocabulary_roots.items():
        family[base]  # noqa: B018 - the root is known, even with nothing to add
        if not word.startswith(base):
            family[base].add(word)
    words: dict[str, set[str]] = defaultdict(set, family)
    for word, base in vocabulary_roots.items():
        words[word] |= ({base} | family[base]) - {word}
    for group in groups(index):
        for word in group.words:
            words[word] |= group.words - {word}
        for word in group.local:
            words[root(word)] |= group.words - {root(word)}
        for word in group.words - group.local - vocabulary_roots.keys():
            if (base := root(word)) != word and base in family:
                words[word] |= ({base} | family[base]) - {word}
    return {key: sorted(others) for key, others in sorted(words.items())}


def search_files(index: Index) -> dict[str, str]:
    """`search/kata.json` (the words each word also stands for, and the words that are
    filters: "halal" keeps the vendors the filter page "Usaha halal" lists) and
    `search/kosakata/<letter>.json` (`[[word, times written], …]`, for typing slips:
    split by first letter so a slip costs a reader one small file)."""
    return _files(word_map(index), _all_counts(index))


def city_search_files(indexes: list[Index]) -> dict[str, str]:
    """The same files for a city's search: every kelurahan's words, counts added."""
    words: dict[str, list[str]] = {}
    counts: Counter[str] = Counter()
    for index in indexes:
        for word, also in word_map(index).items():
            words[word] = list(dict.fromkeys([*words.get(word, []), *also]))
        counts.update(_all_counts(index))
    return _files(dict(sorted(words.items())), counts)


def _all_counts(index: Index) -> Counter[str]:
    # Every word a page shows (templates too: "pesan", "bungkus") at least once, and a
    # group's other words 0 times: a slip in "lombok" still finds the catalogue's "cabai".
    counts = _counts(index)
    for word in filter(WORD.fullmatch, site_words(index)):
        counts[word] = max(counts[word], 1)
    for word in filter(WORD.fullmatch, (w for group in groups(index) for w in group.words)):
        counts.setdefault(word, 0)
    return counts


def _files(words: dict[str, list[str]], counts: Counter[str]) -> dict[str, str]:
    filters = {name: ["tanda", f.label] for name, f in FILTERS.items()}
    files = {"search/kata.json": _json({"words": words, "filters": filters})}
    by_letter: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for word, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        by_letter[word[0]].append((word, count))
    for letter, words in sorted(by_letter.items()):
        files[f"search/kosakata/{letter}.json"] = _json(words)
    return files


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
