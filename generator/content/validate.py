"""Turn parsed documents into models; every problem becomes a located `Problem`."""

from __future__ import annotations

import datetime
import difflib
import re
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.content.model import MONTH_RANGE, RT_RANGE
from generator.content.source import Document, Loc
from generator.messages import Msg, message_and_hint, t
from generator.problems import MAX_PER_FILE, Problem, more

M = TypeVar("M", bound=BaseModel)

_KIND_WORD = {
    datetime.date: "kind.date",
    dict: "kind.mapping",
    list: "kind.list",
    str: "kind.text",
    int: "kind.number",
    float: "kind.number",
    bool: "kind.bool",
    type(None): "kind.none",
}


def to_model(doc: Document, model: type[M]) -> tuple[M | None, list]:
    """Validate `doc` against `model`; return the model or the problems."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as err:
        errors = err.errors(include_url=False)
    if len(errors) <= MAX_PER_FILE:
        return None, [_problem(doc, model, e) for e in errors]
    # Aliases can make tens of thousands of copies of one mistake: put into words only
    # those the report shows (the first in the file), and count the rest.
    errors.sort(key=lambda e: doc.where(tuple(e["loc"])))
    first = [_problem(doc, model, e) for e in errors[:MAX_PER_FILE]]
    return None, [*first, more(doc.display, len(errors) - MAX_PER_FILE)]


def _problem(doc: Document, model: type[BaseModel], error: Any) -> Problem:
    loc: Loc = tuple(error["loc"])
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    name = loc[-1] if loc else ""
    got = t(_KIND_WORD.get(type(value), "kind.other"))
    # How to write a value here: `name: …` for a field, `- …` for a list item.
    write = f"`{name}: " if isinstance(name, str) else "`- "

    def say(code: str, **params: Any) -> Problem:
        return doc.problem(loc, *message_and_hint(code, **params))

    if kind == "content":
        return doc.problem(loc, ctx["message"], ctx["hint"])
    if kind == "missing":
        return doc.problem(
            loc, t("field.missing"), t("field.missing.hint", name=name, owner=_owner(loc))
        )
    if kind == "extra_forbidden":
        allowed = _fields_at(model, loc[:-1])
        close = difflib.get_close_matches(str(name), allowed, n=1, cutoff=0.6)
        hint = (
            t("field.did_you_mean", close=close[0])
            if close
            else t("field.allowed", allowed=", ".join(allowed))
        )
        return doc.problem(loc, t("field.unknown", name=name), hint, key=True)
    if kind == "string_type":
        return say("type.text", got=got, write=write)
    if kind == "string_too_short":
        return say("text.empty")
    if kind == "string_too_long":
        return say("text.too_long", length=len(value), max=ctx["max_length"])
    if kind == "string_pattern_mismatch":
        return say("stall.label", value=value)
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return say("type.integer", value=value, write=write)
    if kind in ("greater_than_equal", "less_than_equal", "int_parsing_size"):
        low, high = _RANGES.get(
            next((p for p in reversed(loc) if isinstance(p, str)), ""), RT_RANGE
        )
        return say("number.range", value=value, low=low, high=high)
    if kind in ("bool_type", "bool_parsing"):
        return say("type.bool", value=value, name=name)
    if kind == "list_type":
        return say("type.list", got=got)
    if kind == "too_short" and ctx.get("min_length", 1) > 1 and ctx.get("actual_length"):
        return say("list.too_short", min=ctx["min_length"], actual=ctx["actual_length"])
    if kind == "too_short":
        return say("list.empty")
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return say("type.mapping", got=got)
    if kind == "enum":
        return doc.problem(
            loc,
            t("choice.invalid", value=value),
            t(
                "choice.one_of",
                choices=", ".join(re.findall(r"'([^']*)'", ctx.get("expected", ""))),
            ),
        )
    return doc.problem(loc, t("other", detail=error["msg"]), t("other.hint"))


def _owner(loc: Loc) -> Msg:
    if len(loc) >= 3 and loc[0] == "products":
        return t("owner.product", index=loc[1])
    if len(loc) >= 3 and loc[0] == "stalls":
        return t("owner.stall", index=loc[1])
    if len(loc) >= 3:
        return t("owner.item", group=loc[0], index=loc[1])
    return t("owner.file")


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
