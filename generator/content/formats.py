"""How values read in Bahasa Indonesia, on the site and on paper alike: prices, dates,
month names, payment methods and WhatsApp links; and Balikpapan's clock."""

from __future__ import annotations

import datetime
import functools
from urllib.parse import quote

from babel.dates import format_date
from babel.numbers import format_currency
from markupsafe import Markup

LOCALE = "id"

PAYMENT_NAMES = {"tunai": "Tunai", "qris": "QRIS", "transfer": "Transfer bank"}

WITA = datetime.timezone(datetime.timedelta(hours=8), "WITA")
"""Balikpapan's clock (Asia/Makassar): UTC+8 all year, no daylight saving."""


def wita(day: datetime.date, hhmm: str) -> datetime.datetime:
    """`HH:MM` on `day` in Balikpapan, the way event times are written."""
    return datetime.datetime.combine(day, datetime.time.fromisoformat(hhmm), WITA)


@functools.lru_cache(maxsize=4096)
def rupiah(amount: int) -> Markup:
    """15000 -> `Rp15.000`."""
    return Markup(
        format_currency(amount, "IDR", format="¤#,##0", currency_digits=False, locale=LOCALE)
    )


@functools.lru_cache(maxsize=1024)
def tanggal(day: datetime.date) -> Markup:
    """2025-06-14 -> `Sabtu, 14 Juni 2025`."""
    return Markup(format_date(day, "EEEE, d MMMM y", locale=LOCALE))


@functools.lru_cache(maxsize=2)
def month_names(width: str = "wide") -> tuple[str, ...]:
    """Indonesian month names, January first ("abbreviated": Jan, Feb, …)."""
    return tuple(
        format_date(
            datetime.date(2000, m, 1), "MMM" if width == "abbreviated" else "MMMM", locale=LOCALE
        )
        for m in range(1, 13)
    )


def whatsapp_url(number: str, message: str) -> str:
    """A wa.me link with a prefilled message; `number` is `62…` digits."""
    return f"https://wa.me/{number}?text={quote(message, safe='')}"
