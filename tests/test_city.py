"""A city folder (`kota.yml`): checked as one, each problem named by its kelurahan's file;
`new catalogue` starts a kelurahan that `check` accepts and adds it to the city."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, Yaml12ish, kind_of
from jsonschema import Draft202012Validator
from serving import Lines, fetch, free_port

EXAMPLE = ROOT / "examples" / "kota"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True
    )


@pytest.fixture
def city(tmp_path: Path) -> Path:
    """The example city, copied with Gunung Sari Ilir and schema/ beside it as in the
    repository."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "schema", tmp_path / "schema")
    shutil.copytree(EXAMPLE, tmp_path / "examples" / "kota")
    return tmp_path / "examples" / "kota"


def test_the_example_city_checks_with_every_kelurahan() -> None:
    done = run("check", "--content", "examples/kota", cwd=ROOT)
    assert done.returncode == 0, done.stderr
    parts = yaml.safe_load((EXAMPLE / "kota.yml").read_text("utf-8"))["kelurahan"]
    vendors = sum(len(list((EXAMPLE / part["path"] / "vendors").glob("*.yml"))) for part in parts)
    assert done.stdout.startswith(f"Beres: {len(parts)} kelurahan, {vendors} usaha, ")
    assert len(parts) == 3 and vendors >= 29 + 2 * 8


def test_a_broken_file_is_named_in_its_kelurahan(city: Path) -> None:
    vendor = sorted((city / "mekar-sari" / "vendors").glob("*.yml"))[0]
    text = vendor.read_text("utf-8")
    vendor.write_text(text.replace("products:", "prodak:", 1), "utf-8")
    done = run("check", "--content", ".", cwd=city)
    assert done.returncode == 1
    lines = [line for line in done.stderr.splitlines() if ".yml:" in line]
    assert lines and all(line.startswith(f"mekar-sari/vendors/{vendor.name}:") for line in lines)
    assert "`prodak`" in done.stderr


def test_kota_yml_problems_are_located(city: Path) -> None:
    (city / "kota.yml").write_text(
        "title: Katalog UMKM Kota Balikpapan\n"
        "city: Balikpapan\n"
        "kelurahan:\n"
        "  - id: mekar-sari\n"
        "    path: mekar-sari\n"
        "  - id: mekar-sari\n"
        "    path: gunung-sari-ulu\n"
        "  - id: karang-rejo\n"
        "    path: karang-rejo\n",
        "utf-8",
    )
    done = run("check", "--content", ".", cwd=city)
    assert done.returncode == 1
    assert done.stderr.splitlines()[:2] == [
        "kota.yml:6:9: kelurahan[1].id: id `mekar-sari` sudah dipakai kelurahan lain (baris 4)"
        " — beri setiap kelurahan id sendiri: id menjadi awal alamat halamannya",
        "kota.yml:9:11: kelurahan[2].path: folder `karang-rejo` tidak berisi catalogue.yml"
        " — `path` ditulis relatif terhadap kota.yml; folder baru untuk kelurahan"
        ' `karang-rejo` dibuat dengan `python -m generator new catalogue FOLDER --kelurahan "…"'
        ' --kecamatan "…"`',
    ]


def test_a_new_kelurahan_joins_the_city(city: Path) -> None:
    done = run(
        "new",
        "catalogue",
        "karang-rejo",
        "--kelurahan",
        "Karang Rejo",
        "--kecamatan",
        "Balikpapan Tengah",
        "--add-to",
        "kota.yml",
        cwd=city,
    )
    assert done.returncode == 0, done.stderr
    made = city / "karang-rejo"
    text = (made / "catalogue.yml").read_text("utf-8")
    # Its own schemas: its ids for editors, in a repository of its own too.
    assert text.startswith("# yaml-language-server: $schema=schema/catalogue.schema.json\n")
    vendor_schema = json.loads((made / "schema" / "vendor.schema.json").read_text("utf-8"))
    assert "kampung-bungas" in json.dumps(vendor_schema)
    written = yaml.safe_load(text)
    assert (written["kelurahan"], written["kecamatan"], written["city"]) == (
        "Karang Rejo",
        "Balikpapan Tengah",
        "Balikpapan",
    )
    assert [c["id"] for c in written["categories"]][:3] == ["makanan", "minuman", "kerajinan"]
    assert (made / "vendors").is_dir() and (made / "events").is_dir()
    assert run("check", "--content", "karang-rejo", cwd=city).returncode == 0
    kota = (city / "kota.yml").read_text("utf-8")
    assert kota.startswith("# yaml-language-server")  # the file's comments are kept
    assert yaml.safe_load(kota)["kelurahan"][-1] == {"id": "karang-rejo", "path": "karang-rejo"}
    checked = run("check", "--content", ".", cwd=city)
    assert checked.returncode == 0 and checked.stdout.startswith("Beres: 4 kelurahan")
    vendor = run(
        "new", "vendor", "toko-uji", "--content", "karang-rejo", "--name", "Toko Uji",
        "--category", "makanan", "--product", "Kue", "--price", "5000", cwd=city,
    )  # fmt: skip
    assert vendor.returncode == 0, vendor.stderr
    first = (made / "vendors" / "toko-uji.yml").read_text("utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/vendor.schema.json"

    again = run(
        "new", "catalogue", "lain", "--kelurahan", "Karang Rejo", "--kecamatan", "X",
        "--add-to", "kota.yml", cwd=city,
    )  # fmt: skip
    assert again.returncode == 1
    assert "id `karang-rejo` sudah ada di kota.yml" in again.stderr
    assert not (city / "lain" / "catalogue.yml").exists()


def test_each_example_kelurahan_has_its_own_current_schemas(city: Path) -> None:
    """Mekar Sari's `lorong-hijau` programme is no problem in an editor either: its files
    name its own schema/, which `schema --content CITY` keeps current."""
    for part in _own_schemas():
        folder = EXAMPLE / part["path"]
        kept = {p.name: p.read_text("utf-8") for p in (folder / "schema").iterdir()}
        assert kept, folder
        for path in sorted(folder.rglob("*.yml")):
            if path.parent.name == "schema":
                continue
            kind = kind_of(path)
            up = "" if kind == "catalogue" else "../"
            text = path.read_text("utf-8")
            assert text.startswith(f"# yaml-language-server: $schema={up}schema/{kind}.schema.json")
            schema = json.loads(kept[f"{kind}.schema.json"])
            errors = list(Draft202012Validator(schema).iter_errors(yaml.load(text, Yaml12ish)))
            assert errors == [], (path, [e.message for e in errors])
    done = run("schema", "--content", ".", cwd=city)
    assert done.returncode == 0, done.stderr
    for part in _own_schemas():
        for path in (city / part["path"] / "schema").iterdir():
            assert path.read_text("utf-8") == (
                EXAMPLE / part["path"] / "schema" / path.name
            ).read_text("utf-8"), f"{path} is stale: run `make schema` and commit it"


def _own_schemas() -> list[dict]:
    parts = yaml.safe_load((EXAMPLE / "kota.yml").read_text("utf-8"))["kelurahan"]
    return [part for part in parts if (EXAMPLE / part["path"] / "schema").is_dir()]


def test_a_single_catalogue_is_checked_as_before() -> None:
    done = run("check", "--content", "content", cwd=ROOT)
    assert done.returncode == 0 and done.stdout.startswith("Beres: 29 usaha")


@pytest.mark.slow
def test_serve_previews_a_city_and_shows_an_edit_in_any_kelurahan(city: Path) -> None:
    (city / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--content", ".", "--dev-addr",
         f"127.0.0.1:{port}"],
        cwd=city, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert server.stderr
    log = Lines(server.stderr)
    site = f"http://127.0.0.1:{port}/"
    page = f"{site}mekar-sari/usaha/dapur-gangan-acil-rusmini/"
    vendor = city / "mekar-sari" / "vendors" / "dapur-gangan-acil-rusmini.yml"
    try:
        log.wait_for(f"Serving on {site}", 0, 120)
        status, home = fetch(site)
        assert status == 200 and "Mekar Sari" in home and "Gunung Sari Ulu" in home
        status, html = fetch(page)
        assert status == 200 and "Rp30.000" in html
        # No offline copies of a preview, for the city nor for any kelurahan.
        for worker in ("sw.js", "mekar-sari/sw.js", "gunung-sari-ilir/sw.js"):
            assert "unregister()" in fetch(site + worker)[1]

        since = log.mark()
        vendor.write_text(vendor.read_text("utf-8").replace("price: 30000", "price: 31000"))
        log.wait_for("Reloading browsers", log.wait_for("Detected file changes", since), 60)
        assert "Rp31.000" in fetch(page)[1]

        # A broken save names its file in its kelurahan; the last good site stays served.
        since = log.mark()
        vendor.write_text(vendor.read_text("utf-8").replace("price: 31000", "price: 31rb"))
        log.wait_for("mekar-sari/vendors/dapur-gangan-acil-rusmini.yml:24:", since, 60)
        assert "Rp31.000" in fetch(page)[1]

        # A kelurahan added to kota.yml is built, and watched from then on.
        since = log.mark()
        vendor.write_text(vendor.read_text("utf-8").replace("price: 31rb", "price: 31000"))
        added = run(
            "new", "catalogue", "baru", "--kelurahan", "Karang Rejo", "--kecamatan",
            "Balikpapan Tengah", "--add-to", "kota.yml", cwd=city,
        )  # fmt: skip
        assert added.returncode == 0, added.stderr
        log.wait_for("Selesai: 4 kelurahan", since, 60)
        assert fetch(f"{site}karang-rejo/")[0] == 200
        since = log.mark()
        catalogue = city / "baru" / "catalogue.yml"
        catalogue.write_text(catalogue.read_text("utf-8").replace("title: ", "title: Baru "))
        log.wait_for("Reloading browsers", log.wait_for("Detected file changes", since), 60)
        assert "Baru Katalog" in fetch(f"{site}karang-rejo/")[1]
    finally:
        server.terminate()
        server.wait(timeout=20)
    assert "Traceback" not in log.text()
