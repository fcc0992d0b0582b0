"""Read one YAML file into plain data plus the line/column of every value.

A broken file is a value (a list of `Problem`), never an exception, so one bad
file never hides the problems of the others. Limits keep hostile input cheap.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.problems import Problem

try:  # libyaml is ~8x faster and still gives marks; the pure loader is a fallback
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - wheels ship libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

MAX_BYTES = 1_000_000  # a vendor file is a few KB; anything this big is a mistake
MAX_DEPTH = 20  # the format nests three levels deep
MAX_VALUES = 50_000  # bounds alias expansion ("billion laughs")

Loc = tuple[str | int, ...]

_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp")}


@dataclass
class Document:
    """One parsed file: its data and where each value stands in the text."""

    path: Path
    display: str
    data: dict[str, Any]
    marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, column) of each value, keyed by its location."""
    key_marks: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    """1-based (line, column) of each mapping key, keyed by the key's location."""

    def where(self, loc: Loc, *, key: bool = False) -> tuple[int, int]:
        """Position of `loc`, or of its nearest enclosing value that has one."""
        if key and loc in self.key_marks:
            return self.key_marks[loc]
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.marks:
                return self.marks[loc[:end]]
        return (0, 0)

    def problem(self, loc: Loc, message: str, hint: str, *, key: bool = False) -> Problem:
        line, column = self.where(loc, key=key)
        return Problem(self.display, line, column, field_name(loc), message, hint)


def field_name(loc: Loc) -> str:
    """`("products", 2, "price")` -> `products[2].price`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class _Refused(Exception):
    """A value the loader will not construct; becomes a located `Problem`."""

    def __init__(self, node: yaml.Node, loc: Loc, message: str, hint: str) -> None:
        self.node, self.loc, self.message, self.hint = node, loc, message, hint


def _pos(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def load_document(path: Path, display: str) -> Document | list[Problem]:
    def whole(message: str, hint: str, line: int = 0, column: int = 0) -> list[Problem]:
        return [Problem(display, line, column, "", message, hint)]

    try:
        size = path.stat().st_size  # before reading: a huge file is refused unread
        if size > MAX_BYTES:
            return whole(
                f"file is too large ({size:,} bytes, at most {MAX_BYTES:,})",
                "a catalogue file holds a few kilobytes of text; split or shorten it",
            )
        raw = path.read_bytes()
    except OSError as err:
        return whole(
            f"cannot read the file ({err.strerror})", "check that it exists and is readable"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = raw.count(b"\n", 0, err.start) + 1
        column = err.start - (raw.rfind(b"\n", 0, err.start) + 1) + 1
        return whole(
            f"the file is not UTF-8 text (byte 0x{raw[err.start]:02x} cannot be read)",
            "open it in your editor and save it with the encoding UTF-8",
            line,
            column,
        )
    if "\x00" in text:
        return whole("the file contains binary data, not text", "replace it with a YAML text file")

    loader = SafeLoader(text)
    doc = Document(path, display, {})
    try:
        node = loader.get_single_node()
        if node is None:
            return whole(
                "the file holds no fields (it is empty, or only comments)",
                "write the fields of this file (see the field reference), or delete the file",
            )
        data = _Builder(loader, doc).value(node, ())
    except yaml.reader.ReaderError as err:
        code = err.character if isinstance(err.character, int) else ord(err.character)
        encoded = text.encode("utf-8")  # libyaml counts bytes, volunteers count characters
        line_start = encoded.rfind(b"\n", 0, err.position) + 1
        line = encoded.count(b"\n", 0, err.position) + 1
        column = len(encoded[line_start : err.position].decode("utf-8", "replace")) + 1
        return whole(
            f"the file holds an invisible control character (U+{code:04X})",
            "delete it, or retype the text around it",
            line,
            column,
        )
    except yaml.MarkedYAMLError as err:
        line, column, message, hint = _explain_syntax(err, text)
        return whole(message, hint, line, column)
    except _Refused as err:
        line, column = _pos(err.node)
        return [Problem(display, line, column, field_name(err.loc), err.message, err.hint)]
    except RecursionError:
        return whole(
            f"values are nested too deeply (at most {MAX_DEPTH} levels)",
            "check the indentation: the format nests only a few levels",
        )
    finally:
        loader.dispose()
    if not isinstance(data, dict):
        return whole(
            "the file must hold fields (`name: …`), but it holds "
            + ("a list" if isinstance(data, list) else "a single value"),
            "start the file with `name: …` at the left margin, without `- ` in front",
            *_pos(node),
        )
    doc.data = data
    return doc


class _Builder:
    """Builds plain data from the node tree, recording each value's position."""

    def __init__(self, loader: Any, doc: Document) -> None:
        self.loader, self.doc, self.count = loader, doc, 0

    def value(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _Refused(
                node,
                loc,
                f"too many values (more than {MAX_VALUES:,}; anchors and aliases expand to copies)",
                "remove the `&` anchors and `*` aliases",
            )
        if len(loc) > MAX_DEPTH:
            raise _Refused(
                node,
                loc,
                f"values are nested too deeply (at most {MAX_DEPTH} levels)",
                "check the indentation: the format nests only a few levels",
            )
        self.doc.marks[loc] = _pos(node)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            _check_tag(node, loc, {_TAG + "seq"})
            return [self.value(item, (*loc, i)) for i, item in enumerate(node.value)]
        return self.scalar(node, loc)

    def mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any]:
        _check_tag(node, loc, {_TAG + "map"})
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _TAG + "merge":
                raise _Refused(
                    key_node, loc, "`<<` merge keys are not supported", "write the fields out"
                )
            # A field name is the word as typed: `yes:` stays "yes", not True.
            if not isinstance(key_node, yaml.ScalarNode) or not key_node.value.strip():
                raise _Refused(
                    key_node, loc, "a field name must be a plain word", "write `name: value`"
                )
            _check_tag(key_node, loc, _SCALAR_TAGS)
            key = key_node.value
            _check_text(key_node, loc, key)
            if key in out:
                first = self.doc.key_marks[(*loc, key)][0]
                raise _Refused(
                    key_node,
                    (*loc, key),
                    f"field `{key}` appears twice in the same group (first on line {first})",
                    "keep only one of them",
                )
            self.doc.key_marks[(*loc, key)] = _pos(key_node)
            out[key] = self.value(value_node, (*loc, key))
        return out

    def scalar(self, node: yaml.ScalarNode, loc: Loc) -> Any:
        _check_tag(node, loc, _SCALAR_TAGS)
        typed = node.value
        _check_text(node, loc, typed)
        # YAML 1.1 reads `15.000` as 15.0 and `8:00` as 480; keep what the volunteer typed
        # so prices and times are parsed by rules that know how people here write them.
        # Likewise `0812…`, `0000000000012` (read as octal) and `+62…` stay as typed.
        if node.tag == _TAG + "float" or (
            node.tag == _TAG + "int" and (":" in typed or typed[:1] in "0+" and len(typed) > 1)
        ):
            return typed
        try:
            value = self.loader.construct_object(node)
        except Exception:  # noqa: BLE001 - an explicit tag on a value that doesn't fit it
            if node.tag == _TAG + "timestamp" and re.fullmatch(r"\d{4}-\d\d?-\d\d?", typed):
                raise _Refused(
                    node, loc, f"`{typed}` is not a real date", "check the day and the month"
                ) from None
            tag = node.tag.replace(_TAG, "!!")
            raise _Refused(
                node, loc, f"`{typed}` does not fit the tag `{tag}`", f"remove `{tag}`"
            ) from None
        if isinstance(value, datetime.datetime):
            return typed  # a date with a time of day; the model explains what to write
        return value


# Invisible characters that break the front matter MkDocs reads, or hide text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\u202a-\u202e\u2066-\u2069]")


def _check_text(node: yaml.Node, loc: Loc, text: str) -> None:
    found = _CONTROL.search(text)
    if found:
        raise _Refused(
            node,
            loc,
            f"the text holds an invisible control character (U+{ord(found[0]):04X})",
            "retype the text; copying from some apps adds such characters",
        )


def _check_tag(node: yaml.Node, loc: Loc, allowed: set[str]) -> None:
    if node.tag not in allowed:
        tag = node.tag.replace(_TAG, "!!")
        raise _Refused(
            node,
            loc,
            f"the YAML tag `{tag}` is not allowed",
            "remove the tag in front of the value",
        )


def _explain_syntax(err: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, str]:
    """libyaml's wording, turned into what a volunteer can act on."""
    problem = (err.problem or "").strip()
    mark = err.problem_mark or err.context_mark
    if "end of stream" in problem and err.context_mark and "quoted" in (err.context or ""):
        mark = err.context_mark  # point at the opening quote, not at the end of the file
        message, hint = (
            "a quoted text is not closed",
            "end the text with the same quote it starts with",
        )
    elif mark and text[mark.index : mark.index + 1] == "\t":
        message, hint = (
            "a tab character is used for indentation",
            "indent with spaces only (two per level)",
        )
    elif "expected a single document" in problem or "another document" in problem:
        message, hint = (
            "the file holds more than one YAML document (a `---` line)",
            "remove the `---` line; one file holds one vendor or event",
        )
    elif "mapping values are not allowed" in problem:
        message, hint = (
            "a `: ` appears where YAML does not expect it",
            "put text that contains `: ` in double quotes, or fix the indentation",
        )
    elif "nesting depth" in problem:
        message, hint = (
            "values are nested too deeply",
            "check the brackets and the indentation: the format nests only a few levels",
        )
    elif "escape" in problem or "hexdecimal" in problem:
        message, hint = (
            "a `\\` inside double quotes starts an escape code",
            "put the text in single quotes instead, e.g. 'C:\\foto', or write `\\\\`",
        )
    elif "undefined alias" in problem:
        message, hint = "an alias `*…` names no anchor", "remove the `*` alias"
    else:
        message = f"the YAML cannot be read ({problem or err.context})"
        hint = "check the indentation and the quotes on this line and the line before"
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    return line, column, message, hint
