"""When the machine, not the content, fails: one clear line, and the site is kept."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from conftest import ROOT
from test_cli import run

pytestmark = pytest.mark.slow


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def tiny_disk(tmp_path: Path):
    """A real 8 MB filesystem: room for one site, not for a second one beside it."""
    mount = tmp_path / "disk"
    mount.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True
    )
    if mounted.returncode != 0:
        reason = "cannot mount a tmpfs here: " + " ".join(mounted.stderr.decode().split())
        if os.environ.get("CI"):
            # CI must run this test: a skip there would hide a broken disk-full path.
            pytest.fail(f"{reason} (CI's container needs CAP_SYS_ADMIN, see check.yml)")
        pytest.skip(reason)
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def build_on(disk: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return run(
        "build", "--config", str(cwd / "mkdocs.yml"), "--site-dir", str(disk / "site"), cwd=cwd
    )


def test_full_disk_and_read_only_disk(content: Path, tmp_path: Path, tiny_disk: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    assert build_on(tiny_disk, tmp_path).returncode == 0
    before = snapshot(tiny_disk / "site")
    ballast = tiny_disk / "ballast"
    ballast.write_bytes(b"\0" * (8 * 2**20 - sum(map(len, before.values())) - 2**20))

    full = build_on(tiny_disk, tmp_path)
    assert full.returncode == 1
    assert "No space left on device); disk penuh: kosongkan sebagian ruang, lalu build lagi" in (
        full.stderr
    )
    assert "Traceback" not in full.stderr
    assert snapshot(tiny_disk / "site") == before
    assert sorted(p.name for p in tiny_disk.iterdir()) == ["ballast", "site"]  # no debris

    ballast.unlink()
    subprocess.run(["mount", "-o", "remount,ro", str(tiny_disk)], check=True)
    read_only = build_on(tiny_disk, tmp_path)
    assert read_only.returncode == 1
    assert "folder itu ada di disk yang hanya-baca: pilih folder lain" in read_only.stderr
    assert snapshot(tiny_disk / "site") == before


# Runs the generator with a disk that refuses writes below `disk`: after `room` writes
# with ENOSPC (a disk that fills up during the build), or at once with EROFS. The kernel's
# own errors, raised where Python asks to write (its audit events), so no mount is needed.
FAULTY_DISK = """
import errno, os, runpy, sys
disk, code, room = sys.argv.pop(1), getattr(errno, sys.argv.pop(1)), int(sys.argv.pop(1))
writes = 0

def refuse(event, args):
    global writes
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        if not args[2] & (os.O_WRONLY | os.O_RDWR):
            return
    elif event not in ("os.mkdir", "os.rename"):
        return
    path = os.path.abspath(os.fsdecode(args[0]))
    if not path.startswith(disk + os.sep):
        return
    if event == "os.mkdir" and os.path.isdir(path):
        return  # the kernel says "exists" before "read-only"
    writes += 1
    if writes > room:
        raise OSError(code, os.strerror(code), path)

sys.addaudithook(refuse)
runpy.run_module("generator", run_name="__main__", alter_sys=True)
"""


def build_on_faulty_disk(
    disk: Path, failure: str, room: int, cwd: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", FAULTY_DISK, str(disk), failure, str(room)]
        + ["build", "--config", str(cwd / "mkdocs.yml"), "--site-dir", str(disk / "site")],
        cwd=cwd,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_disk_that_fills_up_or_is_read_only_keeps_the_site(content: Path, tmp_path: Path) -> None:
    """The same promise as on the tiny disk, on any machine: the write calls fail as the
    kernel would make them fail, and the volunteer reads one line naming the place."""
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    disk = tmp_path / "disk"
    disk.mkdir()
    assert build_on(disk, tmp_path).returncode == 0
    before = snapshot(disk / "site")
    assert len(before) > 20

    # Full after 20 files of the new site: the half-written copy must not stay behind.
    full = build_on_faulty_disk(disk, "ENOSPC", 20, tmp_path)
    assert full.returncode == 1, full.stderr
    staging = re.escape(str(disk)) + r"/\.site-new-[0-9]+-[^/\s]+/\S+"
    assert re.fullmatch(
        f"galat: {staging} tidak bisa ditulis \\(No space left on device\\); disk penuh: "
        "kosongkan sebagian ruang, lalu build lagi\nSitus sebelumnya tidak diubah\\.\n",
        full.stderr,
    ), full.stderr
    assert snapshot(disk / "site") == before
    assert sorted(p.name for p in disk.iterdir()) == ["site"]  # no debris

    read_only = build_on_faulty_disk(disk, "EROFS", 0, tmp_path)
    assert read_only.returncode == 1, read_only.stderr
    assert read_only.stderr == (
        f"galat: {disk} tidak bisa ditulis (Read-only file system); folder itu ada di disk "
        "yang hanya-baca: pilih folder lain\nSitus sebelumnya tidak diubah.\n"
    )
    assert snapshot(disk / "site") == before
    assert sorted(p.name for p in disk.iterdir()) == ["site"]


def test_old_python_gets_one_line() -> None:
    fake = (
        "import sys, runpy; sys.version_info = (3, 9, 2, 'final', 0); "
        "runpy.run_module('generator', run_name='__main__')"
    )
    result = subprocess.run(
        [sys.executable, "-c", fake], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    assert result.stderr == (
        "Generator katalog memerlukan Python 3.11 atau lebih baru, sedangkan ini Python 3.9: "
        "pasang python3 yang lebih baru, lalu jalankan `make site` lagi. "
        "(Needs Python 3.11 or newer.)\n"
    )


def test_killed_build_leaves_the_site_whole(tmp_path: Path) -> None:
    """Kill the build while MkDocs writes the new site: the old one must still be whole."""
    content = tmp_path / "content"
    (content / "vendors").mkdir(parents=True)
    (content / "events").mkdir()
    (content / "catalogue.yml").write_text(
        (ROOT / "tests/fixtures/catalogue/catalogue.yml").read_text("utf-8"), "utf-8"
    )
    for i in range(400):  # big enough that MkDocs is still writing when we kill it
        (content / "vendors" / f"usaha-{i}.yml").write_text(
            yaml.safe_dump(
                {
                    "name": f"Wadai Acil Imah {i} 🍡👩\u200d👩\u200d👧",
                    "category": "makanan",
                    "products": [
                        {"name": f"Kue Bingka Kentang Khas Banjar {i} 🇮🇩", "price": 1000 + i}
                    ],
                }
            ),
            "utf-8",
        )
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    assert run("build", cwd=tmp_path).returncode == 0
    before = snapshot(tmp_path / "site")
    # The next build makes the same files: only the folder itself tells whether it was swapped.
    folder = (tmp_path / "site").stat().st_ino

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    build = subprocess.Popen(
        [sys.executable, "-m", "generator", "build"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    written = 0
    try:
        while time.monotonic() < deadline and build.poll() is None:
            staging = list(tmp_path.glob(f".site-new-{build.pid}-*/usaha"))
            written = len(list(staging[0].iterdir())) if staging else 0
            if written > 50:
                break
            time.sleep(0.01)
        ended = build.poll()
    finally:
        build.send_signal(signal.SIGKILL)
        build.wait()
    # Killed while MkDocs wrote pages, or the test proves nothing: say which.
    assert ended is None, f"the build ended (code {ended}) before it could be interrupted"
    assert written > 50, f"60 s and only {written} vendor pages written: no kill mid-build"
    (staging,) = tmp_path.glob(f".site-new-{build.pid}-*")  # a killed build can't tidy up
    assert len(list((staging / "usaha").iterdir())) > 50
    assert not (staging / "search" / "search_index.json").exists()  # written last

    assert (tmp_path / "site").stat().st_ino == folder, "the new site was swapped in"
    assert snapshot(tmp_path / "site") == before
    again = run("build", cwd=tmp_path)  # and the next build cleans up after the killed one
    assert again.returncode == 0, again.stderr
    assert not list(tmp_path.glob(".site-*"))


def test_a_build_removes_only_its_own_and_dead_builds_folders(
    content: Path, tmp_path: Path
) -> None:
    """Another build's half-written site (a concurrent build, or a folder of unknown
    origin) is never deleted; one left by a build whose process is gone is."""
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    alive = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    try:
        for name in (".site-new-xyz", f".site-new-{alive.pid}-abc", f".site-new-{dead.pid}-abc"):
            (tmp_path / name).mkdir()
            (tmp_path / name / "index.html").write_text("halaman", "utf-8")
        result = run("build", cwd=tmp_path)
        assert result.returncode == 0, result.stderr
    finally:
        alive.kill()
        alive.wait()
    assert (tmp_path / ".site-new-xyz" / "index.html").read_text("utf-8") == "halaman"
    assert (tmp_path / f".site-new-{alive.pid}-abc" / "index.html").is_file()
    assert not (tmp_path / f".site-new-{dead.pid}-abc").exists()
    assert sorted(p.name for p in tmp_path.glob(".site-*")) == sorted(
        [".site-new-xyz", f".site-new-{alive.pid}-abc"]
    )


def test_sites_are_exchanged_in_one_step(tmp_path: Path) -> None:
    from generator.output.mkdocs_site import _exchange

    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "index.html").write_text("baru")
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("lama")
    assert _exchange(tmp_path / "new", tmp_path / "site")  # Linux: renameat2(RENAME_EXCHANGE)
    assert (tmp_path / "site" / "index.html").read_text() == "baru"
    assert (tmp_path / "new" / "index.html").read_text() == "lama"


def test_a_broken_print_template_gets_one_line(content: Path, tmp_path: Path) -> None:
    """Should the print template itself fail (a bug, or a Typst upgrade that reads it
    otherwise), the organiser reads one line saying so and where, not a traceback, and no
    half-made PDF is written."""
    broken = tmp_path / "rusak.typ"
    broken.write_text("#let data = (\n", "utf-8")
    fake = (
        "import runpy\n"
        "from pathlib import Path\n"
        "import generator.printed.typeset as typeset\n"
        f"typeset.TEMPLATE = Path({str(broken)!r})\n"
        "runpy.run_module('generator', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", fake, "print", "--out", "cetak"],
        cwd=content.parent,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first == (
        "galat: PDF tidak bisa dibuat (unclosed delimiter, rusak.typ:1:12); ini kesalahan "
        "program, bukan isi katalog: laporkan ke pengelola bersama pesan ini"
    )
    assert "Traceback" not in result.stderr
    assert not (content.parent / "cetak" / "katalog.pdf").exists()
