"""Products of the same name are numbered apart (`a`, `a-2`, `a-3`), in linear time: a
vendor file with 20,000 products called "a" must not stall the build or the review."""

from __future__ import annotations

import time
from collections.abc import Callable

from conftest import FIXTURE

from generator.authoring.diff import summarise
from generator.content.model import Product, Vendor
from generator.photos.inspect import load_with_photos
from generator.web.render import product_ids


def vendor(names: list[str], price: int = 1000) -> Vendor:
    products = [Product.model_construct(name=n, price=price, available=True) for n in names]
    return Vendor.model_construct(name="Toko", category="makanan", products=products)


def growth(work: Callable[[int], object]) -> float:
    """How much longer `work` takes on 20,000 than on 1,000 (best of three each): about
    20 when it is linear (a little more, with the memory it takes), 400 when quadratic."""

    def best(n: int) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            work(n)
            times.append(time.perf_counter() - started)
        return min(times)

    return best(20_000) / best(1_000)


def test_anchors_of_repeated_names() -> None:
    ids = product_ids(vendor(["a", "a", "a-2", "a", "Produk", "", "Cara membeli"]))
    # "produk" and "cara-membeli" are the page's own sections
    assert ids == ["a", "a-2", "a-2-2", "a-3", "produk-2", "produk-3", "cara-membeli-2"]
    many = product_ids(vendor(["a"] * 20_000 + ["a-5"]))
    assert many[:3] == ["a", "a-2", "a-3"] and many[19_999] == "a-20000"
    assert len(set(many)) == len(many)  # a product literally named "a-5" gets its own


def test_anchors_are_numbered_in_linear_time() -> None:
    vendors = {n: vendor(["a"] * n) for n in (1_000, 20_000)}
    assert growth(lambda n: product_ids(vendors[n])) < 100


def test_the_review_summary_numbers_repeated_names_in_linear_time() -> None:
    base = load_with_photos(FIXTURE)
    slug = next(iter(base.vendors))
    pairs = {
        n: (vendor(["a"] * n), vendor(["a"] * (n - 1) + ["b"], price=2000)) for n in (1_000, 20_000)
    }

    def summary(n: int) -> str:
        old, new = (
            type(base)(base.catalogue, {**base.vendors, slug: v}, base.events) for v in pairs[n]
        )
        return summarise(old, new)

    text = summary(1_000)
    assert "`a (1000)`" in text and "`b`" in text  # the last "a" went, "b" came
    assert "`a (2)`" in text  # every "a" got dearer, each named apart
    assert growth(summary) < 100
