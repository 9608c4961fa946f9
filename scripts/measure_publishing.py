"""Figures for the publishing side of the edition: build times with and without the PDF, the
PDF's size and pages, what accent folding adds to the search index, and what a reader's
browser loads for one section page. Prints them; asserts nothing (speed and size are for
people to judge, not for timed tests).

    python scripts/measure_publishing.py
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from local_server import serve  # noqa: E402
from screenshot import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def build(destination: Path, **env: str) -> float:
    start = time.monotonic()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-d", str(destination)],
                   cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, check=True)
    return time.monotonic() - start


def page_weight(site: Path, path: str) -> tuple[int, int]:
    """(requests, bytes) a browser loads for a page of the site, search index included."""
    from playwright.sync_api import sync_playwright

    sizes = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.on("response", lambda response: sizes.append(len(response.body())) if response.ok else None)
        page.goto(f"{base}/{path}", wait_until="networkidle")
        page.locator("input.md-search__input").click()  # the search index loads on first use
        page.wait_for_load_state("networkidle")
        browser.close()
    return len(sizes), sum(sizes)


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        plain, with_pdf = Path(scratch) / "plain", Path(scratch) / "pdf"
        seconds_plain = build(plain)
        seconds_pdf = build(with_pdf, EDITION_PDF="1")
        pdf = next(with_pdf.glob("*.pdf"))
        index = json.loads((plain / "search" / "search_index.json").read_text(encoding="utf-8"))
        folded = sum(doc["text"].count('class="search-fold"') + doc["title"].count('class="search-fold"')
                     for doc in index["docs"])
        unfold = re.compile(r'<span class="search-fold">(.*?)<span hidden>.*?</span></span>')
        fold_bytes = sum(len(doc[field]) - len(unfold.sub(r"\1", doc[field]))
                         for doc in index["docs"] for field in ("title", "text"))
        requests, weight = page_weight(plain, "article/historical-background/")
        print(f"build, strict, no PDF:          {seconds_plain:6.1f} s")
        print(f"build, strict, with PDF:        {seconds_pdf:6.1f} s")
        print(f"PDF:                            {pdf.stat().st_size / 1024:6.0f} KiB, "
              f"{len(PdfReader(str(pdf)).pages)} pages")
        print(f"print view (print/index.html):  {(plain / 'print' / 'index.html').stat().st_size / 1024:6.0f} KiB")
        print(f"search index:                   {(plain / 'search' / 'search_index.json').stat().st_size / 1024:6.0f} KiB, "
              f"{len(index['docs'])} entries, {folded} accented words folded "
              f"(+{fold_bytes / 1024:.1f} KiB)")
        print(f"a section page in the browser:  {weight / 1024:6.0f} KiB in {requests} requests "
              f"(search index loaded; no font files)")


if __name__ == "__main__":
    main()
