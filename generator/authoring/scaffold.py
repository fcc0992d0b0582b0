"""`new vendor|event`: a commented Indonesian template with every field of the model.

The comments are the model's own descriptions, so the template never drifts from the
format: required fields are filled in, optional ones are commented out with an example.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel

from generator.authoring.schema import SCHEMA_LINE
from generator.content.model import Event, Product, Stall, Vendor

HEADER = (
    "# Baris yang diawali # adalah catatan. Untuk memakai isian yang diberi #,\n"
    '# hapus tanda # di depannya. Rujukan lengkap: halaman "Format data" di situs katalog.\n'
)


def _example(description: str) -> str:
    """The first `example` in a description ("… Contoh: `foto/kue.jpg`.")."""
    found = re.search(r"Contoh: `([^`]+)`", description) or re.search(r"`([^`]+)`", description)
    return found[1] if found else "…"


def _value(value: Any) -> str:
    """A YAML scalar: plain when that is unambiguous, otherwise JSON-quoted (valid YAML)."""
    if isinstance(value, bool | int):
        return json.dumps(value)
    text = str(value)
    plain = re.fullmatch(r"[A-Za-z][\w .,&/()-]*|[0-9]{4}-[0-9]{2}-[0-9]{2}", text)
    if plain and text.lower() not in ("yes", "no", "on", "off", "true", "false", "null"):
        return text
    return json.dumps(text, ensure_ascii=False)


def _fields(
    model: type[BaseModel],
    values: dict[str, Any],
    indent: str,
    nested: dict[str, tuple[type[BaseModel], list[dict[str, Any]]]],
    choices: dict[str, list[str]],
) -> list[str]:
    lines = []
    for name, info in model.model_fields.items():
        description = " ".join((info.description or "").split())  # one comment line
        if name in choices and choices[name]:
            description += " Pilihan: " + ", ".join(choices[name]) + "."
        lines.append(f"{indent}# {description}")
        if name in nested:
            child, items = nested[name]
            lines.append(f"{indent}{name}:")
            for item in items:
                inner = _fields(child, item, indent + "    ", {}, choices)
                inner[0] = indent + "  " + inner[0].lstrip()
                inner[1] = indent + "  - " + inner[1].lstrip()  # the first field carries the dash
                lines += inner
        elif name in values:
            lines.append(f"{indent}{name}: {_value(values[name])}")
        else:
            lines.append(f"{indent}# {name}: {_example(description)}")
    return lines


def vendor_template(
    name: str,
    category: str,
    product: str,
    price: int | str,
    categories: list[str],
    programmes: list[str],
    schema_line: str | None = None,
) -> str:
    lines = _fields(
        Vendor,
        {"name": name, "category": category},
        "",
        {"products": (Product, [{"name": product, "price": price}])},
        {"category": categories, "programme": programmes},
    )
    return _file("vendor", lines, schema_line)


def event_template(
    name: str, date: str, location: str, stall: str, vendor: str, schema_line: str | None = None
) -> str:
    lines = _fields(
        Event,
        {"name": name, "date": date, "location": location},
        "",
        {"stalls": (Stall, [{"stall": stall, "vendor": vendor}])},
        {},
    )
    return _file("event", lines, schema_line)


def _file(kind: str, lines: list[str], schema_line: str | None = None) -> str:
    """The schema line editors read (`schema_line`, else the repository's usual one),
    the note on comments, then the fields."""
    line = schema_line or SCHEMA_LINE[kind]
    return line + "\n" + HEADER + "\n" + "\n".join(lines) + "\n"


# What a new kelurahan starts with (`new catalogue`): the categories the city's lists match
# by id, and one residents' programme as an example to keep, rename or delete.
STANDARD_CATEGORIES = (
    ("makanan", "Makanan & Kudapan", "Kue, amplang, sambal, lauk, dan kudapan khas Balikpapan."),
    ("minuman", "Minuman", "Es, jamu, kopi, dan minuman segar buatan warga."),
    ("kerajinan", "Kerajinan", "Anyaman, manik-manik, dan kerajinan tangan lainnya."),
    ("fesyen", "Fesyen", "Pakaian, kain, dan aksesori."),
    ("jasa", "Jasa", "Jahit, servis, katering, dan jasa lainnya."),
    ("buah", "Buah", "Buah segar dari kebun pekarangan warga."),
    ("bunga", "Bunga & Tanaman Hias", "Bunga potong dan tanaman hias dalam pot."),
    ("sayuran", "Sayuran", "Sayur dan bumbu dapur segar dari kebun warga."),
)
EXAMPLE_PROGRAMME = (
    "kampung-bungas",
    "Kampung Bungas",
    "Program pertanian perkotaan warga: menanam buah, bunga, dan sayuran di lahan sempit "
    "dan pekarangan, untuk dijual bersama. Contoh program: ganti, atau hapus jika tidak ada.",
)


def catalogue_template(
    title: str, kelurahan: str, kecamatan: str, city: str, schema_line: str | None
) -> str:
    """A new kelurahan's `catalogue.yml`: `schema_line` (None: no line), the names, the
    standard categories, the example programme."""
    lines = [schema_line] if schema_line else []
    lines += [
        '# Pengaturan katalog kelurahan. Rujukan: halaman "Format data" di situs katalog.',
        f"title: {_value(title)}",
        f"kelurahan: {_value(kelurahan)}",
        f"kecamatan: {_value(kecamatan)}",
        f"city: {_value(city)}",
        "# contact_whatsapp: 0812-0000-0000",
        "",
        "# Kategori: id yang sama di semua kelurahan kota digabung di daftar kota.",
        "categories:",
    ]
    for id_, name, description in STANDARD_CATEGORIES:
        lines += [
            f"  - id: {id_}",
            f"    name: {_value(name)}",
            f"    description: {_value(description)}",
        ]
    id_, name, description = EXAMPLE_PROGRAMME
    lines += [
        "",
        "programmes:",
        f"  - id: {id_}",
        f"    name: {_value(name)}",
        f"    description: {_value(description)}",
    ]
    return "\n".join(lines) + "\n"
