"""The /admin/ form's configuration (Decap CMS), generated from the models the validator uses.

Each field's widget comes from its JSON Schema (the one editors read, see `schema`), so a
new field, a renamed category or a new programme reaches the form with no second edit;
its label comes from the message catalogue, its hint is the model's own description.
"""

from __future__ import annotations

import html
import json
import string
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from babel.dates import get_month_names
from pydantic import BaseModel

from generator.authoring.schema import SCHEMA_LINE, prepared
from generator.content import model
from generator.content.model import Catalogue, Event, Vendor
from generator.messages import CATALOGUE, t

# Fields the form does not show, and why: each is still written by hand in the file.
LEFT_OUT = {
    ("catalogue", "admin"): "the form's own sign-in: a wrong edit from the form locks it",
    ("event", "denah"): "rows of labels: Decap has no widget for a grid; the save keeps it",
}
# Fields whose JSON Schema says "text" but which the form shows as something better.
PHOTO = {("vendor", "photo"), ("product", "photo")}
VENDOR_CHOICE = {("stall", "vendor")}
MONTHS = {("product", "season")}

# The form's messages for the patterns the models use; a new pattern needs one here.
PATTERN_HINTS: dict[str, str | None] = {
    model.PRICE_PATTERN: "cms.pattern.price",
    model.PHONE_PATTERN: "cms.pattern.phone",
    model.TEXT_PATTERN: "cms.pattern.text",
    model.WEBSITE_PATTERN: "cms.pattern.website",
    model.ID_PATTERN: "cms.pattern.id",
    model.STALL_PATTERN: "cms.pattern.stall",
    model.TIME_PATTERN: "cms.pattern.time",
    model.INSTAGRAM_PATTERN: "cms.pattern.instagram",
    model.LOCATION_PATTERN: "cms.pattern.location",
    model.CODE_PATTERN: None,  # any one line: a one-line box holds nothing else
}

VENDORS, EVENTS, SETTINGS = "usaha", "acara", "pengaturan"
CONFIG = "cms.yml"  # its copy in schema/, beside the JSON Schemas, for reviewers


def config(catalogue: Catalogue, content: str = "content") -> dict[str, Any]:
    """Decap's configuration for the catalogue kept in the repository folder `content`."""
    admin = catalogue.admin
    backend: dict[str, Any] = {
        "name": "github",
        # Without `admin:` the page says how to set it up (see katalog-admin.js); the
        # local backend (decap-server on a clone) works either way.
        "repo": admin.repo if admin else "PEMILIK/REPOSITORI",
        "branch": admin.branch if admin else "main",
        "open_authoring": True,  # volunteers without write access propose through a fork
        "squash_merges": True,
        # Decap fills in the {{…}}: the kind of entry ("usaha") and its file name.
        "commit_messages": {
            **{
                key: _id(f"cms.commit.{key}", what="{{collection}}", name="{{slug}}")
                for key in ("create", "update", "delete")
            },
            **{
                key: _id(f"cms.commit.{key}", path="{{path}}")
                for key in ("uploadMedia", "deleteMedia")
            },
        },
    }
    if admin and admin.auth_url:
        backend["base_url"] = admin.auth_url.rstrip("/")
    out: dict[str, Any] = {
        "backend": backend,
        "publish_mode": "editorial_workflow",  # every save is a pull request
        "local_backend": True,  # only on localhost: decap-server editing a clone
        "locale": "id",
        "media_folder": f"{content}/vendors/foto",
        "public_folder": "foto",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
    }
    if catalogue.site_url:
        out["site_url"] = out["display_url"] = catalogue.site_url
    schemas = prepared(catalogue)
    out["collections"] = [
        _folder(VENDORS, f"{content}/vendors", "vendor", schemas["vendor"], Vendor, catalogue),
        _folder(EVENTS, f"{content}/events", "event", schemas["event"], Event, catalogue),
        {
            "name": SETTINGS,
            "label": _id("cms.collection.pengaturan"),
            "description": _id("cms.collection.pengaturan.about"),
            "editor": {"preview": False},
            "files": [
                {
                    "name": "katalog",
                    "label": _id("cms.collection.pengaturan.file"),
                    "file": f"{content}/catalogue.yml",
                    "fields": _with_schema_line(
                        "catalogue",
                        _fields("catalogue", schemas["catalogue"], Catalogue, catalogue),
                    ),
                }
            ],
        },
    ]
    return out


def config_text(catalogue: Catalogue, content: str = "content") -> str:
    return _text(config(catalogue, content))


def _text(made: dict[str, Any]) -> str:
    head = (
        "# Konfigurasi formulir /admin/ (Decap CMS), dibuat dari generator/content/model.py\n"
        "# dan catalogue.yml oleh `make schema` dan oleh setiap build: jangan diubah.\n"
    )
    body = yaml.safe_dump(made, allow_unicode=True, sort_keys=False, width=100)
    return head + body


def repository_folder(content_dir: Path) -> str:
    """`content_dir` relative to the git repository holding it, as Decap names folders."""
    here = content_dir.resolve()
    for top in (here, *here.parents):
        if (top / ".git").exists():
            return here.relative_to(top).as_posix() or "."
    return content_dir.name


def _folder(
    name: str, folder: str, kind: str, schema: dict, cls: type[BaseModel], catalogue: Catalogue
) -> dict:
    return {
        "name": name,
        "label": _id(f"cms.collection.{name}"),
        "label_singular": _id(f"cms.collection.{name}.one"),
        "description": _id(f"cms.collection.{name}.about"),
        "folder": folder,
        "extension": "yml",
        "format": "yml",
        "create": True,
        "delete": False,  # removing a vendor is a decision for the organisers, in git
        "identifier_field": "name",
        "slug": "{{slug}}",
        "summary": "{{name}}",
        "sortable_fields": ["name"],
        "editor": {"preview": False},  # the site's look is not the form's: keep it narrow
        **({"media_folder": "foto", "public_folder": "foto"} if kind == "vendor" else {}),
        "fields": _with_schema_line(kind, _fields(kind, schema, cls, catalogue)),
    }


def _fields(kind: str, schema: dict, cls: type[BaseModel], catalogue: Catalogue) -> list[dict]:
    defs = schema.get("$defs", {})
    out = []
    for name, info in cls.model_fields.items():
        if (kind, name) in LEFT_OUT:
            continue
        prop = _resolved(schema["properties"][name], defs)
        field: dict[str, Any] = {"name": name, "label": _id(f"label.{kind}.{name}")}
        if f"cms.hint.{kind}.{name}" in CATALOGUE:
            field["hint"] = _id(f"cms.hint.{kind}.{name}")
        elif info.description:
            field["hint"] = " ".join(info.description.split())
        if not info.is_required():
            field["required"] = False
        field |= _widget(kind, name, prop, defs, catalogue)
        out.append(field)
    return out


def _widget(kind: str, name: str, prop: dict, defs: dict, catalogue: Catalogue) -> dict[str, Any]:
    if (kind, name) in PHOTO:
        # Made smaller in the browser before the upload (mobile data, the repository's
        # size) and without the photo's hidden data, which may hold the home's location.
        processing = {"enabled": True, "strip_metadata": True, "width": 2000, "quality": 85}
        return {"widget": "image", "choose_url": False, "media_processing": processing}
    if (kind, name) in VENDOR_CHOICE:
        return {
            "widget": "relation",
            "collection": VENDORS,
            "value_field": "{{slug}}",
            "search_fields": ["name"],
            "display_fields": ["name"],
        }
    if name == "lokasi":  # `titik`: katalog-admin.js's box, for a list or a text alike
        message = _id(PATTERN_HINTS[model.LOCATION_PATTERN] or "")
        return {"widget": "titik", "pola": model.LOCATION_PATTERN, "pesan": message}
    if (kind, name) in MONTHS:
        months = get_month_names("wide", locale="id")
        low, high = model.MONTH_RANGE
        options = [{"label": months[m], "value": m} for m in range(low, high + 1)]
        return {"widget": "select", "multiple": True, "options": options}
    if prop.get("type") == "array":
        return _list(name, prop, defs, catalogue)
    if "enum" in prop:  # category, programme: their names shown, their ids written
        names = _names(catalogue, name)
        options = [{"label": names.get(v, v), "value": v} for v in prop["enum"]]
        return {"widget": "select", "options": options}
    if prop.get("type") == "boolean":
        default = prop.get("default")  # `centang`: katalog-admin.js's box
        return {"widget": "centang"} | ({"default": default} if default is not None else {})
    if prop.get("type") == "integer":
        return {
            "widget": "number",
            "value_type": "int",
            "min": prop["minimum"],
            "max": prop["maximum"],
        }
    if prop.get("format") == "date":
        return {"widget": "datetime", "format": "YYYY-MM-DD", "time_format": False}
    if prop.get("pattern") == model.LONG_TEXT_PATTERN:
        return {"widget": "text"}
    field: dict[str, Any] = {"widget": "string"}
    if (pattern := prop.get("pattern")) and PATTERN_HINTS[pattern]:
        field["pattern"] = [pattern, _id(PATTERN_HINTS[pattern])]
    return field


def _list(name: str, prop: dict, defs: dict, catalogue: Catalogue) -> dict[str, Any]:
    items = _resolved(prop["items"], defs)
    field: dict[str, Any] = {"widget": "list"}
    if "enum" in items:  # payment: a few fixed choices
        options = [{"label": _id(f"cms.option.{name}.{v}"), "value": v} for v in items["enum"]]
        return {"widget": "select", "multiple": True, "options": options}
    if "properties" in items:
        sub = prop["items"]["$ref"].rsplit("/", 1)[-1]
        cls = getattr(model, sub)
        singular = sub.lower()
        field |= {
            "label_singular": _id(f"label.{singular}"),
            "summary": "{{fields." + next(iter(cls.model_fields)) + "}}",
            "fields": _fields(
                singular, {"properties": items["properties"], "$defs": defs}, cls, catalogue
            ),
            "collapsed": False,  # a new product's fields open at once
        }
    if prop.get("minItems"):
        field["min"] = prop["minItems"]
    return field


def _with_schema_line(kind: str, fields: list[dict]) -> list[dict]:
    """Decap drops a file's comments when it saves; it writes a field's `comment` above
    that key. On the first key: the line that gives editors the schema (see `schema`)."""
    first = fields[0] | {"comment": SCHEMA_LINE[kind].removeprefix("# ")}
    return [first, *fields[1:]]


def _names(catalogue: Catalogue, field: str) -> dict[str, str]:
    """What the form shows for the ids a field takes: the names the site shows."""
    named = {"category": catalogue.categories, "programme": catalogue.programmes}
    return {item.id: item.name for item in named.get(field, [])}


def _resolved(prop: dict, defs: dict) -> dict:
    """The one variant the form edits: `$ref` followed, `null` dropped, and of "number or
    text" (prices, phone numbers) the text, which carries the pattern."""
    if "$ref" in prop:
        prop = defs[prop["$ref"].rsplit("/", 1)[-1]]
    variants = [v for v in prop.get("anyOf", [prop]) if v.get("type") != "null"]
    if len(variants) == 1:
        merged = {k: v for k, v in prop.items() if k != "anyOf"} | variants[0]
        return _resolved(merged, defs) if "$ref" in merged or "anyOf" in merged else merged
    chosen = next((v for v in variants if "enum" in v), None) or next(
        (v for v in variants if v.get("type") == "boolean"), None
    )
    chosen = chosen or next((v for v in variants if "pattern" in v), variants[0])
    return {k: v for k, v in prop.items() if k != "anyOf"} | chosen


def _id(code: str, **params: str) -> str:
    """The form speaks Indonesian only (Decap has one interface language per page)."""
    return t(code, **params).render("id")


# Decap CMS from a CDN, at one exact version, refused by the browser if its bytes differ
# from these (Subresource Integrity). tests/cms/package.json installs the same version and
# tests/test_cms.py checks the hash against it. Residents' pages never load any of it.
DECAP_VERSION = "3.16.3"
DECAP_SCRIPT = f"https://unpkg.com/decap-cms@{DECAP_VERSION}/dist/decap-cms.js"
DECAP_SHA384 = "A/Gdn928CNLufmnGWGs9RM4Q9o8bSNLeJERqBFrBjwzL7FRpoLT3MPF8Tl0+Wd2p"
ADMIN = "admin"  # the folder of the site the form is published in


def admin_files(catalogue: Catalogue, content: str = "content") -> dict[str, str]:
    """The form's page, its configuration and its script, as docs paths -> text."""
    folder = resources.files("generator.authoring") / ADMIN
    page = string.Template(folder.joinpath("index.html").read_text("utf-8")).substitute(
        title=html.escape(catalogue.title),
        ready="ya" if catalogue.admin else "tidak",
        script=DECAP_SCRIPT,
        integrity=f"sha384-{DECAP_SHA384}",
    )
    phrases = json.loads(folder.joinpath("id.json").read_text("utf-8"))
    made = config(catalogue, content)
    order = {c["name"]: _item_orders(c) for c in made["collections"]}
    script = "".join(
        (
            f"var BAHASA = {json.dumps(phrases, ensure_ascii=False, separators=(',', ':'))};\n",
            f"var URUTAN = {json.dumps(order, separators=(',', ':'))};\n",
            folder.joinpath("katalog-admin.js").read_text("utf-8"),
        )
    )
    return {
        f"{ADMIN}/index.html": page,
        f"{ADMIN}/config.yml": _text(made),
        f"{ADMIN}/katalog-admin.js": script,
    }


def _item_orders(collection: dict) -> dict[str, list[str]]:
    """A collection's keys in the form's order (see katalog-admin.js): under `""` the
    file's own, under each list's name (products, stalls, categories) its items'."""
    fields = collection.get("fields") or collection["files"][0]["fields"]
    lists = {f["name"]: [sub["name"] for sub in f["fields"]] for f in fields if "fields" in f}
    return {"": [f["name"] for f in fields], **lists}
