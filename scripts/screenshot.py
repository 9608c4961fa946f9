"""Screenshots of built pages in headless Chromium, for looking at the site and for the README.

    python scripts/screenshot.py site/ OUT_DIR path [path …] [--width 1280] [--full]

Serves the built site on 127.0.0.1 and blocks every request that leaves it.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS
from local_server import serve


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--full", action="store_true", help="the whole page, not the first screen")
    parser.add_argument("--dark", action="store_true")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with serve(args.site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": args.width, "height": args.height},
                                color_scheme="dark" if args.dark else "light")
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base) else route.abort())
        for path in args.paths:
            page.goto(f"{base}/{path.lstrip('/')}")
            page.wait_for_load_state("networkidle")
            name = (path.strip("/").replace("/", "_").replace("#", "-") or "index") + f"-{args.width}.png"
            page.screenshot(path=str(args.out / name), full_page=args.full)
            print(args.out / name)
        browser.close()


if __name__ == "__main__":
    main()
