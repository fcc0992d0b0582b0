"""Residents' searches typed into a built site's search box in Chromium, as a phone does.

Shared by tests/test_search.py (the sample catalogue, with a threshold) and
bench/search_eval.py (the sample and a held-out catalogue, measured and printed).
A query set is a YAML list of `{q: …, want: [page, …], anchor: …}` (see
tests/cases/search/queries.yml).
"""

from __future__ import annotations

import contextlib
import urllib.parse
from collections.abc import Callable, Iterator

TOP = 5

# The result links, best first: one group per page, the page first, then the sections
# of the page the search found (a product's heading).
Search = Callable[[str], list[list[str]]]


@contextlib.contextmanager
def search_box(
    browser, base_url: str, top: int = TOP, block: str | None = None, narrow: str | None = None
) -> Iterator[Search]:
    """A phone on a vendor page, typing into the header's search box; `search(q)` returns
    the first `top` groups once the box has answered that very query. `block`: a URL
    pattern the page may not load (`**/search/**`: Pagefind without our word list).
    `narrow`: a city's search, narrowed to that kelurahan in the panel first."""
    # A service worker's own fetches pass no route: with a URL to block, no worker.
    context = browser.new_context(
        viewport={"width": 360, "height": 740},
        is_mobile=True,
        service_workers="block" if block else "allow",
    )
    page = context.new_page()
    if block:
        page.route(block, lambda route: route.abort())
    page.goto(base_url)
    box = page.locator("#cari-kata")
    box.click()
    answered = "q => document.getElementById('cari-panel').getAttribute('data-dicari') === q"

    def run(query: str) -> list[list[str]]:
        box.fill(query)
        page.wait_for_function(answered, arg=query, timeout=20_000)
        groups = page.locator("#cari-hasil > li")
        return [
            [
                where(link, base_url)
                for link in groups.nth(i).locator("a").evaluate_all("as => as.map(a => a.href)")
            ]
            for i in range(min(groups.count(), top))
        ]

    if narrow:  # the panel's filters come with the first answer
        run("pasar")
        page.locator("#cari-saring summary").click()
        page.get_by_label("Kelurahan").select_option(narrow)
    try:
        yield run
    finally:
        context.close()


def where(link: str, base_url: str) -> str:
    """`usaha/x/#produk` from `http://…/usaha/x/#produk`."""
    parts = urllib.parse.urlsplit(link.removeprefix(base_url))
    return parts.path + (f"#{parts.fragment}" if parts.fragment else "")


def page_of(link: str) -> str:
    return link.split("#")[0]


def pages(groups: list[list[str]]) -> list[str]:
    """The pages of a search's result groups, best first."""
    return [page_of(group[0]) for group in groups if group]


def found(case: dict, groups: list[list[str]]) -> bool:
    """One of the pages the query wants is among the results."""
    return bool(set(case["want"]) & set(pages(groups)))


def lands_on_product(case: dict, groups: list[list[str]]) -> bool:
    """The best result is the wanted page and one of its links opens it at `anchor`."""
    best = groups[0] if groups else []
    target = case["want"][0]
    return bool(best) and page_of(best[0]) == target and f"{target}#{case['anchor']}" in best
