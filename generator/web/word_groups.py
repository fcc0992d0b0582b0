"""Groups of words that mean the same, for the search box: the list that ships with the
generator (`words/kata.yml`: spellings, regional market words, loanwords, for every
catalogue) and how a catalogue's own groups (`content/synonyms.yml`) join it.

A catalogue group and every shipped group it shares a word with become one group: the
catalogue adds words to what the generator knows, and a shipped group is never split.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

PATH = Path(__file__).parent / "words" / "kata.yml"
WORD = re.compile(r"[a-z0-9]+")  # as content/synonyms.yml (model.Word)


@dataclass(frozen=True)
class WordGroup:
    """One group of `words/kata.yml`."""

    words: tuple[str, ...]
    kinds: tuple[str, ...]
    """What the other words are: spelling, regional, loanword, synonym (`kinds:`)."""
    sources: tuple[str, ...]
    """Where the pairs come from (ids of `sources:`)."""


@dataclass(frozen=True)
class WordList:
    """`words/kata.yml`, checked."""

    sources: dict[str, dict[str, str]]
    """By id: `about` (what and how it was read) and `licence`."""
    kinds: dict[str, str]
    groups: tuple[WordGroup, ...]


@dataclass(frozen=True)
class Joined:
    """A group as the search uses it."""

    words: frozenset[str]
    local: frozenset[str]
    """The words from the catalogue's own groups: empty for a shipped group alone."""


@functools.cache
def shipped() -> WordList:
    """The list that ships with the generator. Raises `ValueError` if it breaks a rule."""
    return read_word_list(PATH.read_text("utf-8"))


def read_word_list(text: str) -> WordList:
    """The list in `text`, or `ValueError` naming every problem (`groups[3].words[1]: …`)."""
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or not {"sources", "kinds", "groups"} <= data.keys():
        raise ValueError("expected a mapping with `sources`, `kinds` and `groups`")
    sources, kinds = data["sources"], data["kinds"]
    if not isinstance(sources, dict) or not isinstance(kinds, dict):
        raise ValueError("`sources` and `kinds` map an id to what it means")
    problems = [
        f"sources.{ident}: needs `about` and `licence`"
        for ident, source in sources.items()
        if not isinstance(source, dict) or not {"about", "licence"} <= source.keys()
    ]
    groups, seen = [], {}
    for i, item in enumerate(data["groups"] or []):
        where = f"groups[{i}]"
        if not isinstance(item, dict) or item.keys() != {"words", "kind", "source"}:
            problems.append(f"{where}: expected `words`, `kind` and `source`")
            continue
        group = WordGroup(*(tuple(_listed(item[key])) for key in ("words", "kind", "source")))
        if len(group.words) < 2:
            problems.append(f"{where}.words: a group needs two words or more")
        for j, word in enumerate(group.words):
            if not isinstance(word, str) or not WORD.fullmatch(word):
                problems.append(f"{where}.words[{j}]: `{word}` is not one lowercase word")
            elif word in seen:
                problems.append(f"{where}.words[{j}]: `{word}` is already in {seen[word]}")
            else:
                seen[word] = where
        problems += [f"{where}.kind: unknown `{k}`" for k in group.kinds if k not in kinds]
        problems += [f"{where}.source: unknown `{s}`" for s in group.sources if s not in sources]
        if not group.kinds or not group.sources:
            problems.append(f"{where}: needs a `kind` and a `source`")
        groups.append(group)
    if problems:
        raise ValueError("\n".join(problems))
    return WordList(sources, kinds, tuple(groups))


def _listed(value: object) -> list:
    return value if isinstance(value, list) else [value]


def join(
    shipped_groups: Iterable[Sequence[str]], local_groups: Iterable[Sequence[str]]
) -> list[Joined]:
    """Every group once: each catalogue group merged with the shipped groups it shares a
    word with, and through them with any other catalogue group sharing one of theirs.
    Neither list holds a word twice (checked where each is read)."""
    shipped_sets = [frozenset(group) for group in shipped_groups]
    local_sets = [frozenset(group) for group in local_groups]
    owner = {word: i for i, group in enumerate(shipped_sets) for word in group}
    # Union-find over the shipped groups (0…n-1) and then the catalogue's (n…).
    parent = list(range(len(shipped_sets) + len(local_sets)))

    def top(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for k, group in enumerate(local_sets, start=len(shipped_sets)):
        for word in group:
            if word in owner:
                parent[top(owner[word])] = top(k)
    words: dict[int, set[str]] = {}
    local: dict[int, set[str]] = {}
    for i, group in enumerate(shipped_sets + local_sets):
        words.setdefault(top(i), set()).update(group)
        local.setdefault(top(i), set()).update(group if i >= len(shipped_sets) else ())
    return [Joined(frozenset(words[i]), frozenset(local[i])) for i in words]
