"""The authors' citations as a reader meets them: footnote marks in the text, numbered through
the article, each opening a footnote that names the right reference with its locator and links
to the bibliography; tooltips in Chromium; the same footnotes in print and in a PDF.

(The seed-to-edition comparison of every citation, number, locator and place, is in
test_fidelity.py.)"""

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from pybtex.database import parse_file

from built_pages import offline_context

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = yaml.safe_load((ROOT / "editorial" / "sections.yml").read_text(encoding="utf-8"))["sections"]
BIB = parse_file(ROOT / "bib" / "references.bib")
NUMBER_OF = {int(entry.fields["originalnumber"]): key for key, entry in BIB.entries.items()}


def quotes_alike(text):
    """Nested titles change double quotation marks to single ones: compare without the difference."""
    return re.sub("[“”‘’]", '"', text)


def marks_and_notes(html):
    """(page slug, mark <sup>, its footnote <li>) for every citation mark, in reading order."""
    found = []
    for section in SECTIONS:
        page = html(f"article/{section['slug']}")
        for mark in page.select(".article-paragraph sup[id^='fnref:cite-']"):
            found.append((section["slug"], mark, page.find(id=mark.a["href"].removeprefix("#"))))
    return found


def test_each_citation_has_its_own_footnote_numbered_through_the_article(html):
    found = marks_and_notes(html)
    assert len(found) == 46
    for ordinal, (_slug, mark, note) in enumerate(found, start=1):
        assert mark["id"] == f"fnref:cite-{ordinal}"
        assert mark.a.get_text() == str(ordinal)
        assert note is not None and note["id"] == f"fn:cite-{ordinal}"
        # the footnote list continues the article's numbering on each page
        listing = note.find_parent("ol")
        assert int(listing.get("start", 1)) + listing.find_all("li", recursive=False).index(note) == ordinal


def test_footnotes_sit_under_a_labelled_heading_apart_from_the_editors_notes(html):
    for section in SECTIONS:
        page = html(f"article/{section['slug']}")
        block = page.select_one("section.authors-citations")
        if not page.select(".article-paragraph sup[id^='fnref:cite-']"):
            assert block is None
            continue
        heading = page.find(id=block["aria-labelledby"])
        assert heading.name == "h2" and heading.get_text(strip=True).startswith("Authors' citations")
        assert block.select_one("div.footnote") is not None
        assert not block.select(".editorial-notes") and not block.find_parent(class_="editorial-notes")
        notes = page.select_one("section.editorial-notes")
        if notes is not None:
            assert not notes.select("div.footnote")
            # the authors' apparatus comes first, then the editors'
            assert str(page).index("authors-citations") < str(page).index('class="editorial-notes"')


def test_each_footnote_names_its_reference_locator_and_bibliography_entry(html):
    bibliography = html("bibliography")
    for slug, mark, note in marks_and_notes(html):
        number = int(note.select_one(".citation-number").get_text().strip("[]"))
        entry = bibliography.find(id=f"ref-{number}")
        assert entry is not None
        assert (note.select_one(".citation-reference").get_text()
                == entry.select_one(".bibliography__reference").get_text())
        title = re.sub(r"[{}]", "", BIB.entries[NUMBER_OF[number]].fields["title"]).replace("\\%", "%")
        assert quotes_alike(title) in quotes_alike(note.get_text())
        link = note.select_one("a.citation-bibliography-link")
        assert link["href"] == f"../../bibliography/#ref-{number}"
        back = note.select_one("a.footnote-backref")
        assert back["href"] == f"#{mark['id']}"
        # the citing paragraph is the place the bibliography sends the reader back to
        paragraph = mark.find_parent(class_="article-paragraph")
        back_links = [a["href"] for a in entry.select(".bibliography__cited a")]
        assert f"../article/{slug}/#{paragraph['id']}" in back_links
        assert f"../article/{slug}/#{mark['id']}" in back_links


def test_a_source_cited_twice_in_a_paragraph_has_two_footnotes_with_their_own_pages(html):
    migration = [(note.select_one(".citation-number").get_text(), note.select_one(".citation-locator").get_text())
                 for slug, _mark, note in marks_and_notes(html) if slug == "migration" and
                 note.select_one(".citation-number").get_text() == "[16]"]
    assert migration == [("[16]", "Cited at p.\u00a0173, 175."), ("[16]", "Cited at p.\u00a0178–180.")]


def test_footnote_ids_are_unique_across_the_edition(html):
    ids = [element["id"] for section in SECTIONS for element in
           html(f"article/{section['slug']}").select("[id^='fn:'], [id^='fnref:']")]
    assert len(ids) == 92 and len(set(ids)) == len(ids)


def test_hovering_a_footnote_mark_shows_the_reference(page, base_url):
    page.goto(f"{base_url}/article/migration/")
    page.hover("sup#fnref\\:cite-17 a")
    tooltip = page.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)
    text = tooltip.inner_text()
    assert "Carrasco Gonzáles" in text and "p.\u00a0173, 175" in text and "[16]" in text
    assert page.outside == []


def test_tapping_a_footnote_mark_on_a_phone_reaches_the_reference(browser, base_url):
    context = offline_context(browser, base_url, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    phone = context.new_page()
    phone.goto(f"{base_url}/article/migration/")
    phone.tap("sup#fnref\\:cite-17 a")
    # The tap scrolls the reference into view (the URL's hash is then rewritten by Material's
    # navigation.tracking to the nearest heading, so the position is what to check).
    phone.wait_for_function("""() => {
        const box = document.getElementById('fn:cite-17').getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight;
    }""")
    note = phone.locator("li#fn\\:cite-17")
    assert note.is_visible() and "Carrasco Gonzáles" in note.inner_text()
    context.close()


def test_citations_print_as_on_screen(page, base_url, tmp_path):
    page.goto(f"{base_url}/article/migration/")
    page.emulate_media(media="print")
    assert page.locator("sup#fnref\\:cite-17 a").is_visible()
    assert page.locator("li#fn\\:cite-17").is_visible()
    assert page.locator("section.authors-citations h2").is_visible()
    pdf = tmp_path / "migration.pdf"
    page.pdf(path=str(pdf))
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install poppler-utils (scripts/test.sh does)")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    flat = " ".join(text.split())
    assert "Authors' citations" in flat
    assert "[16] Carrasco Gonzáles, G. (2013)" in flat
    assert "Cited at p. 173, 175." in flat and "Cited at p. 178–180." in flat
