"""JSON Schemas of the three file kinds, generated from the models the validator uses.

Editors that read JSON Schema (VS Code with the YAML extension, JetBrains, Codespaces)
show the Indonesian descriptions and complete the category and programme ids.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from generator.content.model import Catalogue, City, Event, Synonyms, Vendor

KINDS = {
    "catalogue": Catalogue,
    "vendor": Vendor,
    "event": Event,
    "synonyms": Synonyms,
    "kota": City,
}
TITLES = {
    "catalogue": "Pengaturan katalog (content/catalogue.yml)",
    "vendor": "Usaha (content/vendors/<nama>.yml)",
    "event": "Bazar (content/events/<nama>.yml)",
    "synonyms": "Kata yang sama artinya, untuk pencarian (content/synonyms.yml)",
    "kota": "Katalog sekota: daftar kelurahan dan folder katalognya (kota.yml)",
}
# Where each kind of file lives, relative to the repository: for the
# `# yaml-language-server: $schema=…` line at the top of content files.
SCHEMA_LINE = {
    "catalogue": "# yaml-language-server: $schema=../schema/catalogue.schema.json",
    "vendor": "# yaml-language-server: $schema=../../schema/vendor.schema.json",
    "event": "# yaml-language-server: $schema=../../schema/event.schema.json",
    "synonyms": "# yaml-language-server: $schema=../schema/synonyms.schema.json",
}


def schema_line(folder: Path, kind: str) -> str:
    """The line for a file of `kind` written in `folder`: the nearest `schema/` at or
    above it (a kelurahan of a city keeps its own, with its own ids: `new catalogue`),
    else the repository's usual place."""
    for above in (folder.resolve(), *folder.resolve().parents):
        schema = above / "schema" / f"{kind}.schema.json"
        if schema.is_file():
            relative = Path(os.path.relpath(schema, folder.resolve())).as_posix()
            return f"# yaml-language-server: $schema={relative}"
    return SCHEMA_LINE[kind]


def schemas(catalogue: Catalogue | None = None) -> dict[str, str]:
    """`{file name: JSON text}`; with a catalogue, its category and programme ids as enums."""
    out = {}
    for kind, schema in prepared(catalogue).items():
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{kind}.schema.json",
            "title": TITLES[kind],
            **schema,
        }
        out[f"{kind}.schema.json"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return out


def prepared(catalogue: Catalogue | None = None) -> dict[str, dict[str, Any]]:
    """Each kind's schema as a dict (also what the /admin/ form is made from, see `cms`)."""
    out = {}
    for kind, model in KINDS.items():
        schema = model.model_json_schema()
        _drop_titles(schema)
        if catalogue is not None:
            _set_enum(schema, "category", [c.id for c in catalogue.categories])
            _set_enum(schema, "programme", [p.id for p in catalogue.programmes])
        out[kind] = schema
    return out


def _drop_titles(node: Any) -> None:
    """pydantic titles every property in English ("Open Hours"); the descriptions say more."""
    if isinstance(node, dict):
        node.pop("title", None)
        for key, value in node.items():
            if key == "properties":
                for prop in value.values():
                    _drop_titles(prop)
            else:
                _drop_titles(value)
    elif isinstance(node, list):
        for item in node:
            _drop_titles(item)


def _set_enum(node: Any, name: str, ids: list[str]) -> None:
    """Give every property called `name` (at any depth) the allowed ids."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "properties" and name in value:
                prop = value[name]
                for variant in prop.get("anyOf", [prop]):
                    if variant.get("type") == "string":
                        variant["enum"] = ids
            _set_enum(value, name, ids)
    elif isinstance(node, list):
        for item in node:
            _set_enum(item, name, ids)
