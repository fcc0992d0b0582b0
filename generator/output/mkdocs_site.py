"""Run MkDocs on the generated pages, into a temporary folder, then swap it in.

A failed build (including a warning under --strict) leaves the previous
site folder exactly as it was.
"""

from __future__ import annotations

import ctypes
import logging
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from generator.messages import t
from generator.output.search_index import BUNDLE, index_site
from generator.problems import BuildFailed, os_failure

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # we pin mkdocs<2 on purpose
OVERRIDES = Path(__file__).parent / "overrides"
BUILD_HOOK = Path(__file__).parent / "build_hook.py"


def read_config(config_file: Path, **overrides: Any) -> MkDocsConfig:
    try:
        # MkDocs refuses a docs_dir that does not exist yet; on a fresh clone it doesn't.
        with open(config_file, encoding="utf-8") as f:
            settings = yaml_load(f) or {}
        (config_file.parent / settings.get("docs_dir", "docs")).mkdir(parents=True, exist_ok=True)
        # Our hook after the kelurahan's own (relative to its mkdocs.yml, as MkDocs reads them).
        theirs = [str(config_file.parent / hook) for hook in settings.get("hooks") or []]
        overrides.setdefault("hooks", [*theirs, str(BUILD_HOOK)])
        config = load_config(str(config_file), **overrides)
    except (MkDocsException, OSError) as err:
        raise BuildFailed(t("build.config", path=config_file, detail=err)) from None
    add_overrides(config)
    return config


def add_overrides(config: MkDocsConfig) -> None:
    """Our template overrides (Open Graph, JSON-LD, the search hook) come with the
    generator, not with mkdocs.yml, so they work wherever a kelurahan keeps its config.
    A kelurahan's own `custom_dir` still comes first."""
    if str(OVERRIDES) not in config.theme.dirs:
        config.theme.dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))


def refuse_non_site(site_dir: Path) -> None:
    """A folder of other files is never replaced by a site."""
    if site_dir.is_dir() and any(site_dir.iterdir()) and not _is_site(site_dir):
        raise BuildFailed(t("build.not_a_site", path=site_dir))


def staging_for(site_dir: Path) -> Path:
    """Where a site made of several builds (a city's) is put together before it replaces
    `site_dir`: named like `run_mkdocs`'s, so a killed build's is deleted next time."""
    site_dir = site_dir.resolve()
    refuse_non_site(site_dir)
    _remove_dead_builds(site_dir)
    return site_dir.parent / f".{site_dir.name}-new-{os.getpid()}-kota"


def replace_site(new: Path, site_dir: Path) -> None:
    """Put the site built in `new` at `site_dir`; `new` then holds the previous one."""
    site_dir = site_dir.resolve()
    refuse_non_site(site_dir)
    try:
        _swap(new, site_dir)
    except OSError as err:
        raise os_failure(err, err.filename or site_dir) from None


def run_mkdocs(config: MkDocsConfig, site_dir: Path, index: bool = True) -> None:
    """Build into a fresh folder beside `site_dir`, then swap it in. `index`: make its
    search index first (a city indexes its parts itself)."""
    site_dir = site_dir.resolve()
    refuse_non_site(site_dir)
    _remove_dead_builds(site_dir)
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        # Named after this process, so the next build can tell whether it is still running.
        prefix = f".{site_dir.name}-new-{os.getpid()}-"
        staging = Path(tempfile.mkdtemp(prefix=prefix, dir=site_dir.parent))
    except OSError as err:
        raise os_failure(err, site_dir.parent) from None
    config["site_dir"] = str(staging)
    try:
        mkdocs_build(config)
        if index:
            index_site(staging)
        _swap(staging, site_dir)
    except MkDocsException as err:
        raise BuildFailed(t("build.mkdocs", detail=err)) from None
    except OSError as err:
        raise os_failure(err, err.filename or site_dir) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # after a swap: the previous site


def _remove_dead_builds(site_dir: Path) -> None:
    """Delete the folders of builds that were killed (`.site-new-<pid>-…`, and their
    `…-old`), and only those: a build still running, or a folder we can't place, stays."""
    pattern = re.compile(rf"\.{re.escape(site_dir.name)}-new-(\d+)-.+")
    for leftover in site_dir.parent.glob(f".{site_dir.name}-new-*"):
        found = pattern.fullmatch(leftover.name)
        if found and leftover.is_dir() and not _running(int(found[1])):
            shutil.rmtree(leftover, ignore_errors=True)


def _running(pid: int) -> bool:
    """Whether process `pid` exists. Unknown is "yes": better a leftover than a lost build."""
    if os.name != "posix":  # Windows' os.kill(pid, 0) would end the process
        return True
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # another user's process, or no such number
        return True
    return True


def _swap(new: Path, current: Path) -> None:
    """Put `new` at `current`. Where the kernel can, the two are exchanged in one step,
    so a build killed at any moment leaves a whole site; `new` then holds the old one."""
    if not current.exists():
        new.rename(current)
        return
    if _exchange(new, current):
        return
    parked = new.with_name(new.name + "-old")
    current.rename(parked)  # not atomic: a kill between these two lines loses site/
    new.rename(current)
    parked.rename(new)


def _exchange(a: Path, b: Path) -> bool:
    """Linux renameat2(RENAME_EXCHANGE); False where it is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return done == 0


def _is_site(folder: Path) -> bool:
    return (folder / BUNDLE).is_dir() or (folder / "sitemap.xml").is_file()


def configure_logging(verbose: bool) -> None:
    """MkDocs speaks through `logging`: its warnings always show, progress only on a terminal."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
