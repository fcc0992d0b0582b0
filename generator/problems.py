"""Problems found in content: collected across all files, reported once.

Raised by nobody directly: the loaders and validators return lists of
`Problem`; `build` and `check` raise `ContentInvalid` when any are left.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass

from generator.messages import Msg, t


@dataclass(frozen=True)
class Problem:
    file: str
    """Path as the volunteer knows it, e.g. `content/vendors/amplang.yml`."""
    line: int = 0
    """1-based line of the offending value; 0 when the whole file is at fault."""
    column: int = 0
    """1-based column of the offending value; 0 when unknown."""
    field: str = ""
    """Where in the file, e.g. `products[2].price`; empty for the whole file."""
    message: Msg | None = None
    """What is wrong."""
    hint: Msg | None = None
    """How to fix it."""

    def text(self, lang: str | None = None) -> tuple[str, str]:
        """(what is wrong, how to fix it) in `lang`, by default the current language."""
        return (
            self.message.render(lang) if self.message else "",
            self.hint.render(lang) if self.hint else "",
        )

    def render(self, lang: str | None = None) -> str:
        """`file:line:col: field: what is wrong — how to fix it`."""
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        message, hint = self.text(lang)
        text = f"{where}: {self.field}: {message}" if self.field else f"{where}: {message}"
        return f"{text} — {hint}" if hint else text

    __str__ = render

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (
            self.file,
            self.line,
            self.column,
            self.field,
            self.message.code if self.message else "",
        )


class ContentInvalid(Exception):
    """Raised by `generator.load` when content has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in content")
        self.problems = sorted(problems, key=Problem.sort_key)


class BuildFailed(Exception):
    """Raised by `generator.site` and `generator.write` when the build can't finish; the
    previous site is left as it was."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.code)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


_OS_ADVICE = {
    errno.ENOSPC: "os.full",
    errno.EDQUOT: "os.quota",
    errno.EACCES: "os.permission",
    errno.EPERM: "os.permission",
    errno.EROFS: "os.read_only",
}


def os_failure(err: OSError, path: object) -> BuildFailed:
    """One clear line for a failure of the machine rather than of the content."""
    advice = t(_OS_ADVICE.get(err.errno or 0, "os.other"))
    return BuildFailed(
        t("build.cannot_write", path=path, reason=err.strerror or err, advice=advice)
    )
