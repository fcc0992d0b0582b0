"""Parsing what volunteers type, and formatting what residents read."""

from __future__ import annotations

import datetime

import pytest

from generator.content.formats import rupiah, tanggal
from generator.content.values import (
    FieldError,
    format_phone,
    natural_key,
    parse_instagram,
    parse_phone,
    parse_price,
    parse_time,
    parse_website,
    slugify,
)
from generator.web.markdown import md


@pytest.mark.parametrize(
    "typed",
    [
        15000,
        "15000",
        "15.000",
        "Rp15.000",
        "Rp 15.000",
        "rp. 15.000",
        "IDR 15000",
        "Rp15.000,-",
        "15.000,00",
    ],
)
def test_price_spellings_that_mean_fifteen_thousand(typed: object) -> None:
    assert parse_price(typed) == 15000


@pytest.mark.parametrize(
    "typed, message",
    [
        ("15rb", "`15rb` is an abbreviation"),
        ("15,5", "`15,5` is not a whole Rupiah amount (Rupiah has no cents)"),
        ("15.5", "`15.5` is not a whole Rupiah amount (Rupiah has no cents)"),
        ("-5000", "`-5000` is negative"),
        (-5000, "`-5000` is negative"),
        ("1e9", "`1e9` is not a price"),
        ("10.000-15.000", "`10.000-15.000` looks like a price range"),
        (0, "the price is 0"),
        (True, "`true` is not a price"),
        (None, "a price is required"),
        ("²", "`²` is not a price"),
        ("١٥٠٠٠", "`١٥٠٠٠` is not a price"),
        (1_000_000_000, "`1000000000` is more than Rp100.000.000"),
    ],
)
def test_ambiguous_prices_are_refused_with_a_hint(typed: object, message: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_price(typed)
    assert caught.value.message.render("en") == message
    assert caught.value.hint


@pytest.mark.parametrize(
    "typed",
    [
        "0812-3456-7890",
        "+62 812 3456 7890",
        "6281234567890",
        "081234567890",
        6281234567890,
        "(0812) 3456.7890",
    ],
)
def test_phone_spellings_normalise_to_one_number(typed: object) -> None:
    assert parse_phone(typed) == "6281234567890"
    assert format_phone(parse_phone(typed)) == "0812-3456-7890"


@pytest.mark.parametrize(
    "typed",
    [
        "021-555-1234",
        "0812",
        "0812-3456-7890-1234",
        "halo",
        "+1 555 0100",
        True,
        "0812３４５６７８９０",
    ],
)
def test_bad_phone_numbers(typed: object) -> None:
    with pytest.raises(FieldError):
        parse_phone(typed)


def test_stalls_sort_naturally() -> None:
    labels = ["A10", "B1", "A2", "a1", "A1b", "10", "9"]
    assert sorted(labels, key=natural_key) == ["9", "10", "a1", "A1b", "A2", "A10", "B1"]


def test_indonesian_dates_and_rupiah() -> None:
    assert tanggal(datetime.date(2025, 6, 14)) == "Sabtu, 14 Juni 2025"
    assert tanggal(datetime.date(2027, 7, 10)) == "Sabtu, 10 Juli 2027"
    assert rupiah(15000) == "Rp15.000"
    assert rupiah(1250000) == "Rp1.250.000"


def test_times_websites_instagram_and_slugs() -> None:
    assert parse_time("8:00") == "08:00"
    assert parse_time("16.30") == "16:30"
    with pytest.raises(FieldError):
        parse_time("25:00")
    with pytest.raises(FieldError):
        parse_website("https://example.org/a b")
    assert parse_website("https://example.org/x(1)") == "https://example.org/x%281%29"
    for scheme in ("javascript:alert(1)", "data:text/html,x", "vbscript:x", "ftp://x.org/"):
        with pytest.raises(FieldError):
            parse_website(scheme)
    assert parse_instagram("@amplang.busari") == "amplang.busari"
    assert parse_instagram("https://www.instagram.com/amplang.busari/") == "amplang.busari"
    assert slugify("Toko Bu Sari") == "toko-bu-sari"
    assert slugify("Kué  Ñoña!") == "kue-nona"


def test_markdown_escaping_keeps_text_and_drops_markup() -> None:
    assert md("Kue & <b>teh</b>") == "Kue &amp; &lt;b\\>teh&lt;/b\\>"
    assert md("[x](javascript:alert(1))") == "\\[x\\]\\(javascript:alert\\(1\\)\\)"
    assert md("a | b\nc") == "a \\| b c"


def test_site_and_paper_split_paragraphs_alike() -> None:
    """A blank line holding spaces looks blank in any editor: it starts a paragraph on the
    site and on paper (the printed catalogue once kept it inside one)."""
    from conftest import FIXTURE, GOLDEN_DAY

    from generator.content.index import build_index
    from generator.content.values import split_paragraphs
    from generator.photos.inspect import load_with_photos
    from generator.printed import render as print_render
    from generator.web.markdown import paragraphs

    typed = "Kue basah.\n   \nPesan  sehari\nsebelumnya.\n\n\n"
    assert split_paragraphs(typed) == ["Kue basah.", "Pesan sehari sebelumnya."]
    content = load_with_photos(FIXTURE)
    slug = next(iter(content.vendors))
    content.vendors[slug] = content.vendors[slug].model_copy(update={"description": typed})
    parts = print_render.catalogue_document(build_index(content, GOLDEN_DAY)).parts
    cards = [c for part in parts if part["part"] == "cards" for c in part["cards"]]
    printed = next(c for c in cards if c["anchor"] == f"u-{slug}")
    assert printed["description"] == split_paragraphs(typed)
    assert paragraphs(typed) == "Kue basah\\.\n\nPesan sehari sebelumnya\\."
    assert split_paragraphs(None) == split_paragraphs(" \n ") == []


def test_opening_hours_in_the_documented_form() -> None:
    from generator.content.values import parse_open_hours

    assert parse_open_hours("Senin–Sabtu 08:00–17:00") == [([1, 2, 3, 4, 5, 6], "08:00", "17:00")]
    assert parse_open_hours("Selasa–Minggu 15.00-22.00") == [([2, 3, 4, 5, 6, 7], "15:00", "22:00")]
    assert parse_open_hours("Senin–Jumat 08:00–16:00, Sabtu 08:00–12:00") == [
        ([1, 2, 3, 4, 5], "08:00", "16:00"),
        ([6], "08:00", "12:00"),
    ]
    assert parse_open_hours("Setiap hari 05:30–10:00") == [(list(range(1, 8)), "05:30", "10:00")]
    for free_text in ("Buka kalau ada orang", "Senin 25:00–26:00", "Libur 08:00–10:00"):
        assert parse_open_hours(free_text) is None
