"""Booklet imposition: A5 pages two-up on A4 landscape, in saddle-stitch order.

Printed duplex (flip on the short edge), folded and stapled, the sheets read as a
booklet. `bind.py` hands this order to the binding template, which draws the pages.
"""

from __future__ import annotations


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
