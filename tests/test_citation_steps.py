"""Unit tests of the citation machinery that a good build never exercises: the last-line guards
on the page's HTML, and rules of the two citation styles."""

import re
from pathlib import Path

import pytest
from pybtex.database import parse_file

from bibliography import article, citations, entries, journal_style

ROOT = Path(__file__).resolve().parents[1]

CITATION = citations.Citation(ordinal=17, number=16, locator="p.\u00a0173, 175", printed="[16, p.\u00a0173, 175]",
                              page="article/migration.md", paragraph="par-11")
FOOTNOTE_HTML = ('<p class="article-paragraph" id="par-11">incentives<sup id="fnref:cite-17"><a class="footnote-ref" '
                 'href="#fn:cite-17">1</a></sup>.</p>\n<div class="footnote">\n<hr />\n<ol>\n<li id="fn:cite-17">\n'
                 '<p>[16] … <a class="footnote-backref" href="#fnref:cite-17" title="Jump back to footnote 1 in the '
                 'text">&#8617;</a></p>\n</li>\n</ol>\n</div>')
# Names that must keep their capitals however a style sets the case of a title.
PROPER_NOUNS = ["Mexico", "México", "Central America", "Centroamérica", "United States", "Estados Unidos",
                "Latin America", "América Latina", "Caribbean", "Guatemala", "El Salvador", "Panama", "Contadora",
                "Estrada Doctrine", "INM", "ONU", "XXI", "SShA", "Meksik", "Congress", "Tillerson", "Miami"]


def test_footnotes_are_numbered_through_the_article():
    html = citations.renumber(FOOTNOTE_HTML, [CITATION])
    assert '<a class="footnote-ref" href="#fn:cite-17">17</a>' in html
    assert '<ol start="17">' in html
    assert 'title="Back to citation 17 in the text"' in html


def test_a_footnote_that_did_not_render_is_caught():
    unrendered = FOOTNOTE_HTML.replace('<sup id="fnref:cite-17"><a class="footnote-ref" href="#fn:cite-17">1</a></sup>',
                                       "[^cite-17]")
    with pytest.raises(citations.FootnoteMismatch, match="cite-17 found 0 times"):
        citations.renumber(unrendered, [CITATION])


def test_a_citation_left_as_raw_text_in_a_paragraph_is_found():
    raw = FOOTNOTE_HTML.replace("incentives", "incentives [16, p. 173]")
    assert citations.raw_citations(raw) == [("par-11", "[16, p. 173]")]
    unrendered_mark = FOOTNOTE_HTML.replace(
        '<sup id="fnref:cite-17"><a class="footnote-ref" href="#fn:cite-17">1</a></sup>', "[^cite-17]")
    assert citations.raw_citations(unrendered_mark) == [("par-11", "[^cite-17]")]
    # the editors' supplied words and the footnotes' own "[16]" are not raw citations
    supplied = FOOTNOTE_HTML.replace("incentives", 'more than <span class="supplied">[100]</span> killings')
    assert citations.raw_citations(supplied) == [] and citations.raw_citations(FOOTNOTE_HTML) == []


def test_names_in_the_journal_style():
    name = entries.Name
    assert journal_style.name(name("Jones", "Nathan P.", False)) == "Jones, N.P."
    assert journal_style.name(name("Jessup", "Ph. C.", False)) == "Jessup, Ph.C."
    assert journal_style.name(name("Kudeyárova", "N. Yu.", False)) == "Kudeyárova, N.Yu."
    assert journal_style.name_list((name("Castillo", "M. A.", False), name("Toussaint Ribot", "M.", False),
                                    name("Vázquez Olivera", "Mario", False))) == \
        "Castillo, M.A., Toussaint Ribot, M. and Vázquez Olivera, M."


def test_chicago_page_ranges():
    assert article.chicago_pages("169", "180") == "169–80"
    assert article.chicago_pages("101", "108") == "101–8"
    assert article.chicago_pages("100", "104") == "100–104"
    assert article.chicago_pages("71", "72") == "71–72"


def test_identifier_check_digits():
    assert entries.check_isbn("978-607-446-025-4") and not entries.check_isbn("978-607-446-025-5")
    assert entries.check_issn("1133-6595") and not entries.check_issn("1133-6596")


def test_proper_nouns_in_titles_keep_their_capitals():
    """Braces protect a name from styles that lower-case titles; every listed name is braced."""
    for key, entry in parse_file(ROOT / "bib" / "references.bib").entries.items():
        for field in ("title", "translation"):
            raw = entry.fields.get(field, "")
            unprotected = re.sub(r"\{[^{}]*\}", lambda match: "_" * len(match.group(0)), raw)
            for noun in PROPER_NOUNS:
                assert not re.search(rf"(?<![\w{{]){re.escape(noun)}", unprotected), (key, field, noun)


def test_a_citation_is_marked_in_its_own_paragraph_only():
    """The footnote mark goes where the edition's paragraph holds the citation: not into a heading,
    a printed reading kept in an attribute, or the editors' supplied words that look the same."""
    reference = entries.Reference(key="k", type="book", number=10, fields={"title": "T", "date": "2000"},
                                  authors=(), editors=(), line=1, printed="", corrections=())
    citation = citations.Citation(ordinal=3, number=10, locator="", printed="[10]", page="article/a.md",
                                  paragraph="par-2")
    paragraph = ('More than <span class="supplied">[10]</span> of <span class="emendation" data-original="x [10]">'
                 "them</span> cited [10].")
    markdown = f"# Heading [10]\n\nFirst [10] paragraph.\n{{: #par-1 }}\n\n{paragraph}\n{{: #par-2 }}\n"
    marked = citations.with_footnotes(markdown, [citation], {10: reference}, {"par-1": "First [10] paragraph.",
                                                                              "par-2": paragraph})
    assert marked.startswith("# Heading [10]\n\nFirst [10] paragraph.\n")
    assert 'class="supplied">[10]</span>' in marked and 'data-original="x [10]"' in marked
    assert "them</span> cited[^cite-3]." in marked and marked.count("[^cite-3]") == 2  # the mark and its note
    with pytest.raises(citations.FootnoteMismatch, match="paragraph par-2 found 0 times"):
        citations.with_footnotes(markdown.replace("cited", "quoted"), [citation], {10: reference},
                                 {"par-2": paragraph})
