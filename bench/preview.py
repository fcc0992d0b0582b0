"""Preview latency: from saving one vendor's YAML to the new page being served by
`python -m generator serve`, on a synthetic catalogue (default 1,000 vendors).

Also checks the preview stays correct: after the edit the search index still holds
every vendor, not just the rebuilt pages.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from synth import ROOT, synthesise
from synth import vendor as synthetic_vendor


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(predicate, seconds: float) -> float | None:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if predicate():
            return time.perf_counter() - started
        time.sleep(0.02)
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--vendors", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--work", default="/tmp/katalog-preview")
    args = parser.parse_args()
    folder = Path(args.work)
    synthesise(args.vendors, folder / "content")
    (folder / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text("utf-8"), "utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    server = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/"
    vendor = folder / "content" / "vendors" / "usaha-7.yml"
    latencies = []
    try:
        shown = html.escape(synthetic_vendor(7)["name"], quote=False)  # as the page's HTML has it
        if wait_for(lambda: shown in fetch(base + "usaha/usaha-7/"), 300) is None:
            raise SystemExit("serve did not start")
        for n in range(args.edits):
            text = vendor.read_text("utf-8")
            old = text.split("\n", 1)[0]  # `name: …`
            new = f"name: Wadai Baru Nomor {n} 🍡"
            vendor.write_text(text.replace(old, new, 1), "utf-8")
            saved = time.perf_counter()
            marker = f"Wadai Baru Nomor {n} 🍡"
            seen = wait_for(lambda m=marker: m in fetch(base + "usaha/usaha-7/"), 60)
            if seen is None:
                raise SystemExit("the edit never appeared")
            latencies.append(time.perf_counter() - saved)
            time.sleep(1)
        index = json.loads(fetch(base + "search/search_index.json"))
        pages = {d["location"].split("#")[0] for d in index["docs"]}
        vendors_in_index = sum(1 for p in pages if p.startswith("usaha/usaha-"))
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(
        f"preview latency at {args.vendors} vendors: median {statistics.median(latencies):.2f} s "
        f"(runs: {', '.join(f'{x:.2f}' for x in latencies)})"
    )
    print(f"search index after the edits: {vendors_in_index} of {args.vendors} vendor pages")
    if vendors_in_index != args.vendors:
        raise SystemExit("the preview's search index lost pages")


if __name__ == "__main__":
    main()
