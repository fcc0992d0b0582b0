"""Write generated pages to the docs folder; the only module that writes Markdown."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from generator.problems import BuildFailed

STATIC = "static"  # files copied as they are (stylesheet), under generator/static/
MARKER = ".katalog-generated"  # MkDocs skips dotfiles; proves the folder is ours to prune


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int


def static_files() -> dict[str, bytes]:
    root = resources.files("generator") / STATIC
    return {f"assets/{item.name}": item.read_bytes() for item in root.iterdir() if item.is_file()}


def write_docs(pages: dict[str, str], docs_dir: Path) -> WriteReport:
    """Make `docs_dir` hold exactly `pages` (plus static files).

    A file whose content is unchanged is not touched, so its mtime stays and
    MkDocs' live reload only sees real edits. Files no page produces are removed.
    """
    if docs_dir.is_dir() and any(docs_dir.iterdir()) and not (docs_dir / MARKER).exists():
        raise BuildFailed(
            f"{docs_dir} holds files the generator did not write, and it would delete them; "
            "point docs_dir in mkdocs.yml at a folder of its own, such as build/docs"
        )
    wanted = {path: body.encode("utf-8") for path, body in pages.items()} | static_files()
    wanted[MARKER] = b"Written by `python -m generator`; anything else here is deleted.\n"
    written = unchanged = removed = 0
    for rel, data in wanted.items():
        target = docs_dir / rel
        if target.is_file() and target.read_bytes() == data:
            unchanged += 1
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.write_bytes(data)
        tmp.replace(target)
        written += 1
    if docs_dir.is_dir():
        for path in sorted(docs_dir.rglob("*"), reverse=True):
            rel = path.relative_to(docs_dir).as_posix()
            if path.is_file() and rel not in wanted:
                path.unlink()
                removed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return WriteReport(written, unchanged, removed)
