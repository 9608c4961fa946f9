"""Screenshots of built pages in headless Chromium, for looking at the site and for the README.

    python scripts/screenshot.py site/ OUT_DIR path [path …] [--width 1280] [--full]

Serves the built site on 127.0.0.1 and blocks every request that leaves it.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def serve(directory: Path):
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


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
