from __future__ import annotations

import datetime
import functools
import gzip
import http.server
import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"
# Golden output is rendered as if today were this day, between the fixture's two events.
GOLDEN_DAY = datetime.date(2025, 7, 1)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

CHROMIUM = "/usr/bin/chromium"
# Offline machine: without these flags Chromium keeps dialling Google's services.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# One build day for the whole session, in this process and the builds it starts: a run
# that passes midnight must not see two days (sitemap.xml's dates, upcoming bazaars).
os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))

# Property tests: quick by default, thorough with `make fuzz`.
_SHARED = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture]}
# In CI the same examples every run: a failure there is a change's, never the draw's.
# Elsewhere new random ones each run, to find what the fixed ones miss.
settings.register_profile("default", max_examples=150, derandomize="CI" in os.environ, **_SHARED)
settings.register_profile("fuzz", max_examples=5000, **_SHARED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite tests/golden and the expected messages of tests/cases",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture catalogue at ./content, with the test running in its parent,
    so messages name files the way a volunteer sees them (`content/vendors/x.yml`)."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    monkeypatch.chdir(tmp_path)
    return target


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped sample catalogue, built once with the real MkDocs in strict mode."""
    from generator.pipeline import build_site

    out = tmp_path_factory.mktemp("sample")
    build_site(ROOT / "content", out / "site", ROOT / "mkdocs.yml", docs_dir=out / "docs")
    return out / "site"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(directory: Path, port: int = 0) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A static file server for a built site, on localhost, in a thread."""
    handler = functools.partial(_QuietHandler, directory=directory)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_port}/"


@pytest.fixture(scope="session")
def base_url(sample_site: Path) -> Iterator[str]:
    server, url = serve(sample_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium (never a downloaded browser), driven by Playwright."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's Chromium is missing: apt-get install chromium (make test does this)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def indexed(site: Path) -> dict[str, dict]:
    """What Pagefind indexed of a built site, by URL: each page's fragment (`content`,
    `meta.title`, `filters`, `anchors`), read back from its gzipped files."""
    fragments = map(fragment, sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")))
    return {page["url"]: page for page in fragments}


def fragment(packed: bytes | Path) -> dict:
    """One page as Pagefind keeps it: gzipped JSON after Pagefind's signature."""
    data = packed.read_bytes() if isinstance(packed, Path) else packed
    return json.loads(gzip.decompress(data).removeprefix(b"pagefind_dcd"))


def served_index(site_url: str) -> dict[str, dict]:
    """What the Pagefind index served at `site_url` holds, by page URL, read as the
    browser reads it: the entry file, the metadata it names, each page's fragment."""
    import urllib.request

    from generator.output.search_settle import read

    def get(path: str) -> bytes:
        with urllib.request.urlopen(site_url + "pagefind/" + path, timeout=30) as answer:
            return answer.read()

    entry = json.loads(get("pagefind-entry.json"))
    pages = {}
    for language in entry["languages"].values():
        meta = read(get(f"pagefind.{language['hash']}.pf_meta"))
        for fragment_hash, *_ in meta[1]:
            page = fragment(get(f"fragment/{fragment_hash}.pf_fragment"))
            pages[page["url"]] = page
    return pages


# --- content files as editors read them (YAML 1.2 parsers) ---


class Yaml12ish(yaml.SafeLoader):
    """Dates stay text, as editors' YAML 1.2 parsers read them."""


Yaml12ish.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def kind_of(path: Path) -> str:
    if path.name == "synonyms.yml":
        return "synonyms"
    return {"vendors": "vendor", "events": "event"}.get(path.parent.name, "catalogue")
