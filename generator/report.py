"""Problems printed for people (text), for GitHub's annotations, and for other tools (json)."""

from __future__ import annotations

import json

from generator.messages import t
from generator.problems import Problem

FORMATS = ("text", "github", "json")


def as_text(problems: list[Problem]) -> str:
    files = len({p.file for p in problems})
    summary = t("cli.summary", problems=len(problems), files=files)
    return "\n".join(map(str, problems)) + f"\n\n{summary}"


def _data(value: object) -> str:
    # GitHub's workflow-command escaping (actions/toolkit, command.ts)
    return str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: object) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: list[Problem]) -> str:
    """One `::error` line per problem: an annotation on the changed line of a pull request."""
    lines = []
    for p in problems:
        message, hint = p.text()
        props = [f"file={_property(p.file)}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.column:
            props.append(f"col={p.column}")
        props.append(f"title={_property(p.field or p.file)}")
        body = f"{message} — {hint}" if hint else message
        lines.append(f"::error {','.join(props)}::{_data(body)}")
    return "\n".join(lines)


def as_json(problems: list[Problem]) -> str:
    rows = []
    for p in problems:
        message, hint = p.text()
        rows.append(
            {
                "file": p.file,
                "line": p.line,
                "column": p.column,
                "field": p.field,
                "code": p.message.code if p.message else "",
                "message": message,
                "hint": hint,
            }
        )
    return json.dumps({"ok": not rows, "problems": rows}, ensure_ascii=False, indent=2)
