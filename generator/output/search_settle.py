"""Make Pagefind's bundle the same for the same site.

Pagefind 1.5 writes each filter's values in the order of a Rust hash map, seeded anew
in every run: the filter files, the names they get from their content, and the
metadata and entry file that point to them differ between two builds of one site.
Everything else it writes is already stable. Here the filter values are put in order,
and the files renamed after their new content; searching reads them the same way.

The files are gzipped CBOR (RFC 8949) after a `pagefind_dcd` signature. `_decode` and
`_encode` cover what Pagefind writes: integers, strings, arrays and maps; a float or a
simple value is kept as the bytes it was.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from dataclasses import dataclass
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


@dataclass(frozen=True)
class Raw:
    """A CBOR item kept as its bytes (floats, simple values)."""

    data: bytes


@dataclass(frozen=True)
class Map:
    pairs: tuple[tuple[object, object], ...]


def settle(bundle: Path) -> None:
    """Sort the filter values in `bundle` (a Pagefind output folder) and rename the files
    that change, in place."""
    renamed: dict[str, str] = {}
    for path in sorted((bundle / "filter").glob("*.pf_filter")):
        name, values = _read(path)
        data = _write([name, sorted(values, key=lambda value: value[0])])
        old = path.stem
        new = f"{old.split('_', 1)[0]}_{hashlib.sha256(data).hexdigest()[:7]}"
        path.unlink()
        (path.parent / f"{new}.pf_filter").write_bytes(data)
        renamed[old] = new
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    for language in entry["languages"].values():
        meta_path = bundle / f"pagefind.{language['hash']}.pf_meta"
        meta = _replace(_read(meta_path), renamed)
        data = _write(meta)
        prefix = language["hash"].split("_", 1)[0]
        language["hash"] = f"{prefix}_{hashlib.sha256(data).hexdigest()[:10]}"
        meta_path.unlink()
        (bundle / f"pagefind.{language['hash']}.pf_meta").write_bytes(data)
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _replace(item: object, renamed: dict[str, str]) -> object:
    """`item` with every string that names a renamed file renamed, and lists of
    `[filter name, file]` pairs in order of the filter's name."""
    if isinstance(item, str):
        return renamed.get(item, item)
    if isinstance(item, list):
        items = [_replace(i, renamed) for i in item]
        files = set(renamed.values())
        pairs = all(
            isinstance(i, list) and len(i) == 2 and isinstance(i[1], str) and i[1] in files
            for i in items
        )
        return sorted(items, key=lambda pair: pair[0]) if items and pairs else items
    if isinstance(item, Map):
        return Map(tuple((_replace(k, renamed), _replace(v, renamed)) for k, v in item.pairs))
    return item


def _read(path: Path) -> object:
    return read(path.read_bytes(), str(path))


def read(packed: bytes, name: str = "data") -> object:
    """What a Pagefind file (gzipped, signed CBOR) holds."""
    data = gzip.decompress(packed)
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{name}: not a Pagefind file")
    item, end = _decode(data, len(SIGNATURE))
    if end != len(data):
        raise ValueError(f"{name}: {len(data) - end} bytes after the data")
    return item


def _write(item: object) -> bytes:
    return gzip.compress(SIGNATURE + _encode(item), mtime=0)


def _decode(data: bytes, at: int) -> tuple[object, int]:
    start = at
    major, info = data[at] >> 5, data[at] & 0x1F
    at += 1
    if major == 7 and info < 28:
        size = {25: 2, 26: 4, 27: 8}.get(info, 1 if info == 24 else 0)
        return Raw(data[start : at + size]), at + size
    if info > 27:  # indefinite lengths and reserved values: not written by Pagefind 1.5
        raise ValueError(f"CBOR item {data[start]:#x} at byte {start}: not read here")
    if info < 24:
        n = info
    else:
        size = 1 << (info - 24)
        n = int.from_bytes(data[at : at + size], "big")
        at += size
    if major == 0:
        return n, at
    if major == 1:
        return -1 - n, at
    if major in (2, 3):
        chunk = data[at : at + n]
        return (chunk if major == 2 else chunk.decode("utf-8")), at + n
    if major == 4:
        items = []
        for _ in range(n):
            item, at = _decode(data, at)
            items.append(item)
        return items, at
    if major == 5:
        pairs = []
        for _ in range(n):
            key, at = _decode(data, at)
            value, at = _decode(data, at)
            pairs.append((key, value))
        return Map(tuple(pairs)), at
    raise ValueError(f"CBOR tag at byte {start}: not written by Pagefind 1.5")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size, fmt in ((24, 1, ">B"), (25, 2, ">H"), (26, 4, ">I"), (27, 8, ">Q")):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + struct.pack(fmt, n)
    raise ValueError(f"{n} is too big for CBOR")


def _encode(item: object) -> bytes:
    if isinstance(item, Raw):
        return item.data
    if isinstance(item, bool) or item is None:
        raise ValueError(f"unexpected {item!r}")
    if isinstance(item, int):
        return _head(0, item) if item >= 0 else _head(1, -1 - item)
    if isinstance(item, bytes):
        return _head(2, len(item)) + item
    if isinstance(item, str):
        encoded = item.encode("utf-8")
        return _head(3, len(encoded)) + encoded
    if isinstance(item, list):
        return _head(4, len(item)) + b"".join(map(_encode, item))
    if isinstance(item, Map):
        return _head(5, len(item.pairs)) + b"".join(_encode(k) + _encode(v) for k, v in item.pairs)
    raise ValueError(f"cannot encode {type(item).__name__}")
