"""The reader's tools on the article pages, in Chromium, as a reader meets them: on a 390 px
touch phone and on a 1280 px screen with the keyboard, in both colour schemes.

- The first screen of every section page holds the authors' text (the editors' summary is one
  tap away, closed).
- "Cite this passage" gives the printed pages a paragraph spans, and a selection's page from the
  page marker before it; the expected pages are worked out here from the page markers in the
  built HTML, in reading order, not from the attributes the script reads.
- "As printed" shows every emendation's printed reading and the authors' numeric citations, is
  remembered on the next page, reaches the print media, and restores the edited text.
- axe-core finds nothing with the tools open.

Each check reads its results with one page.evaluate, so that the file stays fast.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from built_pages import offline_context
from test_accessibility import violations

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = [entry["slug"] for entry in yaml.safe_load((ROOT / "editorial" / "sections.yml").read_text())["sections"]]
DOI = "https://doi.org/10.21638/11701/spbu06.2019.204"
SCREENS = {  # name → (browser context options, how the reader presses a control)
    "phone-light": ({"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True,
                     "color_scheme": "light"}, "tap"),
    "phone-dark": ({"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True,
                    "color_scheme": "dark"}, "tap"),
    "desktop-light": ({"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"}, "keyboard"),
    "desktop-dark": ({"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"}, "keyboard"),
}


def page_runs(html) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Reading order of the article: (section slug, paragraph id, [(kind, value)…]) where a part
    is ("text", words) or ("page", number), from the built pages' markup."""
    runs = []
    for slug in SECTIONS:
        for paragraph in html(f"article/{slug}").select("p.article-paragraph"):
            parts = []
            for node in paragraph.descendants:
                if getattr(node, "name", None) == "a" and "page-start" in node.get("class", []):
                    parts.append(("page", node["data-page"]))
                elif isinstance(node, str) and not node.find_parent(class_="page-start") and node.strip():
                    parts.append(("text", str(node)))
            runs.append((slug, paragraph["id"], parts))
    return runs


def landing_page(html) -> str:
    """The page in force when the article's first section starts: the abstract's last marker."""
    markers = html("").select(".md-content a.page-start")
    return markers[-1]["data-page"]


def spans(html) -> dict[str, tuple[str, str]]:
    """Each paragraph's (first, last) printed page, following the markers through the article."""
    page, found = landing_page(html), {}
    for _slug, paragraph, parts in page_runs(html):
        first = last = None
        for kind, value in parts:
            if kind == "page":
                page = value
            else:
                first = first or page
                last = page
        found[paragraph] = (first, last)
    return found


def spanning(html) -> tuple[str, str, tuple[str, str]]:
    """(section slug, paragraph id, pages) of the first paragraph that runs across a page break."""
    pages = spans(html)
    for slug, paragraph, _parts in page_runs(html):
        if pages[paragraph][0] != pages[paragraph][1]:
            return slug, paragraph, pages[paragraph]
    raise AssertionError("no paragraph of the article spans a page break")


@pytest.fixture(scope="module")
def reader(request, browser, base_url):
    """A page on one of SCREENS (tests choose theirs with `on`)."""
    options, pressing = SCREENS[request.param]
    context = offline_context(browser, base_url, **options)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
    page = context.new_page()
    page.pressing = pressing
    page.screen = request.param
    yield page
    assert context.outside == []
    context.close()


def press(page, selector: str) -> None:
    """Tap on a phone; on a desktop, Tab onto the control from the element before it, then Enter."""
    if page.pressing == "tap":
        page.locator(selector).first.tap()
        return
    page.evaluate("""selector => {
      const target = document.querySelector(selector);
      const all = [...document.querySelectorAll('a[href], button, [tabindex="0"], summary')]
        .filter(e => e.offsetParent !== null || e === target);
      const before = all[all.indexOf(target) - 1];
      before.focus();
    }""", selector)
    page.keyboard.press("Tab")
    assert page.evaluate("selector => document.activeElement === document.querySelector(selector)", selector), \
        f"Tab does not reach {selector}"
    page.keyboard.press("Enter")


def on(*screens: str):
    return pytest.mark.parametrize("reader", screens or list(SCREENS), indirect=True)


@on("phone-light", "phone-dark")  # the desktop has room to spare
def test_the_first_screen_of_every_section_holds_the_authors_text(reader, base_url):
    for slug in SECTIONS:
        reader.goto(f"{base_url}/article/{slug}/")
        shown = reader.evaluate("""() => {
          const p = document.querySelector('.md-content p.article-paragraph');
          const summary = document.querySelector('details.editorial-summary');
          const line = parseFloat(getComputedStyle(p).lineHeight);
          return {top: p.getBoundingClientRect().top, line, height: innerHeight,
                  summaryOpen: summary.open, summaryTop: summary.getBoundingClientRect().top};
        }""")
        # at least three lines of the authors' text on the first screen
        assert shown["top"] + 3 * shown["line"] <= shown["height"], (slug, shown)
        assert not shown["summaryOpen"] and shown["summaryTop"] < shown["top"], (slug, shown)


@on()
def test_citing_a_paragraph_that_spans_a_page_break(reader, base_url, html):
    slug, paragraph, (first, last) = spanning(html)
    reader.goto(f"{base_url}/article/{slug}/")
    press(reader, f"#{paragraph} button.cite-passage")
    reader.wait_for_selector(".cite-panel")
    shown = reader.evaluate("""id => {
      const panel = document.querySelector('.cite-panel');
      const button = document.querySelector('#' + id + ' button.cite-passage');
      return {texts: [...panel.querySelectorAll('.cite-panel__text')].map(e => e.textContent),
              after: panel.previousElementSibling.id, name: button.getAttribute('aria-label'),
              expanded: button.getAttribute('aria-expanded'), focus: panel.contains(document.activeElement),
              location: location.href.split('#')[0]};
    }""", paragraph)
    journal, chicago, link = shown["texts"]
    pages = f"pp.\u00a0{first}\u2013{last}"
    assert shown["after"] == paragraph and shown["expanded"] == "true" and shown["focus"]
    assert shown["name"] == f"Cite paragraph {paragraph[4:]} ({pages})"
    assert f"(passage: {pages})" in journal and DOI in journal
    assert f"(2019): {first}\u2013{last[-2:]}, {DOI}" in chicago  # Chicago's 174–75
    assert link == f"{shown['location']}#{paragraph}"
    assert journal.endswith(f"Edition: {link}") and chicago.endswith(f"Edition: {link}")
    assert "127.0.0.1" not in html(f"article/{slug}").select_one("#passage-citation").decode()
    press(reader, ".cite-panel__copy")
    copied = reader.evaluate("() => navigator.clipboard.readText()")
    assert copied == journal
    if reader.pressing == "keyboard":
        reader.keyboard.press("Escape")
        closed = reader.evaluate("""id => ({panel: !!document.querySelector('.cite-panel'),
          focus: document.activeElement === document.querySelector('#' + id + ' button.cite-passage')})""", paragraph)
        assert closed == {"panel": False, "focus": True}


@on()
def test_citing_a_selection_gives_the_page_it_begins_on(reader, base_url, html):
    slug, paragraph, (first, last) = spanning(html)
    reader.goto(f"{base_url}/article/{slug}/")
    # the selection's words: four words just after the page marker, and four just before it
    parts = next(parts for _s, found, parts in page_runs(html) if found == paragraph)
    marker = next(index for index, (kind, _v) in enumerate(parts) if kind == "page")
    after = " ".join(" ".join(value for kind, value in parts[marker + 1:] if kind == "text").split()[1:5])
    before = " ".join(" ".join(value for kind, value in parts[:marker] if kind == "text").split()[-5:-1])
    for words, page in ((after, last), (before, first)):
        shown = reader.evaluate("""([id, words]) => new Promise(resolve => {
          const paragraph = document.getElementById(id);
          const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
          let node;
          while ((node = walker.nextNode()) && !node.data.replace(/\\s+/g, ' ').includes(words)) {}
          const start = node.data.replace(/\\s+/g, ' ').indexOf(words);
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + words.length);
          getSelection().removeAllRanges();
          getSelection().addRange(range);
          setTimeout(() => {
            const offer = document.querySelector('.cite-selection');
            resolve({hidden: offer.hidden, label: offer.textContent});
          }, 400);
        })""", [paragraph, words])
        assert not shown["hidden"] and shown["label"] == f"Cite the selection (p.\u00a0{page})", (words, shown)
    press(reader, ".cite-selection__button")
    panel = reader.evaluate("""() => ({texts: [...document.querySelectorAll('.cite-panel .cite-panel__text')]
      .map(e => e.textContent), after: document.querySelector('.cite-panel').previousElementSibling.id})""")
    journal, chicago, link = panel["texts"]
    assert panel["after"] == paragraph
    assert journal.startswith(f"\u201c{before}\u201d") and f"(passage: p.\u00a0{first})" in journal
    assert f"(2019): {first}, {DOI}" in chicago
    address, fragment = link.split("#", 1)
    target, words = fragment.split(":~:text=")
    assert target == paragraph and unquote(words) == before and "," not in words
    assert address == reader.evaluate("() => location.href.split('#')[0]")


@on()
def test_as_printed_shows_the_printed_text_and_restores_the_edited(reader, base_url, html):
    slug = "migration"
    page = html(f"article/{slug}")
    printed_readings = [span["data-original"] for span in page.select(".md-content .emendation")]
    citations = [sup["data-printed"] for sup in page.select(".md-content sup[data-printed]")]
    assert printed_readings and "[16, p.\u00a0173, 175]" in citations
    reader.goto(f"{base_url}/article/{slug}/")
    reader.evaluate("() => localStorage.clear()")
    reader.reload()
    text_html = "() => [...document.querySelectorAll('.md-content p.article-paragraph')].map(p => p.innerHTML)"
    edited = reader.evaluate(text_html)
    press(reader, "button.as-printed-switch")
    state = """() => new Promise(resolve => setTimeout(() => resolve({
      pressed: document.querySelector('button.as-printed-switch').getAttribute('aria-pressed'),
      root: document.documentElement.classList.contains('as-printed'),
      readings: [...document.querySelectorAll('.md-content .emendation')].map(e => e.textContent),
      supplied: document.querySelectorAll('.md-content .supplied').length,
      marks: [...document.querySelectorAll('.md-content sup[data-printed] > a')].map(a => a.textContent),
      text: document.querySelector('.md-content p.article-paragraph').innerText,
      status: (document.querySelector('.reader-tools-status') || {}).textContent,
      head: getComputedStyle(document.querySelector('.md-content__inner'), '::before').content,
      stored: localStorage.getItem('edition.as-printed')}), 200))"""
    shown = reader.evaluate(state)
    assert shown["pressed"] == "true" and shown["root"] and shown["stored"] == "1"
    assert shown["readings"] == printed_readings and shown["supplied"] == 0
    assert shown["marks"] == citations
    assert "Showing the text as printed" in shown["status"]
    # remembered on the next page, and in the print media
    reader.goto(f"{base_url}/article/regional-security/")
    reader.emulate_media(media="print")
    remembered = reader.evaluate(state)
    reader.emulate_media(media="screen")
    assert remembered["pressed"] == "true" and remembered["root"]
    assert "as the journal printed it" in remembered["head"]  # print.css follows the class
    assert remembered["readings"] == [span["data-original"] for span in
                                      html("article/regional-security").select(".md-content .emendation")]
    reader.goto(f"{base_url}/article/{slug}/")
    press(reader, "button.as-printed-switch")
    back = reader.evaluate("""() => new Promise(resolve => setTimeout(() => resolve({
      html: [...document.querySelectorAll('.md-content p.article-paragraph')].map(p => p.innerHTML),
      root: document.documentElement.classList.contains('as-printed'),
      stored: localStorage.getItem('edition.as-printed')}), 300))""")
    assert not back["root"] and back["stored"] is None
    assert back["html"] == edited


@on("phone-light", "desktop-dark")
def test_no_axe_violation_with_the_tools_open(reader, base_url, html, axe_script):
    slug, paragraph, _pages = spanning(html)
    reader.goto(f"{base_url}/article/{slug}/")
    reader.evaluate("() => localStorage.clear()")
    reader.reload()
    reader.click("button.as-printed-switch")
    reader.click(f"#{paragraph} button.cite-passage")
    reader.click("details.editorial-summary > summary")
    reader.evaluate("""id => {
      const range = document.createRange();
      range.selectNodeContents(document.getElementById(id).firstChild);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }""", paragraph)
    reader.wait_for_selector(".cite-selection:not([hidden])")
    found = violations(reader, axe_script)
    reader.evaluate("() => localStorage.clear()")
    assert not found, "\n".join(found)


@pytest.fixture(scope="module")
def axe_script() -> str:
    from importlib.resources import files
    return (files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
