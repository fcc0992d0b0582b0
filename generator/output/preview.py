"""Fast and correct previews for `python -m generator serve` (MkDocs events, loaded
through preview_hook.py, plus the rebuild trigger the command uses).

`serve` rebuilds "dirty": MkDocs renders only the pages whose Markdown changed, and the
generator rewrites only the pages an edit touches (see write.py); every page of the
previous build stays in the served folder, so `on_post_build` indexes all of them for
search again (Pagefind: about a second for a thousand vendors). The generator, not
MkDocs' file polling, says when to rebuild: `request_rebuild` right after it wrote.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import jinja2

# Module state lives across rebuilds: MkDocs loads a hook module once per process.
_pages: set[str] = set()  # pages that exist in this build
_server: Any = None
_config_stamp: float | None = None


class _Compiled(jinja2.BytecodeCache):
    """Theme templates compiled once per `serve`, not once per rebuild: MkDocs makes a
    fresh Jinja environment each time, and compiling Material's templates took half of a
    rebuild."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_compiled = _Compiled()


def on_config(config: Any) -> Any:
    from generator.output.mkdocs_site import add_overrides

    add_overrides(config)  # the preview shows what the build shows
    return config


def on_env(env: jinja2.Environment, config: Any, files: Any) -> jinja2.Environment:
    env.bytecode_cache = _compiled
    return env


def _page(url: str) -> str:
    """The page part of a file's URL (home is "")."""
    return url.split("#", 1)[0].removeprefix("./")


def on_pre_build(config: Any) -> None:
    global _config_stamp
    # A changed mkdocs.yml (theme, colours) touches every page: make MkDocs' dirty build
    # see every page as changed.
    stamp = Path(config.config_file_path).stat().st_mtime if config.config_file_path else None
    if _config_stamp is not None and stamp != _config_stamp:
        for path in Path(config.docs_dir).rglob("*.md"):
            path.touch()
    _config_stamp = stamp


def on_files(files: Any, config: Any) -> Any:
    global _pages
    gone = _pages - {_page(f.url) for f in files.documentation_pages()}
    _pages = {_page(file.url) for file in files.documentation_pages()}
    for url in gone:  # a dirty build never deletes: a removed vendor must not stay served
        (Path(config.site_dir) / url / "index.html").unlink(missing_ok=True)
    return files


def on_post_build(config: Any) -> None:
    """The search index of every page served, and no service worker."""
    from generator.output.search_index import index_site
    from generator.problems import BuildFailed

    no_offline_copies(Path(config.site_dir))
    try:
        index_site(Path(config.site_dir))
    except BuildFailed as failed:  # the previous index stays served; say why, once
        logging.getLogger("mkdocs").error(str(failed))


def no_offline_copies(site_dir: Path) -> None:
    """No offline copies of a preview: they would outlive it at 127.0.0.1:8000 and show
    stale pages. Each site's worker (a city's, and each of its kelurahan's) is replaced
    by one that removes itself (and one a real build left there)."""
    for worker in [site_dir / "sw.js", *site_dir.glob("*/sw.js")]:
        if worker.exists() or worker.parent == site_dir:
            worker.write_text(_NO_SERVICE_WORKER, "utf-8")


_NO_SERVICE_WORKER = """// Preview: no offline copies.
self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.registration.unregister(); }));
});
"""


def on_serve(server: Any, config: Any, builder: Any) -> Any:
    """Rebuild when the generator says so, instead of polling every generated page."""
    global _server
    _server = server
    server.unwatch(config.docs_dir)
    return server


def request_rebuild() -> None:
    """Called by `serve` after the generator wrote pages: rebuild now. (MkDocs' live
    reload server has no public call for this; mkdocs is pinned below 2.)"""
    server = _server
    if server is None:
        return
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()
