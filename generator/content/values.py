"""Parsers for the values volunteers type: prices, phone numbers, times, slugs.

Each parser returns the clean value or raises `FieldError(message, hint)` with
messages from the catalogue (`generator.messages`);
the model turns that into a located `Problem`.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from urllib.parse import quote, urlsplit

from generator.messages import Msg, t


class FieldError(ValueError):
    def __init__(self, message: Msg, hint: Msg) -> None:
        super().__init__(message.code)
        self.message, self.hint = message, hint


MAX_PRICE = 100_000_000  # Rp100 juta: above this it is surely a typo
_MAX_PRICE_CHARS = len("100.000.000")  # written with dots, the longest price is this long

_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() also accepts "²" and "١٥"
_RP_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")  # 15.000 / 1.250.000
_TRAILER = re.compile(r"(?:,-|,00)$")  # "15.000,-" and "15.000,00" are whole Rupiah


def parse_price(value: object) -> int:
    """Whole Rupiah from `15000`, `"15.000"`, `"Rp15.000"`, `"Rp 15.000,-"`."""
    write = t("price.write")
    if value is None:
        raise FieldError(t("price.missing"), write)
    if isinstance(value, int) and not isinstance(value, bool):
        amount = value
    elif isinstance(value, str):
        text = _TRAILER.sub("", _RP_PREFIX.sub("", value.strip()).replace(" ", ""))
        if len(text.lstrip("0")) > _MAX_PRICE_CHARS and re.fullmatch(r"[0-9.]+", text):
            # Many digits: surely too high, and past 4,300 Python will not read them at all.
            raise FieldError(t("price.too_high", value=value), t("price.too_high.hint"))
        if _DIGITS.fullmatch(text):
            amount = int(text)
        elif _GROUPED.fullmatch(text):
            amount = int(text.replace(".", ""))
        elif match := re.fullmatch(r"([0-9]+)(?:rb|ribu|k)", text, re.IGNORECASE):
            raise FieldError(
                t("price.abbreviation", value=value),
                t("price.abbreviation.hint", thousands=match[1]),
            )
        elif re.fullmatch(r"-\s*[0-9][0-9.]*", text):
            raise FieldError(t("price.negative", value=value), write)
        elif re.fullmatch(r"[0-9]+[.,][0-9]+", text):
            raise FieldError(t("price.cents", value=value), t("price.cents.hint"))
        elif re.search(r"[0-9]\s*[-–/]\s*[0-9]", text):
            raise FieldError(t("price.range", value=value), t("price.range.hint"))
        else:
            raise FieldError(t("price.invalid", value=value), write)
    else:
        shown = str(value).lower() if isinstance(value, bool) else value
        raise FieldError(t("price.invalid", value=shown), write)
    if amount < 0:
        raise FieldError(t("price.negative", value=value), write)
    if amount == 0:
        raise FieldError(t("price.zero"), t("price.zero.hint"))
    if amount > MAX_PRICE:
        raise FieldError(t("price.too_high", value=value), t("price.too_high.hint"))
    return amount


def parse_phone(value: object) -> str:
    """An Indonesian mobile number in any common spelling -> `62812…` (digits only)."""
    write = t("phone.write")
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise FieldError(t("phone.type"), write)
    text = str(value).strip()
    digits = re.sub(r"[\s\-.()]", "", text).removeprefix("+")
    if not _DIGITS.fullmatch(digits):
        raise FieldError(t("phone.chars", value=text), write)
    if digits.startswith("62"):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    elif digits.startswith("8"):
        national = digits
    else:
        raise FieldError(t("phone.country", value=text), write)
    if not national.startswith("8"):
        raise FieldError(t("phone.mobile", value=text), write)
    if not 9 <= len(national) <= 12:
        raise FieldError(t("phone.length", value=text, digits=len(national) + 1), write)
    return "62" + national


def format_phone(number: str) -> str:
    """`6281234567890` -> `0812-3456-7890` (the way it is printed locally)."""
    local = "0" + number[2:]
    return "-".join([local[:4], local[4:8], local[8:]]).rstrip("-")


def parse_time(value: object) -> str:
    """`HH:MM` on a 24-hour clock."""
    text = str(value).strip() if isinstance(value, str | int) else ""
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", text)
    if not match:
        raise FieldError(t("time.invalid", value=value), t("time.write"))
    hours, minutes = int(match[1]), int(match[2])
    if hours > 23 or minutes > 59:
        raise FieldError(t("time.range", value=value), t("time.write"))
    return f"{hours:02d}:{minutes:02d}"


def parse_instagram(value: object) -> str:
    """`@name`, `name` or a profile URL -> `name`."""
    text = str(value).strip() if isinstance(value, str) else ""
    # The app's share button adds `?igsh=…`: ignore what follows the account name.
    match = re.fullmatch(r"(?:https?://)?(?:www\.)?instagram\.com/([^/?#]+)/?(?:[?#].*)?", text)
    handle = (match[1] if match else text).removeprefix("@")
    if not re.fullmatch(r"[A-Za-z0-9._]{1,30}", handle):
        raise FieldError(t("instagram.invalid", value=value), t("instagram.write"))
    return handle


MAX_WEBSITE = 500  # characters: a shop's address is far shorter; a tracking link is not wanted


def parse_website(value: object) -> str:
    """An http(s) address; anything else (javascript:, data:, …) is refused."""
    text = value.strip() if isinstance(value, str) else ""
    if len(text) > MAX_WEBSITE:
        raise FieldError(
            t("text.too_long", length=len(text), max=MAX_WEBSITE), t("website.too_long.hint")
        )
    if not text or any(c.isspace() or ord(c) < 32 for c in text):
        raise FieldError(t("website.invalid", value=value), t("website.write"))
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FieldError(t("website.scheme", value=value), t("website.write"))
    # Parentheses and quotes would end a Markdown link early: percent-encode them.
    return quote(text, safe=":/?#@!$&*+,;=%~[]")


def numbered(
    names: Iterable[str],
    taken: Iterable[str] = (),
    form: Callable[[str, int], str] = lambda name, n: f"{name}-{n}",
) -> list[str]:
    """Each name as it is, or numbered from 2 (`form`) where it is already taken. Each name
    remembers the number it last got: 20,000 products named "a" take 20,000 steps."""
    used, last, out = set(taken), {}, []
    for name in names:
        unique, n = name, last.get(name, 1)
        while unique in used:
            n += 1
            unique = form(name, n)
        last[name] = n
        used.add(unique)
        out.append(unique)
    return out


def slugify(text: str) -> str:
    """`"Toko Bu Sari"` -> `toko-bu-sari`, the file name a volunteer should use."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
RESERVED = {"index"}  # `index.md` is the list page of every folder


def suggest_slug(text: str, fallback: str) -> str:
    """A valid slug close to `text`, for the hint."""
    slug = slugify(text) or fallback
    return f"{slug}-1" if slug in RESERVED else slug


def slug_problem(slug: str, fallback: str) -> tuple[Msg, str] | None:
    """Why `slug` can't be a file name or id, and a valid slug close to it for the hint
    (`fallback` when nothing of it is usable); None when it can."""
    if not SLUG.fullmatch(slug):
        why = t("slug.chars")
    elif slug in RESERVED:
        why = t("slug.reserved")
    else:
        return None
    return why, suggest_slug(slug, fallback)


_BLANK_LINE = re.compile(r"\n\s*\n")  # spaces on a blank line do not show: still blank


def split_paragraphs(text: str | None) -> list[str]:
    """A description as typed -> its paragraphs, each on one line: a blank line starts a
    new one (even a line holding spaces, which no editor shows); inside a paragraph a
    line break is a space. The site and the printed catalogue both split this way."""
    if not text:
        return []
    return [" ".join(p.split()) for p in _BLANK_LINE.split(text) if p.strip()]


def natural_key(label: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key putting stall A2 before A10."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.lower())
        for part in re.findall(r"\d+|\D+", label)
    )


DAYS = ["senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu"]  # ISO order, 1–7
_RANGE = re.compile(
    r"(?P<days>setiap hari|(?P<first>[a-z']+)(?:\s*[–-]\s*(?P<last>[a-z']+))?)\s+"
    r"(?P<start>\d{1,2}[:.]\d{2})\s*[–-]\s*(?P<end>\d{1,2}[:.]\d{2})"
)


def parse_open_hours(text: str) -> list[tuple[list[int], str, str]] | None:
    """`Senin–Sabtu 08:00–17:00` (ranges joined by `,` or `;`, or `Setiap hari …`) ->
    [(ISO weekdays, "08:00", "17:00")]; None for any other wording, shown as plain text."""
    ranges = []
    for part in re.split(r"[;,]\s*", text.strip().lower().replace("jum'at", "jumat")):
        match = _RANGE.fullmatch(part.strip())
        if not match:
            return None
        if match["days"] == "setiap hari":
            days = list(range(1, 8))
        elif match["first"] in DAYS and (match["last"] or match["first"]) in DAYS:
            first, last = DAYS.index(match["first"]), DAYS.index(match["last"] or match["first"])
            days = [(first + i) % 7 + 1 for i in range((last - first) % 7 + 1)]
        else:
            return None
        try:
            ranges.append((days, parse_time(match["start"]), parse_time(match["end"])))
        except FieldError:
            return None
    return ranges or None


# Indonesia, with a little margin: Sabang to Merauke, Miangas to Pulau Rote.
LATITUDE = (-11.5, 6.5)
LONGITUDE = (94.5, 141.5)
_NUMBER = r"[-+−]?\d{1,3}(?:\.\d+)?"


def parse_location(value: object) -> tuple[float, float]:
    """`[lintang, bujur]`, or the text a map app copies (`-1.246500, 116.838900`)."""
    pair: list[object] = list(value) if isinstance(value, list | tuple) else []
    if isinstance(value, str):
        found = re.fullmatch(rf"\s*({_NUMBER})\s*[,;]\s*({_NUMBER})\s*", value)
        pair = list(found.groups()) if found else []
    numbers = [n for n in map(_degrees_of, pair) if n is not None]
    if len(pair) != 2 or len(numbers) != 2:
        shown = f"[{', '.join(map(str, value))}]" if isinstance(value, list | tuple) else value
        raise FieldError(t("location.invalid", value=shown), t("location.write"))
    lat, lon = numbers
    written = {"lat": degrees(lat), "lon": degrees(lon)}
    if _inside(lon, lat):
        hint = t("location.swapped.hint", lat=degrees(lon), lon=degrees(lat))
        raise FieldError(t("location.swapped", **written), hint)
    if not _inside(lat, lon):
        raise FieldError(t("location.outside", **written), t("location.write"))
    return lat, lon


def _degrees_of(item: object) -> float | None:
    """A number of degrees, as YAML gives it (our loader keeps scalars as text)."""
    if isinstance(item, str) and re.fullmatch(_NUMBER, item.strip()):
        return float(item.strip().replace("−", "-"))
    if isinstance(item, int | float) and not isinstance(item, bool) and math.isfinite(item):
        return float(item)
    return None


def _inside(lat: float, lon: float) -> bool:
    return LATITUDE[0] <= lat <= LATITUDE[1] and LONGITUDE[0] <= lon <= LONGITUDE[1]


def degrees(number: float) -> str:
    """A coordinate as people write it: at most 6 decimals (about 10 cm), no trailing 0."""
    return f"{number:.6f}".rstrip("0").rstrip(".")
