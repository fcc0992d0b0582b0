"""Open data for the city office: the catalogue as JSON, CSV and an iCalendar feed.

Pure, like `render`: index in, `{path: text}` out; `write` puts the files in the docs
folder and MkDocs copies them into the site as they are.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
from typing import Any
from urllib.parse import urlsplit

from generator.content.formats import wita
from generator.content.index import Index
from generator.content.model import Event, Vendor
from generator.content.values import degrees, slugify

LICENCE = "CC BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.id"

# Column names as Indonesian government UMKM data sets usually spell them, with what each
# holds (shown on the "Data terbuka" page).
VENDOR_COLUMNS = {
    "id_usaha": "kode tetap usaha, sama dengan alamat halamannya",
    "nama_usaha": "nama usaha",
    "nama_pemilik": "nama pemilik",
    "kode_kategori": "kode kategori usaha",
    "kategori": "nama kategori usaha",
    "program": "program warga yang diikuti, misalnya Kampung Bungas",
    "alamat": "alamat (jalan, gang, nomor)",
    "rt": "nomor RT",
    "rw": "nomor RW",
    "kelurahan": "kelurahan",
    "kecamatan": "kecamatan",
    "kota": "kota",
    "lintang": "lintang titik lokasinya (derajat, WGS 84), kosong jika tidak diisi",
    "bujur": "bujur titik lokasinya (derajat, WGS 84)",
    "no_wa": "nomor WhatsApp, 62… tanpa +",
    "instagram": "nama akun Instagram",
    "situs_web": "alamat situs web",
    "no_nib": "Nomor Induk Berusaha (NIB)",
    "no_pirt": "nomor P-IRT",
    "no_halal": "nomor sertifikat halal",
    "jam_buka": "jam buka, seperti ditulis pemilik",
    "bisa_diantar": "ya / tidak / kosong",
    "pembayaran": "cara bayar: tunai, qris, transfer (dipisah spasi)",
    "jumlah_produk": "banyaknya produk",
    "halaman": "alamat halaman usaha di katalog",
}
PRODUCT_COLUMNS = {
    "id_usaha": "kode usaha penjual, sama dengan id_usaha di usaha.csv",
    "nama_usaha": "nama usaha penjual",
    "nama_produk": "nama produk",
    "kode_kategori": "kode kategori produk",
    "kategori": "nama kategori produk",
    "harga": "harga dalam rupiah, angka bulat",
    "satuan": "satuan harga, misalnya bungkus atau ikat",
    "tersedia": "ya / tidak",
    "bulan_musim": "bulan panen atau bulan dijual, 1–12 (dipisah spasi)",
    "keterangan": "keterangan produk",
}

# Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def files(index: Index) -> dict[str, str]:
    vendors, products = rows(index)
    return {
        "data/usaha.json": usaha_json(index, vendors, products),
        "data/usaha.csv": to_csv(VENDOR_COLUMNS, vendors),
        "data/produk.csv": to_csv(PRODUCT_COLUMNS, products),
        "acara.ics": calendar(index),
    }


def page_url(index: Index, path: str) -> str:
    """A page's address: absolute when the catalogue knows where it is published."""
    return index.content.catalogue.url(path) or path


def rows(index: Index) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One row per vendor and one per product, with typed values (None: not given)."""
    catalogue = index.content.catalogue
    categories, programmes = index.category_names, index.programme_names
    vendors, products = [], []
    for slug in index.vendor_slugs:
        v: Vendor = index.vendor(slug)
        vendors.append(
            {
                "id_usaha": slug,
                "nama_usaha": v.name,
                "nama_pemilik": v.owner,
                "kode_kategori": v.category,
                "kategori": categories[v.category],
                "program": programmes[v.programme] if v.programme else None,
                "alamat": v.address,
                "rt": v.rt,
                "rw": v.rw,
                "kelurahan": catalogue.kelurahan,
                "kecamatan": catalogue.kecamatan,
                "kota": catalogue.city,
                "lintang": v.lokasi[0] if v.lokasi else None,
                "bujur": v.lokasi[1] if v.lokasi else None,
                # 62812…: digits only, so a spreadsheet neither reads "+62…" as a formula
                # nor drops a leading 0; wa.me/<no_wa> opens the chat.
                "no_wa": v.whatsapp,
                "instagram": v.instagram,
                "situs_web": v.website,
                "no_nib": v.nib,
                "no_pirt": v.pirt,
                "no_halal": v.halal,
                "jam_buka": v.open_hours,
                "bisa_diantar": v.delivery,
                "pembayaran": [p.value for p in v.payment],
                "jumlah_produk": len(v.products),
                "halaman": page_url(index, f"usaha/{slug}/"),
            }
        )
        for p in v.products:
            category = p.category or v.category
            products.append(
                {
                    "id_usaha": slug,
                    "nama_usaha": v.name,
                    "nama_produk": p.name,
                    "kode_kategori": category,
                    "kategori": categories[category],
                    "harga": p.price,
                    "satuan": p.unit,
                    "tersedia": p.available,
                    "bulan_musim": list(p.season),
                    "keterangan": p.description,
                }
            )
    return vendors, products


def with_products(
    vendors: list[dict[str, Any]], products: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """Each vendor's row with its products' rows inside (`produk`), as usaha.json has them."""
    by_vendor: dict[str, list[dict[str, Any]]] = {}
    for p in products:
        item = {k: v for k, v in p.items() if k not in ("id_usaha", "nama_usaha")}
        by_vendor.setdefault(p["id_usaha"], []).append(item)
    return [v | {"produk": by_vendor[v["id_usaha"]]} for v in vendors]


def usaha_json(index: Index, vendors: list[dict[str, Any]], products: list[dict[str, Any]]) -> str:
    catalogue = index.content.catalogue
    data = {
        "judul": catalogue.title,
        "kelurahan": catalogue.kelurahan,
        "kecamatan": catalogue.kecamatan,
        "kota": catalogue.city,
        "lisensi": LICENCE,
        "lisensi_url": LICENCE_URL,
        "tanggal_data": index.today.isoformat(),
        "mata_uang": "IDR",
        "jumlah_usaha": len(vendors),
        "usaha": with_products(vendors, products),
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def cell(value: Any) -> str | int | float:
    """A value as a CSV cell a spreadsheet shows as text and never runs. Numbers stay
    numbers (a latitude south of the equator starts with "-": it is no formula)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, int | float):
        return value
    if isinstance(value, list):
        value = " ".join(str(x) for x in value)
    text = str(value)
    # A leading apostrophe is how spreadsheets themselves mark "this is text".
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(columns: dict[str, str], records: list[dict[str, Any]]) -> str:
    """RFC 4180 (CRLF, quotes where needed), UTF-8 with a BOM: without it Excel on Windows
    reads the file as ANSI and garbles "–", "é" and the like; other tools skip the BOM."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([cell(record[c]) for c in columns])
    return "\ufeff" + out.getvalue()


# --- iCalendar (RFC 5545) ---------------------------------------------------------------

# Balikpapan keeps UTC+8 all year: a VTIMEZONE with one rule says so to every calendar.
_TIMEZONE = (
    "BEGIN:VTIMEZONE",
    "TZID:Asia/Makassar",
    "BEGIN:STANDARD",
    "DTSTART:19700101T000000",
    "TZOFFSETFROM:+0800",
    "TZOFFSETTO:+0800",
    "TZNAME:WITA",
    "END:STANDARD",
    "END:VTIMEZONE",
)


def ics_text(value: str) -> str:
    """Escape a TEXT value (RFC 5545 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1),
    never splitting a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def calendar(index: Index) -> str:
    events = index.content.events
    ordered = sorted(events, key=lambda s: (events[s].date, s))
    return calendar_of(index.content.catalogue.title, [(index, slug, slug) for slug in ordered])


def calendar_of(title: str, events: list[tuple[Index, str, str]]) -> str:
    """An iCalendar feed of `events`: (the index it is in, its slug, its UID's name part,
    which a city makes unique across its kelurahan), in that order."""
    # The build day stands for "when this feed was made": two builds of the same
    # content on one day are byte-identical (SOURCE_DATE_EPOCH fixes the day).
    stamp = _utc(events[0][0].today, "00:00") if events else ""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//katalog-bazaar//Katalog UMKM//ID",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{ics_text('Bazar ' + title)}",
        "X-WR-TIMEZONE:Asia/Makassar",
        *_TIMEZONE,
    ]
    for index, slug, uid in events:
        lines += _vevent(index, slug, index.event(slug), uid, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _host(index: Index) -> str:
    catalogue = index.content.catalogue
    host = urlsplit(catalogue.site_url).hostname if catalogue.site_url else None
    return host or f"katalog-{slugify(catalogue.kelurahan) or 'umkm'}.invalid"


def _vevent(index: Index, slug: str, e: Event, uid: str, stamp: str) -> list[str]:
    lines = ["BEGIN:VEVENT", f"UID:{uid}@{_host(index)}", f"DTSTAMP:{stamp}"]
    if e.start:
        lines.append(f"DTSTART;TZID=Asia/Makassar:{_local(e.date, e.start)}")
        if e.end:
            lines.append(f"DTEND;TZID=Asia/Makassar:{_local(e.date, e.end)}")
    else:  # no time given: an all-day event
        lines.append(f"DTSTART;VALUE=DATE:{e.date:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{e.date + datetime.timedelta(days=1):%Y%m%d}")
    lines += [f"SUMMARY:{ics_text(e.name)}", f"LOCATION:{ics_text(e.location)}"]
    if e.lokasi:  # a calendar app offers directions to it
        lines.append(f"GEO:{degrees(e.lokasi[0])};{degrees(e.lokasi[1])}")
    about = [e.description or "", f"Penyelenggara: {e.organizer}" if e.organizer else ""]
    about.append(f"{len(e.stalls)} lapak.")
    lines.append("DESCRIPTION:" + ics_text("\n\n".join(a for a in about if a)))
    page = index.content.catalogue.url(f"acara/{slug}/")
    if page:  # URL takes an absolute address only
        lines.append(f"URL:{page}")
    lines += ["STATUS:CONFIRMED", "TRANSP:TRANSPARENT", "END:VEVENT"]
    return lines


def _local(day: datetime.date, hhmm: str) -> str:
    return f"{day:%Y%m%d}T{hhmm.replace(':', '')}00"


def _utc(day: datetime.date, hhmm: str) -> str:
    return f"{wita(day, hhmm).astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"
