"""The example city (examples/kota) built as a resident meets it: the city's home, each
kelurahan under its own folder, one search over all of them."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

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
