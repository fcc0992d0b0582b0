"""Text from YAML is data: escape it for Markdown, and link pages to each other.

Everything a template prints is escaped by default (see `render`); these
helpers return `Markup` for text the generator itself made and trusts.
"""

from __future__ import annotations

import functools
import posixpath
import re

from markupsafe import Markup

from generator.content.values import split_paragraphs

# Python-Markdown's escapable characters (with the tables extension's `|`).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()>#+\-.!|])")
# Characters that start a block and have no backslash escape in Python-Markdown: `~~~`
# opens a fenced code block (closed by the next `~~~` at a line start, in any field), a
# line of `=` under a line of text makes it a heading. As numeric entities they only
# show. `&` and `<` always: no HTML, no entity of the content's own gets through.
_ENTITIES = str.maketrans({"&": "&amp;", "<": "&lt;", "~": "&#126;", "=": "&#61;"})


# Names, units and prices repeat across thousands of pages: remember the answers.
@functools.lru_cache(maxsize=65536)
def _escape(text: str) -> Markup:
    one_line = re.sub(r"\s+", " ", text)
    # Backslashes first: the entities' own `#` must stay as it is.
    return Markup(_MD_SPECIAL.sub(r"\\\1", one_line).translate(_ENTITIES))


def md(text: object) -> Markup:
    """Any text -> Markdown that shows exactly that text, on one line, inert.

    `&` and `<` become entities so no HTML (tags, comments, entities) gets through, and
    `~` and `=` so no fence or setext heading starts; backslashes stop links, emphasis,
    `{: attr }` lists, quotes, lists, headings and table cells breaking. Whitespace
    becomes one space: no line of its own, no indented code.
    """
    if isinstance(text, Markup):
        return text
    return _escape(str(text))


def paragraphs(text: str | None) -> Markup:
    """Multi-line text -> escaped Markdown paragraphs (see `split_paragraphs`)."""
    return Markup("\n\n".join(md(p) for p in split_paragraphs(text)))


def plain_title(text: str) -> str:
    """Titles and descriptions reach HTML through theme templates that print them raw
    (or unescape them first): swap markup characters for look-alikes that are only text.
    A lone `&` is harmless; one that starts an entity (`&lt;`) is not."""
    text = _ENTITY_START.sub("＆", text).translate(_LOOKALIKES)
    return " ".join(text.split())


_ENTITY_START = re.compile(r"&(?=#?\w+;)")
_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", '"': "”", "'": "’"})


def relative(source: str, target: str) -> str:
    """Link from one generated page to another, as MkDocs expects (`../x.md`)."""
    return posixpath.relpath(target, posixpath.dirname(source) or ".")
