"""The commands as a volunteer runs them: clear messages, exit codes, nothing lost."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, served_index
from serving import Lines, fetch, free_port, rebuilt


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_reports_every_problem_once_without_traceback(content: Path) -> None:
    (content / "vendors" / "amplang-uji.yml").write_text(
        "name: Amplang Uji\ncategory: makanan\nproducts:\n  - name: Amplang\n    prise: 1000\n",
        encoding="utf-8",
    )
    (content / "events" / "bazar-depan.yml").write_text(
        "name: Bazar\ndate: 14/6/2025\nlocation: Lapangan\nstalls:\n"
        "  - stall: K1\n    vendor: kebun-uji\n",
        encoding="utf-8",
    )
    result = run("check", cwd=content.parent)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "content/events/bazar-depan.yml:2:7: date: `14/6/2025` bukan tanggal berformat "
        "TTTT-BB-HH — tulis tahun-bulan-tanggal, misalnya `date: 2025-06-14`\n"
        "content/vendors/amplang-uji.yml:4:5: products[0].price: isian wajib belum ada "
        "— tambahkan `price: …` ke produk [0]\n"
        "content/vendors/amplang-uji.yml:5:5: products[0].prise: isian `prise` tidak dikenal "
        "— maksudnya `price`?\n"
        "\n3 masalah di 2 berkas. Belum ada yang ditulis; perbaiki, lalu jalankan perintahnya "
        "lagi.\n"
    )
    english = run("--lang", "en", "check", cwd=content.parent)
    assert english.returncode == 1
    assert english.stderr == (
        "content/events/bazar-depan.yml:2:7: date: `14/6/2025` is not a date in the form "
        "YYYY-MM-DD — write year-month-day, e.g. `date: 2025-06-14`\n"
        "content/vendors/amplang-uji.yml:4:5: products[0].price: required field is missing "
        "— add `price: …` to product [0]\n"
        "content/vendors/amplang-uji.yml:5:5: products[0].prise: unknown field `prise` "
        "— did you mean `price`?\n"
        "\n3 problem(s) in 2 file(s). Nothing was written; fix them and run the command again.\n"
    )
    github = run("check", "--format", "github", cwd=content.parent)
    assert github.returncode == 1
    assert github.stdout == (
        "::error file=content/events/bazar-depan.yml,line=2,col=7,title=date::`14/6/2025` "
        "bukan tanggal berformat TTTT-BB-HH — tulis tahun-bulan-tanggal, misalnya "
        "`date: 2025-06-14`\n"
        "::error file=content/vendors/amplang-uji.yml,line=4,col=5,title=products[0].price::"
        "isian wajib belum ada — tambahkan `price: …` ke produk [0]\n"
        "::error file=content/vendors/amplang-uji.yml,line=5,col=5,title=products[0].prise::"
        "isian `prise` tidak dikenal — maksudnya `price`?\n"
    )
    as_json = json.loads(
        run("--lang", "en", "check", "--format", "json", cwd=content.parent).stdout
    )
    assert as_json["ok"] is False
    assert as_json["problems"][2] == {
        "file": "content/vendors/amplang-uji.yml",
        "line": 5,
        "column": 5,
        "field": "products[0].prise",
        "code": "field.unknown",
        "message": "unknown field `prise`",
        "hint": "did you mean `price`?",
    }
    assert "Traceback" not in result.stderr


def test_check_accepts_valid_content(content: Path) -> None:
    result = run("check", "--content", "content", cwd=content.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Beres: 3 usaha, 2 acara, 3 kategori.\n"


@pytest.mark.slow
def test_failed_build_leaves_previous_site_untouched(content: Path, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text("utf-8"), encoding="utf-8")
    good = run("build", "--config", str(config), cwd=tmp_path)
    assert good.returncode == 0, good.stderr
    assert "Selesai: 3 usaha dan 2 acara di site/" in good.stdout
    before = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}

    (content / "vendors" / "kebun-uji.yml").write_text("name: [tidak ditutup\n", "utf-8")
    bad = run("build", "--config", str(config), cwd=tmp_path)
    assert bad.returncode == 1
    assert "content/vendors/kebun-uji.yml:" in bad.stderr
    assert "Traceback" not in bad.stderr
    after = {p: p.read_bytes() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert after == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")]


@pytest.mark.slow
def test_mkdocs_failure_also_keeps_previous_site(content: Path, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text("utf-8"), encoding="utf-8")
    assert run("build", "--config", str(config), cwd=tmp_path).returncode == 0
    marker = (tmp_path / "site" / "index.html").read_bytes()
    # A nav entry pointing at a page that does not exist is a warning, fatal under --strict.
    config.write_text(config.read_text("utf-8").replace("rt/index.md", "rt/hilang.md"), "utf-8")
    bad = run("build", "--config", str(config), cwd=tmp_path)
    assert bad.returncode == 1
    assert "Situs sebelumnya tidak diubah." in bad.stderr
    assert "Traceback" not in bad.stderr
    assert (tmp_path / "site" / "index.html").read_bytes() == marker


def test_check_and_build_name_every_file_the_catalogue_would_skip(
    content: Path, tmp_path: Path
) -> None:
    """A vendor saved under a name the catalogue does not read is never silently left out;
    a YAML link out of content/ is refused, not read (the hostile case)."""
    vendor = "name: Toko Baru\ncategory: makanan\nproducts:\n  - name: Kue\n    price: 1000\n"
    for name in ("Toko-Baru.YML", "toko.yaml", "toko.yml ", ".yml", "..yml", "toko.yml.bak"):
        (content / "vendors" / name).write_text(vendor, "utf-8")
    (content / "vendors" / "bocor.yml").symlink_to("/etc/hostname")
    expected_id = (
        "content/vendors/..yml: berkas ini tidak punya nama, hanya akhiran `.yml` — beri nama "
        "sesuai nama usahanya, misalnya `toko-bu-sari.yml`\n"
        "content/vendors/.yml: berkas ini tidak punya nama, hanya akhiran `.yml` — beri nama "
        "sesuai nama usahanya, misalnya `toko-bu-sari.yml`\n"
        "content/vendors/Toko-Baru.YML: akhiran `.YML` harus ditulis `.yml` (huruf kecil), "
        "jadi berkas ini tidak dibaca — ganti nama berkasnya menjadi `toko-baru.yml`\n"
        "content/vendors/bocor.yml: berkas ini adalah tautan yang mengarah ke luar content/ — "
        "salin berkasnya sendiri ke sini\n"
        "content/vendors/toko.yaml: nama berkas berakhiran `.yaml`, jadi berkas ini tidak "
        "dibaca — ganti nama berkasnya menjadi `toko.yml`\n"
        "content/vendors/toko.yml : nama berkas diawali atau diakhiri spasi, jadi berkas ini "
        "tidak dibaca — ganti nama berkasnya menjadi `toko.yml`\n"
        "content/vendors/toko.yml.bak: berkas ini tidak dibaca: hanya berkas `.yml` yang "
        "menjadi isi katalog — jika isinya data usaha, ganti nama berkasnya menjadi "
        "`toko.yml`; jika bukan, pindahkan keluar dari folder ini\n"
        "\n7 masalah di 7 berkas. Belum ada yang ditulis; perbaiki, lalu jalankan perintahnya "
        "lagi.\n"
    )
    checked = run("check", cwd=content.parent)
    assert (checked.returncode, checked.stdout, checked.stderr) == (1, "", expected_id)

    (content / "vendors" / "toko.yml").write_text(vendor, "utf-8")  # now the rename is taken
    english = run("--lang", "en", "check", cwd=content.parent)
    assert english.returncode == 1
    assert (
        "content/vendors/toko.yml : the file name starts or ends with a space, so the file is "
        "not read — `toko.yml` already exists: move what this file holds there, then delete "
        "this one\n"
    ) in english.stderr
    assert (
        "content/vendors/toko.yml.bak: this file is not read: only `.yml` files become part of "
        "the catalogue — this looks like a copy of `toko.yml`: delete it, or move it out of "
        "this folder\n"
    ) in english.stderr
    (content / "vendors" / "toko.yml").unlink()

    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text("utf-8"), encoding="utf-8")
    built = run("build", "--config", str(config), cwd=tmp_path)
    assert built.returncode == 1
    assert built.stderr == expected_id
    assert not (tmp_path / "site").exists()


def test_photos_and_folders_a_photo_field_uses_are_content(content: Path) -> None:
    """Beside the vendor files: a photo named by `photo:` (also in a folder other than
    foto/), a README, and what editors and operating systems leave behind."""
    import shutil

    from generator.photos.inspect import load_with_photos

    vendors = content / "vendors"
    (vendors / "gambar").mkdir()
    shutil.copyfile(vendors / "foto" / "amplang.jpg", vendors / "gambar" / "kue.jpg")
    shutil.copyfile(vendors / "foto" / "amplang.jpg", vendors / "toko.jpg")
    (vendors / "toko-foto.yml").write_text(
        "name: Toko Foto\ncategory: makanan\nphoto: toko.jpg\nproducts:\n"
        "  - name: Kue\n    price: 1000\n    photo: gambar/kue.jpg\n",
        "utf-8",
    )
    for name in ("README.md", "readme.txt", ".DS_Store", ".gitkeep", ".toko-foto.yml.swp"):
        (vendors / name).write_text("x", "utf-8")
    for name in ("toko-foto.yml~", "#toko-foto.yml#", "._toko-foto.yml", "Thumbs.db"):
        (vendors / name).write_text("x", "utf-8")
    (content / "events" / "README.md").write_text("x", "utf-8")
    loaded = load_with_photos(Path("content"))
    assert loaded.vendors["toko-foto"].products[0].photo == "gambar/kue.jpg"
    assert [ref.value for ref in loaded.photos if ref.slug == "toko-foto"] == [
        "toko.jpg",
        "gambar/kue.jpg",
    ]


def test_other_content_folder_builds_with_same_installation(content: Path, tmp_path: Path) -> None:
    other = tmp_path / "kelurahan-lain"
    content.rename(other)
    result = run("check", "--content", "kelurahan-lain", cwd=tmp_path)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_serve_shows_a_saved_yaml_edit(content: Path, tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert server.stderr
    log = Lines(server.stderr)
    site = f"http://127.0.0.1:{port}/"
    page = f"{site}usaha/amplang-uji/"
    try:
        log.wait_for(f"Serving on {site}", 0, 60)
        # The preview is the site: share card, schema.org data, the search box;
        # but no offline copies that would outlive it (its sw.js removes itself).
        status, html = fetch(page)
        assert status == 200 and "Amplang Uji" in html
        assert 'property="og:title"' in html and "application/ld+json" in html
        assert "assets/cari.js" in html and 'id="cari-kata"' in html
        status, worker = fetch(f"{site}sw.js")
        assert status == 200 and "unregister()" in worker
        vendor = content / "vendors" / "amplang-uji.yml"
        since = log.mark()
        vendor.write_text(vendor.read_text("utf-8").replace("Amplang Uji", "Amplang Baru"), "utf-8")
        rebuilt(log, since)
        status, html = fetch(page)
        assert status == 200 and "Amplang Baru" in html and "Amplang Uji" not in html
        # Search in the preview: every page once, the new name, not the old one.
        index = served_index(site)
        texts = " ".join(d["content"] for url, d in index.items() if url.startswith("/usaha/"))
        assert "Amplang Baru" in texts and "Amplang Uji" not in texts
        assert set(index) >= {"/usaha/amplang-uji/", "/usaha/kebun-uji/", "/usaha/kue-tanpa-rt/"}

        # A removed vendor disappears from the preview and from its search.
        since = log.mark()
        (content / "vendors" / "kue-tanpa-rt.yml").unlink()
        event = content / "events" / "bazar-uji.yml"
        event.write_text(event.read_text("utf-8").split("  - stall: B1")[0], "utf-8")
        rebuilt(log, since)
        assert fetch(f"{site}usaha/kue-tanpa-rt/")[0] == 404
        assert "/usaha/kue-tanpa-rt/" not in served_index(site)
        assert fetch(page)[0] == 200

        # A broken save is reported on the terminal; the last good page stays served.
        since = log.mark()
        vendor.write_text("name: [tidak ditutup\n", "utf-8")
        log.wait_for("content/vendors/amplang-uji.yml:2:1: ", since)
        status, html = fetch(page)
        assert status == 200 and "Amplang Baru" in html

        # Files the catalogue would skip are named as they are saved, a hostile link too.
        since = log.mark()
        vendor.write_text("name: Amplang Baru\ncategory: makanan\nproducts: []\n", "utf-8")
        (content / "vendors" / "Toko-Baru.YML").write_text("name: Toko Baru\n", "utf-8")
        (content / "vendors" / "bocor.yml").symlink_to("/etc/hostname")
        (content / "vendors" / "kosong.yml").symlink_to("tidak-ada.yml")
        for name in ("Toko-Baru.YML", "bocor.yml", "kosong.yml", "amplang-uji.yml:3:11"):
            log.wait_for(f"content/vendors/{name}: ", since)
        status, html = fetch(page)
        assert status == 200 and "Amplang Baru" in html
    finally:
        server.terminate()
        server.wait(timeout=20)
    errors = log.text()
    assert "content/vendors/amplang-uji.yml:2:1:" in errors
    assert (
        "content/vendors/Toko-Baru.YML: akhiran `.YML` harus ditulis `.yml` (huruf kecil), "
        "jadi berkas ini tidak dibaca — ganti nama berkasnya menjadi `toko-baru.yml`\n"
    ) in errors
    assert (
        "content/vendors/bocor.yml: berkas ini adalah tautan yang mengarah ke luar content/ — "
        "salin berkasnya sendiri ke sini\n"
    ) in errors
    assert "content/vendors/kosong.yml: berkas tidak bisa dibaca" in errors
    assert "Traceback" not in errors and "galat internal" not in errors


def test_build_never_deletes_folders_it_did_not_make(content: Path, tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text((ROOT / "mkdocs.yml").read_text("utf-8"), encoding="utf-8")
    into_content = run("build", "--config", str(config), "--site-dir", "content", cwd=tmp_path)
    assert into_content.returncode == 1
    assert "bukan situs hasil build dan akan tertimpa; pilih --site-dir lain" in (
        into_content.stderr
    )
    assert (content / "catalogue.yml").is_file()

    # docs_dir may hold pages written by hand: they survive every build, and are published.
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "rapat.md").write_text("# Catatan rapat RT\n", encoding="utf-8")
    config.write_text(
        config.read_text("utf-8").replace("docs_dir: build/docs", "docs_dir: notes"), "utf-8"
    )
    for _ in range(2):
        assert run("build", "--config", str(config), cwd=tmp_path).returncode == 0
        assert (notes / "rapat.md").read_text("utf-8") == "# Catatan rapat RT\n"
    assert (tmp_path / "site" / "rapat" / "index.html").is_file()

    # A removed vendor's page goes; the hand-written page stays.
    (content / "vendors" / "kue-tanpa-rt.yml").unlink()
    (content / "events" / "bazar-uji.yml").write_text(
        (content / "events" / "bazar-uji.yml").read_text("utf-8").split("  - stall: B1")[0],
        encoding="utf-8",
    )
    assert run("build", "--config", str(config), cwd=tmp_path).returncode == 0
    assert not (notes / "usaha" / "kue-tanpa-rt.md").exists()
    assert (notes / "rapat.md").is_file()

    # A hand-written file where a page would go is never overwritten.
    (notes / "usaha" / "kue-baru.md").write_text("tulisan tangan", encoding="utf-8")
    (content / "vendors" / "kue-baru.yml").write_text(
        "name: Kue Baru\ncategory: makanan\nproducts:\n  - name: Kue\n    price: 1000\n",
        encoding="utf-8",
    )
    clash = run("build", "--config", str(config), cwd=tmp_path)
    assert clash.returncode == 1
    assert (
        "tidak ditulis oleh generator, padahal ada halaman buatan generator dengan nama yang sama"
        in (clash.stderr)
    )
    assert (notes / "usaha" / "kue-baru.md").read_text("utf-8") == "tulisan tangan"


def test_github_annotations_escape_what_the_workflow_syntax_needs() -> None:
    from generator.cli.report import as_github
    from generator.messages import t
    from generator.problems import Problem

    problem = Problem(
        "content/vendors/a,b:c.yml",
        3,
        7,
        "products[0].price",
        t("other", detail="100% salah\nbaris dua\r"),
        t("price.write"),
    )
    assert as_github([problem]) == (
        "::error file=content/vendors/a%2Cb%3Ac.yml,line=3,col=7,title=products[0].price::"
        "100%25 salah%0Abaris dua%0D — tulis harga dalam rupiah bulat dengan angka, "
        "misalnya `price: 15000`"
    )
    whole_file = Problem(
        "content/vendors/x.yml", message=t("file.empty"), hint=t("file.empty.hint")
    )
    assert as_github([whole_file]).startswith(
        "::error file=content/vendors/x.yml,title=content/vendors/x.yml::"
    )
