"""The form at /admin/ speaks Bahasa Indonesia: generator/authoring/admin/id.json translates every
phrase of Decap CMS's English interface (the installed decap-cms-locales, read by Node), with
the same placeholders and plural forms, so an upgrade that adds phrases fails here."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from typing import Any

import pytest
from conftest import ROOT

EN = ROOT / "tests/cms/node_modules/decap-cms-locales/src/en/index.js"
ID = ROOT / "generator/authoring/admin/id.json"
PLACEHOLDER = re.compile(r"%\{[^}]*\}")
# Phrases that stay the same in Indonesian: a name, a word both languages share, or nothing
# but a placeholder. Anything else identical to English was forgotten.
SAME_AS_ENGLISH = {
    "editor.editorWidgets.markdown.markdown",  # "Markdown"
    "editor.editorToolbar.status",  # "Status: %{status}"
    "ui.toast.onFailToAuth",  # "%{details}"
    "workflow.workflowCard.lastChangeNoAuthor",  # "%{date}"
}


def flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """{"a": {"b": "x"}} -> {"a.b": "x"}, in the file's order."""
    flat: dict[str, Any] = {}
    for key, value in tree.items():
        if isinstance(value, dict):
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[prefix + key] = value
    return flat


@pytest.fixture(scope="module")
def english(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    if not EN.is_file() or not shutil.which("node"):
        pytest.fail("Decap's English phrases are missing: npm ci --prefix tests/cms")
    module = tmp_path_factory.mktemp("decap") / "en.mjs"  # .mjs: the package is not "module"
    shutil.copyfile(EN, module)
    script = f"import en from {json.dumps(module.as_uri())}; console.log(JSON.stringify(en))"
    node = subprocess.run(
        ["node", "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert node.returncode == 0, node.stderr
    return flatten(json.loads(node.stdout))


@pytest.fixture(scope="module")
def indonesian() -> dict[str, Any]:
    return flatten(json.loads(ID.read_text("utf-8")))


def test_same_keys_in_the_same_order(english: dict[str, str], indonesian: dict[str, Any]) -> None:
    missing = [key for key in english if key not in indonesian]
    extra = [key for key in indonesian if key not in english]
    assert not missing, f"id.json lacks {missing}: translate them from {EN.relative_to(ROOT)}"
    assert not extra, f"id.json has {extra}, which Decap's English no longer has: remove them"
    assert list(indonesian) == list(english), "put id.json's keys in the English file's order"


def test_every_phrase_is_translated(english: dict[str, str], indonesian: dict[str, Any]) -> None:
    empty = [k for k, v in indonesian.items() if not isinstance(v, str) or not v.strip()]
    assert not empty, f"in id.json, write Indonesian text (a string) for {empty}"
    same = [k for k in english.keys() - SAME_AS_ENGLISH if indonesian.get(k) == english[k]]
    assert not same, (
        f"id.json still has English for {sorted(same)}: translate them, or if the phrase is "
        "really the same in Indonesian (a name), add its key to SAME_AS_ENGLISH"
    )


def test_placeholders_and_plural_forms(english: dict[str, str], indonesian: dict[str, Any]) -> None:
    problems = []
    for key, en in english.items():
        id_ = str(indonesian.get(key, ""))
        want, got = set(PLACEHOLDER.findall(en)), set(PLACEHOLDER.findall(id_))
        if got != want:
            problems.append(
                f"{key}: use the placeholders {sorted(want)} as they are, not {sorted(got)}"
            )
        if id_.count("||||") != en.count("||||"):
            problems.append(f"{key}: keep {en.count('||||') + 1} forms separated by ' |||| '")
    assert not problems, "in id.json:\n" + "\n".join(problems)
