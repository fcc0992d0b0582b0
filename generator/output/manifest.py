"""What the generator wrote into a folder, and how it writes there: the guard that lets it
replace and delete only its own files.

A manifest (a dotfile: MkDocs does not publish it) lists the files the generator wrote
into a folder, each with a fingerprint, so a file written by hand beside them survives
every build. The docs folder has one for the pages (`write`) and one for the PDFs
(`prints`): `serve` writes pages while a `build` may be printing into the same folder.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.messages import t
from generator.problems import BuildFailed, os_failure


@dataclass(frozen=True)
class Manifest:
    files: dict[str, str] = field(default_factory=dict)
    """Path (relative to the folder) -> a fingerprint: of the file itself (a page) or of
    what it is made from (a PDF); "" when unknown (claimed, about to be written)."""
    made_from: str = ""
    """A fingerprint of everything the files were made from, recorded when the folder held
    exactly what that makes; "" when unknown."""


def read_manifest(path: Path) -> Manifest:
    """The manifest at `path`, empty if there is none; raises `BuildFailed` if damaged.
    Also reads the formats of earlier versions: a list of paths, or path -> fingerprint."""
    if not path.exists():
        return Manifest()
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        data = None
    made_from = ""
    if isinstance(data, list):
        files = dict.fromkeys(data, "")
    elif isinstance(data, dict) and isinstance(data.get("files"), dict):
        files, made_from = data["files"], data.get("made_from", "")
    else:
        files = data
    valid = isinstance(files, dict) and isinstance(made_from, str)
    if not valid or not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        raise BuildFailed(t("build.manifest", path=path))
    # Only plain relative paths: a tampered manifest must not reach outside its folder.
    files = {p: v for p, v in files.items() if ".." not in p.split("/") and not p.startswith("/")}
    return Manifest(files, made_from)


def write_manifest(path: Path, manifest: Manifest) -> None:
    data = {"made_from": manifest.made_from, "files": manifest.files}
    write_atomically(path, json.dumps(data, indent=0, sort_keys=True).encode())


def write_atomically(target: Path, data: bytes) -> None:
    """Write `data` to `target` in one step: a reader sees the old file or the new one."""
    # A name of its own (a `serve` and a `build` may write at once), a dotfile (MkDocs
    # skips it), and gone again whatever stops the write, Ctrl+C included.
    tmp: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        tmp = Path(name)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.chmod(tmp, 0o644)  # as a plain write would leave it, not mkstemp's 0600
        tmp.replace(target)
    except BaseException as err:
        if tmp is not None:
            tmp.unlink(missing_ok=True)
        if isinstance(err, OSError):
            raise os_failure(err, target) from None
        raise


def remove_stale(root: Path, paths: Iterable[str]) -> int:
    """Delete files the generator wrote last time and not this time (and folders left
    empty); return how many."""
    removed = 0
    for rel in sorted(paths):
        stale = root / rel
        if inside(root, stale) and stale.is_file():
            stale.unlink()
            removed += 1
            _remove_empty_parents(stale.parent, root)
    return removed


def inside(root: Path, target: Path) -> bool:
    """Whether `target`'s folder is `root` or in it, links followed: a manifest, or a docs
    folder that came with a pull request, must not lead the generator elsewhere."""
    try:
        return target.parent.resolve().is_relative_to(root.resolve())
    except OSError:  # a loop of links
        return False


def refuse_outside(root: Path, target: Path) -> None:
    if not inside(root, target):
        raise BuildFailed(t("build.link_outside", path=target, root=root))


def _remove_empty_parents(folder: Path, root: Path) -> None:
    while folder != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
