"""Material's files as the reader gets them (scripts/hooks/assets.py): its script bundle starts
after the page's first paint, and its stylesheet comes without the rules no page can match
(scripts/unused_css.py)."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import material
import pytest
import tinycss2
from tinycss2 import ast

from built_pages import MATERIAL_STARTED, html_files, offline_context, offline_page
from conftest import assert_fails_cleanly
from page_trace import PHONE, traced
from unused_css import Names, without_other_colours, without_unused_rules

MATERIAL_ASSETS = Path(material.__file__).parent / "templates" / "assets"
BUNDLE_RE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
LONGEST_SECTION = "article/historical-background/"
GROUPING = ("media", "supports")
BUNDLE_ROUTE = "**/assets/javascripts/bundle.*.min.js"

# ---- Material's script


def test_no_page_loads_materials_bundle_itself_and_every_page_names_it_for_the_edition_script(site, html):
    for file in html_files(site):
        if file.relative_to(site).parts[0] in ("assets", "search"):
            continue
        page = html(file.relative_to(site).as_posix())
        assert not [script for script in page.select("script[src]") if "/bundle." in script["src"]], file
        (edition,) = page.select("script[data-material-bundle]")
        assert "/edition." in edition["src"] and edition.has_attr("defer"), (file, edition)
        address = edition["data-material-bundle"]
        named = site / address.lstrip("/") if address.startswith("/") else (file.parent / address).resolve()
        assert named.is_file() and BUNDLE_RE.search(named.as_posix()), (file, address)


def test_materials_bundle_is_fetched_after_the_first_paint_and_its_tools_work(browser, base_url):
    page = offline_page(browser, base_url, viewport={"width": 1280, "height": 900})
    try:
        page.goto(f"{base_url}/{LONGEST_SECTION}")
        page.wait_for_function(MATERIAL_STARTED)
        timing = page.evaluate("""() => {
            const paint = performance.getEntriesByName("first-contentful-paint")[0];
            const bundle = performance.getEntriesByType("resource")
                .filter(entry => /\\/bundle\\.[0-9a-f]+\\.min\\.js$/.test(entry.name));
            return {paint: paint && paint.startTime, bundle: bundle.map(entry => entry.startTime)};
        }""")
        assert timing["paint"] is not None and len(timing["bundle"]) == 1, timing
        assert timing["bundle"][0] >= timing["paint"], f"the bundle was fetched before the first paint: {timing}"
        # Material's tools work: a note's preview opens on hover
        page.locator("a.footnote-ref").first.hover()
        page.locator(".md-tooltip2").first.wait_for(state="visible", timeout=3000)
        assert page.outside == []
    finally:
        page.context.close()


FIRST_SCREEN_SCRIPT = """() => ({
    scheme: document.body.dataset.mdColorScheme,
    width: document.documentElement.scrollWidth,
    header: [...document.querySelectorAll(".md-header__inner > *, .md-header__button")]
        .filter(element => element.getClientRects().length)
        .map(element => [element.className, ...["x", "y", "width", "height"].map(
            side => Math.round(element.getBoundingClientRect()[side]))]),
})"""


@pytest.mark.parametrize("scheme, expected", [("light", "default"), ("dark", "slate")])
def test_the_first_paint_looks_as_the_page_will_once_material_has_started(browser, base_url, scheme, expected):
    # before Material's bundle runs, a phone shows the system's colour scheme, the header as it
    # will be (scheme switch and search button included) and no sideways scrolling
    seen = {}
    for started in (False, True):
        context = offline_context(browser, base_url, viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, color_scheme=scheme)
        if not started:
            context.route(BUNDLE_ROUTE, lambda route: route.abort())
        page = context.new_page()
        try:
            page.goto(f"{base_url}/{LONGEST_SECTION}", material=started)
            if not started:
                page.wait_for_timeout(500)
            seen[started] = page.evaluate(FIRST_SCREEN_SCRIPT)
        finally:
            context.close()
    assert seen[False]["scheme"] == expected and seen[False]["width"] <= 390, seen[False]
    assert seen[False] == seen[True]


def test_a_hidden_page_still_gets_materials_tools(browser, base_url):
    # a tab opened in the background paints nothing: Material starts a while after it has loaded
    page = offline_page(browser, base_url, viewport={"width": 1280, "height": 900})
    try:
        page.add_init_script("PerformanceObserver.prototype.observe = function () {};")  # no paint is reported
        page.goto(f"{base_url}/{LONGEST_SECTION}")
        page.wait_for_function(MATERIAL_STARTED, timeout=10_000)
    finally:
        page.context.close()


def whole_page_restyles_of_start(browser, base_url, page_html=None) -> int:
    """How many times Chromium restyled every element of the longest section, on a phone, from
    the moment Material's bundle started to run until Material had started and its palette (if
    any) was set up; `page_html`, if given, rewrites the page as it is served."""
    def rewritten(route) -> None:
        response = route.fetch()
        route.fulfill(response=response, body=page_html(response.text()))

    def load(page) -> None:
        if page_html is not None:
            page.route(f"{base_url}/{LONGEST_SECTION}", rewritten)
        page.goto(f"{base_url}/{LONGEST_SECTION}")  # returns once Material has started
        page.wait_for_function("() => !document.body.hasAttribute('data-md-color-switching')")

    context = offline_context(browser, base_url, **PHONE)
    try:
        figures = traced(browser, context.new_page(), load, restyles_from="/assets/javascripts/bundle.")
        return figures.whole_page_restyles
    finally:
        context.close()


def test_materials_start_never_restyles_the_whole_page(browser, base_url):
    # The first paint already carries the marks Material's bundle sets as it starts (the
    # focus-visible class and attribute on <html>, scripts/hooks/assets.py, FIRST_PAINT_SCRIPT),
    # and the scheme switch is the edition's (assets/javascripts/scheme-switch.js), not Material's
    # palette component, which added and set a color-scheme meta and removed
    # data-md-color-switching after the first paint: each of these restyled every element.
    restyles = whole_page_restyles_of_start(browser, base_url)
    # the same measure sees them: the page given back Material's palette component
    with_materials_palette = whole_page_restyles_of_start(
        browser, base_url, lambda html: html.replace("data-edition-scheme-switch", 'data-md-component="palette"'))
    assert with_materials_palette >= 1, "the trace saw no whole-page restyle even with Material's palette component"
    assert restyles == 0, (f"Material's start restyled the whole page {restyles} times "
                           f"(with Material's palette component: {with_materials_palette})")


def test_a_script_list_that_does_not_end_with_materials_starter_stops_the_build(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - assets/javascripts/material-after-paint.js\n", ""), encoding="utf-8")
    line = text.splitlines().index("extra_javascript:") + 1
    assert_fails_cleanly(project_copy, tmp_path / "out", f"mkdocs.yml:{line}: the last script under "
                         "extra_javascript must be assets/javascripts/material-after-paint.js")


# ---- Material's stylesheet

def selectors(css: str) -> set[str]:
    """Every selector of every style rule, inside @media and @supports too."""
    found: set[str] = set()

    def walk(rules):
        for rule in rules:
            if isinstance(rule, ast.QualifiedRule):
                found.update(part.strip() for part in tinycss2.serialize(rule.prelude).split(","))
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in GROUPING:
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def site_stylesheet(site: Path) -> Path:
    (stylesheet,) = (site / "assets" / "stylesheets").glob("main.*.min.css")
    return stylesheet


def materials_stylesheet() -> Path:
    (stylesheet,) = (MATERIAL_ASSETS / "stylesheets").glob("main.*.min.css")
    return stylesheet


def test_materials_stylesheet_is_smaller_renamed_for_its_content_and_without_its_map(site, html):
    ours, theirs = site_stylesheet(site), materials_stylesheet()
    text = ours.read_text(encoding="utf-8")
    gzipped = len(gzip.compress(text.encode("utf-8"), 6, mtime=0))
    assert gzipped < 0.85 * len(gzip.compress(theirs.read_bytes(), 6, mtime=0)), (ours.name, gzipped)
    assert ours.name != theirs.name and "sourceMappingURL" not in text
    assert not list(ours.parent.glob("main.*.map"))
    assert html("article/introduction/").select_one(f'link[rel="stylesheet"][href$="/{ours.name}"]') is not None
    # every rule that is kept is Material's, as written
    assert selectors(text) <= selectors(theirs.read_text(encoding="utf-8"))


# A selector's superset for querySelector: pseudo-elements and state pseudo-classes (`:hover`,
# `:checked`, `:nth-child(2)`) dropped, so an element the rule could ever style matches; what
# :not(), :is(), :where() and :has() hold is kept as written.
MATCH_SCRIPT = """selectors => {
    const KEPT = ["not", "is", "where", "has"];
    const loose = selector => {
        let out = "", i = 0;
        while (i < selector.length) {
            const c = selector[i];
            if (c === "[") {  // an attribute selector, as written
                const close = selector.indexOf("]", i);
                out += selector.slice(i, close + 1); i = close + 1; continue;
            }
            if (c !== ":") { out += c; i++; continue; }
            const name = /^::?([\\w-]+)/.exec(selector.slice(i));
            let j = i + name[0].length;
            if (selector[j] === "(") {  // the group, to its matching parenthesis
                let depth = 0, k = j;
                do {
                    if (selector[k] === "(") depth++; else if (selector[k] === ")") depth--;
                    k++;
                } while (depth && k < selector.length);
                if (KEPT.includes(name[1])) out += selector.slice(i, k);
                j = k;
            }
            i = j;
        }
        return out.replace(/(^|[\\s>+~])(?=[\\s>+~]|$)/g, "$1*").trim() || "*";
    };
    const matched = [], unreadable = [];
    for (const selector of selectors) {
        try { if (document.querySelector(loose(selector))) matched.push(selector + " → " + loose(selector)); }
        catch (error) { unreadable.push(selector + " → " + loose(selector)); }
    }
    return {matched, unreadable};
}"""


def test_no_rule_left_out_of_materials_stylesheet_could_style_a_page(browser, base_url, site):
    # every page as it loads, and the states Material's script draws: search results, a note's
    # preview, the contents drawer on a phone
    left_out = sorted(selectors(materials_stylesheet().read_text(encoding="utf-8"))
                      - selectors(site_stylesheet(site).read_text(encoding="utf-8")))
    assert left_out, "nothing was left out of Material's stylesheet"
    page = offline_page(browser, base_url, viewport={"width": 1280, "height": 900})
    problems = []
    try:
        def check(where: str) -> None:
            result = page.evaluate(MATCH_SCRIPT, left_out)
            problems.extend(f"{where}: {selector}" for selector in result["matched"] + result["unreadable"])

        for file in html_files(site):
            if file.relative_to(site).parts[0] in ("assets", "search"):
                continue
            path = file.relative_to(site).as_posix().removesuffix("index.html")
            page.goto(f"{base_url}/{path}")
            page.wait_for_function(MATERIAL_STARTED)
            check(path or "/")
        page.goto(f"{base_url}/{LONGEST_SECTION}")
        page.wait_for_function(MATERIAL_STARTED)
        page.keyboard.press("/")  # as test_accessibility.py opens the search results
        page.keyboard.type("cartel")
        page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
        check("search results")
        page.keyboard.press("Escape")
        page.locator("a.footnote-ref").first.hover()
        page.locator(".md-tooltip2").first.wait_for(state="visible", timeout=3000)
        check("a note's preview")
        page.set_viewport_size({"width": 390, "height": 844})
        page.locator("label.md-header__button[for='__drawer']").click()
        check("the drawer on a phone")
    finally:
        page.context.close()
    assert problems == [], "\n".join(problems[:40])


def test_a_rule_is_left_out_only_when_a_class_it_needs_is_nowhere():
    names = Names(['<p class="kept">', 'x.className = `md-tag--${tag}`; el.classList.add("added")'])
    css = ('.kept{a:1}.gone{a:2}.kept,.gone{a:3}.added p{a:4}.md-tag--red{a:5}p:not(.gone){a:6}'
           ':is(.gone,.kept) a{a:7}@media screen{.gone{a:8}}@media print{.kept{a:9}}/*! licence */')
    assert without_unused_rules(css, names) == ('.kept{a:1}.kept{a:3}.added p{a:4}.md-tag--red{a:5}'
                                                 'p:not(.gone){a:6}:is(.gone,.kept) a{a:7}'
                                                 '@media print{.kept{a:9}}/*! licence */')


def test_a_palette_rule_is_left_out_only_when_it_needs_a_colour_no_option_sets():
    colours = {"data-md-color-primary": {"blue-grey"}, "data-md-color-accent": {"deep-orange"}}
    css = ('[data-md-color-primary=red]{a:1}[data-md-color-primary=blue-grey]{a:2}'
           '[data-md-color-primary=red],[data-md-color-accent=deep-orange] p{a:3}'
           ':not([data-md-color-primary=red]){a:4}[data-md-color-scheme=slate]{a:5}'
           '@media screen{[data-md-color-scheme=slate][data-md-color-primary=red]{a:6}}'
           '@media screen{[data-md-color-scheme=slate]{a:7}}[data-md-color-accent="teal"]{a:8}')
    assert without_other_colours(css, colours) == ('[data-md-color-primary=blue-grey]{a:2}'
                                                   '[data-md-color-accent=deep-orange] p{a:3}'
                                                   ':not([data-md-color-primary=red]){a:4}'
                                                   '[data-md-color-scheme=slate]{a:5}'
                                                   '@media screen{[data-md-color-scheme=slate]{a:7}}')
