"""The YAML block above each page: what it says (`Meta`), written by a YAML emitter,
and read back the way MkDocs will read it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import yaml
from mkdocs.utils.meta import get_data

from generator.messages import t
from generator.problems import BuildFailed
from generator.web import markdown


@dataclass(frozen=True)
class Meta:
    """What a page's front matter tells MkDocs, Material and output/overrides/main.html."""

    title: str
    description: str = ""
    boost: float = 0
    """The page's search weight (`render.py` names them); 0 leaves Material's own."""
    searchable: bool = True
    """False: not in the site's search, and `noindex` for search engines."""
    in_search: bool = True
    """False: not in the site's search, yet for search engines (a list's later pages)."""
    jsonld: Callable[[], str] | None = None
    """schema.org data for <head>; called only when the page is rendered (`serve` skips
    unchanged pages)."""
    image: str = ""
    """The link preview's picture (og:image)."""
    filters: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """The search panel's filters this page belongs to: `(("rt", ("RT 07",)), …)`."""

    def front(self) -> dict[str, Any]:
        front: dict[str, Any] = {"title": markdown.plain_title(self.title)}
        if self.description:
            front["description"] = markdown.plain_title(self.description)[:160]
        if self.boost:
            front["search"] = {"boost": self.boost}
        if not self.searchable or not self.in_search:
            front["search"] = {"exclude": True}
        if not self.searchable:
            front["robots"] = "noindex"
        if self.jsonld:
            front["jsonld"] = self.jsonld()
        if self.image:
            front["image"] = self.image
        if self.filters:
            front["cari"] = {name: list(values) for name, values in self.filters}
        return front


# libyaml's emitter: twenty times quicker than PyYAML's own on a page's JSON-LD. It writes
# characters outside the Basic Multilingual Plane as `\U0001F336` escapes, which any YAML
# reader reads.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_NO_FOLDING = 1 << 30  # one line per value: no long line folded


def front_matter(data: dict[str, Any]) -> str:
    """The YAML block above a page, written by a YAML emitter (never by hand): any text,
    emoji included, is quoted and escaped the way a YAML reader expects."""
    dumped = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=_NO_FOLDING)
    return "---\n" + dumped + "---\n\n"


def read_back(path: str, front: dict[str, Any], page: str) -> str:
    """`page`, once MkDocs is known to read its front matter as `front`. MkDocs treats
    front matter it cannot read as Markdown, silently: the page would lose its title and
    show the raw data, and Markdown in it would become HTML. Raises `BuildFailed`."""
    body, data = get_data(page)
    if data != front or not page.endswith(body):
        raise BuildFailed(t("build.front_matter", path=path))
    return page
