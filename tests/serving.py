"""Driving a running `serve`: its address, its pages, and the lines it prints."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error
import urllib.request
from typing import IO

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    """(HTTP status, body). A server that does not answer is an error, not an empty page."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8", "replace")


class Lines:
    """The lines a process writes, read in a thread, so a test can wait for one of them."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[str] = []
        self.ended = False
        self.changed = threading.Condition()
        self.reader = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self.reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            with self.changed:
                self.lines.append(line)
                self.changed.notify_all()
        with self.changed:
            self.ended = True
            self.changed.notify_all()

    def mark(self) -> int:
        with self.changed:
            return len(self.lines)

    def wait_for(self, text: str, since: int, seconds: float = 30) -> int:
        """The number of lines up to the first one after `since` holding `text`."""
        deadline = time.monotonic() + seconds
        with self.changed:
            while True:
                for number in range(since, len(self.lines)):
                    if text in self.lines[number]:
                        return number + 1
                left = deadline - time.monotonic()
                if self.ended or left <= 0:
                    said = "".join(self.lines[since:]) or "nothing\n"
                    why = "it ended" if self.ended else f"{seconds:g} s"
                    pytest.fail(f"no line with {text!r} ({why}); since then it printed:\n{said}")
                self.changed.wait(left)

    def text(self) -> str:
        self.reader.join(timeout=20)
        with self.changed:
            return "".join(self.lines)


def rebuilt(log: Lines, since: int) -> None:
    """Wait until `serve` has regenerated the pages and MkDocs has rebuilt the site."""
    log.wait_for("isi berubah:", since)
    started = log.wait_for("Detected file changes", since)
    log.wait_for("Documentation built in", started)
