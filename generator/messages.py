"""Every sentence a volunteer reads, in Indonesian (the default) and English.

Code raises `t("code", **params)`; the text is chosen when it is printed, so one
catalogue serves both languages (`--lang en` or KATALOG_LANG=en).
"""

from __future__ import annotations

import os
import reprlib
from dataclasses import dataclass, field
from typing import Any

from babel.numbers import format_decimal

LANGUAGES = ("id", "en")
_language = (
    os.environ.get("KATALOG_LANG", "id") if os.environ.get("KATALOG_LANG") in LANGUAGES else "id"
)


def set_language(language: str) -> None:
    global _language
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}")
    _language = language


@dataclass(frozen=True)
class Msg:
    """A sentence not yet put into words: a catalogue code and its values."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        lang = lang or _language
        values = {k: _localise(v, lang) for k, v in self.params.items()}
        return CATALOGUE[self.code][LANGUAGES.index(lang)].format(**values)

    def __str__(self) -> str:
        return self.render()


class Count(int):
    """A number the generator counted (not one the volunteer typed): grouped by language."""


class Whole(str):
    """Text the generator composed around content (a Markdown code span in the review
    summary): quoted in full, never cut, so that a reviewer sees all of it."""


class Seconds(float):
    """A duration, written with the language's decimal mark (1,5 detik / 1.5 s)."""


class Megabytes(float):
    """A file size, written with the language's decimal mark (26,2 MB / 26.2 MB)."""


def _localise(value: Any, lang: str) -> Any:
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, Count):
        return format_decimal(value, locale=lang)  # 30.000.024 in Indonesian, 30,000,024 in English
    if isinstance(value, Seconds | Megabytes):
        return format_decimal(value, format="0.0", locale=lang)
    return value


MAX_SHOWN = 80
"""Characters of a volunteer's value quoted in a message; a longer value is cut with "…"."""
# What the generator itself writes into a message (field names, ids, paths, errors): not cut.
_OURS = {"allowed", "choices", "detail", "fields", "path", "packages"}
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict = 2, 4, 4
_REPR.maxstring = _REPR.maxother = MAX_SHOWN


def shown(value: object) -> str:
    """A volunteer's value as a message quotes it: at most `MAX_SHOWN` characters."""
    if isinstance(value, str):
        text = value
    elif isinstance(value, list | tuple | dict | set):
        text = _REPR.repr(value)
    else:
        try:
            text = str(value)
        except ValueError:  # an integer with more than 4,300 digits
            text = "9" * MAX_SHOWN
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def _needs_cutting(name: str, value: object) -> bool:
    kind = type(value)
    if kind is str:  # the common case first: `t` runs once or twice for every problem
        return len(value) > MAX_SHOWN and name not in _OURS  # type: ignore[arg-type]
    if kind is int:  # `{char:04X}` and counts stay numbers
        return value.bit_length() > 200  # type: ignore[attr-defined]
    return not (
        name in _OURS or isinstance(value, Msg | Count | Whole | Seconds | Megabytes | float)
    )


def t(code: str, **params: Any) -> Msg:
    if code not in CATALOGUE:
        raise KeyError(f"no message {code!r} in the catalogue")
    # Every value goes through `shown`: no message repeats a megabyte a volunteer typed.
    for name, value in params.items():
        if _needs_cutting(name, value):
            params[name] = shown(value)
    return Msg(code, params)


def message_and_hint(code: str, **params: Any) -> tuple[Msg, Msg]:
    """Message `code` and its hint `code.hint`, given the same values: the catalogue's
    convention for a mistake with one usual fix."""
    return t(code, **params), t(code + ".hint", **params)


def with_hint(message: str | Msg, hint: str | Msg | None) -> str:
    """`what is wrong — how to fix it`: how a message and its hint share one line,
    wherever one is printed (the report, annotations, `new`'s questions)."""
    return f"{message} — {hint}" if hint else str(message)


# code: (Indonesian, English). Placeholders must match in both.
CATALOGUE: dict[str, tuple[str, str]] = {
    # Prices
    "price.write": (
        "tulis harga dalam rupiah bulat dengan angka, misalnya `price: 15000`",
        "write the whole Rupiah amount in digits, e.g. `price: 15000`",
    ),
    "price.missing": ("harga wajib diisi", "a price is required"),
    "price.abbreviation": ("`{value}` adalah singkatan", "`{value}` is an abbreviation"),
    "price.abbreviation.hint": (
        "tulis jumlah lengkap dengan angka, misalnya `price: {thousands}000`",
        "write the full amount in digits, e.g. `price: {thousands}000`",
    ),
    "price.negative": ("`{value}` bernilai negatif", "`{value}` is negative"),
    "price.cents": (
        "`{value}` bukan rupiah bulat (rupiah tidak memakai sen)",
        "`{value}` is not a whole Rupiah amount (Rupiah has no cents)",
    ),
    "price.cents.hint": (
        "tulis ribuan dengan titik atau tanpa pemisah, misalnya `price: 15000` atau "
        '`price: "15.000"`',
        "write thousands with a dot or without separators, e.g. `price: 15000` or "
        '`price: "15.000"`',
    ),
    "price.range": ("`{value}` tampak seperti rentang harga", "`{value}` looks like a price range"),
    "price.range.hint": (
        "buat satu produk untuk setiap ukuran atau varian, masing-masing dengan satu harga",
        "give each size or variant its own product with one price",
    ),
    "price.invalid": ("`{value}` bukan harga", "`{value}` is not a price"),
    "price.zero": ("harganya 0", "the price is 0"),
    "price.zero.hint": (
        "tulis harga sebenarnya; untuk barang gratis, sebutkan di `description` dan tulis "
        "harga biasanya",
        "write the real price; for a free item say so in `description` and give the usual price",
    ),
    "price.too_high": (
        "`{value}` lebih dari Rp100.000.000",
        "`{value}` is more than Rp100.000.000",
    ),
    "price.too_high.hint": (
        "periksa kelebihan angka nol; tulis dengan angka, misalnya `price: 15000`",
        "check for extra zeros; write the amount in digits, e.g. `price: 15000`",
    ),
    # Phone numbers
    "phone.write": (
        "tulis nomor HP Indonesia, misalnya `0812-3456-7890` atau `+62 812 3456 7890`",
        "write an Indonesian mobile number, e.g. `0812-3456-7890` or `+62 812 3456 7890`",
    ),
    "phone.type": ("seharusnya nomor telepon", "expected a phone number"),
    "phone.chars": (
        "`{value}` bukan nomor telepon (hanya angka, spasi, `-`, dan `+`)",
        "`{value}` is not a phone number (only digits, spaces, `-` and `+`)",
    ),
    "phone.country": ("`{value}` bukan nomor Indonesia", "`{value}` is not an Indonesian number"),
    "phone.mobile": (
        "`{value}` bukan nomor HP (WhatsApp memerlukan nomor yang diawali 08…)",
        "`{value}` is not a mobile number (WhatsApp needs one starting 08…)",
    ),
    "phone.length": (
        "`{value}` terdiri atas {digits} angka; nomor HP terdiri atas 10 sampai 13 angka",
        "`{value}` has {digits} digits; a mobile number has 10 to 13",
    ),
    # Times, dates, links
    "time.write": (
        'tulis jam dengan format JJ:MM (24 jam), misalnya `"08:00"` atau `"16:30"`',
        'write the time as HH:MM on a 24-hour clock, e.g. `"08:00"` or `"16:30"`',
    ),
    "time.invalid": ("`{value}` bukan jam", "`{value}` is not a time"),
    "denah.unknown": (
        "lapak `{value}` ada di denah, tetapi tidak ada di daftar lapak (`stalls`) acara ini",
        "stall `{value}` is in the plan but not among this event's `stalls`",
    ),
    "denah.unknown.hint": (
        "perbaiki labelnya, atau tambahkan lapaknya di `stalls`; lapak yang ada: {known}",
        "fix the label, or add the stall to `stalls`; the stalls are: {known}",
    ),
    "denah.twice": (
        "lapak `{value}` sudah ada di denah ({other})",
        "stall `{value}` is already in the plan ({other})",
    ),
    "denah.twice.hint": (
        "satu lapak berdiri di satu tempat: hapus salah satunya, atau tulis `null` untuk celah",
        "a stall stands in one place: remove one of them, or write `null` for a gap",
    ),
    "location.invalid": (
        "`{value}` bukan titik lokasi",
        "`{value}` is not a location",
    ),
    "location.write": (
        "tulis lintang lalu bujur di dalam kurung siku, misalnya `lokasi: [-1.2465, 116.8389]`"
        " (salin dari aplikasi peta: tekan lama titiknya, lalu salin angkanya)",
        "write the latitude, then the longitude, in square brackets, e.g."
        " `lokasi: [-1.2465, 116.8389]` (copy them from a map app: long-press the place)",
    ),
    "location.outside": (
        "titik [{lat}, {lon}] berada di luar Indonesia",
        "[{lat}, {lon}] is outside Indonesia",
    ),
    "location.swapped": (
        "titik [{lat}, {lon}] berada di luar Indonesia: lintang dan bujurnya tertukar",
        "[{lat}, {lon}] is outside Indonesia: latitude and longitude are swapped",
    ),
    "location.swapped.hint": (
        "tulis lintang dulu, baru bujur: `lokasi: [{lat}, {lon}]`",
        "write the latitude first: `lokasi: [{lat}, {lon}]`",
    ),
    "time.range": ("jam `{value}` tidak ada", "`{value}` is not a time of day"),
    "date.real": ("tanggal `{value}` tidak ada", "`{value}` is not a real date"),
    "date.real.hint": ("periksa tanggal dan bulannya", "check the day and the month"),
    "date.range": (
        "tanggal `{value}` di luar tahun {low}–{high}",
        "`{value}` is outside the years {low}–{high}",
    ),
    "date.range.hint": (
        "periksa tahunnya; tulis tahun-bulan-tanggal, misalnya `date: 2025-06-14`",
        "check the year; write year-month-day, e.g. `date: 2025-06-14`",
    ),
    "date.format": (
        "`{value}` bukan tanggal berformat TTTT-BB-HH",
        "`{value}` is not a date in the form YYYY-MM-DD",
    ),
    "date.format.hint": (
        "tulis tahun-bulan-tanggal, misalnya `date: {example}`",
        "write year-month-day, e.g. `date: {example}`",
    ),
    "event.end_before_start": (
        "bazar selesai ({end}) sebelum dimulai ({start})",
        "the bazaar ends ({end}) before it starts ({start})",
    ),
    "event.end_before_start.hint": (
        'periksa `start` dan `end`; jam memakai format 24 jam, misalnya `end: "16:00"`',
        'check `start` and `end`; times are on a 24-hour clock, e.g. `end: "16:00"`',
    ),
    "instagram.invalid": (
        "`{value}` bukan nama akun Instagram",
        "`{value}` is not an Instagram account name",
    ),
    "instagram.write": (
        "tulis nama akunnya, misalnya `instagram: amplang.busari`",
        "write the account name, e.g. `instagram: amplang.busari`",
    ),
    "website.invalid": ("`{value}` bukan alamat situs", "`{value}` is not a web address"),
    "website.scheme": (
        "`{value}` bukan alamat http atau https",
        "`{value}` is not an http or https address",
    ),
    "website.write": (
        "tulis alamat lengkap yang diawali https://, misalnya `https://example.org/`",
        "write the full address starting with https://, e.g. `https://example.org/`",
    ),
    "website.too_long.hint": (
        "tulis alamat halaman depan situsnya saja, misalnya `https://example.org/`",
        "write the address of the site's home page only, e.g. `https://example.org/`",
    ),
    # Ids, slugs and file names
    "slug.invalid": ("`{value}` bukan id yang sah ({why})", "`{value}` is not a valid id ({why})"),
    "slug.example": ("tulis misalnya `{suggestion}`", "write e.g. `{suggestion}`"),
    "slug.chars": ("huruf kecil a-z, angka 0-9, dan -", "lowercase a-z, 0-9 and -"),
    "slug.reserved": (
        "`index` sudah dipakai halaman daftar",
        "`index` is taken by the list page",
    ),
    "file.bad_name": (
        "nama berkas ini tidak bisa menjadi alamat halaman",
        "the file name can't be a page address",
    ),
    "file.rename": (
        "ganti namanya menjadi {suggestion}.yml ({why})",
        "rename it to {suggestion}.yml ({why})",
    ),
    # What else sits in vendors/ and events/: every file is content or a problem.
    "file.yaml_ext": (
        "nama berkas berakhiran `{ext}`, jadi berkas ini tidak dibaca",
        "the file name ends in `{ext}`, so the file is not read",
    ),
    "file.ext_case": (
        "akhiran `{ext}` harus ditulis `.yml` (huruf kecil), jadi berkas ini tidak dibaca",
        "the ending `{ext}` must be written `.yml` (lowercase), so the file is not read",
    ),
    "file.space": (
        "nama berkas diawali atau diakhiri spasi, jadi berkas ini tidak dibaca",
        "the file name starts or ends with a space, so the file is not read",
    ),
    "file.rename_to": ("ganti nama berkasnya menjadi `{name}`", "rename the file to `{name}`"),
    "file.rename_taken": (
        "`{name}` sudah ada: pindahkan isi berkas ini ke sana, lalu hapus berkas ini",
        "`{name}` already exists: move what this file holds there, then delete this one",
    ),
    "file.no_name": (
        "berkas ini tidak punya nama, hanya akhiran `{ext}`",
        "the file has no name, only the ending `{ext}`",
    ),
    "file.no_name.vendors": (
        "beri nama sesuai nama usahanya, misalnya `toko-bu-sari.yml`",
        "name it after the business, e.g. `toko-bu-sari.yml`",
    ),
    "file.no_name.events": (
        "beri nama sesuai nama bazarnya, misalnya `bazar-juli-2026.yml`",
        "name it after the bazaar, e.g. `bazar-juli-2026.yml`",
    ),
    "file.not_content": (
        "berkas ini tidak dibaca: hanya berkas `.yml` yang menjadi isi katalog",
        "this file is not read: only `.yml` files become part of the catalogue",
    ),
    "file.not_content.vendors": (
        "jika isinya data usaha, ganti nama berkasnya menjadi `{name}`; jika bukan, "
        "pindahkan keluar dari folder ini",
        "if it holds a business, rename the file to `{name}`; if not, move it out of this folder",
    ),
    "file.not_content.events": (
        "jika isinya data bazar, ganti nama berkasnya menjadi `{name}`; jika bukan, "
        "pindahkan keluar dari folder ini",
        "if it holds a bazaar, rename the file to `{name}`; if not, move it out of this folder",
    ),
    "file.copy": (
        "tampaknya ini salinan `{name}`: hapus, atau pindahkan keluar dari folder ini",
        "this looks like a copy of `{name}`: delete it, or move it out of this folder",
    ),
    "file.outside": (
        "berkas ini adalah tautan yang mengarah ke luar content/",
        "this file is a link that leads outside content/",
    ),
    "file.outside.hint": ("salin berkasnya sendiri ke sini", "copy the file itself here"),
    "folder.outside": (
        "folder ini adalah tautan yang mengarah ke luar content/",
        "this folder is a link that leads outside content/",
    ),
    "folder.outside.hint": ("salin isinya sendiri ke sini", "copy what it holds here"),
    "file.not_regular": ("ini bukan berkas biasa", "this is not a regular file"),
    "file.not_regular.hint": (
        "ganti dengan berkas teks YAML biasa",
        "replace it with an ordinary YAML text file",
    ),
    "folder.not_content": ("folder ini tidak dibaca", "this folder is not read"),
    "folder.not_content.vendors": (
        "taruh berkas usaha langsung di {folder}/ dan fotonya di {folder}/foto/",
        "put business files straight in {folder}/ and their photos in {folder}/foto/",
    ),
    "folder.not_content.events": (
        "taruh berkas bazar langsung di {folder}/",
        "put bazaar files straight in {folder}/",
    ),
    "photo.unused": (
        "tidak ada `photo:` yang memakai foto ini",
        "no `photo:` uses this photo",
    ),
    "photo.unused.hint": (
        "pindahkan ke folder foto/ dan tulis `photo: foto/{name}` di berkas usahanya, atau hapus",
        "move it into the foto/ folder and write `photo: foto/{name}` in the business's "
        "file, or delete it",
    ),
    # Fields and types
    "field.missing": ("isian wajib belum ada", "required field is missing"),
    "field.missing.hint": ("tambahkan `{name}: …` ke {owner}", "add `{name}: …` to {owner}"),
    "owner.file": ("berkas ini", "the file"),
    "owner.product": ("produk [{index}]", "product [{index}]"),
    "owner.stall": ("lapak [{index}]", "stall [{index}]"),
    "owner.item": ("{group}[{index}]", "{group}[{index}]"),
    "field.unknown": ("isian `{name}` tidak dikenal", "unknown field `{name}`"),
    "field.did_you_mean": ("maksudnya `{close}`?", "did you mean `{close}`?"),
    "field.allowed": ("isian yang boleh: {allowed}", "allowed fields: {allowed}"),
    "kind.mapping": ("kelompok isian", "a group of fields"),
    "kind.list": ("daftar", "a list"),
    "kind.text": ("teks", "text"),
    "kind.number": ("angka", "a number"),
    "kind.bool": ("true/false", "true/false"),
    "kind.none": ("kosong", "nothing"),
    "kind.date": ("tanggal", "a date"),
    "kind.other": ("sesuatu yang lain", "something else"),
    "type.text": ("seharusnya teks, tertulis {got}", "expected text, got {got}"),
    "type.text.hint": (
        'tulis teks, dalam tanda kutip ganda jika tampak seperti angka atau tanggal: {write}"…"`',
        'write text, in double quotes if it looks like a number or a date: {write}"…"`',
    ),
    "text.empty": ("kosong", "is empty"),
    "text.empty.hint": ("isi nilainya, atau hapus barisnya", "write a value, or remove the line"),
    "text.too_long": (
        "terlalu panjang ({length} karakter, paling banyak {max})",
        "is too long ({length} characters, at most {max})",
    ),
    "text.too_long.hint": ("persingkat teksnya", "shorten the text"),
    "stall.label": ("`{value}` bukan nomor lapak yang sah", "`{value}` is not a valid label"),
    "stall.label.hint": (
        "pakai huruf, angka, dan `-` saja, misalnya `A1` atau `B12`",
        "use letters, digits and `-` only, e.g. `A1` or `B12`",
    ),
    "type.integer": (
        "seharusnya bilangan bulat, tertulis `{value}`",
        "expected a whole number, got `{value}`",
    ),
    "type.integer.hint": (
        "tulis dengan angka saja, misalnya {write}6`",
        "write digits only, e.g. {write}6`",
    ),
    "number.bool": ("`{value}` bukan angka", "`{value}` is not a number"),
    "number.bool.hint": ("tulis dengan angka, misalnya `6`", "write digits, e.g. `6`"),
    "number.range": ("`{value}` di luar batas", "`{value}` is out of range"),
    "number.range.hint": (
        "tulis angka dari {low} sampai {high}",
        "write a number from {low} to {high}",
    ),
    "type.bool": (
        "seharusnya true atau false, tertulis `{value}`",
        "expected true or false, got `{value}`",
    ),
    "type.bool.hint": (
        "tulis `{name}: true` atau `{name}: false`",
        "write `{name}: true` or `{name}: false`",
    ),
    "type.list": ("seharusnya daftar, tertulis {got}", "expected a list, got {got}"),
    "type.list.hint": (
        "tulis setiap butir di barisnya sendiri, diawali `- `",
        "put each item on its own line starting with `- `",
    ),
    "list.empty": ("daftarnya kosong", "the list is empty"),
    "list.empty.hint": ("tambahkan paling sedikit satu butir", "add at least one item"),
    "list.too_short": (
        "daftarnya berisi {actual} butir, padahal paling sedikit {min}",
        "the list has {actual} item(s); it needs at least {min}",
    ),
    "list.too_short.hint": (
        "tambahkan butir, atau hapus daftar ini",
        "add items, or remove this list",
    ),
    "type.mapping": (
        "seharusnya kelompok isian (`name: …`), tertulis {got}",
        "expected a group of fields (`name: …`), got {got}",
    ),
    "type.mapping.hint": (
        "tulis isiannya di baris masing-masing, menjorok di bawah baris ini",
        "write the fields on their own lines, indented under this one",
    ),
    "choice.invalid": ("`{value}` tidak boleh di sini", "`{value}` is not allowed here"),
    "choice.one_of": ("tulis salah satu dari: {choices}", "write one of: {choices}"),
    "choice.none": (
        "tambahkan dulu ke content/catalogue.yml",
        "add it to content/catalogue.yml first",
    ),
    "other": ("{detail}", "{detail}"),
    "other.hint": (
        "lihat rujukan isian di halaman Format data",
        "see the field reference on the site's Format data page (or in the README)",
    ),
    # References across files
    "id.duplicate": (
        "id `{value}` dipakai dua kali (juga di {other})",
        "id `{value}` is used twice (also {other})",
    ),
    "word.invalid": (
        "`{value}` bukan satu kata: pakai huruf a-z tanpa aksen dan angka 0-9 saja,"
        " tanpa spasi atau tanda -",
        "`{value}` is not one word: use letters a-z without accents and digits 0-9 only,"
        " no spaces or -",
    ),
    "word.invalid.hint": (
        "pencarian memecah kalimat menjadi kata; tulis kata tunggal, misalnya `kripik`",
        "search splits a phrase into words; write single words, e.g. `kripik`",
    ),
    "word.duplicate": (
        "kata `{value}` sudah ada di {other}",
        "the word `{value}` is already in {other}",
    ),
    "word.line": ("kelompok di baris {line}", "the group on line {line}"),
    "word.duplicate.hint": (
        "satu kata hanya boleh di satu kelompok: gabungkan kedua kelompok, atau hapus salah satu",
        "a word may be in one group only: merge the two groups, or remove one of them",
    ),
    "id.duplicate.hint": ("beri masing-masing id sendiri", "give each one an id of its own"),
    "category.unknown": ("kategori `{value}` tidak dikenal", "unknown category `{value}`"),
    "programme.unknown": ("program `{value}` tidak dikenal", "unknown programme `{value}`"),
    "stall.duplicate": (
        "lapak `{value}` tercantum dua kali (juga di {other})",
        "stall `{value}` is listed twice (also {other})",
    ),
    "stall.duplicate.hint": ("beri setiap lapak nomor sendiri", "give each stall its own label"),
    "stall.unknown_vendor": (
        "tidak ada usaha `{value}` di content/vendors/",
        "no vendor `{value}` in content/vendors/",
    ),
    "stall.did_you_mean": (
        "maksudnya `{close}`? Usaha disebut dengan nama berkasnya di content/vendors/",
        "did you mean `{close}`? A vendor is named by its file name in content/vendors/",
    ),
    "stall.add_vendor": (
        "tambahkan berkas usahanya ke content/vendors/",
        "add the vendor's file to content/vendors/",
    ),
    "stall.vendor_twice": (
        "usaha `{value}` punya dua lapak (juga di {other})",
        "vendor `{value}` has two stalls (also {other})",
    ),
    "stall.vendor_twice.hint": (
        "cantumkan setiap usaha sekali saja; hapus salah satu lapaknya",
        "list each vendor once; remove one of the stalls",
    ),
    # Photos
    "photo.hint": (
        "taruh foto di folder di samping berkas ini dan tulis misalnya `photo: foto/kue.jpg`",
        "put the photo in a folder next to this file and write e.g. `photo: foto/kue.jpg`",
    ),
    "photo.url": (
        "`{value}` adalah alamat web, bukan berkas",
        "`{value}` is a web address, not a file",
    ),
    "photo.absolute": ("`{value}` adalah jalur mutlak", "`{value}` is an absolute path"),
    "photo.backslash": ("`{value}` memakai `\\`", "`{value}` uses `\\`"),
    "photo.backslash.hint": (
        "pisahkan folder dengan `/`, misalnya `photo: foto/kue.jpg`",
        "separate folders with `/`, e.g. `photo: foto/kue.jpg`",
    ),
    "photo.up": (
        "`{value}` naik keluar dari folder ini (`..`)",
        "`{value}` goes up out of this folder (`..`)",
    ),
    "photo.outside": (
        "`{value}` adalah tautan yang mengarah ke luar content/",
        "`{value}` is a link that leads outside content/",
    ),
    "photo.outside.hint": ("salin fotonya sendiri ke sini", "copy the photo itself here"),
    "photo.missing": (
        "tidak ada berkas `{value}` di samping berkas ini",
        "no file `{value}` next to this file",
    ),
    "photo.missing.hint": ("periksa ejaan dan foldernya", "check the spelling and the folder"),
    "photo.format": (
        "`{value}` bukan foto JPEG, PNG, WebP, atau HEIC",
        "`{value}` is not a JPEG, PNG, WebP or HEIC photo",
    ),
    "photo.format.hint": (
        "simpan ulang sebagai JPEG (.jpg), misalnya dengan mengirimnya lewat WhatsApp lalu "
        "mengunduhnya, atau buka dan simpan lagi di aplikasi galeri",
        "save it again as JPEG (.jpg), e.g. send it through WhatsApp and download it, "
        "or open and save it again in a photo app",
    ),
    "photo.too_big": (
        "`{value}` berukuran {mb} MB, paling besar 25 MB",
        "`{value}` is {mb} MB, at most 25 MB",
    ),
    "photo.too_big.hint": (
        "perkecil fotonya, misalnya kirim lewat WhatsApp lalu unduh, atau pilih ukuran "
        "lebih kecil di kamera",
        "make it smaller, e.g. send it through WhatsApp and download it, or pick a smaller "
        "size in the camera",
    ),
    "photo.pixels": (
        "`{value}` berukuran {width} × {height} piksel ({mp} megapiksel), "
        "paling besar 50 megapiksel",
        "`{value}` is {width} × {height} pixels ({mp} megapixels), at most 50 megapixels",
    ),
    "photo.pixels.hint": (
        "perkecil fotonya, misalnya menjadi 4000 × 3000 piksel",
        "shrink it, e.g. to 4000 × 3000 pixels",
    ),
    "photo.bomb": (
        "`{value}` mengaku berukuran raksasa (lebih dari 100 megapiksel); "
        "berkas seperti ini bisa melumpuhkan komputer",
        "`{value}` claims a giant size (over 100 megapixels); a file like this can "
        "bring a computer down",
    ),
    "photo.unreadable": (
        "`{value}` tidak bisa dibaca sebagai gambar (rusak, atau bukan foto)",
        "`{value}` can't be read as a picture (damaged, or not a photo)",
    ),
    "photo.unreadable.hint": (
        "buka fotonya di ponsel atau komputer; jika tampil, simpan ulang sebagai JPEG; "
        "jika tidak, ambil atau salin lagi fotonya",
        "open it on a phone or computer; if it shows, save it again as JPEG; "
        "if not, take or copy the photo again",
    ),
    "photo.damaged": (
        "`{value}` rusak: isinya terpotong atau tidak utuh",
        "`{value}` is damaged: its data is cut short or broken",
    ),
    "photo.damaged.hint": (
        "salin lagi foto aslinya dari ponsel (salinan tadi mungkin tidak selesai)",
        "copy the original photo from the phone again (the copy may not have finished)",
    ),
    "photo.crashed": (
        "`{value}` terlalu berat untuk diolah: prosesnya berhenti (mungkin kehabisan memori)",
        "`{value}` is too heavy to process: its process stopped (perhaps out of memory)",
    ),
    "photo.crashed.hint": (
        "perkecil fotonya, misalnya kirim lewat WhatsApp lalu unduh, atau simpan ulang "
        "dengan ukuran lebih kecil",
        "make the photo smaller, e.g. send it through WhatsApp and download it, or save it "
        "again at a smaller size",
    ),
    "photo.slow": (
        "`{value}` terlalu lama diolah: belum selesai setelah {seconds} detik",
        "`{value}` takes too long to process: not done after {seconds} seconds",
    ),
    "photo.slow.hint": (
        "perkecil fotonya atau simpan ulang sebagai JPEG (`.jpg`), misalnya kirim lewat "
        "WhatsApp lalu unduh",
        "make the photo smaller or save it again as a JPEG (`.jpg`), e.g. send it through "
        "WhatsApp and download it",
    ),
    "photo.mismatch": (
        "`{value}` sebenarnya berkas {found}, bukan {wanted}",
        "`{value}` is really a {found} file, not {wanted}",
    ),
    "photo.mismatch.rename": (
        "ganti nama berkasnya menjadi `{suggestion}` dan tulis `photo: {suggestion}`",
        "rename the file to `{suggestion}` and write `photo: {suggestion}`",
    ),
    "photo.progress": ("foto: {done}/{total}", "photos: {done}/{total}"),
    # Files and YAML syntax
    "content.missing": ("folder content tidak ditemukan", "content folder not found"),
    "content.missing.hint": (
        "tunjukkan folder yang berisi catalogue.yml dengan --content",
        "pass the folder that holds catalogue.yml with --content",
    ),
    "catalogue.missing": ("berkas tidak ditemukan", "file not found"),
    "catalogue.missing.hint": (
        "buat berkas ini dengan title, kelurahan, kecamatan, city, dan categories (lihat README)",
        "create it with title, kelurahan, kecamatan, city and categories (see the README)",
    ),
    "file.unreadable": ("berkas tidak bisa dibaca ({reason})", "cannot read the file ({reason})"),
    "file.unreadable.hint": (
        "periksa apakah berkasnya ada dan bisa dibaca",
        "check that it exists and is readable",
    ),
    "file.too_large": (
        "berkas terlalu besar ({size} bita, paling besar {max})",
        "file is too large ({size} bytes, at most {max})",
    ),
    "file.too_large.hint": (
        "berkas katalog hanya berisi beberapa kilobita teks; pecah atau persingkat",
        "a catalogue file holds a few kilobytes of text; split or shorten it",
    ),
    "file.not_utf8": (
        "berkas bukan teks UTF-8 (bita 0x{byte} tidak bisa dibaca)",
        "the file is not UTF-8 text (byte 0x{byte} cannot be read)",
    ),
    "file.not_utf8.hint": (
        "buka di penyunting teks lalu simpan dengan penyandian (encoding) UTF-8",
        "open it in your editor and save it with the encoding UTF-8",
    ),
    "file.binary": (
        "berkas berisi data biner, bukan teks",
        "the file contains binary data, not text",
    ),
    "file.binary.hint": ("ganti dengan berkas teks YAML", "replace it with a YAML text file"),
    "file.empty": (
        "berkas tidak berisi isian (kosong, atau hanya catatan)",
        "the file holds no fields (it is empty, or only comments)",
    ),
    "file.empty.hint": (
        "tulis isian berkas ini (lihat Format data), atau hapus berkasnya",
        "write the fields of this file (see the field reference), or delete the file",
    ),
    "file.control": (
        "berkas berisi karakter kendali yang tak terlihat (U+{char:04X})",
        "the file holds an invisible control character (U+{char:04X})",
    ),
    "file.control.hint": (
        "hapus karakter itu, atau ketik ulang teks di sekitarnya",
        "delete it, or retype the text around it",
    ),
    "text.control": (
        "teks berisi karakter kendali yang tak terlihat (U+{char:04X})",
        "the text holds an invisible control character (U+{char:04X})",
    ),
    "text.control.hint": (
        "ketik ulang teksnya; menyalin dari beberapa aplikasi menambahkan karakter seperti ini",
        "retype the text; copying from some apps adds such characters",
    ),
    "file.not_mapping": (
        "berkas harus berisi isian (`name: …`), tetapi berisi {got}",
        "the file must hold fields (`name: …`), but it holds {got}",
    ),
    "file.not_mapping.hint": (
        "awali berkas dengan `name: …` di tepi kiri, tanpa `- ` di depannya",
        "start the file with `name: …` at the left margin, without `- ` in front",
    ),
    "yaml.nested": (
        "isian bersarang terlalu dalam (paling banyak {max} tingkat)",
        "values are nested too deeply (at most {max} levels)",
    ),
    "yaml.nested.hint": (
        "periksa indentasinya: format ini hanya bersarang beberapa tingkat",
        "check the indentation: the format nests only a few levels",
    ),
    "yaml.nested_brackets": ("isian bersarang terlalu dalam", "values are nested too deeply"),
    "yaml.nested_brackets.hint": (
        "periksa tanda kurung dan indentasinya: format ini hanya bersarang beberapa tingkat",
        "check the brackets and the indentation: the format nests only a few levels",
    ),
    "yaml.too_many": (
        "terlalu banyak nilai (lebih dari {max}; jangkar dan alias disalin berulang)",
        "too many values (more than {max}; anchors and aliases expand to copies)",
    ),
    "yaml.too_many.hint": (
        "hapus jangkar `&` dan alias `*`",
        "remove the `&` anchors and `*` aliases",
    ),
    "yaml.too_much_text": (
        "terlalu banyak teks (lebih dari {max} karakter; jangkar dan alias disalin berulang)",
        "too much text (more than {max} characters; anchors and aliases expand to copies)",
    ),
    "yaml.too_much_text.hint": (
        "hapus jangkar `&` dan alias `*`; tulis teksnya sekali saja",
        "remove the `&` anchors and `*` aliases; write the text once",
    ),
    "yaml.merge": ("kunci gabungan `<<` tidak didukung", "`<<` merge keys are not supported"),
    "yaml.merge.hint": ("tulis isiannya satu per satu", "write the fields out"),
    "yaml.key": ("nama isian harus berupa kata biasa", "a field name must be a plain word"),
    "yaml.key.hint": ("tulis `name: nilai`", "write `name: value`"),
    "yaml.duplicate": (
        "isian `{key}` muncul dua kali dalam kelompok yang sama (pertama di baris {first})",
        "field `{key}` appears twice in the same group (first on line {first})",
    ),
    "yaml.duplicate.hint": ("simpan salah satunya saja", "keep only one of them"),
    "yaml.tag_mismatch": (
        "`{value}` tidak cocok dengan tag `{tag}`",
        "`{value}` does not fit the tag `{tag}`",
    ),
    "yaml.tag_mismatch.hint": ("hapus `{tag}`", "remove `{tag}`"),
    "yaml.tag": ("tag YAML `{tag}` tidak diizinkan", "the YAML tag `{tag}` is not allowed"),
    "yaml.tag.hint": ("hapus tag di depan nilainya", "remove the tag in front of the value"),
    "yaml.unclosed": ("teks dalam tanda kutip belum ditutup", "a quoted text is not closed"),
    "yaml.unclosed.hint": (
        "tutup teks dengan tanda kutip yang sama dengan pembukanya",
        "end the text with the same quote it starts with",
    ),
    "yaml.tab": ("indentasi memakai karakter tab", "a tab character is used for indentation"),
    "yaml.tab.hint": (
        "pakai spasi saja untuk indentasi (dua spasi per tingkat)",
        "indent with spaces only (two per level)",
    ),
    "yaml.documents": (
        "berkas berisi lebih dari satu dokumen YAML (ada baris `---`)",
        "the file holds more than one YAML document (a `---` line)",
    ),
    "yaml.documents.hint": (
        "hapus baris `---`; satu berkas untuk satu usaha atau satu acara",
        "remove the `---` line; one file holds one vendor or event",
    ),
    "yaml.colon": (
        "ada `: ` di tempat yang tidak diharapkan YAML",
        "a `: ` appears where YAML does not expect it",
    ),
    "yaml.colon.hint": (
        "beri tanda kutip ganda pada teks yang berisi `: `, atau perbaiki indentasinya",
        "put text that contains `: ` in double quotes, or fix the indentation",
    ),
    "yaml.escape": (
        "`\\` di dalam tanda kutip ganda memulai kode escape",
        "a `\\` inside double quotes starts an escape code",
    ),
    "yaml.escape.hint": (
        "pakai tanda kutip tunggal, misalnya 'C:\\foto', atau tulis `\\\\`",
        "put the text in single quotes instead, e.g. 'C:\\foto', or write `\\\\`",
    ),
    "yaml.alias": ("alias `*…` tidak merujuk jangkar mana pun", "an alias `*…` names no anchor"),
    "yaml.alias.hint": ("hapus alias `*`", "remove the `*` alias"),
    "yaml.other": ("YAML tidak bisa dibaca ({detail})", "the YAML cannot be read ({detail})"),
    "yaml.other.hint": (
        "periksa indentasi dan tanda kutip di baris ini dan baris sebelumnya",
        "check the indentation and the quotes on this line and the line before",
    ),
    # The machine, MkDocs and the command line
    "build.cannot_write": (
        "{path} tidak bisa ditulis ({reason}); {advice}",
        "cannot write {path} ({reason}); {advice}",
    ),
    "os.full": (
        "disk penuh: kosongkan sebagian ruang, lalu build lagi",
        "the disk is full: free some space, then build again",
    ),
    "os.quota": (
        "kuota disk habis: kosongkan sebagian ruang, lalu build lagi",
        "the disk quota is used up: free some space, then build again",
    ),
    "os.permission": (
        "tidak ada izin menulis di sana: pilih folder lain atau perbaiki izinnya",
        "no permission to write there: choose another folder or fix its permissions",
    ),
    "os.read_only": (
        "folder itu ada di disk yang hanya-baca: pilih folder lain",
        "the folder is on a read-only disk: choose another folder",
    ),
    "os.other": (
        "periksa folder dan disknya, lalu build lagi",
        "check the folder and the disk, then build again",
    ),
    "build.mkdocs": ("MkDocs gagal: {detail}", "MkDocs failed: {detail}"),
    "build.search_index": (
        "indeks pencarian (Pagefind) gagal dibuat: {detail}; pasang ulang dengan `make site`",
        "the search index (Pagefind) failed: {detail}; reinstall with `make site`",
    ),
    "build.config": ("{path}: {detail}", "{path}: {detail}"),
    "build.not_a_site": (
        "{path} bukan situs hasil build dan akan tertimpa; pilih --site-dir lain",
        "{path} is not a built site and would be replaced; choose another --site-dir",
    ),
    "build.clash": (
        "{path} tidak ditulis oleh generator, padahal ada halaman buatan generator dengan "
        "nama yang sama; ganti nama atau pindahkan berkas tulisan tangan itu",
        "{path} was not written by the generator, and a generated page has the same name; "
        "rename or move the hand-written file",
    ),
    "build.link_outside": (
        "{path} ada di balik tautan (symlink) yang keluar dari {root}; hapus tautan itu "
        "(folder hasil build tidak boleh ada di git)",
        "{path} is behind a link (symlink) leading out of {root}; delete the link (the "
        "build folder must not be in git)",
    ),
    "build.manifest": (
        "{path} rusak; jika folder itu hanya berisi halaman buatan generator, hapus foldernya "
        "lalu build lagi",
        "{path} is damaged; if that folder holds only generated pages, delete it and build again",
    ),
    "build.front_matter": (
        "halaman {path}: MkDocs akan membaca kepala halamannya (front matter) berbeda dari "
        "yang ditulis generator, jadi halaman itu tidak dibuat. Ini kesalahan pada generator, "
        "bukan pada isi Anda: mohon laporkan pesan ini",
        "page {path}: MkDocs would read its front matter differently from what the generator "
        "wrote, so the page was not made. This is a bug in the generator, not in your content: "
        "please report this message",
    ),
    "cli.ok": (
        "Beres: {vendors} usaha, {events} acara, {categories} kategori.",
        "OK: {vendors} vendors, {events} events, {categories} categories.",
    ),
    "problems.more": ("dan {count} masalah lain", "and {count} more problems"),
    "problems.more_files": (
        "dan {count} masalah lain di {files} berkas lain",
        "and {count} more problems in {files} other files",
    ),
    "problems.more.hint": (
        "perbaiki yang di atas dulu, lalu jalankan perintahnya lagi untuk melihat sisanya",
        "fix the ones above first, then run the command again to see the rest",
    ),
    "cli.summary": (
        "{problems} masalah di {files} berkas. Belum ada yang ditulis; perbaiki, lalu jalankan "
        "perintahnya lagi.",
        "{problems} problem(s) in {files} file(s). Nothing was written; fix them and run the "
        "command again.",
    ),
    "cli.build_failed": (
        "galat: {detail}\nSitus sebelumnya tidak diubah.",
        "error: {detail}\nThe previous site was left as it was.",
    ),
    "cli.stopped": ("dihentikan.", "stopped."),
    "text.newline": ("harus satu baris", "must be one line"),
    "text.newline.hint": (
        "hapus baris baru; keterangan panjang tempatnya di `description`",
        "remove the line break; longer text belongs in `description`",
    ),
    "code.newline.hint": (
        "tulis nomornya saja, dalam satu baris, seperti tertulis di sertifikat",
        "write only the number, on one line, as on the certificate",
    ),
    "cli.error": ("galat: {detail}", "error: {detail}"),
    "cli.internal": (
        "galat internal: {kind}: {detail}\nIni kesalahan pada generator, bukan pada isi Anda. "
        "Mohon laporkan pesan ini (jalankan dengan KATALOG_DEBUG=1 untuk rinciannya).",
        "internal error: {kind}: {detail}\nThis is a bug in the generator, not in your "
        "content. Please report it with this message (run with KATALOG_DEBUG=1 for details).",
    ),
    "cli.built": (
        "Selesai: {vendors} usaha dan {events} acara di {site}/ dalam {seconds} detik "
        "({written} halaman ditulis, {unchanged} tidak berubah; "
        "{photos} foto diolah, {cached} dari cache; {pdfs} PDF dibuat ulang).",
        "Built {vendors} vendors and {events} events into {site}/ in {seconds} s "
        "({written} pages written, {unchanged} unchanged; "
        "{photos} photos processed, {cached} from the cache; {pdfs} PDF(s) remade).",
    ),
    "cli.printed": (
        "Selesai: {made} PDF dibuat, {unchanged} tidak berubah, di {out}/.",
        "Done: {made} PDF(s) made, {unchanged} unchanged, in {out}/.",
    ),
    "print.progress": ("membuat {path} …", "making {path} …"),
    "print.crashed": (
        "{path} tidak bisa dibuat: prosesnya berhenti mendadak (mungkin kehabisan memori); "
        "tutup program lain lalu build lagi",
        "cannot make {path}: its process stopped suddenly (out of memory, most likely); close "
        "other programs, then build again",
    ),
    "print.failed": (
        "PDF tidak bisa dibuat ({detail}); ini kesalahan program, bukan isi katalog: "
        "laporkan ke pengelola bersama pesan ini",
        "cannot make the PDFs ({detail}); this is a bug in the generator, not in the "
        "content: report it to the maintainers with this message",
    ),
    "cli.regenerated": (
        "isi berubah: {written} halaman ditulis ulang",
        "content changed: {written} page(s) rewritten",
    ),
    # new vendor / new event
    "new.exists": (
        "{path} sudah ada; tidak ditimpa",
        "{path} already exists; it was not overwritten",
    ),
    "new.exists.hint": (
        "pilih nama lain, atau ubah berkas itu langsung",
        "choose another name, or edit that file instead",
    ),
    "new.bad_slug": (
        "`{value}` tidak bisa menjadi nama berkas ({why})",
        "`{value}` can't be a file name ({why})",
    ),
    "new.bad_slug.hint": ("pakai `{suggestion}`", "use `{suggestion}`"),
    "new.missing": (
        '{option} belum diisi; tambahkan, misalnya {option} "{example}"',
        '{option} is missing; add it, e.g. {option} "{example}"',
    ),
    "new.other_problems": (
        "catatan: berkas lain masih bermasalah ({count} masalah di {files}); berkas baru ini "
        "tidak — lihat rinciannya dengan `make check`",
        "note: other files still have problems ({count} problem(s) in {files}); this new "
        "file has none — see them with `make check`",
    ),
    "new.created": (
        "{path} dibuat. Buka berkasnya: isian lain bisa dipakai dengan menghapus tanda # "
        "di depannya. Lalu periksa dengan `make check`.",
        "{path} created. Open it: other fields can be used by removing the # in front of "
        "them. Then check with `make check`.",
    ),
    "repo.invalid": (
        "`{value}` bukan nama repositori GitHub",
        "`{value}` is not a GitHub repository name",
    ),
    "repo.invalid.hint": (
        "tulis `pemilik/nama`, seperti di alamatnya: github.com/warga-gsi/katalog-umkm "
        "ditulis `warga-gsi/katalog-umkm`",
        "write `owner/name`, as in its address: github.com/warga-gsi/katalog-umkm "
        "is written `warga-gsi/katalog-umkm`",
    ),
    "prompt.vendor_name": ("Nama usaha", "Business name"),
    "prompt.category": ("Kategori ({choices})", "Category ({choices})"),
    "prompt.product": ("Nama satu produk", "Name of one product"),
    "prompt.price": ("Harganya (rupiah)", "Its price (Rupiah)"),
    "prompt.event_name": ("Nama bazar", "Name of the bazaar"),
    "prompt.date": ("Tanggal (TTTT-BB-HH)", "Date (YYYY-MM-DD)"),
    "prompt.location": ("Tempat", "Place"),
    "prompt.stall": ("Nomor lapak pertama", "First stall label"),
    "prompt.vendor": ("Usaha di lapak itu (nama berkas)", "Vendor at that stall (file name)"),
    # diff: what a pull request changes
    "diff.title": ("Perubahan katalog", "Catalogue changes"),
    "diff.nothing": ("Tidak ada perubahan isi katalog.", "No change to the catalogue's content."),
    "diff.outside": (
        "Pull request ini juga mengubah berkas di luar `content/` ({count}): periksa "
        "sebagai kode, baris demi baris, di tab Files changed (ringkasan di bawah hanya "
        "tentang isi katalog, dan dibuat oleh kode yang bisa diubah pull request)",
        "This pull request also changes files outside `content/` ({count}): review them "
        "as code, line by line, in the Files changed tab (the summary below covers the "
        "catalogue's content only, and is made by code a pull request can change)",
    ),
    "diff.outside_more": ("dan {count} berkas lain", "and {count} more files"),
    "diff.vendors_added": ("Usaha baru", "New vendors"),
    "diff.vendors_removed": ("Usaha dihapus", "Vendors removed"),
    "diff.vendors_changed": ("Usaha diubah", "Vendors changed"),
    "diff.events_added": ("Acara baru", "New events"),
    "diff.events_removed": ("Acara dihapus", "Events removed"),
    "diff.events_changed": ("Acara diubah", "Events changed"),
    "diff.catalogue_changed": ("Pengaturan katalog diubah", "Catalogue settings changed"),
    "diff.vendor": (
        "{name} (`{slug}`): kategori `{category}`, {products} produk",
        "{name} (`{slug}`): category `{category}`, {products} product(s)",
    ),
    "diff.event": (
        "{name} (`{slug}`): {date}, {stalls} lapak",
        "{name} (`{slug}`): {date}, {stalls} stall(s)",
    ),
    "diff.product_added": ("produk baru {name}: {price}", "new product {name}: {price}"),
    "diff.product_removed": ("produk {name} dihapus", "product {name} removed"),
    "diff.qr": (
        "— alamat `/usaha/{slug}/` tidak berlaku lagi, termasuk di kode QR yang sudah dicetak",
        "— the address `/usaha/{slug}/` stops working, also in printed QR codes",
    ),
    "diff.price": ("harga {name}: {old} → {new}", "price of {name}: {old} → {new}"),
    "diff.available": ("{name} tersedia lagi", "{name} available again"),
    "diff.unavailable": ("{name} sedang kosong", "{name} now unavailable"),
    "diff.product_fields": ("{name}: {fields} berubah", "{name}: {fields} changed"),
    "diff.fields": ("isian berubah: {fields}", "fields changed: {fields}"),
    "diff.stall_added": ("lapak {stall} baru: `{vendor}`", "new stall {stall}: `{vendor}`"),
    "diff.stall_removed": (
        "lapak {stall} dihapus (`{vendor}`)",
        "stall {stall} removed (`{vendor}`)",
    ),
    "diff.stall_changed": (
        "lapak {stall}: `{old}` → `{new}`",
        "stall {stall}: `{old}` → `{new}`",
    ),
    "diff.base_invalid": (
        "Katalog di {ref} tidak lolos pemeriksaan; semua isi dianggap baru.",
        "The catalogue at {ref} does not pass the checks; everything counts as new.",
    ),
    "diff.no_git": (
        "{ref} tidak bisa dibaca dari git ({detail})",
        "cannot read {ref} from git ({detail})",
    ),
    # the /admin/ form (generator/authoring/cms.py): field labels, then the form's own text
    "label.catalogue.title": ("Judul katalog", "Catalogue title"),
    "label.catalogue.kelurahan": ("Kelurahan", "Kelurahan"),
    "label.catalogue.kecamatan": ("Kecamatan", "Kecamatan"),
    "label.catalogue.city": ("Kota", "City"),
    "label.catalogue.site_url": ("Alamat situs", "Site address"),
    "label.catalogue.description": ("Keterangan", "Description"),
    "label.catalogue.contact_whatsapp": ("WhatsApp pengelola", "Organisers' WhatsApp"),
    "label.catalogue.categories": ("Kategori", "Categories"),
    "label.catalogue.programmes": ("Program warga", "Residents' programmes"),
    "label.category.id": ("Kode kategori", "Category id"),
    "label.category.name": ("Nama kategori", "Category name"),
    "label.category.description": ("Keterangan", "Description"),
    "label.programme.id": ("Kode program", "Programme id"),
    "label.programme.name": ("Nama program", "Programme name"),
    "label.programme.description": ("Keterangan", "Description"),
    "label.product.name": ("Nama produk", "Product name"),
    "label.product.price": ("Harga (rupiah)", "Price (Rupiah)"),
    "label.product.unit": ("Satuan", "Unit"),
    "label.product.description": ("Keterangan", "Description"),
    "label.product.photo": ("Foto produk", "Product photo"),
    "label.product.available": ("Tersedia", "Available"),
    "label.product.season": ("Bulan panen / bulan dijual", "Months of harvest or sale"),
    "label.product.category": ("Kategori produk", "Product category"),
    "label.vendor.name": ("Nama usaha", "Business name"),
    "label.vendor.category": ("Kategori", "Category"),
    "label.vendor.products": ("Produk", "Products"),
    "label.vendor.owner": ("Pemilik", "Owner"),
    "label.vendor.description": ("Keterangan", "Description"),
    "label.vendor.rt": ("RT", "RT"),
    "label.vendor.rw": ("RW", "RW"),
    "label.vendor.address": ("Alamat", "Address"),
    "label.vendor.lokasi": ("Titik lokasi di peta", "Location on the map"),
    "label.vendor.whatsapp": ("WhatsApp", "WhatsApp"),
    "label.vendor.instagram": ("Instagram", "Instagram"),
    "label.vendor.website": ("Situs web", "Website"),
    "label.vendor.photo": ("Foto usaha", "Business photo"),
    "label.vendor.programme": ("Program", "Programme"),
    "label.vendor.halal": ("Nomor sertifikat halal", "Halal certificate number"),
    "label.vendor.pirt": ("Nomor P-IRT", "P-IRT number"),
    "label.vendor.nib": ("NIB", "NIB"),
    "label.vendor.open_hours": ("Jam buka", "Opening hours"),
    "label.vendor.delivery": ("Bisa diantar", "Delivers"),
    "label.vendor.payment": ("Cara bayar", "Payment"),
    "label.vendor.tags": ("Kata kunci", "Keywords"),
    "label.stall.stall": ("Nomor lapak", "Stall label"),
    "label.stall.vendor": ("Usaha", "Vendor"),
    "label.event.name": ("Nama acara", "Event name"),
    "label.event.date": ("Tanggal", "Date"),
    "label.event.location": ("Tempat", "Place"),
    "label.event.stalls": ("Lapak", "Stalls"),
    "label.event.start": ("Jam mulai", "Start time"),
    "label.event.end": ("Jam selesai", "End time"),
    "label.event.lokasi": ("Titik lokasi di peta", "Location on the map"),
    "label.event.description": ("Keterangan", "Description"),
    "label.event.organizer": ("Penyelenggara", "Organiser"),
    "label.event.denah": ("Denah lapak", "Stall plan"),
    "label.product": ("produk", "product"),
    "label.stall": ("lapak", "stall"),
    "label.category": ("kategori", "category"),
    "label.programme": ("program", "programme"),
    "cms.collection.usaha": (
        "Usaha",
        "Vendors",
    ),
    "cms.collection.usaha.one": (
        "usaha",
        "vendor",
    ),
    "cms.collection.usaha.about": (
        "Satu entri per usaha atau kebun warga. Yang Anda simpan menjadi usulan perubahan "
        "(pull request) yang diperiksa pengelola sebelum tampil di situs.",
        "One entry per business or residents' garden. What you save becomes a pull "
        "request that the organisers check before it appears on the site.",
    ),
    "cms.collection.acara": (
        "Acara & bazar",
        "Events & bazaars",
    ),
    "cms.collection.acara.one": (
        "acara",
        "event",
    ),
    "cms.collection.acara.about": (
        "Bazar dan lapaknya: setiap lapak memilih satu usaha dari daftar Usaha.",
        "Bazaars and their stalls: each stall picks one vendor from the Vendors list.",
    ),
    "cms.collection.pengaturan": (
        "Pengaturan",
        "Settings",
    ),
    "cms.collection.pengaturan.about": (
        "Judul katalog, kategori, dan program warga. Perubahan di sini berlaku untuk semua usaha.",
        "Catalogue title, categories and residents' programmes. Changes here apply to "
        "every vendor.",
    ),
    "cms.collection.pengaturan.file": (
        "Pengaturan katalog",
        "Catalogue settings",
    ),
    "cms.commit.create": (
        "Tambah {what}: {name}",
        "Add {what}: {name}",
    ),
    "cms.commit.update": (
        "Ubah {what}: {name}",
        "Change {what}: {name}",
    ),
    "cms.commit.delete": (
        "Hapus {what}: {name}",
        "Remove {what}: {name}",
    ),
    "cms.commit.uploadMedia": (
        "Unggah foto {path}",
        "Upload photo {path}",
    ),
    "cms.commit.deleteMedia": (
        "Hapus foto {path}",
        "Remove photo {path}",
    ),
    "cms.pattern.price": (
        "Tulis harga dalam rupiah bulat tanpa singkatan, misalnya 15000 atau 15.000 (bukan 15rb).",
        "Write the price in whole Rupiah without abbreviations, e.g. 15000 or 15.000 (not 15rb).",
    ),
    "cms.pattern.phone": (
        "Tulis nomor HP yang diawali 08, 62, atau +62, misalnya 0812-3456-7890.",
        "Write a mobile number starting with 08, 62 or +62, e.g. 0812-3456-7890.",
    ),
    "cms.pattern.text": (
        "Isi dengan teks, bukan hanya spasi.",
        "Fill in text, not only spaces.",
    ),
    "cms.pattern.website": (
        "Tulis alamat lengkap yang diawali https://, misalnya https://example.org/.",
        "Write the full address starting with https://, e.g. https://example.org/.",
    ),
    "cms.pattern.location": (
        "Tulis lintang, koma, lalu bujur, misalnya -1.2465, 116.8389 (salin dari aplikasi peta).",
        "Write the latitude, a comma, then the longitude, e.g. -1.2465, 116.8389.",
    ),
    "cms.pattern.id": (
        "Hanya huruf kecil, angka, dan tanda -, misalnya kampung-bungas.",
        "Only lower-case letters, digits and -, e.g. kampung-bungas.",
    ),
    "cms.pattern.stall": (
        "Nomor lapak: huruf dan angka tanpa spasi, misalnya A1 atau B12.",
        "Stall label: letters and digits without spaces, e.g. A1 or B12.",
    ),
    "cms.pattern.time": (
        "Tulis jam dalam format 24 jam, misalnya 08:00 atau 16.30.",
        "Write a 24-hour time, e.g. 08:00 or 16.30.",
    ),
    "cms.pattern.instagram": (
        "Tulis nama akun Instagram, misalnya amplang.busari atau @amplang.busari.",
        "Write the Instagram account name, e.g. amplang.busari or @amplang.busari.",
    ),
    # hints of the form where the model's own (written for YAML) would mislead
    "cms.hint.vendor.category": (
        "Pilih kategori yang paling cocok untuk usaha ini.",
        "Pick the category that fits this business best.",
    ),
    "cms.hint.vendor.photo": (
        "Foto dari HP (JPEG, PNG, WebP, atau HEIC); situs memperkecilnya sendiri.",
        "A photo from a phone (JPEG, PNG, WebP or HEIC); the site makes it smaller itself.",
    ),
    "cms.hint.product.photo": (
        "Foto dari HP (JPEG, PNG, WebP, atau HEIC); situs memperkecilnya sendiri.",
        "A photo from a phone (JPEG, PNG, WebP or HEIC); the site makes it smaller itself.",
    ),
    "cms.hint.product.price": (
        "Rupiah bulat. Contoh: 15000 atau 15.000.",
        "Whole Rupiah. E.g. 15000 or 15.000.",
    ),
    "cms.hint.product.available": (
        "Hapus centang jika produk sedang habis.",
        "Untick when the product is out of stock.",
    ),
    "cms.hint.product.season": (
        "Pilih bulan panen atau bulan produk ini dijual.",
        "Pick the months of harvest or sale.",
    ),
    "cms.hint.product.category": (
        "Isi hanya jika berbeda dari kategori usaha.",
        "Only when it differs from the vendor's category.",
    ),
    "cms.hint.vendor.programme": (
        "Pilih jika usaha ini bagian dari program warga.",
        "Pick when the business is part of a residents' programme.",
    ),
    "cms.hint.vendor.delivery": (
        "Centang jika pesanan bisa diantar.",
        "Tick when orders can be delivered.",
    ),
    "cms.hint.vendor.payment": (
        "Pilih semua cara bayar yang diterima.",
        "Pick every payment method accepted.",
    ),
    "cms.hint.vendor.tags": (
        "Pisahkan dengan koma. Contoh: oleh-oleh, khas-balikpapan.",
        "Separate with commas. E.g. oleh-oleh, khas-balikpapan.",
    ),
    "cms.hint.stall.vendor": (
        "Ketik beberapa huruf nama usaha, lalu pilih.",
        "Type a few letters of the vendor's name, then pick it.",
    ),
    "cms.hint.event.date": (
        "Pilih tanggal bazar.",
        "Pick the date of the bazaar.",
    ),
    "cms.hint.vendor.pirt": (
        "Nomor P-IRT, misalnya 000000000000001.",
        "The P-IRT number, e.g. 000000000000001.",
    ),
    "cms.hint.vendor.nib": (
        "Nomor Induk Berusaha, misalnya 0000000000001.",
        "The business registration number, e.g. 0000000000001.",
    ),
    "cms.hint.event.start": (
        "24 jam, WITA. Contoh: 08:00.",
        "24-hour clock, WITA. E.g. 08:00.",
    ),
    "cms.hint.event.end": (
        "24 jam, WITA. Contoh: 16:00.",
        "24-hour clock, WITA. E.g. 16:00.",
    ),
    "cms.option.payment.tunai": (
        "Tunai",
        "Cash",
    ),
    "cms.option.payment.qris": (
        "QRIS",
        "QRIS",
    ),
    "cms.option.payment.transfer": (
        "Transfer bank",
        "Bank transfer",
    ),
    "auth_url.invalid": (
        "`{value}` bukan alamat layanan masuk",
        "`{value}` is not a sign-in service address",
    ),
    "auth_url.invalid.hint": (
        "tulis alamatnya saja tanpa jalur di belakangnya, misalnya `https://katalog-masuk.example.workers.dev`",
        "write the address alone, without a path after it, e.g. `https://katalog-masuk.example.workers.dev`",
    ),
    # a city of many kelurahan (generator/content/city.py)
    "city.duplicate_id": (
        "id `{value}` sudah dipakai kelurahan lain (baris {first})",
        "id `{value}` is already used by another kelurahan (line {first})",
    ),
    "city.duplicate_id.hint": (
        "beri setiap kelurahan id sendiri: id menjadi awal alamat halamannya",
        "give each kelurahan its own id: the id starts the address of its pages",
    ),
    "city.not_a_catalogue": (
        "folder `{value}` tidak berisi catalogue.yml",
        "folder `{value}` holds no catalogue.yml",
    ),
    "city.not_a_catalogue.hint": (
        "`path` ditulis relatif terhadap kota.yml; folder baru untuk kelurahan `{id}` dibuat "
        'dengan `python -m generator new catalogue FOLDER --kelurahan "…" --kecamatan "…"`',
        "`path` is relative to kota.yml; make a new folder for kelurahan `{id}` with "
        '`python -m generator new catalogue FOLDER --kelurahan "…" --kecamatan "…"`',
    ),
    "city.same_folder": (
        "folder `{value}` sudah dipakai kelurahan lain (baris {first})",
        "folder `{value}` is already used by another kelurahan (line {first})",
    ),
    "city.same_folder.hint": (
        "setiap kelurahan punya folder katalognya sendiri",
        "each kelurahan has a catalogue folder of its own",
    ),
    "cli.ok_city": (
        "Beres: {kelurahan} kelurahan, {vendors} usaha, {events} acara.",
        "OK: {kelurahan} kelurahan, {vendors} vendors, {events} events.",
    ),
    "prompt.kelurahan": (
        "Nama kelurahan",
        "Name of the kelurahan",
    ),
    "prompt.kecamatan": (
        "Nama kecamatan",
        "Name of the kecamatan",
    ),
    "prompt.city": (
        "Nama kota",
        "Name of the city",
    ),
    "new.city_id_taken": (
        "id `{value}` sudah ada di kota.yml: beri id lain dengan --id",
        "id `{value}` is already in kota.yml: give another with --id",
    ),
    "new.city_added": (
        "Kelurahan `{id}` ditambahkan ke {path}.",
        "Kelurahan `{id}` added to {path}.",
    ),
    "cli.built_city": (
        "Selesai: {kelurahan} kelurahan, {vendors} usaha, di {site}/ dalam {seconds} detik.",
        "Done: {kelurahan} kelurahan, {vendors} vendors, in {site}/ in {seconds} s.",
    ),
    "cli.left_out": (
        "PERHATIAN: {count} kelurahan TIDAK diterbitkan karena masalah di atas: {ids}. "
        "Perbaiki, lalu bangun lagi.",
        "WARNING: {count} kelurahan NOT published because of the problems above: {ids}. "
        "Fix them, then build again.",
    ),
}
