"""HTML -> PDF with WeasyPrint, with the shipped fonts and the print stylesheet.

WeasyPrint needs Pango (a system library): when it is missing, the build stops
with one line naming the Debian packages instead of a traceback.
"""

from __future__ import annotations

import functools
import hashlib
import io
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from importlib import resources
from importlib.metadata import version
from typing import Any

from generator.messages import t
from generator.printed import render
from generator.problems import BuildFailed

SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"


@functools.cache
def stylesheet_text() -> str:
    return (resources.files("generator.printed") / "templates" / "print.css").read_text("utf-8")


@functools.cache
def _weasyprint() -> Any:
    """Import WeasyPrint only when a PDF is made: `check` and `serve` never need it."""
    try:
        import weasyprint
    except (OSError, ImportError) as err:  # OSError: cffi could not load Pango
        raise BuildFailed(
            t("print.no_pango", packages=SYSTEM_PACKAGES, detail=str(err).splitlines()[0])
        ) from None
    # WeasyPrint warns about CSS it ignores on every run; only errors matter to us.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint


PRINT_FORMAT = "1"  # our own layout code's version, for fingerprint()


def fingerprint(html: str) -> str:
    """What a PDF depends on besides its HTML: the stylesheet, the fonts, the engine."""
    digest = hashlib.sha256()
    # Read from the installed metadata: importing WeasyPrint takes half a second, and a
    # PDF whose fingerprint did not change needs no WeasyPrint.
    engines = (version(name) for name in ("weasyprint", "segno", "pypdf"))
    # PRINT_FORMAT: raise it when the joining, frames or imposition code changes.
    versions = (*engines, PRINT_FORMAT)
    for part in (html, stylesheet_text(), *versions, *_font_sizes()):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


@functools.cache
def _font_sizes() -> tuple[str, ...]:
    return tuple(f"{p.name}:{p.stat().st_size}" for p in sorted(render.FONTS.glob("*.ttf")))


@dataclass(frozen=True)
class Laid:
    """One part, laid out."""

    pdf: bytes
    anchors: dict[str, int]
    """Element id -> page (0-based, within this part)."""

    @property
    def pages(self) -> int:
        from pypdf import PdfReader

        return len(PdfReader(io.BytesIO(self.pdf)).pages)


def lay_out(htmls: list[str]) -> list[Laid]:
    """Lay out several parts; on a machine with more than one core, side by side (one
    worker process per core, up to four) when there are enough parts for it to pay."""
    _weasyprint()  # a missing Pango is reported here, once, not from each worker
    workers = min(len(htmls), os.cpu_count() or 1, 4)
    if workers < 2 or len(htmls) < 3:
        return [_lay_out_one(html) for html in htmls]
    # fork: workers start with WeasyPrint loaded and never run the command's __main__ again
    # (the builds that print run no threads of their own).
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        return list(pool.map(_lay_out_one, htmls))


def _lay_out_one(html: str) -> Laid:
    weasyprint = _weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    fonts = FontConfiguration()
    base = str(render.FONTS) + "/"  # print.css names the fonts by file name
    css = weasyprint.CSS(string=stylesheet_text(), base_url=base, font_config=fonts)
    html = render.with_qr(html)
    document = weasyprint.HTML(string=html, base_url=base).render(
        stylesheets=[css], font_config=fonts
    )
    anchors = {name: number for number, page in enumerate(document.pages) for name in page.anchors}
    return Laid(document.write_pdf(), anchors)
