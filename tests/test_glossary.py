"""The glossary as a reader meets it: a page per term, every occurrence of a term marked in the
article (never in headings, links or the apparatus), each mark described for screen readers
and linked to its entry, occurrence lists that lead back to the right paragraph, the A–Z
index, and the aliases in the search index. Also the marking itself on small samples, and
bad glossary data refused."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import build_site
from glossary import marking, pages, terms
from passage_links import follow, page_of, paragraph, reading_text, squash

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "editorial" / "glossary.yml"
TERMS = terms.load(GLOSSARY)
SECTIONS = yaml.safe_load((ROOT / "editorial" / "sections.yml").read_text(encoding="utf-8"))["sections"]
SPANISH = [entry["phrase"] for entry in
           yaml.safe_load((ROOT / "editorial" / "spanish.yml").read_text(encoding="utf-8"))["spanish"]]


def section_pages(html):
    return {section["slug"]: html(f"article/{section['slug']}") for section in SECTIONS}


def marks(html):
    return [(slug, mark) for slug, page in section_pages(html).items() for mark in page.select("a.glossary-term")]


# ---- the built site ---------------------------------------------------------------------------

def test_the_glossary_covers_at_least_the_terms_the_issue_asks_for():
    # the issue's list; each must be the id or the heading of an entry
    wanted = ["maras", "mano dura", "GANSEF", "SENAFRONT", "mano amiga", "SEFRO", "SICA", "CARSI",
              "Mérida Initiative", "Contadora Group", "Esquipulas", "Estrada Doctrine", "Plan Puebla",
              "Northern Triangle", "La Bestia", "polleros", "MS-13", "Los Zetas", "INM", "JTF-Bravo",
              "SOUTHCOM", "NORTHCOM", "DIRI", "DACA", "TPS", "ONUSAL", "FMLN", "FSLN", "PRI", "PAN",
              "MORENA", "sexenio"]
    headings = [term.term for term in TERMS]
    for name in wanted:
        assert any(heading.startswith(name) for heading in headings), name


def test_every_term_has_its_page(html):
    for term in TERMS:
        page = html(f"glossary/{term.id}")
        content = page.select_one("article.md-content__inner")
        heading = content.select_one("h1")
        assert squash(heading.get_text()).startswith(term.term), term.id
        if term.lang == "es":
            assert heading.select_one('[lang="es"]').get_text() == term.term
        assert "written by the editors" in content.select_one("p.editorial-label").get_text()
        assert content.select_one("p.glossary-short").get_text() == term.short
        text = squash(content.get_text())
        for part in filter(None, (term.expansion, term.translation)):
            assert part in text, (term.id, part)
        aliases = content.select_one("p.glossary-aliases")
        if term.aliases:
            assert aliases.get_text().startswith("Also called:")
            assert all(alias.name in aliases.get_text() for alias in term.aliases), term.id
        else:
            assert aliases is None, term.id
        headings = [squash(h2.get_text()).rstrip("¶").strip() for h2 in content.select("h2")]
        assert ["Definition", "In the article", "Sources"] == [h for h in headings if h != "Related terms"]
        sources = content.select_one("h2#sources").find_next_sibling("ul").select("li")
        assert len(sources) == len(term.sources)
        for item, source in zip(sources, term.sources, strict=True):
            links = [a["href"] for a in item.select("a")]
            assert links == ([source.url] if source.url else []), term.id
        if term.caution:
            assert content.select_one(".admonition.warning"), term.id


def test_a_doubtful_account_is_said_so_plainly(html):
    gansef = squash(html("glossary/gansef").select_one(".admonition.warning").get_text())
    assert "Neither the name GANSEF nor the year 2002 could be verified" in gansef and "GANSEG" in gansef
    senafront = squash(html("glossary/senafront").get_text())
    assert "Servicio Nacional de Fronteras" in senafront and "2008" in senafront
    assert "Los Angeles" in squash(html("glossary/ms-13").get_text())


def test_related_terms_link_to_their_pages(site, html):
    for term in TERMS:
        content = html(f"glossary/{term.id}").select_one("article.md-content__inner")
        heading = content.select_one("h2#related-terms")
        if not term.related:
            assert heading is None
            continue
        hrefs = [a["href"] for a in heading.find_next_sibling("ul").select("a")]
        assert [follow(site, f"glossary/{term.id}", href)[1] for href in hrefs] == \
            [f"glossary/{other}" for other in term.related]


def test_every_term_is_marked_in_the_article(html):
    marked = Counter(mark["data-term"] for _slug, mark in marks(html))
    assert sorted(marked) == sorted(term.id for term in TERMS)


def test_every_occurrence_of_a_phrase_is_marked_and_nothing_else(html):
    """Counted again from the paragraphs' text: a term inside an emendation, split by an
    element, or missed for any other reason shows up as a difference."""
    matcher = terms.Matcher(TERMS)
    for slug, page in section_pages(html).items():
        for block in page.select("p.article-paragraph"):
            copy = block.__copy__()
            for element in copy.select("a.page-start, sup, .supplied"):
                element.decompose()
            expected = Counter(term_id for _s, _e, term_id, _p in matcher.finditer(copy.get_text()))
            found = Counter(mark["data-term"] for mark in block.select("a.glossary-term"))
            assert found == expected, (slug, block["id"])


def test_marks_stay_in_the_authors_paragraphs(html):
    for slug, mark in marks(html):
        assert mark.find_parent("p", class_="article-paragraph") is not None, slug
        forbidden = mark.find_parents(["h1", "h2", "h3", "h4", "h5", "h6", "a", "sup", "abbr", "code"])
        assert not forbidden, (slug, mark.get_text())
        for cls in ("emendation", "supplied", "editorial-notes", "footnote", "editorial-summary"):
            assert mark.find_parent(class_=cls) is None, (slug, cls, mark.get_text())
    for page in section_pages(html).values():
        for heading in page.select("h1, h2"):
            assert heading.select_one("a.glossary-term") is None
    # the headings do name terms ("Maras, …", "… TPS, DACA …"), so this is no empty check
    assert any(re.search(r"\b(Maras|TPS|DACA|SOUTHCOM)\b", heading.get_text())
               for page in section_pages(html).values() for heading in page.select("h1"))


def test_each_mark_links_to_its_entry_and_carries_its_definition(site, html):
    by_id = {term.id: term for term in TERMS}
    for slug, mark in marks(html):
        term = by_id[mark["data-term"]]
        assert follow(site, f"article/{slug}", mark["href"])[1] == f"glossary/{term.id}"
        description = mark.find_parent("html").find(id=mark["aria-describedby"])
        assert description is not None and description.get_text() == term.short
        block = description.find_parent(class_="glossary-definitions")
        assert block is not None and block.has_attr("hidden") and block.has_attr("data-search-exclude")
        matched = any(re.fullmatch(terms.phrase_regex(phrase), squash(mark.get_text()))
                      for phrase in term.find)
        assert matched, (term.id, mark.get_text())


def test_spanish_terms_keep_their_language(html):
    for slug, mark in marks(html):
        text = squash(mark.get_text())
        if text in SPANISH:
            carrier = mark if mark.has_attr("lang") else mark.find_parent(attrs={"lang": True})
            assert carrier["lang"] == "es", (slug, text)
    assert any(squash(mark.get_text()) in SPANISH for _slug, mark in marks(html))


def test_every_occurrence_link_resolves_to_the_right_paragraph_and_page(site, html):
    sections = section_pages(html)
    for term in TERMS:
        items = html(f"glossary/{term.id}").select("ol.glossary-occurrences > li")
        marked = [(slug, mark) for slug, mark in marks(html) if mark["data-term"] == term.id]
        assert len(items) == len(marked), term.id
        for item, (slug, mark) in zip(items, marked, strict=True):
            link = item.select_one("a")
            target = paragraph(site, f"glossary/{term.id}", link["href"])
            assert target["id"] == mark.find_parent("p", class_="article-paragraph")["id"], term.id
            assert f"paragraph\u00a0{target['id'].split('-')[1]}" in link.get_text()
            snippet = item.select_one(".glossary-occurrences__snippet")
            assert squash(snippet.select_one("mark").get_text()) == squash(mark.get_text())
            context = squash(snippet.get_text()).strip("…")
            assert context in reading_text(target), (term.id, context)
            printed = int(re.search(r"p\.\u00a0(\d+)", link.get_text()).group(1))
            lead = squash(snippet.get_text().split(snippet.select_one("mark").get_text())[0]).lstrip("…")
            assert printed == page_of(sections[slug], target["id"], context, len(lead)), (term.id, context)


def test_the_index_lists_every_term_a_to_z(site, html):
    index = html("glossary").select_one("article.md-content__inner")
    entries = index.select("li")
    linked = [follow(site, "glossary", item.select_one("a")["href"])[1] for item in entries]
    assert sorted(linked) == sorted(f"glossary/{term.id}" for term in TERMS)
    names = [squash(item.select_one("a").get_text()) for item in entries]
    assert names == sorted(names, key=lambda name: pages.sort_key(terms.Term(
        "x", name, "en", None, None, "", "", "", None, (), (), (), (), 0)))
    by_id = {term.id: term for term in TERMS}
    for item, path in zip(entries, linked, strict=True):
        assert by_id[path.split("/")[1]].short in squash(item.get_text())
    letters = [h2.get_text(strip=True).rstrip("¶") for h2 in index.select("h2")]
    assert letters == sorted(letters) and all(len(letter) == 1 for letter in letters)


def test_the_search_index_finds_a_term_by_its_aliases(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for term in TERMS:
        html = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith(f"glossary/{term.id}/"))
        # the index holds HTML; words with accents carry a hidden unaccented twin for search
        shown = BeautifulSoup(html, "lxml")
        for hidden in shown.select("[hidden]"):
            hidden.decompose()
        text = squash(shown.get_text())
        for alias in term.aliases:
            assert alias.name in text, (term.id, alias.name)


# ---- the marking, on small samples -----------------------------------------------------------

SAMPLE_TERMS = [terms.Term(identifier, name, "es", None, None, "short", "", "", None, tuple(find), (), (), (), 1)
                for identifier, name, find in [("mano-dura", "mano dura", ["mano dura"]), ("maras", "maras", ["mara"]),
                                               ("pan", "PAN", ["PAN"])]]


def mark_sample(source: str) -> tuple[str, list[marking.Occurrence]]:
    marker = marking.Marker(terms.Matcher(SAMPLE_TERMS), lambda term_id: f"../glossary/{term_id}/",
                             {"par-1": 170, "par-2": 170})
    return marker.run(source)


def test_marking_is_robust_to_capitals_plurals_and_line_breaks():
    source = ('<p class="article-paragraph" id="par-1">Mano dura came first; the mano\n  dura and '
              'MANO&nbsp;DURA, then the Maras and one mara.</p>')
    marked, found = mark_sample(source)
    assert [occurrence.text for occurrence in found] == ["Mano dura", "mano dura", "MANO DURA", "Maras", "mara"]
    assert marked.count('class="glossary-term"') == 5
    assert '>mano\n  dura</a>' in marked and '>MANO&nbsp;DURA</a>' in marked


def test_marking_leaves_headings_links_apparatus_and_other_text_alone():
    source = ('<h2>Mano dura</h2>\n<p>mano dura outside the article</p>\n'
              '<p class="article-paragraph" id="par-2">A <a href="x">mano dura</a> link, '
              '<span class="emendation" title="mano dura">mano dura</span>, <sup>maras</sup>, '
              '<a class="page-start" data-page="171">p. 171</a>the Pan-American PAN and mano dura.</p>')
    marked, found = mark_sample(source)
    assert [(occurrence.text, occurrence.page) for occurrence in found] == [("PAN", 171), ("mano dura", 171)]
    # removing the marks gives back the input byte for byte
    assert re.sub(r'<a class="glossary-term"[^>]*>(.*?)</a>', r"\1", marked) == source


def test_snippets_cut_at_words_with_ellipses():
    text = " ".join(f"w{number}" for number in range(30))
    before, shown, after = marking.snippet(text, text.index("w15"), text.index("w15") + 3, words=3)
    assert (before, shown, after) == ("…w12 w13 w14 ", "w15", " w16 w17 w18…")
    assert marking.snippet("the maras, or", 4, 9) == ("the ", "maras", ", or")


# ---- bad data is refused ---------------------------------------------------------------------

def entry_line(text: str, marker: str) -> int:
    return text.splitlines().index(marker) + 1


def test_a_phrase_that_is_not_in_the_article_stops_the_build(project_copy, tmp_path):
    data = project_copy / "editorial" / "glossary.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace('find: ["Esquipulas"]', 'find: ["Esquipulas", "Tegucigalpa"]'), encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    line = entry_line(text, "  - id: esquipulas")
    assert f"editorial/glossary.yml:{line}: esquipulas: the phrase 'Tegucigalpa' is not found" in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("change, message", [
    ("related: [mano-amiga, maras, northern-triangle]", "related term 'mano-amigo' is not in the glossary"),
    ('term: "mano dura"', "unknown field 'colour'"),
])
def test_malformed_glossary_entries_are_refused(project_copy, tmp_path, change, message):
    data = project_copy / "editorial" / "glossary.yml"
    text = data.read_text(encoding="utf-8")
    broken = {"related: [mano-amiga, maras, northern-triangle]": "related: [mano-amigo, maras, northern-triangle]",
              'term: "mano dura"': 'term: "mano dura"\n    colour: red'}[change]
    assert change in text
    data.write_text(text.replace(change, broken, 1), encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    # the line at fault: the unknown field's own line, the entry's for a wrong value
    at = entry_line(text, '  - id: mano-dura') + (2 if "colour" in message else 0)
    assert f"editorial/glossary.yml:{at}:" in result.stderr
    assert message in result.stderr
