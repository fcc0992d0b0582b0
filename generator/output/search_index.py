"""The site's search index: Pagefind, run over the built HTML.

Pagefind splits the index into small files that a phone fetches only when someone
searches, and only those a query needs (a vendor page costs no search bytes). It reads
what `overrides/main.html` marks: the article of each searchable page
(`data-pagefind-body`), its weight, its filters and its order. Its binary comes in a
wheel (`pagefind[bin]`): no Node, no network.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from generator.messages import t
from generator.output.search_settle import settle
from generator.problems import BuildFailed

BUNDLE = "pagefind"  # the folder in the site: cari.js loads pagefind/pagefind.js


def index_site(site: Path) -> None:
    """Write `site/pagefind/` from the HTML in `site`. Raises `BuildFailed`.

    Written beside the old bundle and then swapped in: Pagefind never deletes the pieces
    of pages that are gone, and `serve` keeps serving the old index meanwhile."""
    new, old = site / f".{BUNDLE}-new", site / f".{BUNDLE}-old"
    for leftover in (new, old):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        from pagefind_bin import get_executable

        command = [str(get_executable()), "--site", str(site), "--output-subdir", new.name]
        done = subprocess.run(
            [*command, "--force-language", "id", "--silent"],
            capture_output=True,
            text=True,
            timeout=600,
        )
    except (ImportError, OSError, subprocess.SubprocessError) as err:
        raise BuildFailed(t("build.search_index", detail=err)) from None
    if done.returncode != 0:
        shutil.rmtree(new, ignore_errors=True)
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [done.returncode]
        raise BuildFailed(t("build.search_index", detail=detail[0]))
    try:
        settle(new)  # the same bundle for the same site
    except (OSError, ValueError, KeyError, TypeError) as err:
        shutil.rmtree(new, ignore_errors=True)
        raise BuildFailed(t("build.search_index", detail=err)) from None
    if (site / BUNDLE).exists():
        (site / BUNDLE).rename(old)
    new.rename(site / BUNDLE)
    shutil.rmtree(old, ignore_errors=True)
