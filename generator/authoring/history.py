"""The catalogue as it was at a git revision (for `diff`)."""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from pathlib import Path

from generator.content.load import Content
from generator.messages import Msg, t
from generator.photos.inspect import load_with_photos
from generator.problems import ContentInvalid, Refused


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)


def _top(ref: str, content_dir: Path) -> tuple[Path, str]:
    """The repository's top folder, and the content folder relative to it."""
    content_dir = content_dir.resolve()
    top = _git("rev-parse", "--show-toplevel", cwd=content_dir)
    if top.returncode:
        raise Refused(t("diff.no_git", ref=ref, detail=top.stderr.decode().strip()))
    root = Path(top.stdout.decode().strip())
    return root, content_dir.relative_to(root).as_posix()


def changed_outside(ref: str, content_dir: Path) -> list[str]:
    """Every path outside the content folder that differs from `ref`: committed, staged,
    edited or new (force-added ones included). A reviewer reads these as code."""
    root, rel = _top(ref, content_dir)
    changed = _git("diff", "--name-only", "--no-renames", "-z", ref, "--", cwd=root)
    new = _git("ls-files", "--others", "--exclude-standard", "-z", cwd=root)
    paths = {
        path
        for listing in (changed, new)
        for path in listing.stdout.decode("utf-8", "replace").split("\0")
        if path
    }
    inside = "" if rel == "." else rel + "/"
    return sorted(p for p in paths if not inside or not p.startswith(inside))


def content_at(ref: str, content_dir: Path) -> tuple[Content | None, Msg | None]:
    """The validated catalogue at `ref`, or None (with a note) when it had none or it failed."""
    root, rel = _top(ref, content_dir)
    exists = _git("cat-file", "-e", f"{ref}:{rel}", cwd=root)
    if _git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", cwd=root).returncode:
        raise Refused(t("diff.no_git", ref=ref, detail="unknown revision"))
    if exists.returncode:  # the content folder did not exist yet at that revision
        return None, None
    archive = _git("archive", "--format=tar", ref, "--", rel, cwd=root)
    if archive.returncode:
        raise Refused(t("diff.no_git", ref=ref, detail=archive.stderr.decode().strip()))
    with tempfile.TemporaryDirectory() as tmp:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            # Debian 12's Python 3.11.2 predates the `filter` argument.
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(tmp, **safe)
        try:
            return load_with_photos(Path(tmp) / rel), None
        except ContentInvalid:
            return None, t("diff.base_invalid", ref=ref)
