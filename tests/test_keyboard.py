"""Keyboard and WCAG 1.4.13 (content on hover or focus): every tooltip and note preview in the
content of every page can be reached with Tab, shows its text while its trigger has focus, and
Escape hides it without moving focus; a preview can be hovered without vanishing and stays
while its trigger keeps focus.

Material shows a tooltip for each element with a title in the content (`content.tooltips`) and
a preview of the note for each `.footnote-ref` (`content.footnote.tooltips`); Escape and the
hoverable plain tooltip come from assets/javascripts/tooltips.js and
assets/stylesheets/accessibility.css.
"""

from __future__ import annotations

import pytest

from built_pages import offline_context, open_first_page_with, page_part

pytestmark = pytest.mark.browser

HOSTS = ".md-content [title]:not([data-preview]), .md-content .footnote-ref"

# Marks every trigger in the content with its number and what its tooltip must say.
MARK_HOSTS = """selector => Array.from(document.querySelectorAll(selector)).map((host, index) => {
  host.dataset.tipHost = index
  let expected = host.getAttribute("title")
  const preview = host.classList.contains("footnote-ref")
  if (preview) {
    const target = document.getElementById(decodeURIComponent(new URL(host.href).hash.slice(1)))
    expected = target ? target.textContent : null
  }
  return {index, preview, expected: expected && expected.replace(/\\s+/g, " ").trim(),
          html: host.outerHTML.slice(0, 120)}
})"""

# The tooltip that the focused trigger points to, as the reader sees it now.
SHOWN = """() => {
  const host = document.activeElement
  const id = host && (host.getAttribute("aria-describedby") || host.getAttribute("aria-controls"))
  const tip = id && document.getElementById(id)
  if (!tip) return {host: host && host.dataset.tipHost, shown: false}
  const style = getComputedStyle(tip)
  const box = tip.firstElementChild.getBoundingClientRect()
  return {host: host.dataset.tipHost,
          shown: tip.classList.contains("md-tooltip2--active") && style.visibility === "visible",
          text: tip.textContent.replace(/\\s+/g, " ").trim(),
          inside: box.left >= 0 && box.right <= window.innerWidth + 1 && box.width > 0}
}"""


# Records, as Escape is released, whether the tooltip has gone and where focus is, for the next
# call to read: three calls to the page for each trigger instead of four (a part took 18.4 s
# against 19.6 s). The tooltip must be gone by the time the key is up (tooltips.js hides it on
# keydown); the call this replaced waited up to a second.
RECORD_ESCAPE = """() => {
  const shown = SHOWN
  window.__afterEscape = null
  if (window.__recordingEscape) return
  window.__recordingEscape = true
  window.addEventListener("keyup", event => {
    if (event.key === "Escape") {
      window.__afterEscape = {hidden: !shown().shown, host: document.activeElement?.dataset.tipHost ?? null}
    }
  }, true)
}""".replace("SHOWN", SHOWN)

# After a Tab: what the last Escape left (recorded as it was released, before this Tab), where
# focus is, and, on a trigger, its tooltip once it shows (or after `timeout` ms without it). One
# call to the page instead of one per question (measured: the walk took ~7 calls per trigger,
# which made this file the suite's slowest but one).
AFTER_TAB = """async timeout => {
  const shown = SHOWN
  const escape = window.__afterEscape
  window.__afterEscape = null
  const element = document.activeElement
  const where = {escape, inside: !!(element && element.closest('.md-content')), host: element?.dataset.tipHost ?? null}
  if (!where.inside || where.host === null) return where
  const end = performance.now() + timeout
  let tip = shown()
  while (!tip.shown && performance.now() < end) {
    await new Promise(resolve => requestAnimationFrame(resolve))
    tip = shown()
  }
  if (tip.shown) {  // read it as placed: one frame after it appears, as a reader would see it
    await new Promise(resolve => requestAnimationFrame(resolve))
    tip = shown()
  }
  return {...where, tip}
}""".replace("SHOWN", SHOWN)


def escape_problems(after: dict | None, index: int, host: dict) -> list[str]:
    """What is wrong with what Escape left on the trigger `index` (None: nothing was recorded)."""
    if after is None:
        return [f"no record of Escape on {host['html']}"]
    problems = []
    if not after["hidden"]:
        problems.append(f"Escape does not hide the tooltip of {host['html']}")
    if after["host"] != str(index):
        problems.append(f"Escape moved focus away from {host['html']}")
    return problems


def tab_walk(page, hosts: list[dict]) -> list[str]:
    """Tab through the content from its start (where "Skip to content" lands); at each trigger,
    read its tooltip, then press Escape."""
    problems, reached = [], set()
    page.evaluate(RECORD_ESCAPE)
    page.evaluate("""() => { const content = document.querySelector('.md-content');
                             content.tabIndex = -1; content.focus(); window.scrollTo(0, 0) }""")
    escaped = None  # (index, host) of the trigger the last Escape was pressed on
    for _ in range(5000):
        page.keyboard.press("Tab")
        where = page.evaluate(AFTER_TAB, 2000)
        if escaped is not None:
            problems += escape_problems(where["escape"], *escaped)
            escaped = None
        if not where["inside"]:
            break
        if where["host"] is None:
            continue
        index = int(where["host"])
        reached.add(index)
        host, shown = hosts[index], where["tip"]
        if not shown["shown"]:
            problems.append(f"no tooltip shows on focus: {host['html']}")
            continue
        if host["expected"] and host["expected"] not in shown["text"] and shown["text"] not in host["expected"]:
            problems.append(f"tooltip says {shown['text'][:80]!r}, not {host['expected'][:80]!r}: {host['html']}")
        if not shown["inside"]:
            problems.append(f"tooltip runs off the screen: {host['html']}")
        page.keyboard.press("Escape")
        escaped = (index, host)
    if escaped is not None:  # the walk stopped on a trigger
        problems += escape_problems(page.evaluate("() => window.__afterEscape"), *escaped)
    problems += [f"not reachable with Tab: {host['html']}" for host in hosts if host["index"] not in reached]
    return problems


# Each width's pages are walked in this many parts, each a test of its own, so that the parallel
# workers share them (a walk presses Tab about 2,200 times a width, the print view a third of it).
PARTS = 4


# the widths inside the parts, so that both walks of part 1 (which holds the print view, the
# longest page) are handed out first
@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)], ids=["1280px", "390px"])
@pytest.mark.parametrize("part", range(PARTS), ids=[f"part{n + 1}of{PARTS}" for n in range(PARTS)])
def test_every_tooltip_is_reached_read_and_dismissed_with_the_keyboard(browser, base_url, site, width, height, part):
    # As a reader who has asked for reduced motion: Material's stylesheet then turns every
    # transition off (its "prefers-reduced-motion" rule), so each tooltip appears and goes at once.
    # What the walk checks (reached, shown, its text, on screen, dismissed, focus kept) is the
    # same; the fades are not, and they cost: measured on the print view, 300 Tab presses took
    # 18.4 s of CPU with the fades and 11.5 s without. The fades are walked by the hover test below.
    context = offline_context(browser, base_url, viewport={"width": width, "height": height}, reduced_motion="reduce")
    page = context.new_page()
    problems, count = [], 0
    for path in page_part(site, part, PARTS):
        page.goto(f"{base_url}/{path}")
        page.wait_for_load_state("load")
        # a closed box (the editors' summary) keeps its links out of the Tab order until the
        # reader opens it: open every one, as a reader would, so its tooltips are walked too
        page.evaluate("() => document.querySelectorAll('.md-content details').forEach(box => { box.open = true })")
        hosts = page.evaluate(MARK_HOSTS, HOSTS)
        count += len(hosts)
        if hosts:
            problems += [f"{path}: {problem}" for problem in tab_walk(page, hosts)]
    context.close()
    assert count, "no tooltip or note preview found on any of these pages"
    assert not problems, f"{len(problems)} keyboard problems at {width} px:\n" + "\n".join(problems)


@pytest.mark.parametrize("kind,selector", [("tooltip", ".md-content [title]:not([data-preview])"),
                                           ("note preview", ".md-content .footnote-ref")])
def test_a_tooltip_can_be_hovered_persists_and_is_dismissed_under_the_pointer(browser, base_url, site, kind, selector):
    context = offline_context(browser, base_url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    path = open_first_page_with(page, base_url, site, selector)
    if path is None:
        pytest.fail(f"no page has a {kind} to check")
    host = page.locator(selector).first
    active = page.locator(".md-tooltip2--active:not(.md-tooltip2--dismissed)")

    # Persistent: it stays while its trigger has focus, well past Material's 250 ms hide delay.
    host.focus()
    page.wait_for_timeout(1200)
    assert active.count() == 1, f"{path}: the {kind} did not stay while its trigger had focus"
    page.keyboard.press("Escape")
    page.evaluate("document.activeElement.blur()")
    page.wait_for_timeout(400)

    # Hoverable: the pointer moves from the trigger onto the tooltip, and it stays.
    host.hover()
    active.first.wait_for()
    box = active.first.locator(":scope > *").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.wait_for_timeout(800)
    assert active.count() == 1, f"{path}: the {kind} vanished when the pointer moved onto it"

    # Dismissible: Escape hides it with the pointer still on it.
    page.keyboard.press("Escape")
    page.wait_for_timeout(100)
    assert active.count() == 0, f"{path}: Escape did not hide the {kind} under the pointer"
    context.close()
