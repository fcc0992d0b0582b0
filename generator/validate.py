"""Turn parsed documents into models; every problem becomes a located `Problem`."""

from __future__ import annotations

import datetime
import difflib
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.model import MONTH_RANGE, RT_RANGE
from generator.source import Document, Loc

M = TypeVar("M", bound=BaseModel)

_KIND_WORD = {
    datetime.date: "a date",
    dict: "a group of fields",
    list: "a list",
    str: "text",
    int: "a number",
    float: "a number",
    bool: "true/false",
    type(None): "nothing",
}


def to_model(doc: Document, model: type[M]) -> tuple[M | None, list]:
    """Validate `doc` against `model`; return the model or the problems."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as err:
        return None, [_problem(doc, model, e) for e in err.errors(include_url=False)]


def _problem(doc: Document, model: type[BaseModel], error: Any) -> Any:
    loc: Loc = tuple(error["loc"])
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    name = loc[-1] if loc else ""
    got = _KIND_WORD.get(type(value), "something else")
    # How to write a value here: `name: …` for a field, `- …` for a list item.
    write = f"`{name}: " if isinstance(name, str) else "`- "
    if kind == "content":
        return doc.problem(loc, ctx["message"], ctx["hint"])
    if kind == "missing":
        return doc.problem(loc, "required field is missing", f"add `{name}: …` to {_owner(loc)}")
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
        hint = f"did you mean `{close[0]}`?" if close else "allowed fields: " + ", ".join(allowed)
        return doc.problem(loc, f"unknown field `{name}`", hint, key=True)
    if kind in ("string_type",):
        return doc.problem(
            loc,
            f"expected text, got {got}",
            f'write text, in double quotes if it looks like a number or a date: {write}"…"`',
        )
    if kind == "string_too_short":
        return doc.problem(loc, "is empty", "write a value, or remove the line")
    if kind == "string_too_long":
        return doc.problem(
            loc,
            f"is too long ({len(value)} characters, at most {ctx['max_length']})",
            "shorten the text",
        )
    if kind == "string_pattern_mismatch":
        return doc.problem(
            loc,
            f"`{value}` is not a valid label",
            "use letters, digits and `-` only, e.g. `A1` or `B12`",
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return doc.problem(
            loc,
            f"expected a whole number, got `{value}`",
            f"write digits only, e.g. {write}6`",
        )
    if kind in ("greater_than_equal", "less_than_equal"):
        return doc.problem(loc, f"`{value}` is out of range", _range_hint(loc))
    if kind in ("bool_type", "bool_parsing"):
        return doc.problem(
            loc,
            f"expected true or false, got `{value}`",
            f"write `{name}: true` or `{name}: false`",
        )
    if kind in ("list_type",):
        return doc.problem(
            loc, f"expected a list, got {got}", "put each item on its own line starting with `- `"
        )
    if kind == "too_short":
        return doc.problem(loc, "the list is empty", "add at least one item")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return doc.problem(
            loc,
            f"expected a group of fields (`name: …`), got {got}",
            "write the fields on their own lines, indented under this one",
        )
    if kind == "enum":
        return doc.problem(
            loc,
            f"`{value}` is not allowed here",
            f"write one of: {ctx.get('expected', '').replace(chr(39), '')}",
        )
    return doc.problem(loc, error["msg"], "see the field reference (Format data) in the README")


def _owner(loc: Loc) -> str:
    if len(loc) >= 3 and loc[0] == "products":
        return f"product [{loc[1]}]"
    if len(loc) >= 3 and loc[0] == "stalls":
        return f"stall [{loc[1]}]"
    if len(loc) >= 3:
        return f"{loc[0]}[{loc[1]}]"
    return "the file"


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel]:
    """The nested model that holds the field at `loc` (for did-you-mean lists)."""
    for part in loc:
        if isinstance(part, int):
            continue
        annotation = model.model_fields[str(part)].annotation
        for arg in getattr(annotation, "__args__", ()) or (annotation,):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                model = arg
                break
    return model


def _fields_at(model: type[BaseModel], loc: Loc) -> list[str]:
    return list(_model_at(model, loc).model_fields)


_RANGES = {"rt": RT_RANGE, "rw": RT_RANGE, "season": MONTH_RANGE}


def _range_hint(loc: Loc) -> str:
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    low, high = _RANGES.get(name, (1, 99))
    return f"write a number from {low} to {high}"
