"""Write generated pages to the docs folder; the only module that writes Markdown.

A manifest (see `manifest`) lists what the generator wrote, so it only ever deletes its
own files: a page written by hand in the docs folder survives every build. It also keeps
a fingerprint of each page and of what they were all made from, so a build whose inputs
did not change finds its pages in place without making them again (`unchanged_docs`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from generator.messages import t
from generator.output.manifest import (
    Manifest,
    read_manifest,
    refuse_outside,
    remove_stale,
    write_atomically,
    write_manifest,
)
from generator.problems import BuildFailed

STATIC = "static"  # files copied as they are (stylesheet), under generator/web/static/
MANIFEST = ".katalog-manifest.json"  # MkDocs skips dotfiles


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int


# A service worker serves only pages at or below its own folder: it goes to the root.
SERVICE_WORKER = "sw.js"
AT_ROOT = {SERVICE_WORKER}
BUILD_ID = b"BUILD_ID"  # in sw.js: replaced by a fingerprint of what the site is made of


def static_files() -> dict[str, bytes]:
    """Stylesheet, scripts and the category icons, as `assets/…`; `sw.js` at the root."""
    found: dict[str, bytes] = {}

    def walk(folder: Traversable, prefix: str) -> None:
        for item in folder.iterdir():
            if item.is_file():
                at_root = prefix == "assets/" and item.name in AT_ROOT
                data = item.read_bytes()
                if item.name.endswith(".js"):
                    data = _without_comment_lines(data)
                found[item.name if at_root else f"{prefix}{item.name}"] = data
            elif item.is_dir() and not item.name.startswith(("_", ".")):
                walk(item, f"{prefix}{item.name}/")

    walk(resources.files("generator.web") / STATIC, "assets/")
    return found


def _without_comment_lines(script: bytes) -> bytes:
    """A script without its lines that are only a `//` comment: they explain the code to
    its readers, and phones on prepaid data would pay for them (no minifier: a line is
    dropped only when it holds nothing but the comment)."""
    lines = script.split(b"\n")
    return b"\n".join(line for line in lines if not line.lstrip().startswith(b"//"))


def write_docs(
    pages: dict[str, str],
    docs_dir: Path,
    files: dict[str, Path] | None = None,
    source: bytes = b"",
    made_from: str = "",
) -> WriteReport:
    """Make `docs_dir` hold `pages` (plus static files, plus `files`: docs path -> a file to
    copy there, e.g. processed photos) next to any hand-written files.

    A file whose content is unchanged is not touched, so its mtime stays and
    MkDocs' live reload only sees real edits. Pages generated last time and not
    this time are removed; files the generator never wrote are never touched.
    `source`: a fingerprint of what the pages were made from (see `stamped_service_worker`).
    `made_from`: a fingerprint of everything `pages` and `files` were made from, for
    `unchanged_docs`; "" when there is none.
    """
    wanted: dict[str, bytes | Path] = {
        path: body.encode("utf-8") for path, body in pages.items()
    } | static_files()
    wanted |= files or {}
    wanted[SERVICE_WORKER] = stamped_service_worker(wanted, source)
    manifest = docs_dir / MANIFEST
    before = read_manifest(manifest)
    # Files the generator did not write are the author's: never overwritten (an error if
    # they differ from the page that would go there), never claimed, never deleted.
    hand = {rel for rel in wanted if rel not in before.files and (docs_dir / rel).exists()}
    clashes = sorted(rel for rel in hand if (docs_dir / rel).read_bytes() != _data(wanted[rel]))
    if clashes:
        raise BuildFailed(t("build.clash", path=docs_dir / clashes[0]))
    ours = wanted.keys() - hand
    # Claim the new pages before writing them, so a build killed half-way still knows
    # them as its own next time.
    if not ours <= before.files.keys():  # a rewrite of an unchanged manifest would wake MkDocs
        claimed = dict.fromkeys(ours, "") | before.files
        write_manifest(manifest, Manifest(claimed))
    # Compare everything first, then write in one burst: a live preview that sees the
    # first write starts rebuilding, and should not have to start again.
    changed = [rel for rel in sorted(ours) if not _same(docs_dir / rel, wanted[rel])]
    for rel in changed:
        refuse_outside(docs_dir, docs_dir / rel)
    for rel in changed:
        write_atomically(docs_dir / rel, _data(wanted[rel]))
    written, unchanged = len(changed), len(wanted) - len(changed)
    removed = remove_stale(docs_dir, before.files.keys() - wanted.keys())
    # `made_from` vouches for every file only when they are all ours.
    after = Manifest(
        {rel: _fingerprint(wanted[rel]) for rel in sorted(ours)}, "" if hand else made_from
    )
    if after != before:
        write_manifest(manifest, after)
    return WriteReport(written, unchanged, removed)


def unchanged_docs(docs_dir: Path, files: dict[str, Path], made_from: str) -> WriteReport | None:
    """What `write_docs` would report if `docs_dir` already holds what `made_from` makes,
    checked file by file as `write_docs` would (a page against the fingerprint of what was
    written, a copied file by name and size, `files`); None if it does not, or may not."""
    manifest = read_manifest(docs_dir / MANIFEST)
    if (
        not made_from
        or manifest.made_from != made_from
        or not files.keys() <= manifest.files.keys()
    ):
        return None
    for rel, fingerprint in manifest.files.items():
        target = docs_dir / rel
        if rel in files:
            same = _same(target, files[rel])
        else:
            same = target.is_file() and fingerprint == _fingerprint(target.read_bytes())
        if not same:
            return None
    return WriteReport(written=0, unchanged=len(manifest.files), removed=0)


def stamped_service_worker(wanted: dict[str, bytes | Path], source: bytes) -> bytes:
    """`sw.js` with the name of its cache, made from what the site is made of (`source`:
    the content) and the names of the files the build writes. A vendor removed or edited
    gives a new worker, which drops every copy the phones kept of the previous build.
    The pages' text is left out on purpose: some of it (the calendar's time stamp, the
    statistics' date) changes with the day alone, and a daily rebuild must not make every
    phone drop what it kept."""
    digest = hashlib.sha256(source)
    for rel in sorted(wanted.keys() - {SERVICE_WORKER}):
        digest.update(b"%d:%s" % (len(rel.encode()), rel.encode()))
    source_js = _data(wanted[SERVICE_WORKER])
    return source_js.replace(BUILD_ID, digest.hexdigest()[:16].encode(), 1)


def _data(source: bytes | Path) -> bytes:
    return source.read_bytes() if isinstance(source, Path) else source


def _fingerprint(source: bytes | Path) -> str:
    """A page's, as the manifest keeps it; "" for a copied file (compared by name and size)."""
    return "" if isinstance(source, Path) else hashlib.sha256(source).hexdigest()


def _same(target: Path, source: bytes | Path) -> bool:
    if not target.is_file():
        return False
    if isinstance(source, Path):
        # Copied files (photos) are named by their content's hash: the same name and size
        # is the same file, without reading megabytes on every build.
        return target.stat().st_size == source.stat().st_size
    return target.read_bytes() == source
