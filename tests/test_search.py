"""Residents' searches, typed into the built sample site in Debian's Chromium.

The query set (tests/cases/search/queries.yml) holds how people here write:
variants (cabe, kripik, kueh), affixed words (sayuran, manisan), products,
categories, RT numbers, "halal", "diantar". Recall@5 must stay at 90 % or more.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml
from conftest import ROOT
from search_driver import Search, found, lands_on_product, pages, search_box

pytestmark = [pytest.mark.browser, pytest.mark.slow]

QUERIES = yaml.safe_load((ROOT / "tests" / "cases" / "search" / "queries.yml").read_text("utf-8"))


@pytest.fixture(scope="module")
def search(browser, base_url: str) -> Iterator[Search]:
    """A phone with the search box open; `search(q)` returns the result links, best first:
    one per page (as Material groups them), then the page's own sections."""
    with search_box(browser, base_url) as run:
        yield run


def test_recall_at_5_of_residents_queries(search) -> None:
    missed = []
    for case in QUERIES:
        groups = search(case["q"])
        if not found(case, groups):
            missed.append(f"{case['q']!r}: wanted {case['want']}, got {pages(groups)}")
    recall = 1 - len(missed) / len(QUERIES)
    print(f"recall@5 = {recall:.1%} over {len(QUERIES)} queries", *missed, sep="\n")
    assert recall >= 0.9, "\n".join(missed)


@pytest.mark.parametrize("case", [c for c in QUERIES if "anchor" in c], ids=lambda c: c["q"])
def test_a_product_search_lands_on_the_product(search, case) -> None:
    """The best match opens the vendor's page at the product, not at its top."""
    groups = search(case["q"])
    assert lands_on_product(case, groups), groups[:1]


def test_a_variant_is_not_called_missing(browser, base_url: str) -> None:
    """ "cabe" finds "Cabai rawit"; Material lists a result's missing words, and must not
    list the word typed, nor the words the search added."""
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    page.goto(base_url)
    page.locator("label.md-header__button[for='__search']").click()
    page.locator("input.md-search__input").press_sequentially("cabe", delay=30)
    first = page.locator(".md-search-result__item").first
    first.wait_for(timeout=15_000)
    assert "/usaha/kebun-cabai-bu-marlina/" in first.locator("a").first.get_attribute("href")
    assert "Tidak ada" not in first.inner_text()
    page.close()
