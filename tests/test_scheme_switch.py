"""The switch between the light and the dark scheme (assets/javascripts/scheme-switch.js, in place
of Material's palette component), as a reader meets it in Chromium: tapped on a 390 px phone,
pressed with Enter on a 1280 px screen, and with no choice made, following the system's setting.
What a reader sees is read from the page: the scheme the body is drawn in, the scheme of the
page's canvas and scrollbars (the root's color-scheme), the colour of a phone browser's bar (the
theme-color meta), which switch shows, and the page background's computed colour."""

from __future__ import annotations

from contextlib import contextmanager

import pytest

from built_pages import offline_context
from conftest import assert_fails_cleanly

SECTION = "article/historical-background/"
OTHER_PAGE = "glossary/carsi/"
SEEN = """() => ({
    scheme: document.body.dataset.mdColorScheme,
    rootScheme: getComputedStyle(document.documentElement).colorScheme,
    themeColour: [...document.querySelectorAll('meta[name="theme-color"]')].map(meta => meta.content),
    header: getComputedStyle(document.querySelector(".md-header")).backgroundColor,
    background: getComputedStyle(document.body).backgroundColor,
    switchesTo: [...document.querySelectorAll("[data-edition-scheme-switch] label")]
        .filter(label => label.getClientRects().length)
        .map(label => document.getElementById(label.htmlFor).dataset.mdColorScheme),
    switching: document.body.hasAttribute("data-md-color-switching"),
})"""
# Material's scheme → the root's color-scheme (normal: the browser's own, which is light)
ROOT_SCHEME = {"default": "normal", "slate": "dark"}
# the system's scheme → (Material's scheme at first, the other one)
SCHEMES = {"light": ("default", "slate"), "dark": ("slate", "default")}


@contextmanager
def section_page(browser, base_url, **options):
    """The longest section, open in a new offline context with these options."""
    context = offline_context(browser, base_url, **options)
    try:
        page = context.new_page()
        page.goto(f"{base_url}/{SECTION}")
        yield page
    finally:
        context.close()


def seen(page) -> dict:
    # the switch turns Material's transitions off for one task and back on after it
    page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")
    return page.evaluate(SEEN)


def assert_drawn_in(state: dict, scheme: str, switches_to: str) -> None:
    """The page is drawn in Material's `scheme`, its canvas and scrollbars too, the browser's bar
    in the header's colour, and it shows one switch, to `switches_to`."""
    assert state["scheme"] == scheme and state["rootScheme"] == ROOT_SCHEME[scheme], state
    assert state["themeColour"] == [state["header"]], state
    assert state["switchesTo"] == [switches_to], state
    assert not state["switching"], state


@pytest.mark.parametrize("system", ["light", "dark"])
def test_a_tap_switches_the_scheme_and_every_page_after_keeps_it(browser, base_url, system):
    with section_page(browser, base_url, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True,
                      color_scheme=system) as page:
        before = seen(page)
        first, other = SCHEMES[system]
        assert_drawn_in(before, first, other)
        page.locator("[data-edition-scheme-switch] label:visible").tap()
        after = seen(page)
        assert_drawn_in(after, other, first)
        assert after["background"] != before["background"], (before, after)
        page.goto(f"{base_url}/{OTHER_PAGE}")
        assert_drawn_in(seen(page), other, first)


def test_enter_on_the_switch_switches_and_keeps_the_focus_on_it(browser, base_url):
    with section_page(browser, base_url, viewport={"width": 1280, "height": 900}, color_scheme="light") as page:
        for _ in range(60):  # the keyboard reader tabs to the switch
            page.keyboard.press("Tab")
            if page.evaluate("() => !!document.activeElement.closest('[data-edition-scheme-switch]')"):
                break
        else:
            pytest.fail("Tab never reached the scheme switch")
        page.keyboard.press("Enter")
        assert_drawn_in(seen(page), "slate", "default")
        page.keyboard.press("Enter")
        assert_drawn_in(seen(page), "default", "slate")
        assert page.evaluate("() => !!document.activeElement.closest('[data-edition-scheme-switch]')")


def test_until_a_reader_switches_the_page_follows_the_systems_setting(browser, base_url):
    with section_page(browser, base_url, viewport={"width": 1280, "height": 900}, color_scheme="light") as page:
        assert_drawn_in(seen(page), "default", "slate")
        page.emulate_media(color_scheme="dark")
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        assert_drawn_in(seen(page), "slate", "default")
        # once the reader has chosen, the choice stands
        page.locator("[data-edition-scheme-switch] label:visible").click()
        assert_drawn_in(seen(page), "default", "slate")
        page.emulate_media(color_scheme="light")
        page.emulate_media(color_scheme="dark")
        page.reload()
        assert_drawn_in(seen(page), "default", "slate")


def test_a_page_with_materials_palette_component_stops_the_build(project_copy, tmp_path):
    # without the edition's switch, Material's component would start after the first paint and
    # restyle the page whole three times (tests/test_material_assets.py)
    (project_copy / "overrides" / "partials" / "palette.html").unlink()
    assert_fails_cleanly(project_copy, tmp_path / "out", "assets: 404.html: the colour scheme switch is not the "
                         "edition's (data-edition-scheme-switch, from overrides/partials/palette.html)")
