"""Reading comfort, measured in Chromium: the measure of the text, the schemes that follow the
system's light or dark setting, the reader's place marked in the navigation, and everything
reachable and visibly focused from the keyboard."""

from __future__ import annotations

import pytest

from built_pages import offline_context

pytestmark = pytest.mark.browser

CHARACTERS_PER_LINE = """el => {
    // the width of the text box in the text's own average character (its 'ch' is the 0 digit;
    // a line of prose averages closer to the letters): measure a line of the paragraph's words
    const probe = document.createElement('span');
    probe.textContent = el.textContent.replace(/\\s+/g, ' ').slice(0, 400);
    probe.style.whiteSpace = 'nowrap';
    el.appendChild(probe);
    const perCharacter = probe.getBoundingClientRect().width / probe.textContent.length;
    probe.remove();
    const style = getComputedStyle(el);
    const width = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return width / perCharacter;
}"""


@pytest.mark.parametrize("width", [390, 1100, 1280, 1920])
def test_article_lines_keep_a_comfortable_measure(browser, base_url, width):
    context = offline_context(browser, base_url, viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{base_url}/article/historical-background/")
    paragraph = page.locator(".article-paragraph").first
    characters = paragraph.evaluate(CHARACTERS_PER_LINE)
    size = float(paragraph.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    height = float(paragraph.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)"))
    context.close()
    assert characters <= 75, f"{characters:.0f} characters a line at {width} px"
    if width >= 1280:
        assert characters >= 55, f"{characters:.0f} characters a line at {width} px"
    assert size >= 16 and height / size >= 1.45


@pytest.mark.parametrize("scheme, expected", [("light", "default"), ("dark", "slate")])
def test_the_colour_scheme_follows_the_system_setting(browser, base_url, scheme, expected):
    context = offline_context(browser, base_url, color_scheme=scheme)
    page = context.new_page()
    page.goto(f"{base_url}/article/introduction/")
    assert page.evaluate("document.body.dataset.mdColorScheme") == expected
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    text = page.locator(".article-paragraph").first.evaluate("e => getComputedStyle(e).color")
    context.close()

    def luminance(rgb: str) -> int:
        return sum(int(part) for part in rgb[rgb.index("(") + 1:rgb.index(")")].split(",")[:3])

    assert (luminance(background) > luminance(text)) == (scheme == "light")


def test_the_current_page_and_section_are_marked_in_the_navigation(page, base_url):
    page.goto(f"{base_url}/editorial-method/")
    current = page.locator(".md-nav--primary a.md-nav__link--active").first
    other = page.locator(".md-nav--primary a.md-nav__link:not(.md-nav__link--active)").first
    assert current.is_visible()
    style = "e => [getComputedStyle(e).fontWeight, getComputedStyle(e).color, getComputedStyle(e).boxShadow]"
    assert current.evaluate(style) != other.evaluate(style)
    # scrolling to a section moves the mark in the table of contents to it (toc.follow)
    headings = page.locator("article h2[id]").all()
    assert len(headings) >= 2
    for heading in (headings[-2], headings[1]):
        heading_id = heading.get_attribute("id")
        heading.scroll_into_view_if_needed()
        page.evaluate("id => document.getElementById(id).scrollIntoView({block: 'start'})", heading_id)
        link = page.locator(f".md-sidebar--secondary a.md-nav__link[href='#{heading_id}']")
        link.and_(page.locator(".md-nav__link--active")).wait_for(timeout=5000)
        marked = link.evaluate("e => getComputedStyle(e).boxShadow")
        assert marked != "none" and link.is_visible()


def test_a_skip_link_comes_first_and_takes_the_reader_to_the_text(page, base_url):
    page.goto(f"{base_url}/article/introduction/")
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert "md-skip" in skip.get_attribute("class").split()
    # it fades in: wait for it to be fully shown
    page.wait_for_function("() => getComputedStyle(document.activeElement).opacity === '1'", timeout=3000)
    box = skip.bounding_box()
    assert box and box["width"] > 20 and box["height"] > 10
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash.length > 1")
    target = page.evaluate("location.hash.slice(1)")
    assert page.locator(f"article [id='{target}']").count() == 1


def test_every_control_can_be_reached_by_keyboard_and_shows_its_focus(page, base_url):
    page.goto(f"{base_url}/article/historical-background/")
    seen, unmarked = set(), []
    for _ in range(120):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => {
            const e = document.activeElement;
            const s = getComputedStyle(e);
            const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
            return {key: e.outerHTML.slice(0, 120), ring: ring || s.boxShadow !== 'none',
                    tag: e.tagName, cls: e.className};
        }""")
        if focused["key"] in seen:
            continue
        seen.add(focused["key"])
        if focused["tag"] != "BODY" and not focused["ring"]:
            unmarked.append(focused["key"])
    assert not unmarked, unmarked
    keys = "\n".join(seen)
    for wanted in ("md-skip", "md-search__input", "edition-downloads__print", "emendation", "footnote-ref",
                   "md-nav__link"):
        assert wanted in keys, f"{wanted} was not reached by Tab"


def test_search_opens_from_the_keyboard_and_its_results_can_be_followed(page, base_url):
    page.goto(f"{base_url}/article/introduction/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type("sexenio")
    page.wait_for_function("() => /matching/i.test(document.querySelector('.md-search-result__meta').innerText)")
    page.wait_for_timeout(300)
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert "sexenio" in page.locator("article").inner_text()
