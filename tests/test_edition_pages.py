"""The built edition as a reader meets it: sections, navigation, page markers, emendations,
editorial notes, the textual-notes page and the landing page (parsed HTML)."""

from pathlib import Path

import yaml
from bs4 import BeautifulSoup

from reading import reading_order

ROOT = Path(__file__).resolve().parents[1]
SECTIONS = yaml.safe_load((ROOT / "editorial" / "sections.yml").read_text(encoding="utf-8"))["sections"]
EMENDATIONS = yaml.safe_load((ROOT / "editorial" / "emendations.yml").read_text(encoding="utf-8"))["emendations"]
NOTES = yaml.safe_load((ROOT / "editorial" / "notes.yml").read_text(encoding="utf-8"))["notes"]
ARTICLE = yaml.safe_load((ROOT / "editorial" / "article.yml").read_text(encoding="utf-8"))


def section_pages(html):
    return [html(f"article/{section['slug']}") for section in SECTIONS]


def test_each_section_is_a_page_with_an_editorial_heading_in_reading_order(site, html):
    order = [path.relative_to(site).parent.as_posix() for path in reading_order(site)]
    assert order[1:len(SECTIONS) + 1] == [f"article/{section['slug']}" for section in SECTIONS]
    for section, page in zip(SECTIONS, section_pages(html), strict=True):
        assert page.select_one("article h1").get_text(strip=True).startswith(section["title"])
        label = page.select_one("article h1 + p.editorial-label")
        assert "supplied by the editors" in label.get_text()
        assert page.select_one(".article-paragraph").get_text().startswith(section["starts"])


def test_sections_link_to_previous_and_next(html):
    pages = section_pages(html)
    for number, page in enumerate(pages):
        previous, following = page.select_one(".md-footer__link--prev"), page.select_one(".md-footer__link--next")
        assert previous is not None and following is not None
        if number + 1 < len(pages):
            assert following["href"] == f"../{SECTIONS[number + 1]['slug']}/"


def test_paragraph_ids_run_through_the_article_once_each(html):
    ids = [p["id"] for page in section_pages(html) for p in page.select(".article-paragraph")]
    assert ids == [f"par-{number}" for number in range(1, len(ids) + 1)]


def test_every_printed_page_has_one_marker_with_its_anchor(html):
    markers = [a for page in [html(""), *section_pages(html)] for a in page.select("a.page-start")]
    pages = [int(a["data-page"]) for a in markers]
    assert pages == list(range(ARTICLE["first_page"], ARTICLE["last_body_page"] + 1))
    for marker in markers:
        assert marker["id"] == f"page-{marker['data-page']}" and marker["href"] == f"#{marker['id']}"
        assert marker.get_text(strip=True) == f"p.\u00a0{marker['data-page']}"


def test_every_emendation_shows_its_correction_and_keeps_the_printed_reading(html):
    found = {span["id"]: span for page in section_pages(html) for span in page.select("span.emendation")}
    assert sorted(found) == sorted(f"em-{entry['id']}" for entry in EMENDATIONS)
    for entry in EMENDATIONS:
        span = found[f"em-{entry['id']}"]
        assert span["data-original"] == entry["original"]
        assert span.get_text() == entry["corrected"]
        assert entry["original"] in span["title"] and span["tabindex"] == "0"
        for supplied in span.select(".supplied"):
            assert supplied.get_text().startswith("[") and supplied.get_text().endswith("]")


def test_editorial_notes_are_lettered_in_order_and_link_both_ways(html):
    letters = []
    for page in section_pages(html):
        marks = page.select("sup.editorial-note-ref a")
        for mark in marks:
            note = page.select_one(mark["href"])
            assert note is not None and note.find_parent("section", class_="editorial-notes") is not None
            back = note.select_one("a.editorial-notes__back")
            assert page.select_one(back["href"]) is mark.parent
            letters.append(mark.get_text())
    assert letters == [chr(ord("a") + number) for number in range(len(NOTES))]


def test_textual_notes_page_links_every_emendation_and_note_to_its_place(site, html):
    notes_page = html("editorial-method")
    links = notes_page.select("article a[href*='#em-'], article a[href*='#note-']")
    targets = {link["href"].split("#")[1] for link in links}
    assert targets == {f"em-{e['id']}" for e in EMENDATIONS} | {f"note-{n['id']}" for n in NOTES}
    for link in links:
        path, anchor = link["href"].split("#")
        target = BeautifulSoup(((site / "editorial-method" / path).resolve() / "index.html").read_text(), "lxml")
        assert target.find(id=anchor) is not None, link["href"]


def test_landing_page_front_matter(html):
    page = html("")
    text = page.select_one("article").get_text(" ")
    assert page.select_one("article h1").get_text(strip=True).startswith(ARTICLE["title"])
    for author in ARTICLE["authors"]:
        assert author["name"] in text
        for affiliation in author["affiliations"]:
            assert affiliation in text
    assert ARTICLE["journal"]["en"] in text and ARTICLE["journal"]["ru"] in text
    assert page.select_one("cite[lang=ru]").get_text() == ARTICLE["journal"]["ru"]
    assert "vol.\u00a012" in text and "issue\u00a02" in text and "pp.\u00a0169–180" in text and "2019" in text
    doi = page.select_one("a[href='https://doi.org/10.21638/11701/spbu06.2019.204']")
    assert doi is not None and doi.get_text() == "10.21638/11701/spbu06.2019.204"
    assert page.select_one(".article-abstract").get_text().strip().startswith("p.\u00a0169 Mexico has long attempted")
    keywords = "Keywords: Mexico, Central America, United States, security, cooperation."
    assert page.select_one(".article-keywords").get_text() == keywords
    contents = [a["href"] for a in page.select("article ol a[href^='article/']")]
    assert contents == [f"article/{section['slug']}/" for section in SECTIONS]
    start = page.select_one("a.md-button--primary")
    assert start["href"] == f"article/{SECTIONS[0]['slug']}/"


def test_spanish_words_are_marked_for_screen_readers(html):
    marked = [span.get_text() for page in section_pages(html) for span in page.select("span[lang=es]")]
    assert "mano dura" in marked and "sexenio" in marked and "Seguridad de la Frontera Nacional" in marked


def test_the_model_gives_each_paragraph_the_printed_pages_a_reader_sees(html):
    """The pages the hooks take from the edition model (glossary occurrences, summaries) are the
    ones the page markers show: a paragraph spans from the page in force where it starts (or the
    page it opens) to the last page begun inside it."""
    from edition import pipeline

    model = pipeline.build(ROOT).paragraph_pages()
    seen, page = {}, None
    for document in [html(""), *section_pages(html)]:
        for element in document.select("a.page-start, p.article-paragraph"):
            if element.name == "a" and element.find_parent("p", class_="article-paragraph") is None:
                page = int(element["data-page"])
            elif element.name == "p":
                marks = [int(mark["data-page"]) for mark in element.select("a.page-start")]
                opens = element.find(string=True, recursive=True)
                starts_with_mark = bool(marks) and opens is not None and opens.find_parent("a", class_="page-start")
                first = marks[0] if starts_with_mark else page
                page = marks[-1] if marks else page
                seen[element["id"]] = (first, page)
    assert seen == model
