"""Accessible: axe-core finds no violation of WCAG 2.1 A/AA or of its best-practice rules on any
page, on a desktop (1280 px) and a phone (390 px) screen, in the light scheme and, on the
desktop, the dark one; nor in the states a reader opens: search results, the navigation
drawer, a tooltip and a note preview.

axe-core (axe.min.js) comes pinned inside the pip package axe-playwright-python; it is injected
into each page and run there.
"""

from __future__ import annotations

from importlib.resources import files

import pytest

from built_pages import offline_context, open_first_page_with, page_part

pytestmark = pytest.mark.browser

AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
               "resultTypes": ["violations"]}
SCREENS = [  # (width, height, colour scheme)
    (1280, 900, "light"),
    (390, 844, "light"),
    (1280, 900, "dark"),
]


@pytest.fixture(scope="module")
def axe_script() -> str:
    return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")


def violations(page, axe_script: str) -> list[str]:
    """axe-core's violations on the page once it has come to rest, one line per rule and element."""
    # Colours are checked as painted: text caught mid-way through a fade (Material's search
    # results, on a busy machine) reads as low contrast, so every transition must be over.
    page.wait_for_function("() => document.getAnimations().every(animation => animation.playState !== 'running')",
                           timeout=10000)
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_script)
    result = page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)
    lines = []
    for rule in result["violations"]:
        for node in rule["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"{rule['id']} ({rule['impact']}) at {target}: {rule['help']}")
    return lines


# Each screen's pages are checked in this many parts, each a test of its own, so that the
# parallel workers share them (axe's run is most of this file's time: 2-7 s a page, 27 s for
# the print view, on a loaded machine).
PARTS = 3


@pytest.mark.parametrize("part", range(PARTS), ids=[f"part{n + 1}of{PARTS}" for n in range(PARTS)])
@pytest.mark.parametrize("width,height,scheme", SCREENS, ids=[f"{w}px-{s}" for w, _, s in SCREENS])
def test_every_page_has_no_axe_violation(browser, base_url, site, axe_script, width, height, scheme, part):
    context = offline_context(browser, base_url, viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    found = []
    for path in page_part(site, part, PARTS):
        page.goto(f"{base_url}/{path}")
        page.wait_for_load_state("load")
        found += [f"{path}: {line}" for line in violations(page, axe_script)]
    context.close()
    assert not found, f"axe-core violations at {width} px, {scheme} scheme:\n" + "\n".join(found)


@pytest.mark.parametrize("width,height,scheme", SCREENS, ids=[f"{w}px-{s}" for w, _, s in SCREENS])
def test_open_search_results_have_no_axe_violation(browser, base_url, axe_script, width, height, scheme):
    context = offline_context(browser, base_url, viewport={"width": width, "height": height}, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{base_url}/")
    page.keyboard.press("/")  # Material's shortcut: opens the search on any screen
    page.keyboard.type("Mexico")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    found = violations(page, axe_script)
    context.close()
    assert not found, (f"axe-core violations with search results open at {width} px, {scheme} scheme:\n"
                       + "\n".join(found))


def test_open_navigation_drawer_on_a_phone_has_no_axe_violation(browser, base_url, axe_script):
    context = offline_context(browser, base_url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{base_url}/")
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    page.wait_for_timeout(300)  # the drawer slides in
    found = violations(page, axe_script)
    context.close()
    assert not found, "axe-core violations with the navigation drawer open:\n" + "\n".join(found)


@pytest.mark.parametrize("kind,selector", [("tooltip", ".md-content [title]"),
                                           ("note preview", ".md-content .footnote-ref")])
def test_a_showing_tooltip_or_note_preview_has_no_axe_violation(browser, base_url, site, axe_script, kind, selector):
    context = offline_context(browser, base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    path = open_first_page_with(page, base_url, site, selector)
    if path is None:
        pytest.fail(f"no page has a {kind} ({selector})")
    page.locator(selector).first.focus()
    page.wait_for_function("() => document.querySelector('.md-tooltip2--active') !== null")
    found = violations(page, axe_script)
    context.close()
    assert not found, f"axe-core violations on {path} with a {kind} showing:\n" + "\n".join(found)
