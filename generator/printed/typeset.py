"""Documents -> PDF with Typst (the `typst` wheel: the engine itself, no network, no
system libraries), from the shipped fonts only.

Typst lays out a whole catalogue in one pass, pages and page references included (a
1,000-vendor catalogue in about a second), so a document is never split into parts.
"""

from __future__ import annotations

import functools
import hashlib
import re
from importlib import resources
from importlib.metadata import version
from pathlib import Path

from generator.messages import Msg, t
from generator.printed.render import FONTS

PRINT_FORMAT = "2"  # raise it when the booklet's imposition (`booklet.py`) changes
TEMPLATE = Path(str(resources.files("generator.printed") / "templates" / "cetak.typ"))


class LayoutFailed(Exception):
    """Typst refused the template (a bug of ours, never the content's): what and where.
    Plain text, so that it crosses from a worker process whole."""

    def message(self) -> Msg:
        return t("print.failed", detail=self.args[0])


def fingerprint(source: str) -> str:
    """What a PDF depends on besides its data: the template, the fonts, the engines."""
    digest = hashlib.sha256()
    engines = (version(name) for name in ("typst", "segno", "pypdf"))
    for part in (source, _template(), *engines, PRINT_FORMAT, *_font_sizes()):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


@functools.cache
def _template() -> str:
    return TEMPLATE.read_text("utf-8")


@functools.cache
def _font_sizes() -> tuple[str, ...]:
    return tuple(f"{p.name}:{p.stat().st_size}" for p in sorted(FONTS.glob("*.ttf")))


def typeset(source: str, template: Path | None = None) -> bytes:
    """The PDF of a document's `source()`, laid out by `template` (the shipped one
    unless given)."""
    import typst

    template = template or TEMPLATE
    try:
        return typst.compile(
            str(template),
            root=str(template.parent),
            font_paths=[str(FONTS)],
            ignore_system_fonts=True,  # the same PDF on any machine
            sys_inputs={"data": source},
            # A tagged PDF's structure took nine tenths of the time (5 s of 5.5 for 1,000
            # vendors) and doubled the file; the PDF is for printing.
            pdf_tags=False,
        )
    except typst.TypstError as err:  # a bug of ours, never the content's: say which
        message = " ".join(str(getattr(err, "message", "") or err).split())
        where = re.search(r"┌─ (\S+:\d+:\d+)", getattr(err, "diagnostic", "") or "")
        raise LayoutFailed(f"{message}, {where[1]}" if where else message) from None
