"""Parsers for the values volunteers type: prices, phone numbers, times, slugs.

Each parser returns the clean value or raises `FieldError(message, hint)`;
the model turns that into a located `Problem`.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, urlsplit


class FieldError(ValueError):
    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


MAX_PRICE = 100_000_000  # Rp100 juta: above this it is surely a typo

_DIGITS = re.compile(r"[0-9]+")  # ASCII only: str.isdigit() also accepts "²" and "١٥"
_RP_PREFIX = re.compile(r"^(?:rp\.?|idr)\s*", re.IGNORECASE)
_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")  # 15.000 / 1.250.000
_TRAILER = re.compile(r"(?:,-|,00)$")  # "15.000,-" and "15.000,00" are whole Rupiah


def parse_price(value: object) -> int:
    """Whole Rupiah from `15000`, `"15.000"`, `"Rp15.000"`, `"Rp 15.000,-"`."""
    example = "write the whole Rupiah amount in digits, e.g. `price: 15000`"
    if value is None:
        raise FieldError("a price is required", example)
    if isinstance(value, int) and not isinstance(value, bool):
        amount = value
    elif isinstance(value, str):
        text = _TRAILER.sub("", _RP_PREFIX.sub("", value.strip()).replace(" ", ""))
        if _DIGITS.fullmatch(text):
            amount = int(text)
        elif _GROUPED.fullmatch(text):
            amount = int(text.replace(".", ""))
        elif re.fullmatch(r"\d+(?:rb|ribu|k)", text, re.IGNORECASE):
            thousands = re.match(r"\d+", text).group()  # type: ignore[union-attr]
            raise FieldError(
                f"`{value}` is an abbreviation",
                f"write the full amount in digits, e.g. `price: {thousands}000`",
            )
        elif re.fullmatch(r"-\s*\d[\d.]*", text):
            raise FieldError(f"`{value}` is negative", example)
        elif re.fullmatch(r"[0-9]+[.,][0-9]+", text):
            raise FieldError(
                f"`{value}` is not a whole Rupiah amount (Rupiah has no cents)",
                "write thousands with a dot or without separators, "
                'e.g. `price: 15000` or `price: "15.000"`',
            )
        elif re.search(r"\d\s*[-–/]\s*\d", text):
            raise FieldError(
                f"`{value}` looks like a price range",
                "give each size or variant its own product with one price",
            )
        else:
            raise FieldError(f"`{value}` is not a price", example)
    else:
        shown = str(value).lower() if isinstance(value, bool) else value
        raise FieldError(f"`{shown}` is not a price", example)
    if amount < 0:
        raise FieldError(f"`{value}` is negative", example)
    if amount == 0:
        raise FieldError(
            "the price is 0",
            "write the real price; for a free item say so in "
            "`description` and give the usual price",
        )
    if amount > MAX_PRICE:
        raise FieldError(
            f"`{value}` is more than Rp100.000.000",
            "check for extra zeros; write the amount in digits, e.g. `price: 15000`",
        )
    return amount


def parse_phone(value: object) -> str:
    """An Indonesian mobile number in any common spelling -> `62812…` (digits only)."""
    hint = "write an Indonesian mobile number, e.g. `0812-3456-7890` or `+62 812 3456 7890`"
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise FieldError("expected a phone number", hint)
    text = str(value).strip()
    digits = re.sub(r"[\s\-.()]", "", text)
    if digits.startswith("+"):
        digits = digits[1:]
    if not _DIGITS.fullmatch(digits):
        raise FieldError(f"`{text}` is not a phone number (only digits, spaces, `-` and `+`)", hint)
    if digits.startswith("62"):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    elif digits.startswith("8"):
        national = digits
    else:
        raise FieldError(f"`{text}` is not an Indonesian number", hint)
    if not national.startswith("8"):
        raise FieldError(f"`{text}` is not a mobile number (WhatsApp needs one starting 08…)", hint)
    if not 9 <= len(national) <= 12:
        raise FieldError(
            f"`{text}` has {len(national) + 1} digits; a mobile number has 10 to 13", hint
        )
    return "62" + national


def format_phone(number: str) -> str:
    """`6281234567890` -> `0812-3456-7890` (the way it is printed locally)."""
    local = "0" + number[2:]
    return "-".join([local[:4], local[4:8], local[8:]]).rstrip("-")


def parse_time(value: object) -> str:
    """`HH:MM` on a 24-hour clock."""
    hint = 'write the time as HH:MM on a 24-hour clock, e.g. `"08:00"` or `"16:30"`'
    text = str(value).strip() if isinstance(value, str | int) else ""
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", text)
    if not match:
        raise FieldError(f"`{value}` is not a time", hint)
    hours, minutes = int(match[1]), int(match[2])
    if hours > 23 or minutes > 59:
        raise FieldError(f"`{value}` is not a time of day", hint)
    return f"{hours:02d}:{minutes:02d}"


def parse_instagram(value: object) -> str:
    """`@name`, `name` or a profile URL -> `name`."""
    hint = "write the account name, e.g. `instagram: amplang.busari`"
    text = str(value).strip() if isinstance(value, str) else ""
    # The app's share button adds `?igsh=…`: ignore what follows the account name.
    match = re.fullmatch(r"(?:https?://)?(?:www\.)?instagram\.com/([^/?#]+)/?(?:[?#].*)?", text)
    handle = (match[1] if match else text).removeprefix("@")
    if not re.fullmatch(r"[A-Za-z0-9._]{1,30}", handle):
        raise FieldError(f"`{value}` is not an Instagram account name", hint)
    return handle


def parse_website(value: object) -> str:
    """An http(s) address; anything else (javascript:, data:, …) is refused."""
    hint = "write the full address starting with https://, e.g. `https://example.org/`"
    text = value.strip() if isinstance(value, str) else ""
    if not text or any(c.isspace() or ord(c) < 32 for c in text):
        raise FieldError(f"`{value}` is not a web address", hint)
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FieldError(f"`{value}` is not an http or https address", hint)
    # Parentheses and quotes would end a Markdown link early: percent-encode them.
    return quote(text, safe=":/?#@!$&*+,;=%~[]")


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


def slug_problem(slug: str) -> str | None:
    """Why `slug` can't be a file name or id, or None when it can."""
    if not SLUG.fullmatch(slug):
        return "lowercase a-z, 0-9 and -"
    if slug in RESERVED:
        return "`index` is taken by the list page"
    return None


def natural_key(label: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key putting stall A2 before A10."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.lower())
        for part in re.findall(r"\d+|\D+", label)
    )
