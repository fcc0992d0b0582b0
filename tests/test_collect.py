"""Which bazaar the home page features, and how events split into upcoming and past."""

from __future__ import annotations

import datetime

from conftest import FIXTURE

from generator.content.index import build_index
from generator.photos.inspect import load_with_photos


def test_next_bazaar_is_featured_and_past_ones_come_latest_first() -> None:
    content = load_with_photos(FIXTURE)
    index = build_index(content, datetime.date(2025, 6, 14))
    assert index.upcoming == ["bazar-uji", "bazar-depan"]  # a bazaar held today is upcoming
    assert index.featured_event() == "bazar-uji"

    later = build_index(content, datetime.date(2030, 1, 6))
    assert later.upcoming == []
    assert later.past == ["bazar-depan", "bazar-uji"]
    assert later.featured_event() == "bazar-depan"  # none coming: the latest is shown


def test_indexes_by_category_programme_and_rt() -> None:
    index = build_index(load_with_photos(FIXTURE), datetime.date(2025, 7, 1))
    assert index.by_category == {
        "makanan": ["amplang-uji", "kue-tanpa-rt"],
        "sayuran": ["kebun-uji"],
    }
    assert [(slug, p.name) for slug, p in index.guest_products["bunga"]] == [
        ("kebun-uji", "Mawar merah")
    ]
    assert index.by_programme == {"kampung-bungas": ["kebun-uji"]}
    assert index.by_rt == {3: ["amplang-uji"], 12: ["kebun-uji"]}
    assert [s.stall for s in index.stalls("bazar-uji")] == ["A2", "A10", "B1"]
