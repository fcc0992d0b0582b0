"""Put a printed document together from its parts: page numbers, headers, bookmarks.

Parts are laid out on their own (see `render`); this module finds which
page every card and product landed on, fills in the contents, programme and
index pages with those numbers, joins the parts, and draws the running header
and page number on each page from one small "frame" document.
"""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from generator.printed import layout, render
from generator.printed.booklet import form_xobject
from generator.printed.render import Part, Plan

FRAME_CHUNK = 150  # frame pages per part


def make(plan: Plan) -> bytes:
    """The whole document of `plan`, as PDF."""
    first = layout.lay_out([part.html for part in plan.before + plan.cards])
    where: dict[str, int] = {}  # element id -> page number as printed (1-based)
    count = _place(first, where, 0)

    def page(anchor: str) -> str:
        return str(where[anchor])

    # The parts after the cards print their page numbers; their frames are laid out
    # alongside them.
    after_parts = plan.after(page)
    head = _sections(plan.before + plan.cards, first)
    frames = [
        render.frame_html(plan.title, head[i : i + FRAME_CHUNK], i + 1)
        for i in range(0, len(head), FRAME_CHUNK)
    ]
    laid = layout.lay_out([part.html for part in after_parts] + frames)
    after, frame_parts = laid[: len(after_parts)], laid[len(after_parts) :]
    _place(after, where, count)
    # The contents were laid out with placeholders of the same width; now the real numbers.
    contents_part = plan.contents(page)
    tail = render.frame_html(plan.title, _sections(after_parts, after), count + 1)
    contents, tail_frame = layout.lay_out([contents_part.html, tail])
    if contents.pages != first[1].pages:
        raise RuntimeError("the contents changed length once numbered")
    parts = [plan.before[0], contents_part, *plan.before[2:], *plan.cards, *after_parts]
    laid = [first[0], contents, *first[2:], *after]
    return _assemble(parts, laid, [*frame_parts, tail_frame], where)


def _sections(parts: list[Part], laid: list[layout.Laid]) -> list[str | None]:
    return [part.section for part, pdf in zip(parts, laid, strict=True) for _ in range(pdf.pages)]


def merge(pdfs: list[bytes]) -> bytes:
    """Parts that need no numbering (stall card sheets), one after another."""
    writer = PdfWriter()
    for pdf in pdfs:
        writer.append(PdfReader(io.BytesIO(pdf)), import_outline=False)
    return _bytes(writer)


def _place(laid: list[layout.Laid], where: dict[str, int], offset: int) -> int:
    for part in laid:
        for anchor, number in part.anchors.items():
            where[anchor] = offset + number + 1
        offset += part.pages
    return offset


def _assemble(
    parts: list[Part],
    laid: list[layout.Laid],
    frames: list[layout.Laid],
    where: dict[str, int],
) -> bytes:
    writer = PdfWriter()
    sections: list[str | None] = []
    for part, pdf in zip(parts, laid, strict=True):
        writer.append(PdfReader(io.BytesIO(pdf.pdf)), import_outline=False)
        sections += [part.section] * pdf.pages
    # Headers and numbers: one frame page drawn over each page, from the same fonts.
    frame_pages = [page for frame in frames for page in PdfReader(io.BytesIO(frame.pdf)).pages]
    for page, frame, section in zip(writer.pages, frame_pages, sections, strict=True):
        if section is not None:
            _draw_over(writer, page, form_xobject(writer, frame))
    # Bookmarks: sections, and under each the cards it holds.
    start = 0
    parent = None
    for part, pdf in zip(parts, laid, strict=True):
        if part.bookmark:
            parent = writer.add_outline_item(title=part.bookmark, page_number=start)
        for anchor, name in part.bookmarks:
            writer.add_outline_item(title=name, page_number=where[anchor] - 1, parent=parent)
        start += pdf.pages
    writer.compress_identical_objects()  # each part brought its own copy of shared things
    return _bytes(writer)


def _draw_over(writer: PdfWriter, page: DictionaryObject, form: object) -> None:
    # Pages may share one resource dictionary: each gets its own copy naming its frame.
    resources = DictionaryObject(page["/Resources"].get_object())
    xobjects = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
    xobjects[NameObject("/Rangka")] = form
    resources[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = resources
    contents = DecodedStreamObject()
    contents.set_data(b"q\n" + page.get_contents().get_data() + b"\nQ\n/Rangka Do\n")
    page[NameObject("/Contents")] = writer._add_object(contents.flate_encode())


def _bytes(writer: PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
