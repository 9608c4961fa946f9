"""The glossary's popover in a real browser: a term's short definition shows on hover, on
keyboard focus and on tap (a first tap on a phone opens the definition instead of leaving the
page; the popover's link, or a second tap, opens the entry); Escape closes it. Also the new
pages on a phone and in print, and the chart in the dark scheme."""

from __future__ import annotations

import pytest

from built_pages import offline_page
from glossary import terms
from test_glossary import GLOSSARY

pytestmark = pytest.mark.browser

SHORT = {term.id: term.short for term in terms.load(GLOSSARY)}
ARTICLE_PAGE = "/article/maras-and-cartels/"


@pytest.fixture
def phone(browser, base_url):
    """A touch-screen phone (390 px); requests leaving 127.0.0.1 are aborted and recorded."""
    page = offline_page(browser, base_url, viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True,
                        device_scale_factor=2)
    yield page
    page.context.close()


def popover_shows(page, term_id: str) -> None:
    popover = page.locator(".glossary-popover")
    popover.wait_for(state="visible", timeout=3000)
    assert SHORT[term_id] in popover.inner_text()
    assert page.locator(".glossary-popover__link").get_attribute("href").endswith(f"/glossary/{term_id}/")


def test_hover_shows_the_definition_and_the_pointer_can_reach_its_link(page, base_url):
    page.goto(base_url + ARTICLE_PAGE)
    page.locator('a.glossary-term[data-term="mano-dura"]').hover()
    popover_shows(page, "mano-dura")
    page.locator(".glossary-popover__link").hover()  # moving into the popover keeps it open
    page.wait_for_timeout(500)
    assert page.locator(".glossary-popover").is_visible()
    page.mouse.move(2, 450)
    page.locator(".glossary-popover").wait_for(state="hidden", timeout=3000)
    page.locator('a.glossary-term[data-term="mano-dura"]').hover()
    page.locator(".glossary-popover__link").click()
    page.wait_for_url("**/glossary/mano-dura/")
    assert page.outside == []


def test_keyboard_focus_shows_the_definition_and_escape_closes_it(page, base_url):
    page.goto(base_url + ARTICLE_PAGE)
    focused = None
    for _ in range(300):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.matches('a.glossary-term') "
                                "? document.activeElement.dataset.term : null")
        if focused:
            break
    assert focused, "no glossary term is reachable with the Tab key"
    popover_shows(page, focused)
    page.keyboard.press("Escape")
    page.locator(".glossary-popover").wait_for(state="hidden", timeout=3000)
    page.keyboard.press("Enter")  # the term itself is the link to its entry
    page.wait_for_url(f"**/glossary/{focused}/")


def test_a_tap_shows_the_definition_without_leaving_the_page(phone, base_url):
    phone.goto(base_url + ARTICLE_PAGE)
    term = phone.locator('a.glossary-term[data-term="los-zetas"]')
    term.scroll_into_view_if_needed()
    term.tap()
    popover_shows(phone, "los-zetas")
    phone.wait_for_timeout(500)  # time enough for a navigation to begin, were the tap to follow the link
    assert phone.url == base_url + ARTICLE_PAGE
    assert phone.locator(".glossary-popover").is_visible()
    box = phone.locator(".glossary-popover").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    phone.locator(".glossary-popover__link").tap()
    phone.wait_for_url("**/glossary/los-zetas/")
    phone.goto(base_url + ARTICLE_PAGE)
    term = phone.locator('a.glossary-term[data-term="los-zetas"]')
    term.tap()
    popover_shows(phone, "los-zetas")
    term.tap()  # a second tap on the open term follows its link
    phone.wait_for_url("**/glossary/los-zetas/")
    assert phone.outside == []


def test_a_tap_elsewhere_closes_the_definition(phone, base_url):
    phone.goto(base_url + ARTICLE_PAGE)
    phone.locator('a.glossary-term[data-term="ms-13"]').tap()
    popover_shows(phone, "ms-13")
    phone.locator("h1").tap()
    phone.locator(".glossary-popover").wait_for(state="hidden", timeout=3000)


@pytest.mark.parametrize("path", ["glossary/", "glossary/plan-puebla-panama/", "at-a-glance/",
                                  "at-a-glance/summaries/", "at-a-glance/key-figures/", "at-a-glance/timeline/",
                                  "article/historical-background/"])
def test_the_new_pages_fit_a_phone(phone, base_url, path):
    phone.goto(f"{base_url}/{path}")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390, path
    assert phone.outside == []


def test_in_print_the_timeline_keeps_events_whole_and_the_popover_is_hidden(page, base_url):
    page.goto(base_url + "/at-a-glance/timeline/")
    page.emulate_media(media="print")
    assert page.locator("li.timeline__event").first.evaluate("e => getComputedStyle(e).breakInside") == "avoid"
    page.emulate_media(media="screen")
    page.goto(base_url + ARTICLE_PAGE)
    page.locator('a.glossary-term[data-term="mano-dura"]').hover()
    popover_shows(page, "mano-dura")
    page.emulate_media(media="print")
    assert page.locator(".glossary-popover").evaluate("e => getComputedStyle(e).display") == "none"


def test_the_chart_follows_the_colour_scheme(browser, base_url):
    for scheme in ("light", "dark"):
        page = offline_page(browser, base_url, viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        page.goto(base_url + "/at-a-glance/key-figures/")
        text = page.locator("article h1").evaluate("e => getComputedStyle(e.closest('article')).color")
        value = page.locator(".bar-chart__value").first.evaluate("e => getComputedStyle(e).fill")
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert value == text and value != background, (scheme, value, text)
        page.context.close()
