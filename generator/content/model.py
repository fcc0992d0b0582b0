"""The content format as typed models: one class per kind of file.

These names are public (volunteers and other tools depend on them): change
them only together with docs/content.md and the "Format data" page.
"""

from __future__ import annotations

import datetime
import re
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from generator.content import values
from generator.messages import Msg, t


def invalid(message: Msg, hint: Msg) -> PydanticCustomError:
    """A located problem with our own message and hint (see `validate`)."""
    return PydanticCustomError("content", "{message}", {"message": message, "hint": hint})


def _parsed(parser: Any) -> Any:
    def run(value: Any) -> Any:
        try:
            return parser(value)
        except values.FieldError as err:
            raise invalid(err.message, err.hint) from None

    return BeforeValidator(run)


def _check_slug(value: str) -> str:
    problem = values.slug_problem(value, "sayuran")
    if problem:
        why, suggestion = problem
        raise invalid(
            t("slug.invalid", value=value, why=why), t("slug.example", suggestion=suggestion)
        )
    return value


def _lower(value: Any) -> Any:
    return value.strip().lower() if isinstance(value, str) else value


def _bool(value: Any) -> Any:
    # Volunteers write Indonesian; YAML itself already reads true/false/yes/no.
    if isinstance(value, str) and value.strip().lower() in ("ya", "tidak"):
        return value.strip().lower() == "ya"
    return value


def _one_line(value: str) -> str:
    if "\n" in value:
        raise invalid(t("text.newline"), t("text.newline.hint"))
    return value


def _one_line_code(value: str) -> str:
    if "\n" in value:
        raise invalid(t("text.newline"), t("code.newline.hint"))
    return value


def _int_as_text(value: Any) -> Any:
    # Permit numbers and stall labels are codes, not amounts: accept them unquoted too.
    return str(value) if type(value) is int else value


# `WithJsonSchema` tells editors (through schema/*.json) what a volunteer may type where our
# own parser accepts more than the Python type says, e.g. "Rp15.000" for a price. Editors
# read YAML 1.2: an unquoted 12.500 or 16.30 reaches them as a number, `yes` as text.
def _either(*choices: dict[str, Any]) -> WithJsonSchema:
    return WithJsonSchema({"anyOf": list(choices)})


# Editors run these as a volunteer types: no two neighbouring parts may match the same
# characters (`\s*\s*`, `[0-9 ]*\s*`), or a long run of spaces makes them backtrack
# quadratically (tests/test_bounds.py times each pattern at 2,000 and 20,000 characters).
PRICE_PATTERN = (
    r"^\s*(?:(?:[Rr][Pp]\.?|[Ii][Dd][Rr])\s*)?(?:[0-9]+(?: +[0-9]+)*|[0-9]{1,3}(?:\.[0-9]{3})+)"
    r"(?: *(?:,-|,00))?\s*$"
)
PHONE_PATTERN = r"^(?:\s*(?:\+\s*62|62|0))?[\s\-.()]*8[0-9\s\-.()]{7,16}$"
TEXT_PATTERN = r"^[^\S\n]*\S[^\n]*$"  # one line, not blank
LONG_TEXT_PATTERN = r"\S"  # lines, not blank
WEBSITE_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/]\S*$"
ID_PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$"
CODE_PATTERN = r"^[^\n]*$"
TIME_PATTERN = "^([01]?[0-9]|2[0-3])[:.][0-5][0-9]$"
INSTAGRAM_PATTERN = (
    "^(@?[A-Za-z0-9._]{1,30}|(https?://)?(www\\.)?instagram\\.com/[A-Za-z0-9._]{1,30}/?([?#].*)?)$"
)
STALL_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9.\-]*$"
# The text a map app copies: "-1.246500, 116.838900".
LOCATION_PATTERN = r"^\s*[-+−]?[0-9]{1,3}(\.[0-9]+)?\s*[,;]\s*[-+−]?[0-9]{1,3}(\.[0-9]+)?\s*$"
REPO_PATTERN = r"^[A-Za-z0-9_.\-]+/[A-Za-z0-9_.\-]+$"
BOOL_WORDS = r"^([Yy][Aa]|[Tt][Ii][Dd][Aa][Kk]|[Yy]([Ee][Ss])?|[Nn][Oo]?|[Oo]([Nn]|[Ff][Ff]))$"

Text = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    AfterValidator(_one_line),
    WithJsonSchema({"type": "string", "maxLength": 200, "pattern": TEXT_PATTERN}),
]
LongText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=2000),
    WithJsonSchema({"type": "string", "maxLength": 2000, "pattern": LONG_TEXT_PATTERN}),
]
Id = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=60),
    AfterValidator(_check_slug),
    WithJsonSchema({"type": "string", "pattern": ID_PATTERN, "maxLength": 60}),
]
Code = Annotated[
    str,
    BeforeValidator(_int_as_text),
    StringConstraints(strip_whitespace=True, min_length=1, max_length=60),
    AfterValidator(_one_line_code),
    WithJsonSchema({"type": ["string", "integer"], "maxLength": 60, "pattern": CODE_PATTERN}),
]
Price = Annotated[
    int,
    _parsed(values.parse_price),
    _either(
        {"type": "number", "exclusiveMinimum": 0, "maximum": values.MAX_PRICE},
        {"type": "string", "pattern": PRICE_PATTERN},
    ),
]
Phone = Annotated[
    str,
    _parsed(values.parse_phone),
    _either(
        {"type": "string", "pattern": PHONE_PATTERN},
        {"type": "integer", "minimum": 800_000_000, "maximum": 899_999_999_999},  # 812…
        {"type": "integer", "minimum": 62_800_000_000, "maximum": 62_899_999_999_999},  # 62812…
    ),
]
Time = Annotated[
    str,
    _parsed(values.parse_time),
    _either(
        {"type": "string", "pattern": TIME_PATTERN},
        {"type": "number", "minimum": 0, "exclusiveMaximum": 24},
    ),
]
Instagram = Annotated[
    str,
    _parsed(values.parse_instagram),
    WithJsonSchema({"type": "string", "pattern": INSTAGRAM_PATTERN}),
]
Website = Annotated[
    str,
    _parsed(values.parse_website),
    WithJsonSchema(
        {
            "type": "string",
            "maxLength": values.MAX_WEBSITE,
            "pattern": WEBSITE_PATTERN,
        }
    ),
]


def _degrees(low: float, high: float) -> dict[str, Any]:
    return {"type": "number", "minimum": low, "maximum": high}


Location = Annotated[
    tuple[float, float],
    _parsed(values.parse_location),
    _either(
        {
            "type": "array",
            "prefixItems": [_degrees(*values.LATITUDE), _degrees(*values.LONGITUDE)],
            "minItems": 2,
            "maxItems": 2,
        },
        {"type": "string", "pattern": LOCATION_PATTERN},
    ),
]


def _not_bool(value: Any) -> Any:
    # pydantic would read `rt: yes` as 1
    if isinstance(value, bool):
        raise invalid(t("number.bool", value=str(value).lower()), t("number.bool.hint"))
    return value


RT_RANGE = (1, 99)
YEAR_RANGE = (2000, 2100)  # of a bazaar's date
MONTH_RANGE = (1, 12)
# Bounds first: after a validator function pydantic would leave them out of the schema.
Month = Annotated[int, Field(ge=MONTH_RANGE[0], le=MONTH_RANGE[1]), BeforeValidator(_not_bool)]
Number = Annotated[int, Field(ge=RT_RANGE[0], le=RT_RANGE[1]), BeforeValidator(_not_bool)]
Bool = Annotated[
    bool,
    BeforeValidator(_bool),
    _either({"type": "boolean"}, {"type": "string", "pattern": BOOL_WORDS}),
]


class Payment(StrEnum):
    tunai = "tunai"
    qris = "qris"
    transfer = "transfer"


def _check_word(value: str) -> str:
    if not re.fullmatch(r"[a-z0-9]+", value):
        raise invalid(t("word.invalid", value=value), t("word.invalid.hint"))
    return value


# A search word: what the search box splits a query into (no spaces, no hyphens).
Word = Annotated[
    str,
    BeforeValidator(_lower),
    StringConstraints(min_length=1, max_length=40),
    AfterValidator(_check_word),
    WithJsonSchema({"type": "string", "pattern": "^[A-Za-z0-9]{1,40}$"}),
]


class Strict(BaseModel):
    # Unknown keys are errors: a typo like `prise` must never be silently ignored.
    # Attribute docstrings (in Bahasa Indonesia) become the schema's descriptions, which
    # editors show to volunteers as they type.
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Named(Strict):
    id: Id
    """Kode singkat: huruf kecil, angka, dan `-`. Contoh: `makanan`, `kampung-bungas`."""
    name: Text
    """Nama yang tampil di situs. Contoh: `Makanan & Kudapan`."""
    description: LongText | None = None
    """Keterangan singkat (boleh kosong). Contoh: `Kue, amplang, dan sambal.`"""


class Category(Named):
    """Kategori usaha dan produk."""


class Programme(Named):
    """Program warga, misalnya Kampung Bungas."""


def _check_repo(value: str) -> str:
    if not re.fullmatch(REPO_PATTERN, value):
        raise invalid(t("repo.invalid", value=value), t("repo.invalid.hint"))
    return value


Repo = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=140),
    AfterValidator(_check_repo),
    WithJsonSchema({"type": "string", "maxLength": 140, "pattern": REPO_PATTERN}),
]


def _check_origin(value: str) -> str:
    # Decap accepts the sign-in answer only from exactly this origin: no path after it.
    parts = urlsplit(value)
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise invalid(t("auth_url.invalid", value=value), t("auth_url.invalid.hint"))
    return value


class Admin(Strict):
    """Formulir /admin/ (Decap CMS): di repositori mana katalog ini disimpan, dan lewat
    layanan apa relawan masuk dengan akun GitHub (lihat CONTRIBUTING.md)."""

    repo: Repo
    """Repositori GitHub katalog ini, `pemilik/nama`. Contoh: `warga-gsi/katalog-umkm`."""
    branch: Text = "main"
    """Cabang yang diterbitkan. Contoh: `main`."""
    auth_url: Annotated[Website, AfterValidator(_check_origin)] | None = None
    """Alamat layanan masuk GitHub (OAuth), misalnya sebuah Cloudflare Worker; wajib untuk
    situs di GitHub Pages. Contoh: `https://katalog-masuk.example.workers.dev`."""


class Catalogue(Strict):
    """Pengaturan katalog (`content/catalogue.yml`)."""

    title: Text
    """Judul katalog. Contoh: `Katalog UMKM Gunung Sari Ilir`."""
    kelurahan: Text
    """Nama kelurahan. Contoh: `Gunung Sari Ilir`."""
    kecamatan: Text
    """Nama kecamatan. Contoh: `Balikpapan Tengah`."""
    city: Text
    """Nama kota. Contoh: `Balikpapan`."""
    site_url: Website | None = None
    """Alamat situs yang sudah terbit. Contoh: `https://katalog.example.org/`."""
    description: LongText | None = None
    """Keterangan di halaman depan. Contoh: `Katalog usaha warga.`"""
    contact_whatsapp: Phone | None = None
    """Nomor WhatsApp pengelola katalog. Contoh: `0812-0000-0000`."""
    categories: Annotated[list[Category], Field(min_length=1)]
    """Daftar kategori; hanya id di sini yang boleh dipakai usaha dan produk."""
    programmes: list[Programme] = []
    """Daftar program warga."""
    admin: Admin | None = None
    """Formulir /admin/ untuk relawan: repositori GitHub dan layanan masuknya."""

    def url(self, path: str) -> str | None:
        """The absolute address of `path` (`usaha/x/`, or `""` for the home page) on the
        published site; None when `site_url` is not given. The one place that joins them,
        so that `https://x.org` and `https://x.org/` give the same addresses."""
        return self.site_url.rstrip("/") + "/" + path if self.site_url else None


class Product(Strict):
    """Satu produk atau jasa."""

    name: Text
    """Nama produk. Contoh: `Amplang ikan tenggiri`."""
    price: Price
    """Harga dalam rupiah bulat: `15000`, `"15.000"`, `"Rp15.000"`, atau `"Rp 15.000"`."""
    unit: Text | None = None
    """Satuan. Contoh: `bungkus 250 g`, `ikat`, `pot`."""
    description: LongText | None = None
    """Keterangan produk. Contoh: `Renyah, tanpa pengawet.`"""
    photo: Text | None = None
    """Berkas foto, relatif terhadap berkas ini. Contoh: `foto/amplang.jpg`."""
    available: Bool = True
    """Tulis `false` jika sedang kosong. Contoh: `false`."""
    season: list[Month] = []
    """Bulan panen atau bulan dijual, angka 1–12. Contoh: `[6, 7, 8]`."""
    category: Id | None = None
    """Id kategori, jika berbeda dari kategori usaha. Contoh: `bunga`."""

    @field_validator("season")
    @classmethod
    def _months_sorted(cls, months: list[int]) -> list[int]:
        return sorted(set(months))


class Vendor(Strict):
    """Satu usaha atau satu kebun Kampung Bungas (`content/vendors/<nama>.yml`)."""

    name: Text
    """Nama usaha. Contoh: `Amplang Bu Sari`."""
    category: Id
    """Id kategori dari content/catalogue.yml."""
    products: Annotated[list[Product], Field(min_length=1)]
    """Daftar produk, minimal satu."""
    owner: Text | None = None
    """Nama pemilik. Contoh: `Ibu Sari`."""
    description: LongText | None = None
    """Keterangan singkat; baris kosong memulai paragraf baru. Contoh: `Amplang buatan rumah.`"""
    rt: Number | None = None
    """Nomor RT, 1–99. Contoh: `3`."""
    rw: Number | None = None
    """Nomor RW, 1–99. Contoh: `1`."""
    address: Text | None = None
    """Alamat. Contoh: `Jl. Anggrek Gg. 3 No. 12`."""
    lokasi: Location | None = None
    """Titik di peta untuk petunjuk arah: lintang, lalu bujur (salin dari aplikasi peta).
    Contoh: `[-1.2465, 116.8389]`."""
    whatsapp: Phone | None = None
    """Nomor HP untuk WhatsApp. Contoh: `0812-3456-7890` atau `+62 812 3456 7890`."""
    instagram: Instagram | None = None
    """Nama akun Instagram, dengan atau tanpa @. Contoh: `amplang.busari`."""
    website: Website | None = None
    """Alamat situs, diawali https://. Contoh: `https://example.org/`."""
    photo: Text | None = None
    """Berkas foto usaha, relatif terhadap berkas ini. Contoh: `foto/toko.jpg`."""
    programme: Id | None = None
    """Id program. Contoh: `kampung-bungas`."""
    halal: Code | None = None
    """Nomor sertifikat halal. Contoh: `ID00000000000001`."""
    pirt: Code | None = None
    """Nomor P-IRT. Contoh: `"000000000000001"`."""
    nib: Code | None = None
    """Nomor Induk Berusaha (NIB). Contoh: `"0000000000001"`."""
    open_hours: Text | None = None
    """Jam buka. Contoh: `Senin–Sabtu 08:00–17:00`."""
    delivery: Bool | None = None
    """Bisa diantar? Contoh: `true`."""
    payment: list[
        Annotated[
            Payment,
            BeforeValidator(_lower),
            _either(
                {"enum": ["tunai", "qris", "transfer"]},  # what editors offer
                {
                    "type": "string",
                    "pattern": "^([Tt][Uu][Nn][Aa][Ii]|[Qq][Rr][Ii][Ss]|"
                    "[Tt][Rr][Aa][Nn][Ss][Ff][Ee][Rr])$",
                },
            ),
        ]
    ] = []
    """Cara bayar: tunai, qris, transfer. Contoh: `[tunai, qris]`."""
    tags: list[Text] = []
    """Kata kunci untuk pencarian. Contoh: `[oleh-oleh, khas-balikpapan]`."""


StallLabel = Annotated[
    str,
    BeforeValidator(_int_as_text),  # `stall: 12`
    WithJsonSchema(
        {
            "type": ["string", "integer"],
            "maxLength": 10,
            "pattern": STALL_PATTERN,
        }
    ),
    StringConstraints(
        strip_whitespace=True,
        min_length=1,
        max_length=10,
        pattern=STALL_PATTERN,
    ),
]


class Stall(Strict):
    """Satu lapak di bazar."""

    stall: StallLabel
    """Nomor lapak. Contoh: `A1`, `B12`."""
    vendor: Id
    """Nama berkas usaha tanpa `.yml`. Contoh: `amplang-bu-sari`."""


class Event(Strict):
    """Satu bazar (`content/events/<nama>.yml`)."""

    name: Text
    """Nama acara. Contoh: `Bazar UMKM Juli`."""
    date: Annotated[
        datetime.date,
        WithJsonSchema(
            {"type": "string", "format": "date", "pattern": "^(20[0-9][0-9]|2100)-[0-9][0-9]-"}
        ),
    ]
    """Tanggal, tahun-bulan-tanggal. Contoh: `2025-06-14`."""
    location: Text
    """Tempat. Contoh: `Halaman Kantor Kelurahan`."""
    stalls: Annotated[list[Stall], Field(min_length=1)]
    """Daftar lapak."""
    start: Time | None = None
    """Jam mulai (24 jam, WITA). Contoh: `"08:00"`."""
    end: Time | None = None
    """Jam selesai (24 jam, WITA). Contoh: `"16:00"`."""
    lokasi: Location | None = None
    """Titik tempat acara di peta: lintang, lalu bujur. Contoh: `[-1.2465, 116.8389]`."""
    description: LongText | None = None
    """Keterangan acara. Contoh: `Bazar hasil kebun warga.`"""
    organizer: Text | None = None
    """Penyelenggara. Contoh: `Kelurahan Gunung Sari Ilir`."""
    denah: list[list[StallLabel | None]] | None = None
    """Denah lapak, baris demi baris dari depan, misalnya `[[A1, A2], [null, null], [B1]]`:
    `null` adalah lorong atau celah; setiap label harus lapak di `stalls`. Contoh:
    `[[A1, null]]`."""

    @field_validator("date", mode="before")
    @classmethod
    def _plain_date(cls, value: Any) -> Any:
        if isinstance(value, datetime.date):
            return value
        text = str(value).strip()
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):  # quoted: "2025-06-14"
            try:
                return datetime.date.fromisoformat(text)
            except ValueError:
                raise invalid(t("date.real", value=text), t("date.real.hint")) from None
        example = "2025-06-14"
        day_first = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", text)
        if day_first:
            example = f"{day_first[3]}-{int(day_first[2]):02d}-{int(day_first[1]):02d}"
        raise invalid(t("date.format", value=value), t("date.format.hint", example=example))

    @field_validator("date")
    @classmethod
    def _plausible_year(cls, date: datetime.date) -> datetime.date:
        # 9999-12-31 has no next day for the calendar feed; any such year is a typo anyway.
        if not YEAR_RANGE[0] <= date.year <= YEAR_RANGE[1]:
            low, high = YEAR_RANGE
            raise invalid(
                t("date.range", value=date.isoformat(), low=low, high=high),
                t("date.range.hint"),
            )
        return date

    @field_validator("end")
    @classmethod
    def _end_after_start(cls, end: str | None, info: ValidationInfo) -> str | None:
        start = info.data.get("start")
        if end and start and end <= start:
            raise invalid(
                t("event.end_before_start", end=end, start=start), t("event.end_before_start.hint")
            )
        return end


class CityPart(Strict):
    """Satu kelurahan di kota: folder katalognya sendiri."""

    id: Id
    """Kode kelurahan, menjadi awal alamat halamannya. Contoh: `gunung-sari-ilir`."""
    path: Text
    """Folder katalog kelurahan itu (berisi catalogue.yml), relatif terhadap kota.yml.
    Contoh: `karang-jati`."""


class City(Strict):
    """Katalog sekota: banyak kelurahan, satu situs (`kota.yml`)."""

    title: Text
    """Judul katalog kota. Contoh: `Katalog UMKM Kota Balikpapan`."""
    city: Text
    """Nama kota. Contoh: `Balikpapan`."""
    site_url: Website | None = None
    """Alamat situs yang sudah terbit. Contoh: `https://umkm.example.org/`."""
    description: LongText | None = None
    """Keterangan di halaman depan kota."""
    contact_whatsapp: Phone | None = None
    """Nomor WhatsApp pengelola katalog kota. Contoh: `0812-0000-0000`."""
    kelurahan: Annotated[list[CityPart], Field(min_length=1)]
    """Daftar kelurahan, masing-masing dengan folder katalognya."""


class Synonyms(Strict):
    """Kata yang sama artinya, untuk pencarian (`content/synonyms.yml`)."""

    synonyms: list[Annotated[list[Word], Field(min_length=2)]] = []
    """Satu baris satu kelompok kata yang sama artinya. Mencari salah satu kata juga
    menemukan kata lain di kelompoknya. Contoh: `[cabai, cabe, lombok]`."""
