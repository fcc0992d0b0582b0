"""Run MkDocs on the generated pages, into a temporary folder, then swap it in.

A failed build (including a warning under --strict) leaves the previous
site folder exactly as it was.
"""

from __future__ import annotations

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

from generator.problems import BuildFailed

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # we pin mkdocs<2 on purpose


def load(config_file: Path, **overrides: Any) -> MkDocsConfig:
    try:
        # MkDocs refuses a docs_dir that does not exist yet; on a fresh clone it doesn't.
        with open(config_file, encoding="utf-8") as f:
            docs_dir = yaml_load(f).get("docs_dir", "docs")
        (config_file.parent / docs_dir).mkdir(parents=True, exist_ok=True)
        return load_config(str(config_file), **overrides)
    except (MkDocsException, OSError) as err:
        raise BuildFailed(f"{config_file}: {err}") from None


def build(config: MkDocsConfig, site_dir: Path) -> None:
    """Build into a fresh folder beside `site_dir`, then replace `site_dir` with it."""
    site_dir = site_dir.resolve()
    if site_dir.is_dir() and any(site_dir.iterdir()) and not _is_site(site_dir):
        raise BuildFailed(
            f"{site_dir} is not a built site and would be replaced; choose another --site-dir"
        )
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    config["site_dir"] = str(staging)
    try:
        mkdocs_build(config)
    except (MkDocsException, OSError) as err:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed(f"MkDocs failed: {err}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        site_dir.rename(old / "site")
    staging.rename(site_dir)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


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
