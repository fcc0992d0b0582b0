"""The statistics page's charts: a label too long for the picture is cut, and what is left
is text a reader recognises."""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from generator.web import stats

SVG = "{http://www.w3.org/2000/svg}"
START = "Bunga & Anggrek Hitam Kutai "  # 28 characters: what follows straddles the cut


def shown_label(label: str) -> str:
    chart = stats.Chart(
        "kategori", "Jumlah usaha per kategori", "Kategori", [stats.Bar(label, 1, "1")]
    )
    texts = ElementTree.fromstring(stats.svg(chart)).iter(f"{SVG}text")
    [label] = [t for t in texts if t.get("text-anchor") == "end"]  # the value is at the bar
    return label.text or ""


@pytest.mark.parametrize(
    "piece",
    [
        "🇮🇩",  # two regional indicators: one alone is a boxed letter
        "👍🏽",  # a skin tone alone is a brown square
        "👩\u200d👩\u200d👧",  # a family cut after the first person is a woman
        "e\u0301",  # an accent cut off its letter
        "❤\ufe0f",
        "🏴\U000e0067\U000e0062\U000e0077\U000e006c\U000e0073\U000e007f",  # the flag of Wales
    ],
    ids=["flag", "skin-tone", "zwj-family", "combining-accent", "variation-selector", "tag-flag"],
)
def test_a_long_label_is_cut_between_characters_as_a_reader_sees_them(piece: str) -> None:
    assert shown_label(START + piece + "🌸 Asli") == "Bunga & Anggrek Hitam Kutai…"


def test_a_label_that_fits_is_whole_and_a_long_word_is_cut() -> None:
    assert (
        shown_label("Wadai & Kue Basah 🍡👩\u200d👩\u200d👧")
        == "Wadai & Kue Basah 🍡👩\u200d👩\u200d👧"
    )
    word = "KueBingkaKentangKhasBanjarAsliBalikpapan"  # 40 letters
    assert shown_label(word) == word[:29] + "…"
