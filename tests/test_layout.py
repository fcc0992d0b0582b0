"""The package layout holds: each package imports only from packages below it, and
`check` loads only what checking needs.

Layers, lowest first (docs/architecture.md draws them):

    messages  <-  problems  <-  content  <-  photos  <-  web | printed | authoring
                        <-  output  <-  pipeline  <-  cli
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "generator"

RANK = {
    "messages": 0,
    "problems": 1,
    "content": 2,
    "photos": 3,
    "web": 4,
    "printed": 4,
    "authoring": 4,
    "output": 5,
    "pipeline": 6,
    "cli": 7,
    "__main__": 8,
}


def part_of(module: str) -> str:
    """`generator.web.render` -> `web`."""
    return module.split(".")[1]


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).with_suffix("")
        if rel.name == "__init__":
            rel = rel.parent
        name = ".".join(rel.parts)
        if name != "generator":
            found.append((name, path))
    return found


def imported(path: Path, text: str | None = None) -> set[str]:
    """Every `generator.…` module the file imports, at the top or inside a function
    (`text`: the file's source, when it is not read from `path`)."""
    out = set()
    source = text if text is not None else path.read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("generator.")}
        elif isinstance(node, ast.ImportFrom) and node.level:  # `from ..web import x`
            here = path.relative_to(ROOT).with_suffix("").parts
            base = ".".join(here[: len(here) - node.level])
            out.add(f"{base}.{node.module}" if node.module else base)
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "generator":
                out |= {f"generator.{a.name}" for a in node.names}
            elif node.module.startswith("generator."):
                out.add(node.module)
    return out


def test_every_module_belongs_to_a_layer() -> None:
    assert {part_of(name) for name, _ in modules()} == set(RANK)


@pytest.mark.parametrize("name,path", modules(), ids=[name for name, _ in modules()])
def test_imports_point_down_only(name: str, path: Path) -> None:
    mine = part_of(name)
    wrong = sorted(
        target
        for target in imported(path)
        if part_of(target) != mine and RANK[part_of(target)] >= RANK[mine]
    )
    assert not wrong, f"{name} ({mine}) imports from its own layer or above: {wrong}"


def test_the_check_finds_an_upward_import(tmp_path: Path) -> None:
    """The AST reading above sees a lazy import inside a function, too."""
    module = tmp_path / "x.py"
    module.write_text("def f():\n    from generator.web import render\n")
    assert imported(module) == {"generator.web"}
    relative = "def f():\n    from ..web import render\n"  # in generator/content/
    assert imported(PACKAGE / "content" / "probe.py", relative) == {"generator.web"}


def loaded_after(code: str) -> set[str]:
    """The `generator.…` and other modules a fresh interpreter holds after `code`."""
    probe = f"{code}\nimport sys\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


@pytest.mark.parametrize("package", [p for p in RANK if RANK[p] not in (0, 1, 8)])
def test_importing_a_package_loads_nothing_above_it(package: str) -> None:
    """What the reading above could miss (an import made by a name built at run time)."""
    mine = [name for name, _ in modules() if part_of(name) == package]
    loaded = loaded_after("\n".join(f"import {name}" for name in mine))
    parts = {part_of(m) for m in loaded if m.startswith("generator.")}
    assert {p for p in parts if p != package and RANK[p] >= RANK[package]} == set()


def test_check_loads_no_renderer_no_mkdocs_no_photo_pool() -> None:
    """`check` runs on every pull request and every save: it must not pay for the build."""
    loaded = loaded_after(
        "from click.testing import CliRunner\n"
        "from generator.cli import main\n"
        "result = CliRunner().invoke(main, ['check'])\n"
        "assert result.exit_code == 0, result.output\n"
    )
    heavy = {
        "mkdocs",
        "jinja2",
        "typst",
        "pypdf",
        "segno",
        "concurrent.futures.process",
        "generator.web",
        "generator.printed",
        "generator.output",
        "generator.pipeline",
        "generator.photos.publish",
    }
    assert heavy & loaded == set()
    assert "generator.photos.inspect" in loaded  # the sample names photos: they are judged


def test_no_function_is_longer_than_a_screenful_or_so() -> None:
    """80 lines at most, the message catalogue apart (a table, not logic)."""
    long = []
    for name, path in modules():
        if name == "generator.messages":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > 80:
                    long.append(f"{name}.{node.name}: {lines} lines")
    assert not long
