"""Search as a reader uses it: queries typed into the search box in Chromium, results read from
the screen. Accents do not matter, each result names its section, glossary aliases find their
term, and the whole-edition print view never shows up (its text would repeat every result).

What a query should find is worked out from the built pages themselves, not written down."""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from built_pages import offline_page

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "editorial" / "glossary.yml"
SPANISH = [entry["phrase"] for entry in
           yaml.safe_load((ROOT / "editorial" / "spanish.yml").read_text(encoding="utf-8"))["spanish"]]


def unaccented(text: str) -> str:
    return "".join(char for char in unicodedata.normalize("NFD", text) if not unicodedata.combining(char))


@functools.cache
def indexed_pages(site: Path) -> dict[str, str]:
    """Title → text of every page the search indexes (all but the print view)."""
    pages = {}
    for path in site.rglob("index.html"):
        if path.parent.name in ("print", "search"):
            continue
        article = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("article.md-content__inner")
        for mark in article.select(".headerlink, .edition-downloads"):
            mark.decompose()
        drop_excluded(article)
        # a space between blocks, none inside a line (a glossary mark must not split "SICA–América")
        for block in article.select("p, li, h1, h2, h3, h4, h5, h6, td, th, dt, dd, div, br, figcaption"):
            block.append(" ")
        pages[" ".join(article.find("h1").get_text(" ").split())] = " ".join(article.get_text().split())
    return pages


def drop_excluded(article) -> None:
    """Remove what Material's search plugin leaves out: blocks marked data-search-exclude, and a
    heading so marked with everything up to the next heading of the same or a higher level."""
    for element in article.select("[data-search-exclude]"):
        if element.name in ("h1", "h2", "h3", "h4", "h5", "h6"):
            level = int(element.name[1])
            for sibling in list(element.find_next_siblings()):
                if sibling.name in [f"h{n}" for n in range(1, level + 1)]:
                    break
                sibling.decompose()
        element.decompose()


def pages_containing(site: Path, phrase: str) -> set[str]:
    """Titles of the pages whose text has the phrase as printed (whole words)."""
    pattern = re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)")
    return {title for title, text in indexed_pages(site).items() if pattern.search(text)}


def pages_matching(site: Path, query: str) -> set[str]:
    """Titles of the pages a query should find: any word that, unaccented, begins with one of the
    query's words (Material's search matches the beginnings of words)."""
    terms = query.lower().split()
    return {title for title, text in indexed_pages(site).items()
            if any(unaccented(word).lower().startswith(term) for word in re.findall(r"\w+", text) for term in terms)}


@pytest.fixture(scope="module")
def search_page(browser, base_url):
    """One page for all the searches of this module (the search index is loaded once); requests
    that leave 127.0.0.1 are refused and recorded in `outside`."""
    page = offline_page(browser, base_url, viewport={"width": 1280, "height": 900})
    page.goto(f"{base_url}/article/introduction/")
    yield page
    page.context.close()


def search(page, base_url: str, query: str, every_result: bool = False) -> list[dict]:
    """Type the query into the search box as a reader does; return the results on screen (with
    `every_result`, after scrolling the list until Material has added all of them)."""
    if not page.url.startswith(f"{base_url}/article/introduction/"):
        page.goto(f"{base_url}/article/introduction/")
    box = page.locator("input.md-search__input")
    box.click()
    box.press("Control+A")
    box.press("Backspace")
    page.wait_for_function("() => !/matching/i.test(document.querySelector('.md-search-result__meta').innerText)")
    # all but the last key at once (as a paste would), the last typed: Material searches on keyup
    box.fill(query[:-1])
    box.press_sequentially(query[-1])
    page.wait_for_function("() => /matching/i.test(document.querySelector('.md-search-result__meta').innerText)")
    # wait for the worker's answer to the last keystroke: the result list stops changing
    page.wait_for_function("""() => {
        const state = document.querySelector('.md-search-result__meta').innerText + '|'
            + document.querySelector('.md-search-result__list').innerText.length;
        const same = window.__searchState === state;
        window.__searchState = state;
        return same;
    }""", polling=250)
    # Material shows the first ten pages of results and adds more each time the list is scrolled
    # to its end: scroll away and back until no more come ("N matching documents" counts
    # sections, not pages, so it cannot tell when to stop).
    items = page.locator(".md-search-result__item")
    scrollwrap = page.locator(".md-search__scrollwrap")
    unchanged = 0 if every_result else 3
    while unchanged < 3:
        before = items.count()
        scrollwrap.evaluate("element => element.scrollTo(0, 0)")
        page.wait_for_timeout(50)
        scrollwrap.evaluate("element => element.scrollTo(0, element.scrollHeight)")
        page.wait_for_timeout(150)
        unchanged = unchanged + 1 if items.count() == before else 0
    results = []
    for item in page.locator(".md-search-result__item").all():
        assert item.is_visible()
        sections = [" ".join(h2.inner_text().split()) for h2 in item.locator("article h2").all() if h2.is_visible()]
        results.append({
            "title": " ".join(item.locator("article h1").first.inner_text().split()),
            "sections": sections,
            "href": item.locator("a.md-search-result__link").first.get_attribute("href"),
            "text": item.inner_text(),
            "marked": [mark.inner_text() for mark in item.locator("mark").all() if mark.is_visible()]
                      + [fold.inner_text() for fold in item.locator(".search-fold:has(> [hidden] mark)").all()
                         if fold.is_visible() and fold.evaluate("e => getComputedStyle(e).textDecorationLine")
                         == "underline"],
            "hidden_shown": sum(hidden.is_visible() for hidden in item.locator(".search-fold > [hidden]").all()),
        })
    return results


@pytest.mark.browser
@pytest.mark.parametrize("printed", ["Díaz", "Mérida", "Peña Nieto", "Panamá", "Calderón"])
def test_a_query_without_accents_finds_the_accented_words(search_page, base_url, site, printed):
    query = unaccented(printed).lower()
    assert query != printed.lower()
    expected = pages_containing(site, printed)
    assert expected, f"no page contains {printed}"
    results = search(search_page, base_url, query, every_result=True)
    titles = [result["title"] for result in results]
    # exactly the pages with the word (or another word that begins so, as "panama" in Panamanian)
    assert set(titles) == pages_matching(site, query), (query, titles)
    assert expected <= set(titles), (query, titles)
    # the word is marked in the previews as printed, with its accents ...
    marked = [mark for result in results for mark in result["marked"]]
    assert [mark for mark in marked if not mark.isascii() and unaccented(mark).lower() in query.split()], marked
    # ... and the unaccented form that the index holds for it never shows
    assert results[0]["hidden_shown"] == 0 and all(result["hidden_shown"] == 0 for result in results)
    for word in printed.split():
        for result in results:
            assert f"{word}{unaccented(word)}" not in result["text"].replace(" ", "")
    assert not search_page.outside


@pytest.mark.browser
@pytest.mark.parametrize("printed", ["Díaz", "Mérida", "Calderón"])
def test_the_page_a_result_opens_marks_the_accented_word_found_without_accents(search_page, base_url, printed):
    query = unaccented(printed).lower()
    results = search(search_page, base_url, query)
    assert results, query
    search_page.locator("a.md-search-result__link").first.click()
    search_page.wait_for_url("**/*h=*")
    search_page.locator(".md-content mark[data-md-highlight]").first.wait_for(timeout=10000)
    marked = search_page.locator(".md-content mark[data-md-highlight]").all_inner_texts()
    assert printed in marked, (search_page.url, marked)
    assert not search_page.outside


@pytest.mark.browser
@pytest.mark.parametrize("query", ["non-intervention", "six-year term"])
def test_a_hyphenated_query_finds_what_its_words_find(search_page, base_url, site, query):
    # lunr can read the hyphen as "must not contain" ("non-intervention" then leaves out the pages
    # with "intervention"); the index splits words at hyphens, and so must the query
    # (docs/assets/javascripts/search-query.js)
    hyphenated = {result["title"] for result in search(search_page, base_url, query, every_result=True)}
    spaced = {result["title"] for result in search(search_page, base_url, query.replace("-", " "), every_result=True)}
    assert hyphenated and hyphenated == spaced
    second_word = query.split("-")[1].split()[0]
    assert hyphenated & pages_containing(site, second_word), f"no page with “{second_word}” among the results"


@pytest.mark.browser
def test_typing_the_accents_finds_the_same_pages(search_page, base_url, site):
    assert {result["title"] for result in search(search_page, base_url, "Mérida")} == \
        {result["title"] for result in search(search_page, base_url, "merida")}


@pytest.mark.browser
def test_each_result_names_its_section(search_page, base_url, site):
    results = search(search_page, base_url, "securitization")
    assert len(results) >= 2
    for result in results:
        target = site / result["href"].split("#")[0].split("?")[0].replace(base_url, "").strip("/") / "index.html"
        heading = BeautifulSoup(target.read_text(encoding="utf-8"), "lxml").select_one("article h1")
        assert result["title"] == " ".join(heading.get_text(" ").replace("¶", "").split())
    # a hit inside a page is named by its heading (e.g. "Editorial notes") under the page's title
    assert any(result["sections"] for result in search(search_page, base_url, "Tuxtla"))


@pytest.mark.browser
def test_quoted_words_are_found_despite_the_quotation_marks(search_page, base_url, site):
    # printed as “progressive”: the separator must split off typographic quotes
    expected = pages_containing(site, "“progressive”")
    assert expected
    assert expected <= {result["title"] for result in search(search_page, base_url, "progressive")}


def glossary_aliases() -> list[tuple[str, str]]:
    """(alias, term) for every alias in editorial/glossary.yml, however the entries are nested."""
    if not GLOSSARY.exists():
        return []
    pairs = []

    def visit(node) -> None:
        if isinstance(node, dict):
            aliases = node.get("aliases") or node.get("also_called")
            term = node.get("term") or node.get("title") or node.get("name")
            if aliases and term:
                pairs.extend((alias, term) for alias in ([aliases] if isinstance(aliases, str) else aliases))
            for value in node.values():
                visit(value)
        elif isinstance(node, list):
            for value in node:
                visit(value)

    visit(yaml.safe_load(GLOSSARY.read_text(encoding="utf-8")))
    if not pairs:
        pytest.fail(f"{GLOSSARY} lists no aliases (looked for 'aliases' or 'also_called' next to 'term')")
    return pairs


@pytest.mark.browser
@pytest.mark.skipif(not GLOSSARY.exists(), reason="no glossary yet (editorial/glossary.yml)")
@pytest.mark.parametrize("alias, term", glossary_aliases())
def test_a_glossary_alias_finds_its_term(search_page, base_url, alias, term):
    titles = [result["title"] for result in search(search_page, base_url, unaccented(alias).lower(), every_result=True)]
    assert any(unaccented(term).lower() in unaccented(title).lower() for title in titles), (alias, term, titles)


@pytest.mark.browser
@pytest.mark.parametrize("phrase", SPANISH)
def test_a_spanish_term_finds_the_pages_that_use_it(search_page, base_url, site, phrase):
    expected = pages_containing(site, phrase)
    assert expected, phrase
    titles = {result["title"] for result in search(search_page, base_url, f'"{unaccented(phrase).lower()}"')}
    assert expected <= titles, (phrase, titles)


def test_the_print_view_is_not_in_the_search_index(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [doc["location"] for doc in index["docs"]]
    assert locations and not [location for location in locations if location.startswith("print/")]
    # and the rest of the site is: every page of the nav has an entry
    for path in site.rglob("index.html"):
        relative = path.parent.relative_to(site).as_posix()
        if relative not in ("print", "search"):
            assert ("" if relative == "." else relative + "/") in locations, relative


@pytest.mark.browser
def test_no_result_leads_to_the_print_view(search_page, base_url):
    # a sentence from the article: the print view holds it too, but must not be offered
    results = search(search_page, base_url, "Zelaya")
    assert results and not [result for result in results if "print/" in result["href"]]
