"""Nothing raw leaks into what a reader sees: no Markdown footnote or emphasis syntax, no
attribute lists, no link syntax, no citation keys, in any page's text, tooltip text or title,
nor in the search index that feeds the search results. Code is left out: it may show syntax.

The authors' numeric citations, e.g. `[16, p. 173, 175]`, are still printed as text on purpose
until the bibliography exists; the check for them is active only when `bib/` is in the project
(the citations work turns them into footnotes then).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from built_pages import html_files
from conftest import ROOT

NOT_READ_AS_TEXT = ["script", "style", "code", "pre", "kbd", "samp", "template", "svg", "noscript"]
ATTRIBUTES_SHOWN = ["title", "aria-label", "alt", "placeholder", "data-original"]

RAW = {
    "footnote syntax [^…]": re.compile(r"\[\^"),
    "citation key [@…]": re.compile(r"\[@|\[-@"),
    "strong emphasis **": re.compile(r"\*\*"),
    "strong emphasis __": re.compile(r"(?<![\w])__|__(?![\w])"),
    "emphasis *word*": re.compile(r"(?<![\w*\\])\*(?=[^\s*])[^*\n]{1,200}?(?<=[^\s*\\])\*(?![\w*])"),
    "emphasis _word_": re.compile(r"(?<![\w\\])_(?=[^\s_])[^_\n]{1,200}?(?<=[^\s_\\])_(?![\w])"),
    "attribute list {: …}": re.compile(r"\{:\s"),
    "attribute list {#…}": re.compile(r"\{#"),
    "attribute list { .class }": re.compile(r"\{\s*[.#][A-Za-z][\w-]*[^{}]*\}"),
    "link syntax ](…)": re.compile(r"\]\((?:[^)\s]+)\)"),
    "HTML tag as text": re.compile(r"</?(?:span|div|sup|p|a|em|strong|li|section)\b[^>]*>"),
}
NUMERIC_CITATION = re.compile(r"\[\d+(?:[,;]\s*(?:pp?\.\s*)?[\d–-]+)*(?:[,;][^\]]{0,40})?\]")


def checks() -> dict[str, re.Pattern]:
    found = dict(RAW)
    if (ROOT / "bib").is_dir():
        found["numeric citation [N, p. …]"] = NUMERIC_CITATION
    return found


def shown_text(soup: BeautifulSoup) -> list[str]:
    """The text a reader can see: the page's text outside code, its title, and tooltip texts."""
    for element in soup.find_all(NOT_READ_AS_TEXT):
        element.decompose()
    # A footnote opens with the reference's printed number, "[16]", on purpose: it is rendered
    # markup (span.citation-number), not a citation left raw in the running text. Likewise the
    # editors' supplied words stand in square brackets, "[100]" (span.supplied). Both are kept
    # out of the search index (data-search-exclude), where the markup would be lost.
    for element in soup.select("span.citation-number, span.supplied"):
        element.decompose()
    texts = [soup.title.get_text()] if soup.title else []
    body = soup.body or soup
    texts.append(body.get_text(" "))
    for attribute in ATTRIBUTES_SHOWN:
        texts += [element[attribute] for element in body.find_all(attrs={attribute: True})]
    return texts


def leaks(text: str, where: str) -> list[str]:
    found = []
    for name, pattern in checks().items():
        for match in pattern.finditer(text):
            context = text[max(0, match.start() - 40):match.end() + 40].replace("\n", " ")
            found.append(f"{where}: {name}: …{context}…")
    return found


def test_no_page_shows_raw_markup(site: Path):
    found = []
    for file in html_files(site):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        for text in shown_text(soup):
            found += leaks(text, str(file.relative_to(site)))
    assert not found, f"{len(found)} raw markup leaks:\n" + "\n".join(found)


def test_search_results_show_no_raw_markup(site: Path):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    found = []
    for document in index["docs"]:
        for field in ("title", "text"):
            soup = BeautifulSoup(f"<div>{document.get(field, '')}</div>", "lxml")
            for element in soup.find_all(NOT_READ_AS_TEXT):
                element.decompose()
            found += leaks(soup.get_text(" "), f"search index {document['location']} ({field})")
    assert index["docs"], "the search index is empty"
    assert not found, f"{len(found)} raw markup leaks in search results:\n" + "\n".join(found)


@pytest.mark.parametrize("markdown,expected", [
    ("a [^1] b", "footnote syntax [^…]"), ("see [@smith2019]", "citation key [@…]"),
    ("**bold**", "strong emphasis **"), ("a __strong__ b", "strong emphasis __"),
    ("an *emphasised* word", "emphasis *word*"), ("an _emphasised_ word", "emphasis _word_"),
    ("text {: .lead }", "attribute list {: …}"), ("Heading {#id}", "attribute list {#…}"),
    ("Title { .article-title }", "attribute list { .class }"), ("[DOI](https://doi.org/x)", "link syntax ](…)"),
])
def test_each_check_finds_what_it_is_for(markdown, expected):
    assert any(f": {expected}:" in leak for leak in leaks(markdown, "sample"))


@pytest.mark.parametrize("text", [
    "Mexico’s 2 * 3 = 6 and 4 * 5", "the [, which] supplied word", "snake_case_name", "e-mail: a_b@example.org",
    "p. 171", "U.S. *", "[16, p. 173, 175]" if not (ROOT / "bib").is_dir() else "plain",
])
def test_ordinary_text_is_not_taken_for_markup(text):
    assert leaks(text, "sample") == []


def test_numeric_citations_are_recognised_for_when_the_bibliography_exists():
    for citation in ["[16, p. 173, 175]", "[10]", "[27, p. 46, 52–53]", "[1, p. 199–201]", "[3; 5]"]:
        assert NUMERIC_CITATION.fullmatch(citation), citation
    assert not NUMERIC_CITATION.search("the [, which] supplied word")
