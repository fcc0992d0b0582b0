"""Laid-out parts of the printed documents, kept between builds (`printed/bind.py` uses
them): a folder of `<key>.pdf` and `<key>.json` (its pages and marks), where the key is a
fingerprint of everything the part is made from. A part whose data did not change is
never laid out again; as the key names the content, nothing is ever stale, and what no
document uses any more is removed (`keep_only`).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from generator.output.manifest import write_atomically
from generator.printed.bind import Laid


class Parts:
    """The folder of laid-out parts; remembers which keys it was asked for."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.used: set[str] = set()

    def get(self, key: str) -> Laid | None:
        """The part, if it is kept whole; a damaged one is laid out again (and replaced)."""
        self.used.add(key)
        try:
            found = json.loads((self.folder / f"{key}.json").read_text("utf-8"))
            with (self.folder / f"{key}.pdf").open("rb") as pdf:
                head = pdf.read(5)
                pdf.seek(max(0, pdf.seek(0, 2) - 32))
                tail = pdf.read()
            laid = Laid(key, int(found["pages"]), list(found["marks"]))
        except (OSError, ValueError, TypeError, KeyError):
            return None
        whole = head == b"%PDF-" and b"%%EOF" in tail
        return laid if whole and all(isinstance(m, dict) for m in laid.marks) else None

    def put(self, key: str, pdf: bytes, marks: list[dict[str, Any]]) -> Laid:
        self.used.add(key)
        laid = Laid.of(key, marks)
        write_atomically(self.folder / f"{key}.pdf", pdf)  # first: a JSON means both are there
        text = json.dumps({"pages": laid.pages, "marks": marks}, sort_keys=True)
        write_atomically(self.folder / f"{key}.json", text.encode("utf-8"))
        return laid


USED = "dipakai.json"  # which parts each PDF was made of
STALE_WRITE = 3600  # s: a part's temporary file this old is no write still going on


def remember_parts(folder: Path, made: dict[str, set[str]], documents: set[str]) -> None:
    """Note the parts each PDF made now was made of, forget the PDFs no longer made, and
    remove every part no PDF was made of (those of a PDF not made again stay)."""
    if not folder.is_dir():
        return
    try:
        before = json.loads((folder / USED).read_text("utf-8"))
    except (OSError, ValueError):
        before = {}
    now = {path: sorted(keys) for path, keys in before.items() if path in documents}
    now |= {path: sorted(keys) for path, keys in made.items()}
    if now != before:
        write_atomically(folder / USED, json.dumps(now, sort_keys=True).encode("utf-8"))
    keep = {key for keys in now.values() for key in keys} | {Path(USED).stem}
    for path in folder.iterdir():
        if path.suffix in {".pdf", ".json"} and path.stem not in keep:
            path.unlink(missing_ok=True)
        elif path.suffix == ".tmp" and time.time() - path.stat().st_mtime > STALE_WRITE:
            path.unlink(missing_ok=True)  # the half-written part of a killed worker
