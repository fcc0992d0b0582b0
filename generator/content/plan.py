"""Where each stall of an event stands (`denah`), as the event page and the stall cards
say it: "Baris 1, ke-3".

Rows are counted as visitors count them: a row of only `null` is an aisle, not a row;
within a row, stalls are counted from the left and gaps are not.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.model import Event


@dataclass(frozen=True)
class Spot:
    row: int
    """Baris: 1 is the first row that has a stall."""
    place: int
    """Ke-: 1 is the row's first stall from the left."""

    def __str__(self) -> str:
        return f"Baris {self.row}, ke-{self.place}"


def spots(event: Event) -> dict[str, Spot]:
    """Each stall of the plan by its label (upper case): its row and place."""
    found: dict[str, Spot] = {}
    row = 0
    for labels in event.denah or []:
        stalls = [label for label in labels if label is not None]
        if stalls:
            row += 1
        for place, label in enumerate(stalls, start=1):
            found.setdefault(label.upper(), Spot(row, place))
    return found


def row_numbers(event: Event) -> list[int]:
    """Each row of the plan's number as `spots` counts them; 0 for an aisle."""
    numbers, row = [], 0
    for labels in event.denah or []:
        stands = any(label is not None for label in labels)
        row += stands
        numbers.append(row if stands else 0)
    return numbers
