"""What generated files are made from, as one fingerprint: the same fingerprint as last
time, the same files, so a build need not make them again to find out that they did not
change (`write.unchanged_docs`, `prints.write_prints`).

Complete rather than exact: besides the content and the day it takes in the generator
itself, that is every file of its package (code, templates, stylesheets, fonts), Python's
version, the name and version of every installed distribution (Jinja2, Babel, Pydantic,
Typst…) and the language of messages. For pages, a change to any of them costs one
making of the files (which then compare as before), never a stale file. For PDFs it only
makes their own fingerprints be worked out again (`printed.typeset.fingerprint`: the
data, templates, the code that cuts and binds them, fonts and versions, and
`PRINT_FORMAT`). What it leaves out,
a package's files edited in place without a new version, must not be done to a build.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import os
import sys
from pathlib import Path

from generator.content.load import Content

PACKAGE = Path(__file__).resolve().parent.parent  # generator/


def made_from(kind: str, content: Content, day: datetime.date, *more: object) -> str:
    """The fingerprint of `kind` of files (pages, PDFs) made from `content` on `day` by
    this generator; `more`: anything else they are made from, as values with a stable repr
    (the published photos)."""
    digest = hashlib.sha256(_framed(kind, day.isoformat(), *map(repr, more)))
    digest.update(_content(content))
    digest.update(software())
    return digest.hexdigest()


def _content(content: Content) -> bytes:
    """Every file's model in the order it was loaded (the order pages may list them in)."""
    digest = hashlib.sha256(content.catalogue.model_dump_json().encode())
    for kind in (content.vendors, content.events):
        digest.update(b"%d\0" % len(kind))
        for slug, model in kind.items():
            digest.update(_framed(slug, model.model_dump_json()))
    photos = [(ref.slug, ref.value, str(ref.source)) for ref in content.photos]
    digest.update(_framed(repr(content.synonyms), repr(photos)))
    return digest.digest()


@functools.cache
def software() -> bytes:
    """The generator as it runs: its files, Python, the installed distributions, the
    language of messages. Read once per process (20 ms)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            data = path.read_bytes()
            digest.update(_framed(path.relative_to(PACKAGE).as_posix()) + b"%d:" % len(data) + data)
    digest.update(_framed(sys.version, os.environ.get("KATALOG_LANG", ""), *_distributions()))
    return digest.digest()


def _distributions() -> list[str]:
    """Every installed distribution as its metadata folder is named: name and version
    (`Jinja2-3.1.6.dist-info`), found where Python finds them."""
    found = []
    for entry in sys.path:
        folder = Path(entry or ".")
        if folder.is_dir():
            found += sorted(
                f"{entry}/{item.name}"
                for item in folder.iterdir()
                if item.name.endswith((".dist-info", ".egg-info"))
            )
    return found


def _framed(*parts: str) -> bytes:
    """Parts joined so that no two different lists of parts give the same bytes."""
    return b"".join(b"%d:%s" % (len(p.encode()), p.encode()) for p in parts)
