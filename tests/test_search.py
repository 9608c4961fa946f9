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
from search_benchmark import QueryFileError, SearchBox, load_queries, page_of, rank

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
    SearchBox.prepare(page.context)
    page.goto(f"{base_url}/article/introduction/")
    yield page
    page.context.close()


# Everything a test looks at in the result list, read in one call once the worker has answered:
# with `every`, the list is first scrolled to its end until Material adds no more results (it
# shows ten pages and adds more on each scroll; "N matching documents" counts sections, not pages).
READ_RESULTS = """async ([asked, every]) => {
  const deadline = Date.now() + 15000;
  while (!(window.__searchAsked > asked && window.__searchAnswered >= window.__searchAsked)) {
    if (Date.now() > deadline) return null;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  const frame = () => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  await frame();
  const scrollwrap = document.querySelector(".md-search__scrollwrap");
  for (let unchanged = every ? 0 : 2; unchanged < 2;) {
    const before = document.querySelectorAll(".md-search-result__item").length;
    scrollwrap.scrollTo(0, 0);
    await frame();
    scrollwrap.scrollTo(0, scrollwrap.scrollHeight);
    await frame();
    await frame();
    unchanged = document.querySelectorAll(".md-search-result__item").length === before ? unchanged + 1 : 0;
  }
  const visible = element => element.checkVisibility();
  const words = element => element.innerText.split(/\\s+/).join(" ").trim();
  return Array.from(document.querySelectorAll(".md-search-result__item")).map(item => ({
    visible: visible(item),
    title: words(item.querySelector("article h1")),
    sections: Array.from(item.querySelectorAll("article h2")).filter(visible).map(words),
    href: item.querySelector("a.md-search-result__link").getAttribute("href"),
    text: item.innerText,
    marked: Array.from(item.querySelectorAll("mark")).filter(visible).map(mark => mark.innerText).concat(
      Array.from(item.querySelectorAll(".search-fold:has(> [hidden] mark)"))
        .filter(fold => visible(fold) && getComputedStyle(fold).textDecorationLine === "underline")
        .map(fold => fold.innerText)),
    hidden_shown: Array.from(item.querySelectorAll("[hidden]")).filter(visible).length,
  }));
}"""


def search(page, base_url: str, query: str, every_result: bool = False) -> list[dict]:
    """Type the query into the search box as a reader does; return the results on screen (with
    `every_result`, all of them, as scrolling the list brings them)."""
    if not page.url.startswith(f"{base_url}/article/introduction/"):
        page.goto(f"{base_url}/article/introduction/")
    asked = page.evaluate("() => window.__searchAsked")
    box = page.locator("input.md-search__input")
    if box.input_value() == query:  # Material does not search again for the same text
        box.fill("")
        box.press("Backspace")
        asked = page.evaluate("() => window.__searchAsked")
    # all but the last key at once (as a paste would), the last typed: Material searches on keyup
    box.fill(query[:-1])
    box.press_sequentially(query[-1])
    results = page.evaluate(READ_RESULTS, [asked, every_result])
    assert results is not None, f"the search worker did not answer “{query}”"
    assert all(result["visible"] for result in results)
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
    # a mark the reader sees (one in the closed editors' summary is there but hidden)
    search_page.locator(".md-content mark[data-md-highlight]:visible").first.wait_for(timeout=10000)
    marked = search_page.locator(".md-content mark[data-md-highlight]:visible").all_inner_texts()
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
    # every result, not the first screen: how many Material renders before a scroll varies from run
    # to run (a CI run once read 11 for one query and 10 for the other)
    accented = {result["title"] for result in search(search_page, base_url, "Mérida", every_result=True)}
    assert accented == {result["title"] for result in search(search_page, base_url, "merida", every_result=True)}
    assert accented == pages_matching(site, "merida")


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
    """(alias, term) for every alias in editorial/glossary.yml, read by the build's own loader."""
    from glossary import terms
    pairs = [(alias.name, term.term) for term in terms.load(GLOSSARY) for alias in term.aliases]
    if not pairs:
        pytest.fail(f"{GLOSSARY} lists no aliases")
    return pairs


@pytest.mark.browser
@pytest.mark.skipif(not GLOSSARY.exists(), reason="no glossary yet (editorial/glossary.yml)")
@pytest.mark.parametrize("alias, term", glossary_aliases())
def test_a_glossary_alias_finds_its_term(search_page, base_url, alias, term):
    # among the first three pages: the glossary page's title holds its aliases for the search
    titles = [result["title"] for result in search(search_page, base_url, unaccented(alias).lower())]
    assert any(unaccented(term).lower() in unaccented(title).lower() for title in titles[:3]), (alias, term, titles)


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


# ---- ranking: the page a reader means comes first (benchmark/search-queries.yml) -------------

TESTED_QUERIES = [query for query in load_queries() if query.test]


def test_the_suite_types_a_representative_part_of_the_benchmark():
    kinds = {query.kind for query in TESTED_QUERIES}
    assert len(TESTED_QUERIES) >= 20 and {"acronym", "name-es", "name-en", "alias", "misspelling", "page"} <= kinds


@pytest.mark.browser
@pytest.mark.parametrize("query", TESTED_QUERIES, ids=[query.query for query in TESTED_QUERIES])
def test_the_page_a_reader_means_comes_first(search_page, base_url, query):
    results = search(search_page, base_url, query.query)
    shown = [page_of(result["href"], base_url + "/") for result in results]
    assert rank([{**result, "links": [result["href"]]} for result in results], query, base_url) == 1, \
        (query.query, query.page, shown)
    # the other names a glossary title holds for the search (scripts/hooks/search_boosts.py) never show
    assert all(result["hidden_shown"] == 0 for result in results)
    if query.page.startswith("glossary/"):
        heading = results[0]["title"]
        assert "·" not in heading and len(heading) < 60, heading


@pytest.mark.browser
def test_a_reader_who_does_not_search_does_not_download_the_index(browser, base_url):
    page = offline_page(browser, base_url, viewport={"width": 390, "height": 844})
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{base_url}/article/migration/")
    page.wait_for_load_state("networkidle")
    assert not [url for url in requested if "search_index" in url or "/workers/search." in url], requested
    # opening the search (Material's "/" shortcut) fetches both, and the search answers
    page.keyboard.press("/")
    page.keyboard.type("Tuxtla")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__item').length > 0")
    assert [url for url in requested if url.endswith("search/search_index.json")]
    assert [url for url in requested if "/workers/search." in url]
    assert not page.outside
    page.context.close()


def test_a_mistake_in_the_query_file_names_its_line(tmp_path):
    broken = tmp_path / "queries.yml"
    broken.write_text("queries:\n  - {query: SICA, page: glossary/sica/, kind: acronym}\n"
                      "  - {query: DACA, page: glossary/daca/, kind: acronyms}\n", encoding="utf-8")
    with pytest.raises(QueryFileError, match=r"queries\.yml:3: kind 'acronyms' is not one of"):
        load_queries(broken)
    broken.write_text("queries:\n  - {query: SICA, page: glossary/sica, kind: acronym}\n", encoding="utf-8")
    with pytest.raises(QueryFileError, match=r"queries\.yml:2: page 'glossary/sica' must end with '/'"):
        load_queries(broken)
