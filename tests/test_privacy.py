"""Private and offline: no page makes a request to any other host.

Every built page is opened in Chromium, and every request the browser makes (the page, its
styles, scripts, fonts, images, and the search worker's index) is taken from the browser's
network log; the reader's first action, a search, is made on each page too. Requests that
would leave 127.0.0.1 are aborted and reported. A static pass over the HTML and CSS then
catches what a browser loads only in some conditions (print or dark styles, srcset, preconnect).
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from built_pages import html_files, page_paths, url_path

pytestmark = pytest.mark.browser

# Attributes by which an HTML element makes the browser fetch something (links to other sites
# that the reader may follow are not requests and are allowed).
FETCHING = {
    "script": ["src"], "img": ["src", "srcset"], "source": ["src", "srcset"], "iframe": ["src"],
    "video": ["src", "poster"], "audio": ["src"], "track": ["src"], "embed": ["src"],
    "object": ["data"], "input": ["src"],
}
FETCHING_LINK_RELS = {"stylesheet", "icon", "apple-touch-icon", "manifest", "preload", "prefetch",
                      "preconnect", "dns-prefetch", "modulepreload", "prerender", "mask-icon"}
CSS_URL_RE = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
LOCAL_PAGE = "http://127.0.0.1/"


# Pages open at once, each in its own tab: a page's wait for the network to fall silent (at
# least 500 ms each, Playwright's "networkidle") overlaps the others' (measured: 94 s for the
# file with one tab).
TABS = 4


def test_no_page_makes_a_request_to_another_host(browser, base_url, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[tuple[str, str]] = []
    # Nothing may leave the machine even if a page asks: such requests are aborted (and logged below).
    context.route("**/*", lambda route: route.continue_() if is_local(route.request.url, base_url) else route.abort())
    tabs, current = [], {}
    for _ in range(TABS):
        tab = context.new_page()
        # every request of the tab, its search worker's included, logged with the page it is on
        tab.on("request", lambda request, tab=tab: requests.append((current[tab], request.url)))
        tabs.append(tab)
    paths = page_paths(site)
    for start in range(0, len(paths), TABS):
        # the last batch may hold fewer pages than there are tabs: the spare tabs stay idle
        batch = list(zip(tabs, paths[start:start + TABS], strict=False))
        for tab, path in batch:
            current[tab] = path
            tab.goto(f"{base_url}/{path}", wait_until="commit")
        for tab, _ in batch:
            tab.wait_for_load_state("networkidle")
            search(tab)
    context.close()
    assert len({path for path, _ in requests}) == len(paths), "the network log missed a page"
    assert any(url.endswith("/search/search_index.json") for _, url in requests), \
        "the network log missed the search worker's request for the index: the log is not complete"
    outside = [f"{path}: {url}" for path, url in requests if not is_local(url, base_url)]
    assert not outside, "requests to other hosts:\n" + "\n".join(outside)


def test_no_page_or_stylesheet_refers_to_a_resource_on_another_host(site):
    found = []
    for file in html_files(site):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        page_url = urljoin(LOCAL_PAGE, url_path(site, file))
        for element in soup.find_all(list(FETCHING) + ["link"]):
            if element.name == "link":
                rels = set(element.get("rel") or [])
                values = [("href", element.get("href"))] if rels & FETCHING_LINK_RELS else []
            else:
                values = [(attribute, element.get(attribute)) for attribute in FETCHING[element.name]]
            for attribute, value in values:
                for url in candidates(attribute, value):
                    if not is_local(urljoin(page_url, url), LOCAL_PAGE):
                        found.append(f"{file.relative_to(site)}: <{element.name}> {url}")
        for style in soup.find_all("style"):
            found += [f"{file.relative_to(site)}: <style> {url}" for url in css_urls(style.get_text())
                      if not is_local(urljoin(page_url, url), LOCAL_PAGE)]
    for file in sorted(site.rglob("*.css")):
        found += [f"{file.relative_to(site)}: {url}" for url in css_urls(file.read_text(encoding="utf-8"))
                  if not is_local(urljoin(LOCAL_PAGE, url), LOCAL_PAGE)]
    assert not found, "resources on other hosts:\n" + "\n".join(found)


def search(page) -> None:
    """Type a query in the search box, as a reader would, and wait for the results."""
    if page.locator("input.md-search__input").count() == 0:
        return
    page.keyboard.press("/")
    page.keyboard.type("Mexico")
    page.wait_for_function("() => document.querySelector('.md-search-result__meta')?.textContent.includes('matching')")
    page.keyboard.press("Escape")


def is_local(url: str, base: str) -> bool:
    parts, home = urlsplit(url), urlsplit(base)
    if parts.scheme in ("data", "blob", "about", "javascript", "mailto"):
        return True
    return (parts.scheme, parts.netloc) == (home.scheme, home.netloc)


def candidates(attribute: str, value: str | None) -> list[str]:
    """The URLs in an attribute value (a srcset holds several, each followed by a size)."""
    if not value:
        return []
    if attribute == "srcset":
        return [part.split()[0] for part in value.split(",") if part.strip()]
    return [value.strip()]


def css_urls(css: str) -> list[str]:
    return [match.group(1) or match.group(2) for match in CSS_URL_RE.finditer(css)]
