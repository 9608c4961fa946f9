"""Every page of a built site, found in the site directory itself, so that the quality gates
cover pages added later (glossary, bibliography…) without naming them."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup


def html_files(site: Path) -> list[Path]:
    """Every HTML file of the built site, in a stable order."""
    files = sorted(site.rglob("*.html"))
    if not files:
        raise AssertionError(f"no HTML page in {site}")
    return files


def url_path(site: Path, file: Path) -> str:
    """The path a browser asks for: 'article/introduction/index.html' → 'article/introduction/'."""
    relative = file.relative_to(site).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def page_paths(site: Path) -> list[str]:
    return [url_path(site, file) for file in html_files(site)]


def page_part(site: Path, part: int, parts: int) -> list[str]:
    """Part `part` of `parts` of every page, in parts of about equal work: a page's walk (its axe
    run, its Tab presses) grows with its size, so the largest pages are dealt out first, each to
    the part with the fewest bytes so far. (Every other page, [part::parts], left one part with the
    print view and half the rest: it ran 296 s against 138 s.)"""
    loads = [0] * parts
    dealt: list[list[str]] = [[] for _ in range(parts)]
    for file in sorted(html_files(site), key=lambda file: (-file.stat().st_size, file)):
        lightest = loads.index(min(loads))
        loads[lightest] += file.stat().st_size
        dealt[lightest].append(url_path(site, file))
    return sorted(dealt[part])


def offline_context(browser, base_url: str, **options):
    """A browser context for the served site in which any request leaving it is aborted, so
    that a page asking for another host fails here at once rather than reaching out; the
    aborted addresses are kept in `context.outside` for the tests that assert there are none."""
    context = browser.new_context(**options)
    context.outside = []

    def route(route):
        if route.request.url.startswith((base_url, "data:")):
            route.continue_()
        else:
            context.outside.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    new_page = context.new_page
    context.new_page = lambda *args, **kwargs: ready_when_opened(new_page(*args, **kwargs))
    return context


# Material's bundle starts after the page's first paint (material-after-paint.js), so a page is
# ready for its tools a moment after it has loaded; a page without Material's bundle at once.
MATERIAL_STARTED = "() => !document.querySelector('script[data-material-bundle]') || !!window.component$"


def ready_when_opened(page):
    """`page`, whose goto returns once the page is ready for a reader's first tap or key
    (`material=False`: once it has loaded, for a test of the page before Material starts)."""
    goto = page.goto

    def goto_when_ready(url: str, material: bool = True, **options):
        response = goto(url, **options)
        if material:
            page.wait_for_function(MATERIAL_STARTED)
        return response

    page.goto = goto_when_ready
    return page


def offline_page(browser, base_url: str, **options):
    """A page in a new `offline_context`; `page.outside` lists the requests it aborted."""
    context = offline_context(browser, base_url, **options)
    page = context.new_page()
    page.outside = context.outside
    return page


def open_first_page_with(page, base_url: str, site: Path, selector: str) -> str | None:
    """Open, in `page`, the first page of the site that has an element matching `selector`
    once loaded; its path, or None when no page has one. The pages whose built HTML already
    has such an element are tried first, so that usually one page is loaded, not dozens."""
    files = html_files(site)
    matching = [file for file in files
                if BeautifulSoup(file.read_text(encoding="utf-8"), "lxml").select_one(selector) is not None]
    for file in matching + [file for file in files if file not in matching]:
        path = url_path(site, file)
        page.goto(f"{base_url}/{path}")
        if page.locator(selector).count():
            return path
    return None
