"""Printing: the whole-edition print view (every nav page in nav order, ids unique, links inside
the document) and how pages print from Chromium on A4 and Letter: no navigation, notes and page
markers kept, external addresses shown, no heading left at the foot of a page."""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import build_site
from publishing import squeezed


def nav_pages(html) -> list[str]:
    """The pages in nav order, as the landing page's navigation lists them (site paths)."""
    links = html("").select("nav.md-nav--primary a.md-nav__link[href]")
    paths = []
    for link in links:
        path = urlsplit(urljoin("/", link["href"])).path
        if path not in paths:
            paths.append(path)
    return paths


def test_the_print_view_holds_every_page_in_nav_order(html):
    view = html("print")
    parts = view.select(".print-view > section.print-part")
    assert ["/" + part["data-source"] for part in parts] == nav_pages(html)
    for part in parts:
        article = html(part["data-source"]).select_one("article.md-content__inner")
        for links in article.select(".edition-downloads"):  # the page's links to the print view itself
            links.decompose()
        # the part carries the page's whole text
        assert squeezed(part.get_text()) == squeezed(article.get_text())


def test_the_print_view_has_a_cover_and_contents_linking_to_each_part(html):
    view = html("print")
    cover = view.select_one(".print-view > .print-cover")
    assert cover is not None and cover.find("h1") is not None
    entries = [a["href"] for a in view.select(".print-toc a")]
    assert entries == ["#" + part["id"] for part in view.select(".print-part")]


def test_ids_are_unique_and_every_link_in_the_print_view_resolves(site, html):
    view = html("print")
    ids = Counter(element["id"] for element in view.find_all(id=True))
    assert not [name for name, count in ids.items() if count > 1]
    content = view.select_one(".print-view")
    internal = 0
    for link in content.find_all(href=True):
        href = link["href"]
        if href.startswith("#"):
            internal += 1
            assert href[1:] in ids, href
        elif not urlsplit(href).scheme:
            target = (site / "print" / urlsplit(href).path).resolve()
            assert target.exists(), href
    notes = content.select("sup.editorial-note-ref a, a.footnote-ref")
    assert notes and all(a["href"][1:] in ids for a in notes)
    assert internal > 50


def test_pages_added_to_the_nav_join_the_print_view_with_their_footnotes(project_copy, tmp_path):
    """As a future appendix would (the glossary and bibliography do already): two short pages in a new nav
    section, each with a footnote `fn:1`, one linking to an anchor of the other and to an article section."""
    appendix = project_copy / "docs" / "appendix"
    appendix.mkdir()
    (appendix / "mano-dura.md").write_text(
        "# Mano dura\n\nAlso called: iron fist. Crackdown policies.[^1]\n\n## Usage {#usage}\n\nSee "
        "[Maras](../article/maras-and-cartels.md#par-16).\n\n[^1]: A note on mano dura.\n", encoding="utf-8")
    (appendix / "mano-amiga.md").write_text(
        "# Mano amiga\n\nThe other hand.[^1] Compare [mano dura](mano-dura.md#usage).\n\n"
        "[^1]: A note on mano amiga.\n", encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "  - About this edition:\n", "  - Appendix:\n      - appendix/mano-dura.md\n      - appendix/mano-amiga.md\n"
        "  - About this edition:\n"), encoding="utf-8")
    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr
    view = BeautifulSoup((tmp_path / "site" / "print" / "index.html").read_text(encoding="utf-8"), "lxml")
    parts = {part["id"]: part for part in view.select(".print-part")}
    dura, amiga = parts["appendix-mano-dura"], parts["appendix-mano-amiga"]
    # the appendix begins a new page; its second, short entry runs on
    assert "print-part--runs-on" not in dura["class"] and "print-part--runs-on" in amiga["class"]
    assert list(parts).index("appendix-mano-amiga") == list(parts).index("appendix-mano-dura") + 1
    ids = Counter(element["id"] for element in view.find_all(id=True))
    assert ids["appendix-mano-dura--fn:1"] == ids["appendix-mano-amiga--fn:1"] == 1
    assert dura.select_one("a.footnote-ref")["href"] == "#appendix-mano-dura--fn:1"
    assert amiga.select_one("a.footnote-ref")["href"] == "#appendix-mano-amiga--fn:1"
    assert amiga.find("a", string="mano dura")["href"] == "#appendix-mano-dura--usage"
    assert dura.find("a", string="Maras")["href"] == "#article-maras-and-cartels--par-16"
    assert view.select_one(".print-toc a[href='#appendix-mano-amiga']") is not None


def test_a_link_to_a_missing_anchor_stops_the_build(project_copy, tmp_path):
    page = project_copy / "docs" / "editorial-method.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[a gap](article/introduction.md#no-such-anchor)\n",
                    encoding="utf-8")
    config = project_copy / "mkdocs.yml"
    # MkDocs's own anchor check would stop the build first: leave it to the print view's
    config.write_text(config.read_text(encoding="utf-8").replace("  anchors: warn", "  anchors: info"),
                      encoding="utf-8")
    result = build_site(project_copy, tmp_path / "site")
    assert result.returncode != 0
    assert "print view: editorial-method.md: the link 'article/introduction.md#no-such-anchor'" in result.stderr \
        or "print view: editorial-method.md: the link '../article/introduction/#no-such-anchor'" in result.stderr, \
        result.stderr


def test_the_print_view_is_left_out_of_search(site):
    import json
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["docs"] and not [doc for doc in index["docs"] if doc["location"].startswith("print/")]


# ---- printing from Chromium --------------------------------------------------------------------

RUNNING_HEAD = "Manukhin and Robles Herrera ·"


def pdf_pages(path) -> list[list[str]]:
    """Each page's lines of text, without the running head and the page number."""
    text = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    pages = []
    for page in text.split("\f"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if lines and lines[0].startswith(RUNNING_HEAD):
            lines = lines[1:]
        if lines and re.fullmatch(r"\d+", lines[-1]):
            lines = lines[:-1]
        pages.append(lines)
    return pages[:-1] if pages and not pages[-1] else pages


def outline(pdf) -> list[tuple[str, int]]:
    """The PDF's outline (Chromium makes it from the headings): (heading text, page number)."""
    reader = PdfReader(str(pdf))

    def entries(items) -> list[tuple[str, int]]:
        found = []
        for item in items:
            if isinstance(item, list):
                found += entries(item)
            else:
                found.append((squeezed(item.title), reader.get_destination_page_number(item) + 1))
        return found
    return entries(reader.outline)


def stranded_headings(pdf) -> list[tuple[int, str]]:
    """Headings printed as the last text of their page (the page number below is not text of
    the page's body)."""
    pages = pdf_pages(pdf)
    stranded = []
    for heading, number in outline(pdf):
        body = pages[number - 1]
        if number < len(pages) and body and heading.endswith(squeezed(body[-1])):
            stranded.append((number, heading))
    return stranded


def printed_in_order(text: str, printed: str, start: int, gap: int = 3) -> int:
    """Where `text` begins in `printed` at or after `start`, every character printed in order with
    at most `gap` stray characters between two of them (a superscript read out of line); -1 if not."""
    begin = printed.find(text[:12], start)
    while begin >= 0:
        index, ok = begin, True
        for char in text:
            found = printed.find(char, index, index + gap + 1)
            if found < 0:
                ok = False
                break
            index = found + 1
        if ok:
            return begin
        begin = printed.find(text[:12], begin + 1)
    return -1


@pytest.mark.browser
@pytest.mark.parametrize("paper", ["A4", "Letter"])
@pytest.mark.parametrize("path", ["article/historical-background/", "editorial-method/"])
def test_a_page_prints_without_navigation_and_keeps_its_text_notes_and_markers(page, base_url, html, tmp_path,
                                                                                 paper, path):
    page.goto(f"{base_url}/{path}")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
                     ".md-footer__inner", ".edition-downloads", ".md-top"):
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    for selector in (".editorial-notes", ".footnote", "a.page-start", ".edition-attribution"):
        for element in page.locator(selector).all():
            assert element.is_visible(), selector
    # links whose text is the address itself (.print-url, .bibliography-link) do not repeat it
    external = [link for link in page.locator("a[href^='http']:not(.print-url):not(.bibliography-link)").all()
                if link.is_visible()]
    assert external  # the footer's attribution links to the DOI and the publisher at least
    for link in external:
        shown = page.evaluate("a => getComputedStyle(a, '::after').content", link.element_handle())
        assert link.get_attribute("href") in shown, link.get_attribute("href")

    pdf = tmp_path / f"{paper}.pdf"
    page.pdf(path=str(pdf), format=paper, outline=True, tagged=True)
    pages = pdf_pages(pdf)
    # the printed text, without the bar that marks where a printed page begins
    printed = squeezed("".join(line for lines in pages for line in lines)).replace("|", "")
    soup = html(path)
    # every paragraph and note is printed whole, in order (nothing cut off at the right margin)
    # (blocks that are hidden, such as the glossary's definitions for its popovers, are not read)
    blocks = [block for block in soup.select("article p, article li") if block.find_parent(hidden=True) is None]
    position = 0
    for block in blocks:
        # permalinks and back-links are hidden on paper (print.css, citations.css)
        for mark in block.select(".headerlink, .editorial-notes__back, .footnote-backref"):
            mark.decompose()
        # Note marks are superscripts; pdftotext may read one into the line above or below, so the
        # text is compared without them, and a printed character or two in between is allowed.
        for mark in block.select("sup"):
            mark.decompose()
        text = squeezed(block.get_text())
        if not text:
            continue
        found = printed_in_order(text, printed, position)
        assert found >= 0, text[:60]
        position = found
    for marker in soup.select("a.page-start"):
        assert squeezed(marker.get_text()) in printed
    assert outline(pdf)
    assert not stranded_headings(pdf)
    assert not page.outside


def test_glossary_marks_print_as_plain_words_in_the_print_view(page, base_url):
    # A term's entry is a page outside the print view; its address printed after every marked
    # word would break up the authors' sentences.
    page.goto(f"{base_url}/print/")
    page.emulate_media(media="print")
    terms = page.locator("a.glossary-term").all()
    assert terms, "no glossary mark in the print view"
    for term in terms[:20]:
        assert page.evaluate("a => getComputedStyle(a, '::after').content", term.element_handle()) in ("none", "normal")


def test_the_print_view_has_no_address_of_this_machine(site):
    # a build without SITE_URL publishes no absolute address of the edition (mkdocs.yml's
    # fallback site_url is this machine's)
    # (the page's head, canonical link and sitemap follow site_url: the publishing settings' concern)
    view = str(BeautifulSoup((site / "print" / "index.html").read_text(encoding="utf-8"), "lxml")
               .select_one(".print-view"))
    assert "glossary-term" in view
    assert "127.0.0.1" not in view and "localhost" not in view


@pytest.mark.browser
def test_the_print_view_prints_each_part_on_a_new_page_with_no_stranded_heading(page, base_url, html, tmp_path):
    page.goto(f"{base_url}/print/")
    pdf = tmp_path / "edition.pdf"
    page.pdf(path=str(pdf), format="Letter", outline=True, tagged=True)
    pages = pdf_pages(pdf)
    view = html("print")
    assert not stranded_headings(pdf)
    for mark in view.select(".headerlink"):
        mark.decompose()
    starts = [squeezed(part.find("h1").get_text())[:30]
              for part in view.select(".print-part:not(.print-part--runs-on)")]
    page_tops = [squeezed("".join(lines[:2])) for lines in pages]
    for start in starts:
        assert any(top.startswith(start) for top in page_tops), start
