"""`new vendor` and `new event`: templates a volunteer can fill in without reading code."""

from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT
from test_cli import run

from generator.authoring.scaffold import event_template, vendor_template
from generator.photos.inspect import load_with_photos


def uncomment_everything(template: str) -> str:
    """What a volunteer gets by removing the `#` before every optional field."""
    return re.sub(r"^(\s*)# ([a-z_]+: )", r"\1\2", template, flags=re.MULTILINE)


def test_every_example_in_the_templates_is_valid(content: Path) -> None:
    import io

    from PIL import Image

    jpeg = io.BytesIO()
    Image.new("RGB", (40, 30)).save(jpeg, "JPEG")
    for folder in ("foto",):
        (content / "vendors" / folder).mkdir(exist_ok=True)
        for name in ("amplang.jpg", "toko.jpg"):
            (content / "vendors" / folder / name).write_bytes(jpeg.getvalue())
    vendor = uncomment_everything(
        vendor_template(
            "Toko Contoh", "makanan", "Kue lapis", 2500, ["makanan"], ["kampung-bungas"]
        )
    )
    assert "\n# " in vendor_template("a", "makanan", "b", 1, [], [])  # optional ones are comments
    assert "\n# owner" not in vendor and "\nowner: Ibu Sari" in vendor
    (content / "vendors" / "toko-contoh.yml").write_text(vendor, "utf-8")
    event = uncomment_everything(
        event_template("Bazar Contoh", "2026-07-11", "Lapangan", "A1", "toko-contoh")
    )
    assert '\nstart: "08:00"' in event
    (content / "events" / "bazar-contoh.yml").write_text(event, "utf-8")
    loaded = load_with_photos(Path("content"))
    assert loaded.vendors["toko-contoh"].payment == ["tunai", "qris"]
    assert loaded.events["bazar-contoh"].end == "16:00"


def test_new_vendor_from_flags_validates_and_never_overwrites(content: Path) -> None:
    args = (
        "new",
        "vendor",
        "toko-bu-sari",
        "--name",
        "Toko Bu Sari",
        "--category",
        "makanan",
        "--product",
        "Kue lapis",
        "--price",
        "Rp2.500",
    )
    made = run(*args, cwd=content.parent)
    assert made.returncode == 0, made.stderr
    assert made.stdout == (
        "content/vendors/toko-bu-sari.yml dibuat. Buka berkasnya: isian lain bisa dipakai "
        "dengan menghapus tanda # di depannya. Lalu periksa dengan `make check`.\n"
    )
    path = content / "vendors" / "toko-bu-sari.yml"
    assert load_with_photos(Path("content")).vendors["toko-bu-sari"].products[0].price == 2500
    before = path.read_bytes()

    again = run(*args, cwd=content.parent)
    assert again.returncode == 1
    assert again.stderr == (
        "galat: content/vendors/toko-bu-sari.yml sudah ada; tidak ditimpa — "
        "pilih nama lain, atau ubah berkas itu langsung\n"
    )
    assert path.read_bytes() == before


def test_new_files_are_written_beside_an_unrelated_broken_file(content: Path) -> None:
    """A volunteer adding their shop is not stopped by someone else's broken file: the
    new file and catalogue.yml are checked, the others are only mentioned."""
    (content / "vendors" / "kebun-uji.yml").write_text("name: [tidak ditutup\n", "utf-8")
    (content / "vendors" / "Toko-Lama.YML").write_text("name: Toko Lama\n", "utf-8")
    made = run(
        *("new", "vendor", "toko-bu-sari", "--name", "Toko Bu Sari"),
        *("--category", "makanan", "--product", "Kue lapis", "--price", "2500"),
        cwd=content.parent,
    )
    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("content/vendors/toko-bu-sari.yml dibuat.")
    assert made.stderr == (
        "catatan: berkas lain masih bermasalah (2 masalah di content/vendors/Toko-Lama.YML, "
        "content/vendors/kebun-uji.yml); berkas baru ini tidak — lihat rinciannya dengan "
        "`make check`\n"
    )
    assert (content / "vendors" / "toko-bu-sari.yml").is_file()

    event = run(
        *("--lang", "en", "new", "event", "bazar-baru", "--name", "Bazar Baru"),
        *("--date", "2026-07-11", "--location", "Lapangan", "--stall", "A1"),
        *("--vendor", "toko-bu-sari"),
        cwd=content.parent,
    )
    assert event.returncode == 0, event.stderr
    assert event.stderr == (
        "note: other files still have problems (2 problem(s) in content/vendors/Toko-Lama.YML, "
        "content/vendors/kebun-uji.yml); this new file has none — see them with `make check`\n"
    )
    assert (content / "events" / "bazar-baru.yml").is_file()

    # A broken catalogue.yml still stops it: the new file is checked against it.
    (content / "catalogue.yml").write_text("title: [\n", "utf-8")
    refused = run(
        *("new", "vendor", "toko-lain", "--name", "Toko Lain"),
        *("--category", "makanan", "--product", "Kue", "--price", "2500"),
        cwd=content.parent,
    )
    assert refused.returncode == 1
    assert refused.stderr.startswith("content/catalogue.yml:")
    assert not (content / "vendors" / "toko-lain.yml").exists()


def test_a_broken_photo_elsewhere_is_mentioned_as_check_would(content: Path) -> None:
    """`new` judges the other files' photos as `check` does: text saved as a .jpg."""
    (content / "vendors" / "foto" / "amplang.jpg").write_text("bukan foto", "utf-8")
    made = run(
        *("new", "vendor", "toko-bu-sari", "--name", "Toko Bu Sari"),
        *("--category", "makanan", "--product", "Kue lapis", "--price", "2500"),
        cwd=content.parent,
    )
    assert made.returncode == 0, made.stderr
    assert made.stderr.startswith(
        "catatan: berkas lain masih bermasalah (2 masalah di content/vendors/amplang-uji.yml)"
    )


def test_new_vendor_refuses_bad_names_and_missing_answers(content: Path) -> None:
    bad = run("new", "vendor", "Toko Bu Sari", cwd=content.parent)
    assert bad.returncode == 1
    assert bad.stderr == (
        "galat: `Toko Bu Sari` tidak bisa menjadi nama berkas (huruf kecil a-z, "
        "angka 0-9, dan -) — pakai `toko-bu-sari`\n"
    )
    missing = run("--lang", "en", "new", "vendor", "toko-baru", cwd=content.parent)
    assert missing.returncode == 1
    assert missing.stderr == 'error: --name is missing; add it, e.g. --name "Toko Bu Sari"\n'
    wrong = run(
        "new",
        "vendor",
        "toko-baru",
        "--name",
        "Toko",
        "--category",
        "minuman",
        "--product",
        "Es",
        "--price",
        "5000",
        cwd=content.parent,
    )
    assert wrong.returncode == 1
    assert (
        "category: kategori `minuman` tidak dikenal — tulis salah satu dari: makanan, "
        "sayuran, bunga" in wrong.stderr
    )
    assert not (content / "vendors" / "toko-baru.yml").exists()


def read_terminal(leader: int, seconds: float) -> bytes:
    """All a program shows on its terminal until it closes it; fails after `seconds`
    instead of waiting forever for a program that waits for more answers."""
    screen = b""
    deadline = time.monotonic() + seconds
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([leader], [], [], left)[0]:
            shown = screen.decode("utf-8", "replace")
            pytest.fail(f"still running after {seconds:g} s; the terminal shows:\n{shown}")
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # EIO: every process holding the terminal has ended
            return screen
        if not chunk:
            return screen
        screen += chunk


def test_new_vendor_asks_at_a_terminal(content: Path) -> None:
    """A volunteer at a terminal answers questions instead of typing flags."""
    leader, follower = pty.openpty()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "generator", "new", "vendor", "kebun-baru"],
        cwd=content.parent,
        env=env,
        stdin=follower,
        stdout=follower,
        stderr=follower,
    )
    os.close(follower)
    try:
        # A wrong category and a wrong price are asked again, with the reason.
        os.write(leader, b"Kebun Baru\nsayur\nsayuran\nKangkung\n5rb\n5000\n")
        text = read_terminal(leader, 30).decode("utf-8", "replace")
        proc.wait(timeout=30)
    finally:
        proc.kill()
        proc.wait()
        os.close(leader)
    assert proc.returncode == 0, text
    assert "Nama usaha:" in text and "Kategori (makanan, sayuran, bunga):" in text
    assert "kategori `sayur` tidak dikenal" in text
    assert "`5rb` adalah singkatan" in text
    vendor = load_with_photos(Path("content")).vendors["kebun-baru"]
    assert (vendor.name, vendor.category, vendor.products[0].price) == (
        "Kebun Baru",
        "sayuran",
        5000,
    )


def test_new_event_validates_its_stall(content: Path) -> None:
    made = run(
        "new",
        "event",
        "bazar-juli",
        "--name",
        "Bazar Juli",
        "--date",
        "2026-07-11",
        "--location",
        "Lapangan RW 2",
        "--stall",
        "A1",
        "--vendor",
        "kebun-uji",
        cwd=content.parent,
    )
    assert made.returncode == 0, made.stderr
    assert load_with_photos(Path("content")).events["bazar-juli"].stalls[0].vendor == "kebun-uji"
    unknown = run(
        "new",
        "event",
        "bazar-agustus",
        "--name",
        "Bazar",
        "--date",
        "2026-08-08",
        "--location",
        "Lapangan",
        "--stall",
        "A1",
        "--vendor",
        "kebun-ujii",
        cwd=content.parent,
    )
    assert unknown.returncode == 1
    assert "maksudnya `kebun-uji`?" in unknown.stderr
    assert not (content / "events" / "bazar-agustus.yml").exists()
