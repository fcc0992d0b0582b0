"""Typst (the `typst` wheel: the engine itself, no network, no system libraries), from
the shipped fonts only: a part laid out with where things are on its pages, and parts
bound into one PDF (`bind.py` says which and how).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import re
from collections.abc import Iterator
from importlib import resources
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator.messages import Msg, t
from generator.printed.render import FONTS

PRINT_FORMAT = "3"  # raise it to make every PDF again
TEMPLATES = Path(str(resources.files("generator.printed") / "templates"))
# How parts are cut and bound, and how a QR code is drawn (`render.qr_png`, run as a part
# is laid out), are part of what a PDF is made from.
BINDING_CODE = [Path(__file__).with_name(name) for name in ("bind.py", "booklet.py", "render.py")]
TEMPLATE = TEMPLATES / "cetak.typ"  # lays out each part
BINDING = TEMPLATES / "jilid.typ"  # binds the parts into one PDF, or a booklet


class LayoutFailed(Exception):
    """Typst refused the template (a bug of ours, never the content's): what and where.
    Plain text, so that it crosses from a worker process whole."""

    def message(self) -> Msg:
        return t("print.failed", detail=self.args[0])


def fingerprint(source: str, template: Path | None = None) -> str:
    """Everything a PDF (or a part) is made from: its data, the templates, the fonts, the
    engines."""
    digest = _made_by(template or TEMPLATE).copy()
    digest.update(source.encode("utf-8"))
    return digest.hexdigest()


@functools.cache
def _made_by(template: Path) -> Any:
    """The digest of all but the data, worked out once per process (a document has
    dozens of parts)."""
    digest = hashlib.sha256()
    texts = [path.read_text("utf-8") for path in (template, BINDING, *BINDING_CODE)]
    engines = [version(name) for name in ("typst", "segno")]
    fonts = [f"{p.name}:{p.stat().st_size}" for p in sorted(FONTS.glob("*.ttf"))]
    for part in (*texts, *engines, PRINT_FORMAT, *fonts):
        digest.update(part.encode("utf-8") + b"\0")
    return digest


# Every PDF is untagged (`pdf_tags=False`): a tagged PDF's structure took nine tenths of
# the time and doubled the file; the PDF is for printing, the site is the accessible form.


def typeset(source: str, template: Path) -> bytes:
    """The PDF `template` lays out from `source` (a part's data, as JSON)."""
    with _failures():
        return _compiler(source, template).compile(pdf_tags=False)


def lay_out(source: str, template: Path) -> tuple[bytes, list[dict[str, Any]]]:
    """A part's PDF, and where things are on its pages (the template's `<mark>`s)."""
    with _failures():
        compiler = _compiler(source, template)
        pdf = compiler.compile(pdf_tags=False)
        return pdf, json.loads(compiler.query("<marks>", field="value", one=True))


def bind(source: str, template: Path, folder: Path) -> bytes:
    """The PDF `template` binds from `source` and the laid-out parts in `folder`."""
    with _failures(template):
        return _compiler(source, template, root=folder).compile(pdf_tags=False)


def _compiler(source: str, template: Path, root: Path | None = None) -> Any:
    import typst

    # The template as text when it reads files of another folder (the parts).
    main = template.read_bytes() if root else str(template)
    return typst.Compiler(
        main,
        root=str(root or template.parent),
        font_paths=[str(FONTS)],
        ignore_system_fonts=True,  # the same PDF on any machine
        sys_inputs={"data": source},
    )


@contextlib.contextmanager
def _failures(given_as_text: Path | None = None) -> Iterator[None]:
    import typst

    try:
        yield
    except typst.TypstError as err:  # a bug of ours, never the content's: say which
        message = " ".join(str(getattr(err, "message", "") or err).split())
        where = re.search(r"┌─ (\S+:\d+:\d+)", getattr(err, "diagnostic", "") or "")
        place = where[1] if where else ""
        if given_as_text:  # Typst names a template given as text after the wheel
            place = re.sub(r"^\S*__typst_py_bytes__\.typ", given_as_text.name, place)
        raise LayoutFailed(f"{message}, {place}" if place else message) from None
