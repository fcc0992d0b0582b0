"""Each folder under cases/invalid/ is laid over the fixture catalogue and must be
refused with exactly the messages in its expected.txt (`--update-golden` rewrites them)."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator.messages import LANGUAGES
from generator.photos.inspect import load_with_photos
from generator.problems import ContentInvalid, Problem

CASES = Path(__file__).parent / "cases" / "invalid"


def problems_for(case: Path, content: Path) -> list[Problem]:
    for source in sorted(case.rglob("*")):
        target = content / source.relative_to(case)
        if source.name.startswith("expected.") or source.is_dir():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():  # a link out of content/ is itself a case: copy the link
            target.symlink_to(source.readlink())
        else:
            shutil.copyfile(source, target)
    with pytest.raises(ContentInvalid) as caught:
        load_with_photos(Path("content"))
    return caught.value.problems


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()), ids=str)
def test_invalid_case(case: str, lang: str, content: Path, update_golden: bool) -> None:
    """expected.txt holds the Indonesian messages (the default), expected.en.txt the English."""
    expected_file = CASES / case / ("expected.txt" if lang == "id" else f"expected.{lang}.txt")
    actual = [p.render(lang) for p in problems_for(CASES / case, content)]
    if update_golden:
        expected_file.write_text("\n".join(actual) + "\n", encoding="utf-8")
    assert actual == expected_file.read_text(encoding="utf-8").splitlines()


def test_fixture_itself_is_valid(content: Path) -> None:
    loaded = load_with_photos(Path("content"))
    assert sorted(loaded.vendors) == ["amplang-uji", "kebun-uji", "kue-tanpa-rt"]


# How Python runs code or another program, as its audit events name it. A first import also
# compiles and runs a module: the test loads a refused file once before it listens.
RUNS_CODE = frozenset(
    {
        "os.system",
        "os.exec",
        "os.posix_spawn",
        "os.spawn",
        "os.fork",
        "os.forkpty",
        "pty.spawn",
        "subprocess.Popen",
        "ctypes.dlopen",
        "compile",
        "exec",
        "import",
    }
)
_heard: list[str] | None = None  # a list only while a test listens


def _listen(event: str, args: tuple) -> None:
    if _heard is None:
        return
    writes = event == "open" and isinstance(args[2], int) and args[2] & (os.O_WRONLY | os.O_RDWR)
    if event in RUNS_CODE or writes:
        _heard.append(f"{event}{args!r:.150}")


@functools.cache
def _install() -> None:
    sys.addaudithook(_listen)  # for the rest of the session: an audit hook can't be removed


@contextlib.contextmanager
def code_that_runs() -> Iterator[list[str]]:
    """What ran, or was written to disk, in this process (any thread) within the block."""
    global _heard
    _install()
    _heard = heard = []
    try:
        yield heard
    finally:
        _heard = None


def _tagged(case: str) -> str:
    return (CASES / case / "vendors" / "bad.yml").read_text("utf-8")


PYTHON_TAGS = {
    "apply-os-system": _tagged("abuse-python-tag"),
    "new-os-system-in-a-list": _tagged("abuse-python-tag-list"),
    "subprocess": 'name: !!python/object/apply:subprocess.Popen [["true"]]\n',
    "exec": 'name: !!python/object/apply:builtins.exec ["import os"]\n',
    "verbatim-tag": 'name: !<tag:yaml.org,2002:python/object/apply:os.system> ["true"]\n',
    "keyword-form": 'name: !!python/object/apply:os.system {args: ["true"]}\n',
    "write-a-file": 'name: !!python/object/apply:builtins.open ["tertulis.txt", "w"]\n',
    "nested": 'name: Toko\nproducts:\n  - name: !!python/object/new:os.system ["true"]\n',
}


@pytest.mark.parametrize("payload", PYTHON_TAGS.values(), ids=PYTHON_TAGS.keys())
def test_python_tag_never_runs(payload: str, content: Path) -> None:
    bad = content / "vendors" / "bad.yml"
    bad.write_text("name: !tanda Toko\n", "utf-8")  # the refusal's own imports, before listening
    with pytest.raises(ContentInvalid):
        load_with_photos(Path("content"))
    bad.write_text(payload, "utf-8")
    with code_that_runs() as ran, pytest.raises(ContentInvalid) as caught:
        load_with_photos(Path("content"))
    assert ran == []
    (problem,) = [p for p in caught.value.problems if p.file == "content/vendors/bad.yml"]
    assert problem.message and problem.message.code == "yaml.tag"
    assert "python/object/" in problem.render()


def test_example_on_the_join_page_is_a_valid_vendor(content: Path) -> None:
    """Volunteers copy this example; it must pass the checks it describes."""
    page = (Path(__file__).parent / "golden" / "bergabung.md").read_text("utf-8")
    example = page.split("```yaml\n", 1)[1].split("```", 1)[0]
    (content / "vendors" / "contoh.yml").write_text(example, encoding="utf-8")
    loaded = load_with_photos(Path("content"))
    assert loaded.vendors["contoh"].products[1].price == 35000


@pytest.mark.parametrize("case", sorted(p.name for p in CASES.iterdir()), ids=str)
def test_every_case_through_the_command_line(case: str, content: Path) -> None:
    """As a volunteer or CI runs `check`: exit code 1, the file named first, no traceback."""
    from click.testing import CliRunner

    from generator.cli import main

    problems_for(CASES / case, content)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert result.output.startswith("content/")
    assert result.output.rstrip().endswith("perbaiki, lalu jalankan perintahnya lagi.")


@pytest.mark.slow
def test_a_30_mb_file_is_refused_before_it_is_parsed(content: Path) -> None:
    from test_cli import run

    with (content / "vendors" / "besar.yml").open("w") as f:
        f.write('name: x\ndescription: "' + "a" * 30_000_000 + '"\n')
    result = run("check", cwd=content.parent)
    assert result.returncode == 1
    assert result.stderr.startswith(
        "content/vendors/besar.yml: berkas terlalu besar (30.000.024 bita, paling besar 1.000.000)"
    )


def test_a_content_folder_linked_out_of_content_is_not_read(content: Path, tmp_path: Path) -> None:
    """`events -> /somewhere/else`: nothing there is read, and one line says why."""
    elsewhere = tmp_path / "di-luar"
    shutil.move(content / "events", elsewhere)
    (elsewhere / "Bocor.txt").write_text("rahasia", "utf-8")
    (content / "events").symlink_to(elsewhere)
    assert [
        p.render("id") for p in problems_for(CASES / "value-file-name-only-extension", content)
    ] == [
        "content/events/: folder ini adalah tautan yang mengarah ke luar content/ — "
        "salin isinya sendiri ke sini",
        "content/vendors/..yml: berkas ini tidak punya nama, hanya akhiran `.yml` — beri nama "
        "sesuai nama usahanya, misalnya `toko-bu-sari.yml`",
        "content/vendors/.yml: berkas ini tidak punya nama, hanya akhiran `.yml` — beri nama "
        "sesuai nama usahanya, misalnya `toko-bu-sari.yml`",
    ]
