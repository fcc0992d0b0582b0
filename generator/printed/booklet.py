"""Booklet imposition: A5 pages two-up on A4 landscape, in saddle-stitch order.

Printed duplex (flip on the short edge), folded and stapled, the sheets read as
a booklet. Each A5 page becomes a form XObject drawn twice as small instructions
on the sheet: fast, and the fonts are shared rather than copied per sheet
(pypdf's `merge_transformed_page` is slow and bloats the file).
"""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
)


def sheet_order(pages: int) -> list[tuple[int | None, int | None]]:
    """(left, right) source page numbers (0-based; None is a blank) for each sheet side,
    front and back alternating: 8 pages give (7,0) (1,6) (5,2) (3,4)."""
    total = -(-pages // 4) * 4 if pages else 0

    def page(n: int) -> int | None:
        return n if n < pages else None

    sides = []
    for sheet in range(total // 4):
        low, high = 2 * sheet, total - 1 - 2 * sheet
        sides.append((page(high), page(low)))  # front: the last page left, the first right
        sides.append((page(low + 1), page(high - 1)))  # back
    return sides


def form_xobject(writer: PdfWriter, source: PageObject) -> IndirectObject:
    """`source` as a form XObject of `writer`: a drawing that can be placed anywhere."""
    contents = source.get_contents()  # an empty dictionary, so test for None
    form = DecodedStreamObject()
    form.set_data(contents.get_data() if contents is not None else b"")
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    form[NameObject("/BBox")] = ArrayObject(FloatObject(v) for v in source.mediabox)
    resources = source.get("/Resources")
    form[NameObject("/Resources")] = (
        resources.get_object().clone(writer) if resources else DictionaryObject()
    )
    return writer._add_object(form.flate_encode())


def impose(pdf: bytes) -> bytes:
    """The booklet of an A5 PDF, on A4 landscape sheets."""
    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter()
    forms = []
    for source in reader.pages:
        box = source.mediabox
        forms.append((form_xobject(writer, source), float(box.width), float(box.height)))
    width, height = 841.89, 595.28  # A4 landscape, in points
    for left, right in sheet_order(len(forms)):
        sheet = writer.add_blank_page(width, height)
        names, ops = DictionaryObject(), []
        for slot, number in enumerate((left, right)):
            if number is None:
                continue
            ref, w, h = forms[number]
            # Scale to the half sheet (A5 -> exactly half an A4), centred in it.
            scale = min(width / 2 / w, height / h)
            x = slot * width / 2 + (width / 2 - w * scale) / 2
            y = (height - h * scale) / 2
            name = f"/P{number}"
            names[NameObject(name)] = ref
            ops.append(f"q {scale:.5f} 0 0 {scale:.5f} {x:.3f} {y:.3f} cm {name} Do Q")
        sheet[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): names})
        contents = DecodedStreamObject()
        contents.set_data("\n".join(ops).encode("ascii"))
        sheet[NameObject("/Contents")] = writer._add_object(contents.flate_encode())
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
