"""The GitHub Actions workflows: valid for GitHub, clean for zizmor, doing what they say."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = Path(sys.executable).parent


def test_workflows_match_githubs_schema() -> None:
    result = subprocess.run(
        [
            BIN / "check-jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            *sorted(WORKFLOWS.glob("*.yml")),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--no-progress", WORKFLOWS], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_pull_requests_get_annotations_summary_and_tests() -> None:
    check = yaml.safe_load((WORKFLOWS / "check.yml").read_text("utf-8"))
    runs = " ".join(step.get("run", "") for step in check["jobs"]["check"]["steps"])
    assert "generator check --format github" in runs
    assert 'diff "origin/$BASE_REF" >> "$GITHUB_STEP_SUMMARY"' in runs
    assert "bash .ci/run" in runs
    for workflow in WORKFLOWS.glob("*.yml"):  # every action pinned to a full commit
        for job in yaml.safe_load(workflow.read_text("utf-8"))["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    assert len(step["uses"].split("@")[1]) == 40, step["uses"]


def test_pre_commit_checks_every_file_saved_under_content() -> None:
    """A vendor saved as `Toko-Baru.YML`, `toko.yml ` or `toko.txt` is a problem `check`
    reports, so committing it must run `check` too."""
    import re

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    (hook,) = [h for repo in config["repos"] for h in repo["hooks"] if h["id"] == "katalog-check"]
    for path in (
        "content/vendors/amplang.yml",
        "content/vendors/Toko-Baru.YML",
        "content/vendors/toko.yml ",
        "content/vendors/toko.txt",
        "content/vendors/baru/toko.yml",
        "content/catalogue.yml",
    ):
        assert re.search(hook["files"], path), path
    assert not re.search(hook["files"], "README.md")
