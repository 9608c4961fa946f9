"""The article PDF and the companion PDF (scripts/build_pdf.py, scripts/formats/), read as a reader
reads them: the text of each page (pdftotext), the links, the fonts, the PDF/UA checker's verdict,
and the bytes of a second build. The site is the one the deploying build makes (EDITION_PDF=1),
built for this machine's address: that address must appear in no format."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from publishing import normalised, pdf_destinations, pdf_links, pdf_outline, pdf_page_texts

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = yaml.safe_load((ROOT / "editorial" / "article.yml").read_text(encoding="utf-8"))
PUBLICATION = yaml.safe_load((ROOT / "editorial" / "publication.yml").read_text(encoding="utf-8"))
SECTIONS = ["introduction", "historical-background", "trade-and-borders", "migration", "regional-security",
            "maras-and-cartels", "us-pressure", "military-dimension", "conclusion"]
MAX_ARTICLE_PAGES = 20


@pytest.fixture(scope="session")
def companion(published_site) -> Path:
    return published_site.directory / PUBLICATION["companion_pdf_file"]


def built(published_site, path: str) -> BeautifulSoup:
    return BeautifulSoup((published_site.directory / path / "index.html").read_text(encoding="utf-8"), "lxml")


def flat(text: str) -> str:
    """Text without white space and hyphens, so that a word hyphenated at a line's end ("pro‐\\njects",
    WeasyPrint's U+2010) reads as the word, and a printed hyphen is compared without it."""
    return re.sub(r"[\s\-\u2010\u00ad]", "", text)


def words(text: str) -> list[str]:
    """The words of a text, hyphens left out ("Mexico-U.S." reads "MexicoU", "S"). A word that
    WeasyPrint hyphenated at a line's end is joined again; one hyphenated across a page break, whose
    end comes after the page's notes, keeps its hyphen (U+2010) as the mark of a first half."""
    text = re.sub(r"[\-\u2010]\n(?=[^\W\d_]{2})", "", text)
    text = re.sub(r"(?<=\w)-(?=\s)", "\u2010", text)  # a printed hyphen ending a page's text
    text = re.sub(r"[\-\u00ad]|\u2010(?!\s)", "", text)
    return re.findall(r"\w+\u2010?", text)


def test_every_page_links_to_the_article_pdf_the_companion_and_the_epub(published_site):
    expected = {"a.edition-downloads__pdf": ("Download PDF", PUBLICATION["pdf_file"]),
                "a.edition-downloads__companion": ("Companion PDF", PUBLICATION["companion_pdf_file"]),
                "a.edition-downloads__epub": ("EPUB", PUBLICATION["epub_file"])}
    pages = [path for path in sorted(published_site.directory.rglob("*.html")) if path.name != "404.html"]
    assert any(path.parent.name == "print" for path in pages) and (published_site.directory / "index.html") in pages
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        for selector, (text, file) in expected.items():
            link = soup.select_one(selector)
            assert link is not None and link.get_text(strip=True) == text, (path, selector)
            target = (path.parent / link["href"]).resolve()
            assert target == (published_site.directory / file).resolve() and target.stat().st_size > 10_000, path


def test_the_title_block_has_authors_affiliations_source_doi_citation_abstract_and_keywords(published_site):
    first = normalised(pdf_page_texts(published_site.pdf)[0])
    for expected in (ARTICLE["title"], ARTICLE["journal"]["en"], ARTICLE["journal"]["ru"], ARTICLE["doi"],
                     "Cite this article", "Abstract", "Keywords:",
                     *(a["name"] for a in ARTICLE["authors"]),
                     *(affiliation for a in ARTICLE["authors"] for affiliation in a["affiliations"])):
        assert flat(expected) in flat(first), expected
    assert first.index("Cite this article") < first.index("Abstract")


def test_the_article_is_at_most_twenty_a4_pages(published_site):
    reader = PdfReader(str(published_site.pdf))
    assert 8 <= len(reader.pages) <= MAX_ARTICLE_PAGES, len(reader.pages)
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4 in points


def article_blocks(published_site) -> list[tuple[str, BeautifulSoup]]:
    """Each section's paragraphs, as the site shows them."""
    blocks = []
    for name in SECTIONS:
        for paragraph in built(published_site, f"article/{name}").select("p.article-paragraph"):
            blocks.append((name, paragraph))
    return blocks


def printed_words(pdf: Path) -> list[str]:
    return words("\n".join(pdf_page_texts(pdf)))


WINDOW = 900  # words: less than a page holds, so that footnotes, heads and margins fit between two words


def test_the_articles_words_are_all_there_in_order(published_site):
    """Every word of the authors' paragraphs, in order; between two of them only what a page puts
    there (footnotes, the running head, a page number, a margin number)."""
    printed = printed_words(published_site.pdf)
    blocks = article_blocks(published_site)
    opening = words(blocks[0][1].get_text())[:8]  # the text begins where its first words stand together
    position = next(index for index in range(len(printed)) if printed[index:index + 8] == opening)
    total = 0
    for _, paragraph in blocks:
        # a note's mark stays: it is printed against its word ("1907c,"), as on the page
        for mark in paragraph.select("a.page-start"):
            mark.decompose()
        for word in words(paragraph.get_text()):
            window = printed[position:position + WINDOW]
            whole = window.index(word) if word in window else len(window)
            # broken across a page break: its first part ends the page, marked by its hyphen
            # (U+2010) or glued to the first note's label by pdftotext ("Indoa"), and the rest begins
            # the next page after the notes. Looked for before the word's first whole occurrence: a
            # note or a running head may hold the same word further on ("Mex‐" ends a page, the
            # note under the next one begins "Mexican Navy…")
            split = [(index, size) for index, token in enumerate(window[:whole]) for size in range(len(word) - 1, 2, -1)
                     if (token == word[:size] + "\u2010"
                         or re.fullmatch(re.escape(word[:size]) + r"(?:[a-z]{1,2}|\d{1,2})", token))
                     and word[size:] in printed[position + index + 1:][:WINDOW]]
            if split:
                index, size = split[0]
                rest = printed[position + index + 1:][:WINDOW]
                position += index + 1 + rest.index(word[size:]) + 1
            else:
                assert whole < len(window), (word, printed[position:position + 20])
                position += whole + 1
            total += 1
    assert total > 4000, total


def notes_with_context(published_site):
    """(section, label, the text before its mark, the start of its note) for every note."""
    found = []
    for name in SECTIONS:
        soup = built(published_site, f"article/{name}")
        for sup in soup.select("p.article-paragraph sup"):
            link = sup.find("a", href=True)
            note = soup.find(id=link["href"][1:])
            paragraph = sup.find_parent("p")
            before = ""
            for element in sup.previous_elements:
                if element is paragraph:
                    break
                if isinstance(element, str) and not element.find_parent(class_="page-start"):
                    before = element + before
                    if len(flat(before)) > 40:
                        break
            after = ""
            for element in sup.next_elements:
                if (isinstance(element, str) and element.find_parent("sup") is not sup
                        and not element.find_parent(class_="page-start")):
                    after += element
                    if len(flat(after)) > 12 or element.find_parent("p") is not paragraph:
                        break
            note_text = note.find("p")
            for mark in note_text.select(".footnote-backref, .editorial-notes__back"):
                mark.decompose()
            found.append((name, link.get_text(strip=True), flat(before)[-40:], flat(note_text.get_text())[:50],
                          flat(after)[:12]))
    return found


def test_each_note_is_at_the_foot_of_the_page_of_its_mark(published_site):
    # the layout text keeps a note's label on the line of its first words ("a   The Tuxtla date.")
    pages = [flat(text) for text in pdf_page_texts(published_site.pdf, layout=True)]
    # the plain text keeps a mark on its line, and the margin numbers apart; the bar that marks
    # where a printed page began is not the authors'
    running = [flat(text).replace("|", "") for text in pdf_page_texts(published_site.pdf)]
    notes = notes_with_context(published_site)
    assert len([n for n in notes if n[1].isdigit()]) == 46 and len([n for n in notes if n[1].isalpha()]) >= 10
    for name, label, before, start, after in notes:
        # the words before the mark may begin on the page before (a mark's line that moved on
        # with its note): the mark's page is the one page holding the longest of their ends
        for size in range(len(before), 2, -1):
            mark_pages = [number for number, text in enumerate(running, 1) if before[-size:] + label in text]
            if mark_pages:
                before = before[-size:]
                break
        assert len(mark_pages) == 1, (name, label, before, mark_pages)
        # the note, with its label, on the page of its mark, below the mark (at the page's foot)
        page, text = pages[mark_pages[0] - 1], running[mark_pages[0] - 1]
        assert label + start in page, (name, label, mark_pages, start)
        assert text.rindex(start) > text.index(before + label), (name, label)
        # and not in the text: the authors' words go on after the mark (or at the next page's top)
        following = running[mark_pages[0]] if mark_pages[0] < len(running) else ""
        assert before + label + after in text or after in following[:400], (name, label, after)


def test_the_printed_page_numbers_stand_in_the_margin_where_each_printed_page_begins(published_site):
    layout = pdf_page_texts(published_site.pdf, layout=True)
    numbers = []
    for path in ["", *(f"article/{name}" for name in SECTIONS)]:
        for marker in built(published_site, path).select("a.page-start"):
            after = ""
            for element in marker.next_elements:
                if isinstance(element, str) and element.find_parent(class_="page-start") is None:
                    after += element
                    if len(after.split()) > 1:
                        break
            numbers.append((int(marker["data-page"]), after.split()[0]))
    assert [number for number, _ in numbers] == list(range(ARTICLE["first_page"], ARTICLE["first_page"] + len(numbers)))
    last_page = 0
    for number, word in numbers:
        lines = [(index, line) for index, text in enumerate(layout, 1) for line in text.splitlines()
                 if re.match(rf"\s*p\. {number}\s{{2,}}", line)]
        assert len(lines) == 1, (number, lines)
        page, line = lines[0]
        # the margin number stands on the line of the bar that marks the place, before the
        # printed page's first word
        following = layout[page - 1].splitlines()
        next_line = following[following.index(line) + 1] if following.index(line) + 1 < len(following) else ""
        assert (re.search(rf"\|\s*{re.escape(word)}", line)
                or line.rstrip().endswith("|") and next_line.split()[0] == word), (number, word, line)
        assert page >= last_page
        last_page = page


def test_the_editors_headings_are_marked_as_theirs(published_site):
    text = normalised(" ".join(pdf_page_texts(published_site.pdf)))
    for name in SECTIONS:
        heading = built(published_site, f"article/{name}").find("h1")
        for mark in heading.select(".headerlink"):
            mark.decompose()
        title = normalised(heading.get_text())
        # the heading, then the label that says whose it is
        assert re.search(re.escape(title)
                         + r" Section \d of 9 · printed pp?\. [\d–]+ · heading supplied by the editors", text), title


def test_text_is_hyphenated(published_site):
    text = "\n".join(pdf_page_texts(published_site.pdf))
    breaks = re.findall(r"([^\W\d_]+)\u2010\n([^\W\d_]+)", text)
    assert len(breaks) > 20, breaks
    # a hyphenation point falls between syllables, never leaving one letter behind
    assert all(len(first) >= 2 and len(second) >= 2 for first, second in breaks), breaks


def test_every_font_is_embedded(published_site, companion):
    for pdf in (published_site.pdf, companion):
        listing = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
        assert rows, listing
        for row in rows:
            emb, uni = row[-5], row[-3]
            assert emb == "yes" and uni == "yes", listing
        assert any("Serif" in row[0] for row in rows), listing


def test_internal_links_land_on_their_target(published_site, companion):
    for pdf in (published_site.pdf, companion):
        destinations = pdf_destinations(pdf)
        links = pdf_links(pdf)
        assert len(links) > 40, pdf
        for _, name in links:
            assert name in destinations, name
        # a note's mark leads to its note, on the same page
        for page, name in links:
            if "--fn:cite-" in name or "--note-" in name and "--note-ref" not in name:
                assert destinations[name] == page, (name, page, destinations[name])


def uris(pdf: Path) -> list[str]:
    found = []
    for page in PdfReader(str(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and action.get_object().get("/URI"):
                found.append(str(action.get_object()["/URI"]))
    return found


def test_external_links_are_real_addresses_never_this_machines(published_site, companion):
    for pdf in (published_site.pdf, companion):
        addresses = uris(pdf)
        assert f"https://doi.org/{ARTICLE['doi']}" in addresses, pdf
        for address in addresses:
            assert re.match(r"https?://[a-z0-9.-]+\.[a-z]{2,}/", address), address
            assert "127.0.0.1" not in address and "localhost" not in address, address
        raw = pdf.read_bytes()
        text = " ".join(pdf_page_texts(pdf))
        for local in (b"127.0.0.1", b"localhost", b"file:", str(published_site.directory).encode()):
            assert local not in raw and local.decode() not in text, (pdf, local)


def test_pdf_ua_checker_finds_nothing(published_site, companion):
    from pdfua import validate
    for pdf in (published_site.pdf, companion):
        report = validate(str(pdf))
        assert not report.findings, [(f.rule_id, f.severity.name, f.message) for f in report.findings]


def test_tagged_with_language_title_and_pdf_ua_identification(published_site, companion):
    for pdf, title in ((published_site.pdf, ARTICLE["title"]),
                       (companion, ARTICLE["title"] + ": the editors' companion")):
        reader = PdfReader(str(pdf))
        root = reader.trailer["/Root"]
        assert root["/Lang"] in ("en", "en-US") and root["/MarkInfo"]["/Marked"]
        assert "/StructTreeRoot" in root and root["/ViewerPreferences"]["/DisplayDocTitle"]
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert 'pdfuaid:part="1"' in xmp
        assert reader.metadata.title == title
        assert reader.metadata.author == ", ".join(a["name"] for a in ARTICLE["authors"])


def test_the_chart_has_alternative_text_and_is_not_split(companion):
    reader = PdfReader(str(companion))
    alternatives = []

    def walk(node):
        node = node.get_object()
        if hasattr(node, "get") and node.get("/S") == "/Figure":
            alternatives.append(str(node.get("/Alt", "")))
        kids = node.get("/K") if hasattr(node, "get") else None
        for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
            if hasattr(kid.get_object(), "get"):
                walk(kid)
    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert any("2000: 1,836; 2010: 6,554" in alternative for alternative in alternatives), alternatives
    pages = [text for text in pdf_page_texts(companion) if "8,000" in text and "6,000" in text]
    assert len(pages) == 1  # the chart's scale, from 0 to 8,000, is on one page


def test_the_companion_holds_the_glossary_summaries_figures_timeline_and_method(published_site, companion):
    text = normalised(" ".join(pdf_page_texts(companion)))
    glossary = built(published_site, "glossary")
    entries = [normalised(link.get_text()) for link in glossary.select("article li > a[href]")]
    assert len(entries) >= 30
    for entry in entries:
        assert entry in text, entry
    for path in ("at-a-glance", "at-a-glance/summaries", "at-a-glance/key-figures", "at-a-glance/timeline",
                 "editorial-method"):
        heading = built(published_site, path).find("h1")
        for mark in heading.select(".headerlink"):
            mark.decompose()
        assert normalised(heading.get_text()) in text, path
    for emendation in ("E02", "E03"):
        assert emendation in text


def test_the_same_site_gives_the_same_pdf_bytes(published_site, companion, tmp_path):
    commit_time = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                                 check=False).stdout.strip()
    env = {**os.environ, **({"SOURCE_DATE_EPOCH": commit_time} if commit_time.isdigit() else {})}
    env.pop("SITE_URL", None)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pdf.py"), str(published_site.directory),
                             "--output", str(tmp_path)], capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stderr
    for made in (published_site.pdf, companion, published_site.directory / PUBLICATION["epub_file"]):
        assert (tmp_path / made.name).read_bytes() == made.read_bytes(), made.name
    info = PdfReader(io.BytesIO(published_site.pdf.read_bytes())).metadata
    if commit_time.isdigit():
        assert info["/CreationDate"].startswith("D:") and info["/CreationDate"] == info["/ModDate"]


def opening_words(heading, count: int = 4) -> str | None:
    """The first words of the text that follows a heading in the built page, past the short lines
    that stand under it (the editors' label, a summary's pages and reading time) and what the PDF
    leaves out (the reading time and the closed editors' summary of an article page)."""
    for block in heading.find_next_siblings():
        if block.name and block.name[0] == "h" and block.name[1:].isdigit():
            return None
        if block.name == "details" or set(block.get("class") or []) & {"summary-meta", "reading-time",
                                                                       "editorial-label"}:
            continue
        found = words(block.get_text(" "))
        if len(found) >= count:
            return "".join(found[:count])
    return None


@pytest.mark.parametrize("which,paths", [
    ("article", [f"article/{name}" for name in SECTIONS]),
    ("companion", ["at-a-glance/summaries", "at-a-glance/key-figures", "at-a-glance/timeline", "editorial-method"]),
])
def test_every_heading_stands_on_the_page_where_its_text_begins(published_site, companion, which, paths):
    # where a heading is printed, from the PDF's own bookmarks (a title alone can stand on many
    # pages: in a running head, in the glossary's lists of passages)
    pdf = published_site.pdf if which == "article" else companion
    pages = ["".join(words(text)) for text in pdf_page_texts(pdf)]
    bookmarks = [("".join(words(title)), page) for title, page in pdf_outline(pdf)]
    checked, problems = 0, []
    for path in paths:
        for heading in built(published_site, path).select("article h1, article h2"):
            for mark in heading.select(".headerlink"):
                mark.decompose()
            title, opening = "".join(words(heading.get_text(" "))), opening_words(heading)
            at = next((index for index, (name, _) in enumerate(bookmarks) if name == title), None)
            if opening is None or at is None:
                continue
            page = bookmarks.pop(at)[1]  # the next heading of the same name is the next bookmark
            checked += 1
            if opening not in pages[page - 1]:
                problems.append(f"{path}: “{heading.get_text(' ').strip()}” at the foot of page {page}, "
                                "its text on the next")
    assert checked >= len(paths), f"only {checked} headings were found among the bookmarks"
    assert not problems, "\n".join(problems)
