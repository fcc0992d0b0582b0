"""The example city (examples/kota) built as a resident meets it: the city's home, each
kelurahan under its own folder, one search over all of them."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
import yaml
from conftest import ROOT, serve
from search_driver import pages, search_box

from generator.pipeline import build_city
from generator.problems import ContentInvalid

EXAMPLE = ROOT / "examples" / "kota"


@pytest.fixture(scope="module")
def city_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("kota")
    build_city(EXAMPLE, out / "site", ROOT / "mkdocs.yml", builds=out / "build")
    return out / "site"


@pytest.fixture(scope="module")
def city_url(city_site: Path) -> Iterator[str]:
    server, url = serve(city_site)
    yield url
    server.shutdown()


def _parts() -> list[dict]:
    return yaml.safe_load((EXAMPLE / "kota.yml").read_text("utf-8"))["kelurahan"]


def _first_vendor(part: dict) -> tuple[str, str]:
    """(slug, name) of a kelurahan's first vendor file."""
    path = sorted((EXAMPLE / part["path"] / "vendors").glob("*.yml"))[0]
    return path.stem, yaml.safe_load(path.read_text("utf-8"))["name"]


def test_the_city_home_leads_to_every_kelurahan(city_site: Path) -> None:
    home = (city_site / "index.html").read_text("utf-8")
    for part in _parts():
        vendors = len(list((EXAMPLE / part["path"] / "vendors").glob("*.yml")))
        row = re.search(rf'<a href="{part["id"]}/">([^<]+)</a></td>\s*<td>[^<]+</td>\s*'
                        rf"<td[^>]*>(\d+)</td>", home)  # fmt: skip
        assert row, part["id"]
        assert int(row[2]) == vendors
        assert (city_site / part["id"] / "index.html").is_file()


def test_each_kelurahan_lives_under_its_own_address(city_site: Path) -> None:
    """Same paths as a catalogue on its own, under `/<id>/`, with the city's address."""
    for part in _parts():
        slug, name = _first_vendor(part)
        page = (city_site / part["id"] / "usaha" / slug / "index.html").read_text("utf-8")
        assert name.split()[0] in page
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', page)
        assert canonical and canonical[1] == (
            f"https://umkm-balikpapan.example.org/{part['id']}/usaha/{slug}/"
        )
        assert (city_site / part["id"] / "katalog.pdf").is_file()


def test_one_search_finds_a_vendor_of_every_kelurahan(browser, city_url: str) -> None:
    with search_box(browser, city_url) as search:
        for part in _parts():
            slug, name = _first_vendor(part)
            found = pages(search(name))
            assert f"/{part['id']}/usaha/{slug}/" in [f"/{p}" for p in found], (name, found)


def test_a_broken_kelurahan_stops_the_build_and_names_its_file(
    city_site: Path, tmp_path: Path
) -> None:
    city = tmp_path / "examples" / "kota"
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(EXAMPLE, city)
    broken = sorted((city / "gunung-sari-ulu" / "vendors").glob("*.yml"))[0]
    broken.write_text(broken.read_text("utf-8").replace("products:", "prodak:", 1), "utf-8")
    site = tmp_path / "site"
    shutil.copytree(city_site, site)
    before = sorted(p.relative_to(site) for p in site.rglob("*"))
    with pytest.raises(ContentInvalid) as raised:
        build_city(city, site, ROOT / "mkdocs.yml", builds=tmp_path / "build")
    assert {Path(p.file).name for p in raised.value.problems} == {broken.name}
    assert sorted(p.relative_to(site) for p in site.rglob("*")) == before


def test_a_city_category_page_opens_a_vendor_of_every_kelurahan(browser, city_url: str) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844})
    for part in _parts():
        slug, name = _first_vendor(part)
        path = EXAMPLE / part["path"] / "vendors" / f"{slug}.yml"
        category = yaml.safe_load(path.read_text("utf-8"))["category"]
        page.goto(f"{city_url}kategori/{category}/")
        page.get_by_role("link", name=name, exact=True).click()
        page.wait_for_url(f"{city_url}{part['id']}/usaha/{slug}/")
        assert name in page.locator("h1").inner_text()
    page.close()


def test_a_category_named_differently_takes_the_most_used_name(city_site: Path) -> None:
    """Mekar Sari calls `jasa` "Jasa & Layanan"; the other two call it "Jasa"."""
    page = (city_site / "kategori" / "jasa" / "index.html").read_text("utf-8")
    assert re.search(r"<h1[^>]*>Jasa</h1>", page)
    assert "Mekar Sari" in page  # its vendors are listed all the same


def test_the_city_open_data_parses_back_with_every_kelurahan(city_site: Path) -> None:
    vendors = list(
        csv.DictReader(io.StringIO((city_site / "data" / "usaha.csv").read_text("utf-8-sig")))
    )
    products = list(
        csv.DictReader(io.StringIO((city_site / "data" / "produk.csv").read_text("utf-8-sig")))
    )
    whole = json.loads((city_site / "data" / "usaha.json").read_text("utf-8"))
    parts = _parts()
    names = {
        yaml.safe_load((EXAMPLE / p["path"] / "catalogue.yml").read_text("utf-8"))["kelurahan"]
        for p in parts
    }
    assert {row["kelurahan"] for row in vendors} == names
    assert {row["kecamatan"] for row in vendors} == {"Balikpapan Tengah"}
    ids = [row["id_usaha"] for row in vendors]
    expected = {
        f"{p['id']}/{path.stem}"
        for p in parts
        for path in (EXAMPLE / p["path"] / "vendors").glob("*.yml")
    }
    assert len(ids) == len(set(ids)) and set(ids) == expected
    assert {row["id_usaha"] for row in products} <= set(ids)
    assert whole["jumlah_kelurahan"] == 3 and whole["jumlah_usaha"] == len(vendors)
    assert sum(len(v["produk"]) for v in whole["usaha"]) == len(products)
    one = next(row for row in vendors if row["id_usaha"].startswith("mekar-sari/"))
    assert one["halaman"] == (
        f"https://umkm-balikpapan.example.org/mekar-sari/usaha/{one['id_usaha'].split('/')[1]}/"
    )


def test_one_calendar_and_one_events_page_for_the_city(city_site: Path) -> None:
    feed = icalendar.Calendar.from_ical((city_site / "acara.ics").read_bytes())
    events = list(feed.walk("VEVENT"))
    files = [path for p in _parts() for path in (EXAMPLE / p["path"] / "events").glob("*.yml")]
    assert len(events) == len(files)
    assert len({str(e["UID"]) for e in events}) == len(events)
    page = (city_site / "acara" / "index.html").read_text("utf-8")
    for part in _parts():
        for path in (EXAMPLE / part["path"] / "events").glob("*.yml"):
            assert f'href="../{part["id"]}/acara/{path.stem}/"' in page
            assert (city_site / part["id"] / "acara" / path.stem / "index.html").is_file()


def test_the_city_statistics_count_what_the_files_say(city_site: Path) -> None:
    """The Dinas's numbers per kelurahan: vendors, and those with NIB, P-IRT, halal."""
    page = (city_site / "statistik" / "index.html").read_text("utf-8")
    for part in _parts():
        folder = EXAMPLE / part["path"]
        vendors = [yaml.safe_load(p.read_text("utf-8")) for p in folder.glob("vendors/*.yml")]
        name = yaml.safe_load((folder / "catalogue.yml").read_text("utf-8"))["kelurahan"]
        numbers = [
            len(vendors),
            *(sum(1 for v in vendors if v.get(k)) for k in ("nib", "pirt", "halal")),
        ]
        cells = "".join(rf"\s*<td[^>]*>{n}</td>" for n in numbers)
        assert re.search(rf"<td>{re.escape(name)}</td>{cells}", page), name


def test_skip_broken_publishes_the_others_and_says_who_is_missing(tmp_path: Path) -> None:
    city = tmp_path / "examples" / "kota"
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(EXAMPLE, city)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")  # its build/ goes to tmp_path
    broken = sorted((city / "gunung-sari-ulu" / "vendors").glob("*.yml"))[0]
    broken.write_text(broken.read_text("utf-8").replace("products:", "prodak:", 1), "utf-8")
    command = [sys.executable, "-m", "generator", "build", "--content", str(city)]
    command += ["--config", str(tmp_path / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")]
    refused = subprocess.run(command, capture_output=True, text=True, cwd=tmp_path)
    assert refused.returncode == 1 and not (tmp_path / "site").exists()
    done = subprocess.run([*command, "--skip-broken"], capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert f"gunung-sari-ulu/vendors/{broken.name}:" in done.stderr
    assert done.stderr.strip().endswith(
        "PERHATIAN: 1 kelurahan TIDAK diterbitkan karena masalah di atas: gunung-sari-ulu. "
        "Perbaiki, lalu bangun lagi."
    )
    site = tmp_path / "site"
    assert (site / "mekar-sari" / "index.html").is_file()
    assert not (site / "gunung-sari-ulu").exists()
    assert 'href="gunung-sari-ulu/"' not in (site / "index.html").read_text("utf-8")


def test_the_city_search_narrows_to_one_kelurahan(browser, city_url: str) -> None:
    """ "amplang" is sold in two kelurahan; the panel's Kelurahan keeps one of them."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(city_url)

    def results(query: str) -> list[str]:
        page.locator("#cari-kata").fill(query)
        page.wait_for_function(
            "q => document.getElementById('cari-panel').getAttribute('data-dicari') === q",
            arg=query,
        )
        return page.locator("#cari-hasil a.cari__halaman").evaluate_all(
            "as => as.map(a => a.getAttribute('href'))"
        )

    everywhere = results("amplang")
    assert {link.split("/")[1] for link in everywhere} >= {"gunung-sari-ilir", "gunung-sari-ulu"}
    found = int(page.locator("#cari-status").inner_text().split()[0])
    page.locator("#cari-saring summary").click()
    page.get_by_label("Kelurahan").select_option("Gunung Sari Ulu")  # the value; shown with a count
    page.wait_for_function(
        "n => document.getElementById('cari-panel').dataset.dicari === 'amplang' && "
        "parseInt(document.getElementById('cari-status').textContent) < n",
        arg=found,
    )
    narrowed = page.locator("#cari-hasil a.cari__halaman").evaluate_all(
        "as => as.map(a => a.getAttribute('href'))"
    )
    assert narrowed and all(link.startswith("/gunung-sari-ulu/") for link in narrowed), narrowed
    context.close()


def test_a_kelurahan_search_offers_the_whole_city(browser, city_url: str) -> None:
    """On Mekar Sari's pages the box searches Mekar Sari (as on its own site); its link
    takes the same words to the city's search, which finds the other kelurahan too."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{city_url}mekar-sari/usaha/")
    page.locator("#cari-kata").fill("amplang")
    answered = "q => document.getElementById('cari-panel').getAttribute('data-dicari') === q"
    page.wait_for_function(answered, arg="amplang")
    here = page.locator("#cari-hasil a.cari__halaman").evaluate_all(
        "as => as.map(a => new URL(a.href).pathname.split('/')[1])"
    )
    assert set(here) <= {"mekar-sari"}, here  # Mekar Sari sells no amplang
    page.get_by_role("link", name="Cari di semua kelurahan Kota Balikpapan").click()
    page.wait_for_url(f"{city_url}cari/?q=amplang")
    page.wait_for_function(answered, arg="amplang")
    everywhere = page.locator("#cari-hasil a.cari__halaman").evaluate_all(
        "as => as.map(a => new URL(a.href).pathname.split('/')[1])"
    )
    assert {"gunung-sari-ilir", "gunung-sari-ulu"} <= set(everywhere), everywhere
    context.close()
