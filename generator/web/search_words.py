"""The search box's word list: which words a query word also stands for.

Material's search (lunr) has no Indonesian stemmer, and people here spell the
same thing many ways. The site's search script (`cari.js`) strips common affixes
from each query word and looks the results up here, adding the catalogue's
own words that share a root (Sastrawi, at build time) or a synonym group
(`content/synonyms.yml`). Only words found here are added, so a rough
affix guess in the browser never adds noise, and a name like "Hartono" that
no rule recognises is searched as typed.
"""

from __future__ import annotations

import functools
import json
import re
from collections import defaultdict
from collections.abc import Iterator

from generator.content.index import Index

# The separator the site's search splits text with (mkdocs.yml: plugins.search.separator).
SEPARATOR = re.compile(r"[\s\-,:!=\[\]()\"/]+|\.(?!\d)")
WORD = re.compile(r"[a-z]{3,}")


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
    return {
        word
        for text in _texts(index)
        for word in SEPARATOR.split(text.casefold())
        if WORD.fullmatch(word)
    }


def word_map(index: Index) -> dict[str, list[str]]:
    """`{word: other words to search for too}`.

    Keys are the catalogue's words and their roots. A word of the catalogue gets its
    root, so the browser needs no guess for it ("terasi" is not "teras" + "-i"); a root
    is a key even with nothing to add, as the browser only uses a guessed root that is
    one. A word that starts with its root needs no entry under the root: the search
    already matches `sayur` inside `sayuran`.
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
    for group in index.content.synonyms:
        for word in group:
            words[word] |= set(group) - {word}
            words[root(word)] |= set(group) - {root(word)}
    return {key: sorted(others) for key, others in sorted(words.items())}


def word_map_json(index: Index) -> str:
    return json.dumps(word_map(index), ensure_ascii=False, separators=(",", ":")) + "\n"
