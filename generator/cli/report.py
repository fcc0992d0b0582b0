"""Problems printed for people (text), for GitHub's annotations, and for other tools (json)."""

from __future__ import annotations

import json
from itertools import groupby

from generator.messages import Count, t, with_hint
from generator.problems import MAX_PER_FILE, Problem, count, more

FORMATS = ("text", "github", "json")
MAX_PROBLEMS = 100  # in all, so that output stays a few kilobytes however many files are broken


def capped(problems: list[Problem]) -> list[Problem]:
    """The problems worth printing (sorted by file): at most `MAX_PER_FILE` of each file and
    `MAX_PROBLEMS` in all, each cut followed by a line counting what was left out."""
    out: list[Problem] = []
    hidden, hidden_files = 0, 0
    for file, group in groupby(problems, key=lambda p: p.file):
        items = list(group)
        found = [p for p in items if not p.omitted]
        omitted = sum(p.omitted for p in items)
        room = min(MAX_PER_FILE, MAX_PROBLEMS - len(out))
        if room <= 0:
            hidden, hidden_files = hidden + len(found) + omitted, hidden_files + 1
            continue
        out += found[:room]
        if len(found) + omitted > room:
            out.append(more(file, max(len(found) - room, 0) + omitted))
    if hidden:
        out.append(
            Problem(
                "",
                message=t("problems.more_files", count=Count(hidden), files=Count(hidden_files)),
                hint=t("problems.more.hint"),
            )
        )
    return out


def as_text(problems: list[Problem]) -> str:
    files = len({p.file for p in problems})
    summary = t("cli.summary", problems=Count(count(problems)), files=Count(files))
    return "\n".join(map(str, capped(problems))) + f"\n\n{summary}"


def _data(value: object) -> str:
    # GitHub's workflow-command escaping (actions/toolkit, command.ts)
    return str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: object) -> str:
    return _data(value).replace(":", "%3A").replace(",", "%2C")


def as_github(problems: list[Problem]) -> str:
    """One `::error` line per problem: an annotation on the changed line of a pull request."""
    lines = []
    for p in capped(problems):
        props = [f"file={_property(p.file)}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.column:
            props.append(f"col={p.column}")
        props.append(f"title={_property(p.field or p.file)}")
        lines.append(f"::error {','.join(props)}::{_data(with_hint(*p.text()))}")
    return "\n".join(lines)


def as_json(problems: list[Problem]) -> str:
    rows = []
    for p in capped(problems):
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
