"""What every command shares: its options, and turning failures into messages."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator.cli import report
from generator.messages import t
from generator.problems import BuildFailed, ContentInvalid, Refused

CONTENT = click.option(
    "--content",
    "content_dir",
    default="content",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Folder holding catalogue.yml, vendors/ and events/ (or, for check, a city's kota.yml).",
)
CONFIG = click.option(
    "--config",
    "config_file",
    default="mkdocs.yml",
    show_default=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="MkDocs configuration.",
)


def interactive() -> bool:
    """Progress lines for a person at a terminal; quiet in CI and logs."""
    return sys.stderr.isatty() and not os.environ.get("CI")


def describe(err: BaseException) -> str:
    """What a volunteer reads when something fails: never a traceback."""
    if isinstance(err, ContentInvalid):
        return report.as_text(err.problems)
    if isinstance(err, BuildFailed):
        return str(t("cli.build_failed", detail=err.message))
    if isinstance(err, KeyboardInterrupt | click.exceptions.Abort):
        return str(t("cli.stopped"))
    if isinstance(err, click.ClickException):
        return str(t("cli.error", detail=err.format_message()))
    if isinstance(err, Refused):
        return str(t("cli.error", detail=err))
    return str(t("cli.internal", kind=type(err).__name__, detail=err))


def friendly(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn every failure into a message and exit code 1."""

    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (Exception, KeyboardInterrupt) as err:
            known = isinstance(
                err,
                ContentInvalid
                | BuildFailed
                | Refused
                | KeyboardInterrupt
                | click.ClickException
                | click.exceptions.Abort,
            )
            if os.environ.get("KATALOG_DEBUG") and not known:
                raise
            click.echo(describe(err), err=True)
        sys.exit(1)

    run.__name__, run.__doc__ = command.__name__, command.__doc__
    return run
