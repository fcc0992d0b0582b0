"""Problems found in content: collected across all files, reported once.

Raised by nobody directly: the loaders and validators return lists of
`Problem`; `build` and `check` raise `ContentInvalid` when any are left.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    """Path as the volunteer knows it, e.g. `content/vendors/amplang.yml`."""
    line: int = 0
    """1-based line of the offending value; 0 when the whole file is at fault."""
    column: int = 0
    """1-based column of the offending value; 0 when unknown."""
    field: str = ""
    """Where in the file, e.g. `products[2].price`; empty for the whole file."""
    message: str = ""
    """What is wrong."""
    hint: str = ""
    """How to fix it."""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column}" if self.column else f":{self.line}"
        text = (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )
        return f"{text} — {self.hint}" if self.hint else text


class ContentInvalid(Exception):
    """Raised by `generator.build` when content has problems; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in content")
        self.problems = sorted(problems)


class BuildFailed(Exception):
    """Raised by `generator.site` when MkDocs fails; the previous site is left as it was."""


_OS_ADVICE = {
    errno.ENOSPC: "the disk is full: free some space, then build again",
    errno.EDQUOT: "the disk quota is used up: free some space, then build again",
    errno.EACCES: "no permission to write there: choose another folder or fix its permissions",
    errno.EPERM: "no permission to write there: choose another folder or fix its permissions",
    errno.EROFS: "the folder is on a read-only disk: choose another folder",
}


def os_failure(err: OSError, path: object) -> BuildFailed:
    """One clear line for a failure of the machine rather than of the content."""
    advice = _OS_ADVICE.get(err.errno or 0, "check the folder and the disk, then build again")
    return BuildFailed(f"cannot write {path} ({err.strerror or err}); {advice}")
