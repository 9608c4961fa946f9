"""In Chromium: a corrected reading shows the printed one on hover, keyboard focus and tap;
section pages fit a phone's width; no request leaves the machine."""

import pytest
import yaml

from built_pages import offline_context
from conftest import ROOT

EMENDATIONS = yaml.safe_load((ROOT / "editorial" / "emendations.yml").read_text(encoding="utf-8"))["emendations"]
SECTIONS = yaml.safe_load((ROOT / "editorial" / "sections.yml").read_text(encoding="utf-8"))["sections"]
ACTIVE_TOOLTIP = "() => [...document.querySelectorAll('.md-tooltip2--active')].map(e => e.textContent)"


def first_emendation_page(html):
    for section in SECTIONS:
        span = html(f"article/{section['slug']}").select_one("span.emendation")
        if span is not None:
            return f"article/{section['slug']}/", span
    raise AssertionError("no emendation in the article")


@pytest.mark.browser
def test_hover_shows_the_printed_reading(page, base_url, html):
    path, span = first_emendation_page(html)
    page.goto(f"{base_url}/{path}")
    page.hover(f"#{span['id']}")
    page.wait_for_function("() => document.querySelector('.md-tooltip2--active')")
    assert any(f"“{span['data-original']}”" in text for text in page.evaluate(ACTIVE_TOOLTIP))
    assert page.outside == []


@pytest.mark.browser
def test_keyboard_focus_shows_the_printed_reading(page, base_url, html):
    path, span = first_emendation_page(html)
    page.goto(f"{base_url}/{path}")
    page.wait_for_load_state("networkidle")
    # Tab through the page until the emendation has focus: it must be reachable by keyboard.
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == span["id"]:
            break
    else:
        raise AssertionError("the emendation cannot be reached with the Tab key")
    page.wait_for_function("() => document.querySelector('.md-tooltip2--active')")
    assert any(f"“{span['data-original']}”" in text for text in page.evaluate(ACTIVE_TOOLTIP))


@pytest.mark.browser
def test_tap_shows_the_printed_reading_on_a_phone(browser, base_url, html):
    path, span = first_emendation_page(html)
    context = offline_context(browser, base_url, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    try:
        phone = context.new_page()
        phone.goto(f"{base_url}/{path}")
        phone.wait_for_load_state("networkidle")
        phone.tap(f"#{span['id']}")
        phone.wait_for_function("() => document.querySelector('.md-tooltip2--active')")
        assert any(f"“{span['data-original']}”" in text for text in phone.evaluate(ACTIVE_TOOLTIP))
    finally:
        context.close()


@pytest.mark.browser
def test_section_pages_fit_a_phone_screen(browser, base_url):
    context = offline_context(browser, base_url, viewport={"width": 390, "height": 844}, is_mobile=True)
    try:
        phone = context.new_page()
        for section in SECTIONS:
            phone.goto(f"{base_url}/article/{section['slug']}/")
            overflow = phone.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{section['slug']} scrolls sideways by {overflow}px at 390px"
    finally:
        context.close()
