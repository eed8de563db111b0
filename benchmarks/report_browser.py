"""How usable a built report is in Chromium: time to open it and to draw each view.

Run:  python benchmarks/report_browser.py REPORT.html [--chromium /usr/bin/chromium]

Opens the report from disk in headless Debian Chromium (Playwright), every request outside file:
refused, and prints: the time from navigation to the first view drawn (parsing the embedded data
included), the time to draw each view, to filter the claims table, to open the first claim's chain
and to open an article, and the JavaScript heap. The baseline, in the same run, is the time to load
a blank page from disk, so the numbers are relative to what the browser itself costs here.
Usable means: every view drawn within 2 seconds of asking for it (the page is built for this: tables
page at 100 rows, the charts cap what they draw).
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time

from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _report import print_table, verdict  # noqa: E402

FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
VIEWS = ("claims", "passages", "speakers", "figures", "incidents", "articles", "overview")
USABLE_S = 2.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    rows: list[tuple[str, ...]] = []
    worst = 0.0
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        blank = Path(tmp) / "blank.html"
        blank.write_text("<!DOCTYPE html><title>blank</title><p>blank</p>")
        browser = p.chromium.launch(executable_path=args.chromium, headless=True, args=FLAGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        outside: list[str] = []
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
                      else (outside.append(r.request.url), r.abort()))
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))

        t = time.perf_counter()
        page.goto(blank.as_uri())
        base = time.perf_counter() - t
        rows.append(("blank page from disk (baseline)", f"{base:.3f}", "1.0×"))

        def ready(before: str | None) -> None:
            page.wait_for_function("prev => document.body.getAttribute('data-ready') !== null"
                                   " && document.body.getAttribute('data-ready') !== prev", arg=before, timeout=120_000)

        def measure(label: str, action) -> None:
            nonlocal worst
            before = page.evaluate("document.body ? document.body.getAttribute('data-ready') : null")
            t = time.perf_counter()
            action()
            ready(before)
            s = time.perf_counter() - t
            if not label.startswith("open the report"):
                worst = max(worst, s)
            rows.append((label, f"{s:.3f}", f"{s / base:.0f}×"))

        measure("open the report (parse data, draw overview)", lambda: page.goto(args.report.resolve().as_uri()))
        for view in VIEWS:
            measure(f"view {view}", lambda v=view: page.evaluate(f"location.hash = '#{v}'"))
        measure("view claims again", lambda: page.evaluate("location.hash = '#claims'"))
        measure("filter claims ('killed')", lambda: page.evaluate("location.hash = '#claims?claims.q=killed'"))
        measure("open the first claim's chain", lambda: page.click("[data-table=claims] tbody tr:first-child"))
        measure("sort claims by independent sources",
                lambda: page.click("[data-table=claims] th:nth-child(3)"))
        measure("open an article", lambda: page.click("#claim-chain li a"))
        heap = page.evaluate("performance.memory ? performance.memory.usedJSHeapSize : null")
        browser.close()

    size = args.report.stat().st_size
    print(f"report: {args.report} ({size / 1e6:.1f} MB)")
    print_table(("step", "seconds", "vs blank page"), rows)
    if heap:
        print(f"JavaScript heap after the run: {heap / 1e6:.0f} MB")
    print(f"errors: {errors or 'none'}; requests outside file: {outside or 'none'}")
    print(f"slowest view or action (opening excluded): {worst:.2f} s; target: at most {USABLE_S:.0f} s "
          f"{verdict(worst <= USABLE_S)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
