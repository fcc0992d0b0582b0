"""Long lists of vendors split over pages of `PER_PAGE`, with the links between them."""

from __future__ import annotations

from dataclasses import dataclass

PER_PAGE = 50  # vendors per list page: a cheap phone scrolls, and previews stay quick


@dataclass(frozen=True)
class Pager:
    """Where one list page stands among the pages of the same list."""

    number: int
    paths: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.paths)

    def window(self) -> list[int | None]:
        """Page numbers to link: the first, the last and a few around this one (None: …)."""
        near = [
            n for n in range(1, self.count + 1) if n in (1, self.count) or abs(n - self.number) <= 2
        ]
        out: list[int | None] = []
        for n in near:
            if out and out[-1] is not None and n - out[-1] > 1:
                out.append(None)
            out.append(n)
        return out


def chunks(
    path: str, slugs: list[str], base: str | None = None
) -> list[tuple[str, list[str], Pager]]:
    """A long list split over pages: page 1 keeps `path` (printed QR codes point there);
    page n is `<base>/<n>.md`."""
    parts = [slugs[i : i + PER_PAGE] for i in range(0, len(slugs), PER_PAGE)] or [[]]
    base = base or path.removesuffix(".md")
    paths = tuple(path if n == 1 else f"{base}/{n}.md" for n in range(1, len(parts) + 1))
    return [(paths[n], part, Pager(n + 1, paths)) for n, part in enumerate(parts)]
