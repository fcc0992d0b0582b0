"""The GitHub Actions workflows: valid for GitHub, clean for zizmor, doing what they say."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
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
    assert "bash .ci/run" in runs
    summary = " ".join(step.get("run", "") for step in check["jobs"]["summary"]["steps"])
    assert 'generator diff "origin/$BASE_REF"' in summary and '>> "$GITHUB_STEP_SUMMARY"' in summary
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


def _refusal(job: dict) -> tuple[int, str]:
    """The step of `job` that refuses generated folders tracked by git: its place and script."""
    found = [
        (i, (ROOT / s["run"].split()[-1]).read_text("utf-8"))
        for i, s in enumerate(job["steps"])
        if s.get("run", "").startswith("bash .ci/refuse-generated")
    ]
    assert len(found) == 1, job["steps"]
    return found[0]


@pytest.mark.parametrize("workflow,job", [("check.yml", "check"), ("deploy.yml", "build")])
def test_a_build_refuses_generated_folders_committed_to_git(
    workflow: str, job: str, tmp_path: Path
) -> None:
    """A force-added `build/docs/x.md` would be published as a hand-written page, a
    committed `.cache/photos/` trusted, a committed `.venv/` used by `make site`: the job
    stops before installing or building anything, and says which files and what to do."""
    steps = yaml.safe_load((WORKFLOWS / workflow).read_text("utf-8"))["jobs"][job]["steps"]
    at, script = _refusal({"steps": steps})
    later = " ".join(s.get("run", "") + s.get("uses", "") for s in steps[at + 1 :])
    earlier = " ".join(s.get("run", "") + s.get("uses", "") for s in steps[:at])
    assert "make site" in later or "generator build" in later
    assert not re.search(r"pip|make|generator|setup-python", earlier), earlier

    def run_in(repo: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-e", "-c", script], cwd=repo, capture_output=True, text=True
        )

    git = ["git", "-c", "user.email=uji@example.org", "-c", "user.name=Uji"]
    subprocess.run([*git, "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("/build/\n/.cache/\n/.venv/\n/site/\n", "utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "catalogue.yml").write_text("title: Uji\n", "utf-8")
    subprocess.run([*git, "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run([*git, "commit", "-qm", "awal"], cwd=tmp_path, check=True)
    (tmp_path / "build" / "docs").mkdir(parents=True)  # as a local build leaves it
    (tmp_path / "build" / "docs" / "index.md").write_text("# Katalog\n", "utf-8")
    clean = run_in(tmp_path)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    for path in ("build/docs/x.md", ".cache/photos/abc/meta.json", ".venv/bin/python"):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("dari pull request\n", "utf-8")
        subprocess.run([*git, "add", "-f", path], cwd=tmp_path, check=True)
    refused = run_in(tmp_path)
    assert refused.returncode == 1
    assert refused.stdout.startswith("::error ")
    assert "git rm -r --cached .cache build .venv site" in refused.stdout
    for path in ("build/docs/x.md", ".cache/photos/abc/meta.json", ".venv/bin/python"):
        assert f"\n  - {path}\n" in refused.stdout + "\n"


def test_the_summary_is_written_by_the_base_branchs_generator() -> None:
    """Reviewers rely on the summary: the pull request's own code must not write it. It is
    made in a job of its own, where the pull request is checked out as data only."""
    jobs = yaml.safe_load((WORKFLOWS / "check.yml").read_text("utf-8"))["jobs"]
    writers = [
        name
        for name, job in jobs.items()
        for step in job["steps"]
        if "GITHUB_STEP_SUMMARY" in step.get("run", "")
    ]
    assert writers == ["summary"]
    steps = jobs["summary"]["steps"]
    checkouts = {s["with"]["path"]: s["with"] for s in steps if "checkout" in s.get("uses", "")}
    assert checkouts["base"]["ref"] == "${{ github.base_ref }}"
    assert "ref" not in checkouts["pr"]  # the pull request (its merge commit)
    (diff,) = [s for s in steps if "GITHUB_STEP_SUMMARY" in s.get("run", "")]
    assert diff["working-directory"] == "base"
    assert "--content ../pr/content" in diff["run"]
    # The pull request's folder is named only as data: its content, and git's trust.
    runs = " ".join(s.get("run", "") for s in steps)
    named = set(re.findall(r"\S*\bpr\b\S*", runs))
    assert named == {"../pr/content", '"$GITHUB_WORKSPACE/pr"'}, named
    assert "pip install -c base/constraints.txt ./base" in runs


def test_everything_outside_content_needs_the_maintainers() -> None:
    """CODEOWNERS: a pull request that changes any file outside `content/` needs a
    maintainer's approval; content alone does not (the last matching rule wins)."""
    rules = [
        line.split()
        for line in (ROOT / ".github" / "CODEOWNERS").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert all(rule[0] == "*" or re.fullmatch(r"/[\w.-]+/", rule[0]) for rule in rules), rules

    def owners(path: str) -> list[str]:
        found: list[str] = []
        for pattern, *who in rules:
            if pattern == "*" or path.startswith(pattern[1:]):
                found = who
        return found

    tracked = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    outside = [p for p in tracked if not p.startswith("content/")]
    assert outside and all(owners(p) for p in outside)
    assert all(owner.startswith("@") and "/" in owner for p in outside for owner in owners(p))
    assert owners("content/vendors/amplang-bu-sari.yml") == []
    assert owners(".github/CODEOWNERS") and owners("generator/authoring/diff.py")
