"""Read one YAML file into plain data plus the line/column of every value.

A broken file is a value (a list of `Problem`), never an exception, so one bad
file never hides the problems of the others. Limits keep hostile input cheap.
"""

from __future__ import annotations

import datetime
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.messages import Count, Msg, message_and_hint, shown, t
from generator.problems import Problem

try:  # libyaml is ~8x faster and still gives marks; the pure loader is a fallback
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - wheels ship libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_BYTES = 1_000_000  # a vendor file is a few KB; anything this big is a mistake
MAX_DEPTH = 20  # the format nests three levels deep
MAX_VALUES = 50_000  # bounds alias expansion ("billion laughs")
# Text after alias expansion: a file without aliases never holds more than its own size.
# Bounds the work of every later step (validation, messages) for `[&a <long>, *a, *a, …]`.
MAX_TEXT = MAX_BYTES
# A longer whole number stays text, which the model refuses as too long or out of range:
# Python's int() refuses more digits than this (and takes quadratic time over them).
MAX_DIGITS = min(4_300, sys.get_int_max_str_digits() or 4_300)

Loc = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_STR = _TAG + "str"
_INT = _TAG + "int"
_FLOAT = _TAG + "float"
_MERGE = _TAG + "merge"
_SEQ = {_TAG + "seq"}
_MAP = {_TAG + "map"}
_DECIMAL = re.compile(r"-?(?:0|[1-9][0-9_]*)")
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclass
class Document:
    """One parsed file: its data and where each value stands in the text."""

    path: Path
    display: str
    data: dict[str, Any]
    marks: dict[Loc, yaml.Mark] = field(default_factory=dict)
    """Where each value starts, keyed by its location."""
    key_marks: dict[Loc, yaml.Mark] = field(default_factory=dict)
    """Where each mapping key starts, keyed by the key's location."""

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """1-based (line, column) of `loc`, or of its nearest enclosing value."""
        if key and loc in self.key_marks:
            mark = self.key_marks[loc]
            return (mark.line + 1, mark.column + 1)
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.marks:
                mark = self.marks[loc[:end]]
                return (mark.line + 1, mark.column + 1)
        return (0, 0)

    def problem(self, loc: Loc, message: Msg, hint: Msg, *, key: bool = False) -> Problem:
        line, column = self.where(loc, key=key)
        return Problem(self.display, line, column, field_name(loc), message, hint)


def field_name(loc: Loc) -> str:
    """`("products", 2, "price")` -> `products[2].price`."""
    out = ""
    for part in loc:
        # A field name is a key the volunteer typed: it may be long, so it is cut short.
        out += f"[{part}]" if isinstance(part, int) else (f".{shown(part)}" if out else shown(part))
    return out


class _Refused(Exception):
    """A value the loader will not construct; becomes a located `Problem`."""

    def __init__(self, node: yaml.Node, loc: Loc, code: str, **params: Any) -> None:
        self.node, self.loc = node, loc
        self.message, self.hint = message_and_hint(code, **params)


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def load_document(path: Path, display: str) -> Document | list[Problem]:
    def whole(code: str, line: int = 0, column: int = 0, **params: Any) -> list[Problem]:
        return [Problem(display, line, column, "", *message_and_hint(code, **params))]

    try:
        size = path.stat().st_size  # before reading: a huge file is refused unread
        if size > MAX_BYTES:
            return whole("file.too_large", size=Count(size), max=Count(MAX_BYTES))
        raw = path.read_bytes()
    except OSError as err:
        return whole("file.unreadable", reason=err.strerror)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return whole("file.not_utf8", line, column, byte=f"{raw[err.start]:02x}")
    if "\x00" in text:
        return whole("file.binary")

    loader = SafeLoader(text)
    doc = Document(path, display, {})
    try:
        node = loader.get_single_node()
        if node is None:
            return whole("file.empty")
        data = _Builder(loader, doc, bool(_CONTROL.search(text))).value(node, ())
    except yaml.reader.ReaderError as err:
        code = err.character if isinstance(err.character, int) else ord(err.character)
        encoded = text.encode("utf-8")  # libyaml counts bytes, volunteers count characters
        line_start = encoded.rfind(b"\n", 0, err.position) + 1
        line = encoded.count(b"\n", 0, err.position) + 1
        column = len(encoded[line_start : err.position].decode("utf-8", "replace")) + 1
        return whole("file.control", line, column, char=code)
    except yaml.MarkedYAMLError as err:
        line, column, code, params = _explain_syntax(err, text)
        return whole(code, line, column, **params)
    except _Refused as err:
        line, column = _pos(err.node)
        return [Problem(display, line, column, field_name(err.loc), err.message, err.hint)]
    except RecursionError:
        return whole("yaml.nested", max=MAX_DEPTH)
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        got = t("kind.list" if isinstance(data, list) else "kind.text")
        return whole("file.not_mapping", *_pos(node), got=got)
    doc.data = data
    return doc


class _Builder:
    """Builds plain data from the node tree, recording each value's position.

    Runs once per value of every file (a quarter of a million values at city scale),
    hence the plain style: constants, local names, the common case first.
    """

    def __init__(self, loader: Any, doc: Document, controls: bool) -> None:
        self.loader, self.doc, self.count, self.text = loader, doc, 0, 0
        self.marks, self.key_marks = doc.marks, doc.key_marks
        # Checking every value for control characters is only needed when the file has one.
        self.controls = controls
        # An anchored text named again by an alias is the same node: check it once.
        self.checked: set[int] = set()

    def value(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _Refused(node, loc, "yaml.too_many", max=Count(MAX_VALUES))
        if len(loc) > MAX_DEPTH:
            raise _Refused(node, loc, "yaml.nested", max=MAX_DEPTH)
        self.marks[loc] = node.start_mark
        kind = type(node)
        if kind is yaml.ScalarNode:
            return self.scalar(node, loc)
        if kind is yaml.MappingNode:
            return self.mapping(node, loc)
        _check_tag(node, loc, _SEQ)
        return [self.value(item, (*loc, i)) for i, item in enumerate(node.value)]

    def mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        _check_tag(node, loc, _MAP)
        out: dict[str, Any] = {}
        key_marks = self.key_marks
        for key_node, value_node in node.value:
            tag = key_node.tag
            if tag not in _SCALAR_TAGS or type(key_node) is not yaml.ScalarNode:
                if tag == _MERGE:
                    raise _Refused(key_node, loc, "yaml.merge")
                if type(key_node) is not yaml.ScalarNode:
                    raise _Refused(key_node, loc, "yaml.key")
                _check_tag(key_node, loc, _SCALAR_TAGS)
            # A field name is the word as typed: `yes:` stays "yes", not True.
            key = key_node.value
            if not key.strip():
                raise _Refused(key_node, loc, "yaml.key")
            self.text += len(key)
            if self.text > MAX_TEXT:
                raise _Refused(key_node, loc, "yaml.too_much_text", max=Count(MAX_TEXT))
            if (self.controls or key_node.style == '"') and id(key_node) not in self.checked:
                _check_text(key_node, loc, key)
                self.checked.add(id(key_node))
            at = (*loc, key)
            if key in out:
                first = key_marks[at].line + 1
                raise _Refused(key_node, at, "yaml.duplicate", key=key, first=first)
            key_marks[at] = key_node.start_mark
            out[key] = self.value(value_node, at)
        return out

    def scalar(self, node: yaml.ScalarNode, loc: Loc) -> Any:
        tag, typed = node.tag, node.value
        if tag not in _SCALAR_TAGS:
            _check_tag(node, loc, _SCALAR_TAGS)
        self.text += len(typed)  # counting aliases again: the text they expand to
        if self.text > MAX_TEXT:
            raise _Refused(node, loc, "yaml.too_much_text", max=Count(MAX_TEXT))
        # "\x7f" escapes make control characters too
        if (self.controls or node.style == '"') and id(node) not in self.checked:
            _check_text(node, loc, typed)
            self.checked.add(id(node))
        if tag == _STR:  # most values: no need to ask the constructor
            return typed
        if tag == _INT and _DECIMAL.fullmatch(typed):
            if len(typed) > MAX_DIGITS:
                return typed  # the model says it is too large
            return int(typed.replace("_", ""))
        # YAML 1.1 reads `15.000` as 15.0 and `8:00` as 480; keep what the volunteer typed
        # so prices and times are parsed by rules that know how people here write them.
        # Likewise `0812…`, `0000000000012` (read as octal) and `+62…` stay as typed.
        if tag == _FLOAT or (
            tag == _INT
            and (":" in typed or typed.lstrip("-")[:1] in "0+" and len(typed.lstrip("-")) > 1)
        ):
            return typed
        try:
            value = self.loader.construct_object(node)
        except Exception:  # noqa: BLE001 - an explicit tag on a value that doesn't fit it
            if tag == _TAG + "timestamp" and re.fullmatch(r"\d{4}-\d\d?-\d\d?", typed):
                raise _Refused(node, loc, "date.real", value=typed) from None
            written = tag.replace(_TAG, "!!")
            raise _Refused(node, loc, "yaml.tag_mismatch", value=typed, tag=written) from None
        if isinstance(value, datetime.datetime):
            return typed  # a date with a time of day; the model explains what to write
        return value


# Invisible characters that break the front matter MkDocs reads, or hide text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def _check_text(node: yaml.Node, loc: Loc, text: str) -> None:
    found = _CONTROL.search(text)
    if found:
        raise _Refused(node, loc, "text.control", char=ord(found[0]))


def _check_tag(node: yaml.Node, loc: Loc, allowed: set[str]) -> None:
    if node.tag not in allowed:
        tag = node.tag.replace(_TAG, "!!")
        raise _Refused(node, loc, "yaml.tag", tag=tag)


def _explain_syntax(err: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, dict]:
    """libyaml's wording, turned into a message code a volunteer can act on."""
    problem = (err.problem or "").strip()
    mark = err.problem_mark or err.context_mark
    params: dict[str, Any] = {}
    if "end of stream" in problem and err.context_mark and "quoted" in (err.context or ""):
        mark = err.context_mark  # point at the opening quote, not at the end of the file
        code = "yaml.unclosed"
    elif mark and text[mark.index : mark.index + 1] == "\t":
        code = "yaml.tab"
    elif "expected a single document" in problem or "another document" in problem:
        code = "yaml.documents"
    elif "mapping values are not allowed" in problem:
        code = "yaml.colon"
    elif "nesting depth" in problem:
        code = "yaml.nested_brackets"
    elif "escape" in problem or "hexdecimal" in problem:
        code = "yaml.escape"
    elif "undefined alias" in problem:
        code = "yaml.alias"
    else:
        code, params = "yaml.other", {"detail": shown(problem or err.context or "")}
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return line, column, code, params
