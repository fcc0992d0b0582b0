"""Problems found in content: collected across all files, reported once.

Raised by nobody directly: the loaders and validators return lists of
`Problem`; `build` and `check` raise `ContentInvalid` when any are left.
"""

from __future__ import annotations

import errno
import re
from dataclasses import dataclass

from generator.messages import Count, Msg, t, with_hint

MAX_PER_FILE = 20
"""Problems printed for one file; then one line counts the rest ("and N more problems")."""


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
    omitted: int = 0
    """On an "and N more problems" line: the N problems it stands for (and is not one itself)."""

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
        text = text if where else message  # a line about several files names none
        return with_hint(text, hint)

    __str__ = render

    def sort_key(self) -> tuple[str, bool, int, int, tuple[tuple[int, int | str], ...], str]:
        return (
            self.file,
            self.omitted > 0,  # "and N more" comes after the file's other problems
            self.line,
            self.column,
            # season[2] before season[10]: aliases put many values at one line and column
            tuple(
                (0, int(n)) if n[0] in "0123456789" else (1, n)
                for n in re.findall(r"[0-9]+|[^0-9]+", self.field)
            ),
            self.message.code if self.message else "",
        )


def more(file: str, omitted: int) -> Problem:
    """The line standing for `omitted` problems of `file` left out of the report."""
    return Problem(
        file,
        message=t("problems.more", count=Count(omitted)),
        hint=t("problems.more.hint"),
        omitted=omitted,
    )


def count(problems: list[Problem]) -> int:
    """How many problems the list holds, counting those an "and N more" line stands for."""
    return sum(p.omitted or 1 for p in problems)


class ContentInvalid(Exception):
    """Raised by `generator.content.load` when content has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{count(problems)} problem(s) in content")
        self.problems = sorted(problems, key=Problem.sort_key)


class _OneMessage(Exception):
    """A failure told in one catalogue message, in the language of the moment."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.code)
        self.message = message

    def __str__(self) -> str:
        return str(self.message)


class BuildFailed(_OneMessage):
    """Raised by `generator.output` when the build can't finish; the previous site is
    left as it was."""


class Refused(_OneMessage):
    """A command cannot do what was asked, for a reason the person can act on (a git
    revision that does not exist, say). The command line shows it as one line."""


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
