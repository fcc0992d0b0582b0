"""A volunteer's editor, for real: the YAML language server that VS Code's YAML extension
runs reads our schema line and shows Indonesian hints, category completions and errors."""

from __future__ import annotations

import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT

SERVER = ROOT / "tests/editor/node_modules/yaml-language-server/bin/yaml-language-server"
TIMEOUT = 30  # seconds for any one answer: an editor that takes longer is broken anyway

pytestmark = pytest.mark.slow


class LanguageServer:
    """A minimal Language Server Protocol client over stdio."""

    def __init__(self, root: Path) -> None:
        if not SERVER.exists() or not shutil.which("node"):
            pytest.fail(
                "the YAML language server is missing: npm ci --prefix tests/editor "
                "(make test does this)"
            )
        self.proc = subprocess.Popen(
            ["node", str(SERVER), "--stdio"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        self.ids = 0
        self.notes: list[dict[str, Any]] = []
        self.buffer = b""  # read from the pipe, not yet a whole message
        self.request(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "capabilities": {
                    "workspace": {"configuration": True},
                    "textDocument": {
                        "completion": {"completionItem": {"documentationFormat": ["markdown"]}}
                    },
                },
            },
        )
        self.notify("initialized", {})
        self.notify(
            "workspace/didChangeConfiguration",
            {"settings": {"yaml": {"validate": True, "completion": True, "hover": True}}},
        )

    def send(self, message: dict[str, Any]) -> None:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode()
        assert self.proc.stdin
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def receive(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        """The server's next message; the test fails at `deadline` instead of waiting forever."""
        assert self.proc.stdout
        while True:
            head, found, rest = self.buffer.partition(b"\r\n\r\n")
            if found:
                fields = dict(line.split(b": ", 1) for line in head.split(b"\r\n"))
                length = int(fields[b"Content-Length"])
                if len(rest) >= length:
                    self.buffer = rest[length:]
                    return json.loads(rest[:length])
            # Read the pipe itself: select() knows nothing of a Python buffer in front of it.
            out = self.proc.stdout.fileno()
            if not select.select([out], [], [], max(0, deadline - time.monotonic()))[0]:
                pytest.fail(f"the YAML language server gave no {waiting_for} in {TIMEOUT} s")
            chunk = os.read(out, 65536)
            if not chunk:
                pytest.fail(f"the YAML language server ended before it gave {waiting_for}")
            self.buffer += chunk

    def notify(self, method: str, params: dict[str, Any]) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict[str, Any]) -> Any:
        self.ids += 1
        self.send({"id": self.ids, "method": method, "params": params})
        deadline = time.monotonic() + TIMEOUT
        while True:
            message = self.receive(deadline, f"answer to {method}")
            if message.get("id") == self.ids and "method" not in message:
                return message.get("result")
            if "id" in message and "method" in message:  # the server asks us something
                answer = None
                if message["method"] == "workspace/configuration":
                    answer = [{"validate": True, "completion": True, "hover": True}] * len(
                        message["params"]["items"]
                    )
                self.send({"id": message["id"], "result": answer})
            else:
                self.notes.append(message)

    def diagnostics(self, uri: str) -> list[dict[str, Any]]:
        deadline = time.monotonic() + TIMEOUT
        for _ in range(200):
            for note in self.notes:
                if (
                    note.get("method") == "textDocument/publishDiagnostics"
                    and note["params"]["uri"] == uri
                    and note["params"]["diagnostics"]
                ):
                    return note["params"]["diagnostics"]
            self.notes.append(self.receive(deadline, f"problems for {uri.rsplit('/', 1)[-1]}"))
        return []

    def close(self) -> None:
        self.proc.kill()
        self.proc.wait()


@pytest.fixture(scope="module")
def editor() -> Any:
    server = LanguageServer(ROOT)
    yield server
    server.close()


def open_file(editor: LanguageServer, text: str, name: str = "baru.yml") -> str:
    uri = (ROOT / "content" / "vendors" / name).as_uri()  # never written: the editor's buffer
    editor.notify(
        "textDocument/didOpen",
        {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}},
    )
    return uri


LINE = "# yaml-language-server: $schema=../../schema/vendor.schema.json\n"


def test_category_completes_with_the_catalogues_ids(editor: LanguageServer) -> None:
    uri = open_file(editor, LINE + "name: Toko Baru\ncategory: \n")
    result = editor.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 10}},
    )
    labels = [item["label"] for item in result["items"]]
    assert labels == [
        "makanan",
        "minuman",
        "kerajinan",
        "fesyen",
        "jasa",
        "buah",
        "bunga",
        "sayuran",
    ]


def test_hints_are_in_indonesian(editor: LanguageServer) -> None:
    uri = open_file(editor, LINE + "name: Toko Baru\nproducts:\n  - name: Kue\n    \n", "b.yml")
    hover = editor.request(
        "textDocument/hover",
        {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 1}},
    )
    assert "Nama usaha. Contoh:" in hover["contents"]["value"].replace("\\", "")
    keys = editor.request(
        "textDocument/completion",
        {"textDocument": {"uri": uri}, "position": {"line": 4, "character": 4}},
    )
    docs = {
        i["label"]: json.dumps(i.get("documentation", "")).replace("\\", "") for i in keys["items"]
    }
    assert "price" in docs and "Harga dalam rupiah bulat" in docs["price"]
    assert "season" in docs and "Bulan panen" in docs["season"]


def test_a_wrong_price_is_underlined_while_typing(editor: LanguageServer) -> None:
    uri = open_file(
        editor,
        LINE + "name: Toko\ncategory: makanan\nproducts:\n  - name: Kue\n    price: 15rb\n",
        "c.yml",
    )
    lines = {d["range"]["start"]["line"] for d in editor.diagnostics(uri)}
    assert 5 in lines  # the `price: 15rb` line
