"""The JSON Schemas editors use: generated from the models, committed, and in step."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, Yaml12ish, kind_of
from jsonschema import Draft202012Validator

from generator.authoring import cms
from generator.authoring.schema import SCHEMA_LINE, schemas
from generator.photos.inspect import load_with_photos

CASES = ROOT / "tests" / "cases" / "invalid"
# Cases that no JSON Schema can see: they need other files, the file name, the file system,
# or they are not YAML a schema validator can read at all.
NOT_FOR_A_SCHEMA = {
    "abuse-alias-bomb",
    "abuse-deep-nesting",
    "abuse-photo-absolute",
    "abuse-photo-bomb",
    "abuse-photo-symlink",
    "abuse-photo-traversal",
    "abuse-photo-url",
    "abuse-python-tag",
    "abuse-python-tag-list",
    "ref-broken-vendor-in-event",
    "ref-catalogue-duplicate-ids",
    "ref-event-stalls",
    "ref-synonym-duplicate",  # a word in two groups: across items
    "syntax-binary-junk",
    "syntax-bad-indentation",
    "syntax-colon-in-text",
    "syntax-control-character",
    "syntax-duplicate-key",
    "syntax-empty-file",
    "syntax-not-utf8",
    "syntax-only-comments",
    "syntax-tab-indent",
    "syntax-two-documents",
    "syntax-unclosed-quote",
    "syntax-unknown-escape",
    "syntax-windows-1252",
    "syntax-yaml-extension",
    "value-bad-file-name",
    "value-file-name-capitals",
    "value-file-name-extension-capitals",  # the file's name, not its content
    "value-file-name-only-extension",
    "value-file-name-non-ascii",
    "value-reserved-index",
    "value-yes-no-and-merge",
    "value-explicit-tags",
    "value-end-before-start",
    "value-denah",  # a label must be one of the same file's stalls: across fields
    "value-huge-numbers",  # PyYAML, which reads them here, can't turn 4,301 digits into a number
    "value-photo-corrupt",
    "value-photo-unsupported",
    "value-photo-wrong-extension",
}


def validator(kind: str) -> Draft202012Validator:
    catalogue = load_with_photos(ROOT / "content").catalogue
    schema = json.loads(schemas(catalogue)[f"{kind}.schema.json"])
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def test_committed_schemas_are_current() -> None:
    catalogue = load_with_photos(ROOT / "content").catalogue
    current = schemas(catalogue)
    current[cms.CONFIG] = cms.config_text(catalogue, "content")  # the /admin/ form's
    for name, text in current.items():
        committed = (ROOT / "schema" / name).read_text("utf-8")
        assert committed == text, f"schema/{name} is stale: run `make schema` and commit it"


CONTENT_FILES = sorted((ROOT / "content").rglob("*.yml"))


@pytest.mark.parametrize("path", CONTENT_FILES, ids=lambda p: p.name)
def test_every_sample_file_names_and_passes_its_schema(path: Path) -> None:
    text = path.read_text("utf-8")
    assert text.startswith(SCHEMA_LINE[kind_of(path)] + "\n")
    errors = list(validator(kind_of(path)).iter_errors(yaml.load(text, Yaml12ish)))
    assert errors == [], [e.message for e in errors]


def test_invalid_cases_are_refused_by_the_schema_too() -> None:
    """Every case a schema can express is refused by it as well as by our check."""
    slipped = []
    for case in sorted(p for p in CASES.iterdir() if p.name not in NOT_FOR_A_SCHEMA):
        refused = False
        for path in case.rglob("*.y*ml"):
            data = yaml.load(path.read_text("utf-8"), Yaml12ish)
            refused |= bool(list(validator(kind_of(path)).iter_errors(data)))
        if not refused:
            slipped.append(case.name)
    assert slipped == [], slipped
