"""Run MkDocs on the generated pages, into a temporary folder, then swap it in.

A failed build (including a warning under --strict) leaves the previous
site folder exactly as it was.
"""

from __future__ import annotations

import ctypes
import logging
import os
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
from generator.problems import BuildFailed, os_failure

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # we pin mkdocs<2 on purpose


def load(config_file: Path, **overrides: Any) -> MkDocsConfig:
    try:
        # MkDocs refuses a docs_dir that does not exist yet; on a fresh clone it doesn't.
        with open(config_file, encoding="utf-8") as f:
            docs_dir = yaml_load(f).get("docs_dir", "docs")
        (config_file.parent / docs_dir).mkdir(parents=True, exist_ok=True)
        config = load_config(str(config_file), **overrides)
    except (MkDocsException, OSError) as err:
        raise BuildFailed(t("build.config", path=config_file, detail=err)) from None
    return add_theme(config)


THEME = Path(__file__).with_name("theme")


def add_theme(config: MkDocsConfig) -> MkDocsConfig:
    """Our few templates (og:image) in front of the theme's, as `custom_dir` would put them;
    done here so that mkdocs.yml stays plain and can be copied anywhere."""
    if str(THEME) not in config.theme.dirs:
        config.theme.dirs.insert(0, str(THEME))
    return config


def build(config: MkDocsConfig, site_dir: Path) -> None:
    """Build into a fresh folder beside `site_dir`, then swap it in."""
    site_dir = site_dir.resolve()
    if site_dir.is_dir() and any(site_dir.iterdir()) and not _is_site(site_dir):
        raise BuildFailed(t("build.not_a_site", path=site_dir))
    for leftover in site_dir.parent.glob(f".{site_dir.name}-new-*"):
        shutil.rmtree(leftover, ignore_errors=True)  # from a build that was killed
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    except OSError as err:
        raise os_failure(err, site_dir.parent) from None
    config["site_dir"] = str(staging)
    try:
        mkdocs_build(config)
        _swap(staging, site_dir)
    except MkDocsException as err:
        raise BuildFailed(t("build.mkdocs", detail=err)) from None
    except OSError as err:
        raise os_failure(err, err.filename or site_dir) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # after a swap: the previous site


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
    return (folder / "search" / "search_index.json").is_file() or (folder / "sitemap.xml").is_file()


def configure_logging(verbose: bool) -> None:
    """MkDocs speaks through `logging`: its warnings always show, progress only on a terminal."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.handlers[:] = [handler]
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False
