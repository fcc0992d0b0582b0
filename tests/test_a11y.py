"""Accessible to every resident: axe-core (the npm package, `tests/a11y/`) run in Debian's
Chromium on the pages people use most, alt text on every image, and the whole page
reachable by keyboard with a visible focus."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT

AXE = ROOT / "tests" / "a11y" / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 A and AA, plus axe's best practices (landmarks, one h1, …).
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PAGES = {
    "home": "",
    "vendor": "usaha/amplang-bu-sari/",
    "event": "acara/bazar-umkm-juni-2025/",
    "statistics": "statistik/",
    "open data": "data-terbuka/",
}
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def run_axe(page) -> dict:
    if not AXE.is_file():
        pytest.fail("axe-core is missing: `make test` installs it (npm ci --prefix tests/a11y)")
    page.add_script_tag(path=str(AXE))
    return page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)


def summary(results: dict) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}, {len(v['nodes'])}×): {v['nodes'][0]['target']} "
        f"{v['nodes'][0]['failureSummary'][:160]}"
        for v in results["violations"]
    ]


def assert_accessible(results: dict) -> None:
    serious = [v for v in results["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], summary(results)
    # Colour contrast passes outright (any impact), and was really checked.
    assert "color-contrast" not in {v["id"] for v in results["violations"]}, summary(results)
    assert "color-contrast" in {p["id"] for p in results["passes"]}


@pytest.mark.parametrize("device", ["phone", "desktop"])
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violations(
    browser,  # noqa: F811
    base_url: str,  # noqa: F811
    name: str,
    device: str,
) -> None:
    context = browser.new_context(**(PHONE if device == "phone" else DESKTOP))
    page = context.new_page()
    page.goto(base_url + PAGES[name], wait_until="networkidle")
    assert_accessible(run_axe(page))
    # Every image says what it shows (charts: what they show and where the numbers are).
    for img in page.locator("article img").all():
        assert (img.get_attribute("alt") or "").strip(), img.evaluate("e => e.outerHTML")
    context.close()


@pytest.mark.parametrize("device", ["phone", "desktop"])
def test_search_results_have_no_serious_accessibility_violations(
    browser,  # noqa: F811
    base_url: str,  # noqa: F811
    device: str,
) -> None:
    context = browser.new_context(**(PHONE if device == "phone" else DESKTOP))
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    page.locator("#cari-kata").press_sequentially("amplang", delay=30)
    page.wait_for_function("document.getElementById('cari-panel').dataset.dicari === 'amplang'")
    page.locator("#cari-saring summary").click()  # the filters too
    page.locator("#cari-saring select").first.wait_for()
    results = run_axe(page)
    assert_accessible(results)
    assert page.locator("form.cari").get_attribute("role") == "search"
    assert page.locator("#cari-panel").is_visible()
    context.close()


FOCUSED = """() => {
  const el = document.activeElement, style = getComputedStyle(el);
  return {
    tag: el.tagName,
    href: el.getAttribute("href"),
    search: el.matches("#cari-kata"),
    inArticle: !!el.closest("article"),
    outline: style.outlineStyle !== "none" && style.outlineWidth !== "0px",
  };
}"""


def test_everything_is_reachable_by_keyboard_with_a_visible_focus(
    browser,  # noqa: F811
    base_url: str,  # noqa: F811
) -> None:
    context = browser.new_context(**DESKTOP)
    page = context.new_page()
    page.goto(base_url + PAGES["vendor"], wait_until="networkidle")
    links = page.locator("article a[href]").evaluate_all("els => els.map(e => e.href)")
    reached = []
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["tag"] == "BODY":  # came round to the end of the page
            break
        reached.append(focused)
    else:
        pytest.fail("Tab never reached the end of the page")
    # The search box, the sidebar and every link of the page itself.
    assert [f for f in reached if f["search"]]
    assert reached[0]["href"].endswith("#amplang-bu-sari")  # first: "skip to content"
    absolute = page.evaluate("hrefs => hrefs.map(h => new URL(h, location.href).href)", links)
    got = page.evaluate(
        "hrefs => hrefs.map(h => new URL(h, location.href).href)",
        [f["href"] for f in reached if f["inArticle"]],
    )
    assert got == absolute and len(got) >= 5
    assert any(f["href"] and f["href"].endswith("/statistik/") for f in reached)
    # Every focused control shows where the focus is.
    assert [f for f in reached if not f["outline"]] == []
    context.close()


def test_axe_is_installed_from_the_lockfile() -> None:
    """The version axe reports is the one the lockfile pins (no floating install)."""
    import json

    lock = json.loads((ROOT / "tests" / "a11y" / "package-lock.json").read_text("utf-8"))
    pinned = lock["packages"]["node_modules/axe-core"]["version"]
    installed = json.loads((AXE.parent / "package.json").read_text("utf-8"))["version"]
    assert installed == pinned
    assert Path(AXE).stat().st_size > 100_000
