"""A printed document from parts laid out alone and kept (`Store`), bound into one PDF,
and its booklet, by `templates/jilid.typ`.

Typst lays out a part in milliseconds, but a whole 1,000-vendor catalogue in seconds,
and an edit the night before a bazaar should not wait for that: each part (the cover, the
contents, a category's cards, a programme, the plan, the index) is laid out alone, under
a key that is a fingerprint of its data, so an edit lays out again only what it changed.
A run of cards is laid out `CHUNK` cards at a time: a chunk keeps the pages its cards
fill and hands the cards of its last page to the next chunk, so the cards follow one
another with no page left half empty, as in one layout. The parts that print page
numbers (contents, programmes, index) are laid out after the others, with those numbers;
should that change their own length, and so the numbers, again until it does not.
The binding adds what crosses parts: running headers, page numbers, links, bookmarks.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from generator.printed import render, typeset
from generator.printed.booklet import sheet_order

CHUNK = 40  # cards laid out at a time: about 0.1 s
ROUNDS = 6  # the most times the numbered parts are laid out (twice, in practice)
REFERRING = {"contents", "programme", "index"}  # the parts that print page numbers
TOP = (31.18, 39.69)  # where a part's first page starts (pt): its heading, its link target
WIDTH = 357.17  # of the text (pt): A5 less the margins, as `cetak.typ` sets them


@dataclass(frozen=True)
class Laid:
    """A part as Typst laid it out: the file `/<key>.pdf` of the store, `pages` long."""

    key: str
    pages: int
    marks: list[dict[str, Any]]
    """Where things are (`cetak.typ`'s `mark`): `kind`, `key`, `page` (of the part), `x`
    and `y` (pt from the page's top left), `w` and `h` (the box of a link)."""

    @classmethod
    def of(cls, key: str, marks: list[dict[str, Any]]) -> Laid:
        last = [m["page"] for m in marks if m["kind"] == "fin"]
        return cls(key, max(last, default=1), marks)

    def where(self, kind: str) -> list[dict[str, Any]]:
        return [m for m in self.marks if m["kind"] == kind]


class Store(Protocol):
    """Laid-out parts by key, in `folder` (`output/parts.py`)."""

    folder: Path

    def get(self, key: str) -> Laid | None: ...

    def put(self, key: str, pdf: bytes, marks: list[dict[str, Any]]) -> Laid: ...


@dataclass(frozen=True)
class Piece:
    """The first `pages` pages of a laid-out part, as the document shows them."""

    laid: Laid
    pages: int
    part: dict[str, Any]
    cards: list[dict[str, Any]]
    """The cards on those pages, in order."""
    opens: bool = True
    """Whether the piece starts its part (a part's first page has its heading)."""


LayOut = Callable[[dict[str, Any]], Laid]


def make(source: str, store: Store, templates: tuple[Path, Path], booklet: bool) -> list[bytes]:
    """The PDF of a document's `source()`, and its booklet if asked: `templates` lay out
    the parts and bind them."""
    document = json.loads(source)
    parts, binding = templates
    if not document["bound"]:
        return [typeset.typeset(_with_codes(document["parts"][0]), parts)]

    def lay_out(data: dict[str, Any]) -> Laid:
        key = typeset.fingerprint(json.dumps(data, ensure_ascii=False, sort_keys=True), parts)
        return store.get(key) or store.put(key, *typeset.lay_out(_with_codes(data), parts))

    pages = _pages(document["parts"], _pieces(document["parts"], lay_out))
    made = [_bind({"title": document["title"], "pages": pages, "sheets": None}, binding, store)]
    if booklet:
        sheets = [list(sides) for sides in sheet_order(len(pages))]
        made.append(
            _bind({"title": document["title"], "pages": pages, "sheets": sheets}, binding, store)
        )
    return made


def _with_codes(data: dict[str, Any]) -> str:
    return json.dumps(render.with_codes(data), ensure_ascii=False)


def _bind(data: dict[str, Any], template: Path, store: Store) -> bytes:
    return typeset.bind(
        json.dumps(data, ensure_ascii=False, sort_keys=True), template, store.folder
    )


def _pieces(parts: list[dict[str, Any]], lay_out: LayOut) -> dict[int, list[Piece]]:
    """Every part laid out, those that print page numbers last, with the right numbers."""
    pieces: dict[int, list[Piece]] = {}
    for n, part in enumerate(parts):
        if part["part"] == "cards":
            pieces[n] = _run(part, lay_out)
        elif part["part"] not in REFERRING:
            laid = lay_out(part)
            pieces[n] = [Piece(laid, laid.pages, part, [])]
    referring = [n for n, part in enumerate(parts) if part["part"] in REFERRING]
    lengths = dict.fromkeys(referring, 1)
    for _ in range(ROUNDS):
        where = _positions(parts, pieces, lengths)
        for n in referring:
            numbers = {t: str(where[t][0]) for t in _targets(parts[n])}
            laid = lay_out(parts[n] | {"pages": numbers})
            pieces[n] = [Piece(laid, laid.pages, parts[n], [])]
        now = {n: pieces[n][0].pages for n in referring}
        if now == lengths:
            return pieces
        lengths = now
    # Never seen: the numbers change the lengths, which change the numbers, and so on.
    raise typeset.LayoutFailed(f"page numbers did not settle in {ROUNDS} rounds: {lengths}")


def _run(part: dict[str, Any], lay_out: LayOut) -> list[Piece]:
    """A run of cards, laid out a chunk at a time."""
    cards, start, out = part["cards"], 0, []
    while True:
        size = CHUNK
        while True:
            chunk = cards[start : start + size]
            laid = lay_out(part | {"cards": chunk, "opens": start == 0})
            cut = None if start + size >= len(cards) else _cut(laid)
            if cut or start + size >= len(cards):
                break
            size *= 2  # the chunk's cards all run into one another: take more
        pages, kept = cut or (laid.pages, len(chunk))
        out.append(Piece(laid, pages, part, chunk[:kept], opens=start == 0))
        start += kept
        if start >= len(cards):
            return out


def _cut(laid: Laid) -> tuple[int, int] | None:
    """Where to end a chunk: (its pages to keep, its cards on them). The cards of its
    last page go to the next chunk, with any card that runs onto that page."""
    starts = [m["page"] for m in laid.where("card")]
    ends = [m["page"] for m in laid.where("end")]
    page = starts[-1]
    while True:
        first = next(n for n, p in enumerate(starts) if p >= page)
        if first == 0:
            return None
        if ends[first - 1] < page:
            return page - 1, first
        page = starts[first - 1]


def _targets(part: dict[str, Any]) -> list[str]:
    """Where a part's lines lead (a section, a card, a product), for their page numbers."""
    if part["part"] == "contents":
        return [line["target"] for line in part["lines"]]
    if part["part"] == "programme":
        return [member["target"] for member in part["members"]]
    return [entry["target"] for group in part["groups"] for entry in group["entries"]]


def _positions(
    parts: list[dict[str, Any]], pieces: dict[int, list[Piece]], lengths: dict[int, int]
) -> dict[str, tuple[int, float, float]]:
    """Page, x and y of every section, card and product; a part not laid out yet is
    taken to be `lengths` long."""
    where: dict[str, tuple[int, float, float]] = {}
    page = 0  # pages before this part
    for n, part in enumerate(parts):
        if "anchor" in part:
            where[part["anchor"]] = (page + 1, *TOP)
        for piece in pieces.get(n, []):
            for kind in ("card", "at"):
                for m in piece.laid.where(kind):
                    if m["page"] <= piece.pages:
                        where.setdefault(m["key"], (page + m["page"], m["x"], m["y"]))
            page += piece.pages
        if n not in pieces:
            page += lengths[n]
    return where


def _pages(parts: list[dict[str, Any]], pieces: dict[int, list[Piece]]) -> list[dict[str, Any]]:
    """The document's pages as the binding template reads them: which part's page, its
    number and running header, its bookmarks and links."""
    where = _positions(parts, pieces, {})
    pages: list[dict[str, Any]] = []
    for piece in (piece for n in range(len(parts)) for piece in pieces[n]):
        cards = piece.laid.where("card")[: len(piece.cards)]
        links = _links(piece.laid, where)
        for n in range(1, piece.pages + 1):
            marks = []
            if n == 1 and piece.opens and "heading" in piece.part:
                marks.append(_bookmark(1, piece.part["heading"], TOP))
            marks += [
                _bookmark(2, card["name"], (m["x"], m["y"]))
                for card, m in zip(piece.cards, cards, strict=True)
                if m["page"] == n
            ]
            number = len(pages) + 1
            pages.append(
                {
                    "file": f"/{piece.laid.key}.pdf",
                    "page": n,
                    "number": number if number > 1 else None,  # the cover has none
                    "header": piece.part.get("heading"),
                    "bookmarks": marks,
                    "links": [link for page, link in links if page == n],
                }
            )
    return pages


def _bookmark(level: int, name: str, at: tuple[float, float]) -> dict[str, Any]:
    return {"level": level, "name": name, "x": at[0], "y": at[1]}


def _links(
    laid: Laid, where: dict[str, tuple[int, float, float]]
) -> list[tuple[int, dict[str, Any]]]:
    """The links of a part's pages: the text's width, from the first line of a linked text
    to its last (marks at the baselines of both), to where it leads."""
    out = []
    for start, end in zip(laid.where("link"), laid.where("link-end"), strict=True):
        em = start["size"]
        last = end["y"] if end["page"] == start["page"] else start["y"]
        to = where[start["key"]]
        box = {
            "x": TOP[0],
            "y": start["y"] - 0.9 * em,
            "w": WIDTH,
            "h": last - start["y"] + 1.2 * em,
        }
        out.append((start["page"], box | {"page": to[0], "to_x": to[1], "to_y": to[2]}))
    return out
