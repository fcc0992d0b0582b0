from __future__ import annotations

import datetime
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"
# Golden output is rendered as if today were this day, between the fixture's two events.
GOLDEN_DAY = datetime.date(2025, 7, 1)

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# Property tests: quick by default, thorough with `make fuzz`.
_SHARED = {"deadline": None, "suppress_health_check": [HealthCheck.function_scoped_fixture]}
settings.register_profile("default", max_examples=150, **_SHARED)
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
    from generator.build import build

    out = tmp_path_factory.mktemp("sample")
    build(ROOT / "content", out / "site", ROOT / "mkdocs.yml", docs_dir=out / "docs")
    return out / "site"
