"""Bytes a phone downloads on a city's site: a first visit and a first search, on a
kelurahan's vendor page (which searches that kelurahan) and on the city's home page
(which searches the whole city), against the single catalogue's budgets.

The city is one `bench/city.py` built (34 × 150 vendors by default: run that first; it
keeps its work folder). Served and counted exactly as bench/search_bytes.py does: by a
local host that gzips text as a static host would, every byte it writes counted,
headers included, service worker included; Debian's Chromium, a fresh cache, 360 px.

    ../.venv/bin/python city_bytes.py                     # /tmp/katalog-bench-city/kota-34x150
    ../.venv/bin/python city_bytes.py --city /tmp/katalog-bench-city/kota-8x100

Prints a table in KB (1,024 bytes). Not a test.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from search_bytes import (
    BUDGET,
    CHROMIUM,
    CHROMIUM_ARGS,
    VENDOR_PAGE,
    Host,
    kb,
    serve,
    visit_and_search,
)

PLACES = {  # what a resident opens first: (label, page)
    "kelurahan's vendor page": f"kel-0/{VENDOR_PAGE}",
    "city's home page": "",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--city", type=Path, default=Path("/tmp/katalog-bench-city/kota-34x150"))
    args = parser.parse_args()
    site = args.city / "site"
    if not (site / "kel-0" / VENDOR_PAGE / "index.html").is_file():
        raise SystemExit(f"no city built in {site}: run bench/city.py first")
    from playwright.sync_api import sync_playwright

    host = Host()
    server, base_url = serve(site, host)
    rows = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for label, first in PLACES.items():
                rows.append((label, visit_and_search(browser, host, base_url, first)))
            browser.close()
    finally:
        server.shutdown()
    print(f"{args.city.name}: KB on the wire (gzip, headers included), fresh cache")
    print(f"{'first page':<26}{'visit':>8}{'search 1':>10}{'later':>8}  first search's results")
    for label, r in rows:
        print(
            f"{label:<26}{kb(r['visit']['bytes']):>8}{kb(r['search1']['bytes']):>10}"
            f"{kb(r['later_max']):>8}  {r['search1']['results']}"
        )
    print(f"{'budget':<26}{BUDGET['visit']:>8}{BUDGET['search1']:>10}{BUDGET['later_max']:>8}")


if __name__ == "__main__":
    main()
