"""The edition's PDF (scripts/build_pdf.py, made by the build that deploys): a cover, a contents
page whose numbers are right, running head and page numbers, internal links that land on their
target, embedded fonts that render the Cyrillic journal name and Spanish accents, and the same
bytes from the same inputs."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from publishing import normalised, pdf_destinations, pdf_links, pdf_page_texts, squeezed

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = yaml.safe_load((ROOT / "editorial" / "article.yml").read_text(encoding="utf-8"))


def print_view(published_site) -> BeautifulSoup:
    """The print view as printed: without the permalink marks (¶) that print.css hides."""
    soup = BeautifulSoup((published_site.directory / "print" / "index.html").read_text(encoding="utf-8"), "lxml")
    for mark in soup.select(".headerlink"):
        mark.decompose()
    return soup


def test_the_pdf_is_linked_from_every_page_as_download_pdf(published_site):
    for path in sorted(published_site.directory.rglob("*.html")):
        if path.name == "404.html":
            continue
        link = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml").select_one("a.edition-downloads__pdf")
        assert link is not None and link.get_text(strip=True) == "Download PDF", path
        assert (path.parent / link["href"]).resolve() == published_site.pdf.resolve(), path


def test_the_pdf_text_has_title_journal_in_cyrillic_and_accented_names(published_site):
    text = normalised(" ".join(pdf_page_texts(published_site.pdf)))
    for expected in (ARTICLE["title"], ARTICLE["journal"]["en"], ARTICLE["journal"]["ru"], ARTICLE["doi"],
                     "Peña Nieto", "Díaz", "Mérida", "Panamá", *(a["name"] for a in ARTICLE["authors"])):
        assert expected in text, expected


def test_the_cover_names_title_authors_journal_and_doi(published_site):
    cover = normalised(pdf_page_texts(published_site.pdf)[0])
    for expected in (ARTICLE["title"], ARTICLE["journal"]["ru"], f"https://doi.org/{ARTICLE['doi']}",
                     ARTICLE["publisher_url"], *(a["name"] for a in ARTICLE["authors"])):
        assert expected in cover, expected


def test_every_font_is_embedded(published_site):
    listing = subprocess.run(["pdffonts", str(published_site.pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in listing.splitlines()[2:] if line.strip()]
    assert rows, listing
    for row in rows:
        # columns: name, type…, encoding, emb, sub, uni, object, generation
        emb, uni = row[-5], row[-3]
        assert emb == "yes" and uni == "yes", listing
        assert "Type 3" not in " ".join(row), listing
    assert any("Serif" in row[0] for row in rows), listing


def test_page_count_running_head_and_page_numbers(published_site):
    pages = pdf_page_texts(published_site.pdf, layout=True)
    parts = print_view(published_site).select(".print-part")
    assert len(parts) + 2 <= len(pages) <= 20 * len(parts), len(pages)
    assert "Manukhin and Robles Herrera" not in pages[0]  # the cover has no running head
    for number, text in enumerate(pages[1:], start=2):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert lines[0].startswith("Manukhin and Robles Herrera ·"), (number, lines[0])
        assert lines[-1] == str(number), (number, lines[-1])


def test_the_contents_page_numbers_are_the_pages_where_the_parts_begin(published_site):
    soup = print_view(published_site)
    pages = [normalised(text) for text in pdf_page_texts(published_site.pdf)]
    pdf_text_lines = [[line for line in text.splitlines() if line.strip()] for text in pdf_page_texts(published_site.pdf)]
    contents = pages[1]
    parts = soup.select(".print-part")
    entries = soup.select(".print-toc a")
    assert len(entries) == len(parts)
    for entry, part in zip(entries, parts):
        title = normalised(entry.select_one(".print-toc__title").get_text())
        found = re.search(re.escape(title) + r" (\d+)", contents)
        assert found, f"no page number after '{title}' in the contents"
        number = int(found.group(1))
        # the part begins on that page; one that begins a new page has its title first after
        # the running head
        body = squeezed("".join(pdf_text_lines[number - 1][1:]))
        heading = squeezed(part.find("h1").get_text())[:30]
        if "print-part--runs-on" in part["class"]:
            assert heading in body, (title, number)
        else:
            assert body.startswith(heading), (title, number, body[:60])


def test_every_internal_link_lands_on_the_page_of_its_target(published_site):
    """Footnote to note, contents to part, citation to bibliography: each link's destination is on
    the page where the target's text is printed (compared without spaces: line breaks differ)."""
    soup = print_view(published_site)
    pages = [squeezed(text) for text in pdf_page_texts(published_site.pdf)] + [""]
    destinations = pdf_destinations(published_site.pdf)
    links = pdf_links(published_site.pdf)
    assert len(links) > 50
    for _, name in links:
        assert name in destinations, name
        target = soup.find(id=name)
        assert target is not None, name
        start = squeezed(target.get_text())[:24]
        page = destinations[name]
        # a target at the foot of a page may run on to the next one
        assert start and start in pages[page - 1] + pages[page], (name, start, page)


def test_the_notes_are_in_the_pdf_and_their_marks_link_to_them(published_site):
    links = {name for _, name in pdf_links(published_site.pdf)}
    soup = print_view(published_site)
    notes = soup.select(".editorial-notes__list li[id]") + soup.select(".footnote li[id]")
    assert notes
    for note in notes:
        assert note["id"] in links, note["id"]


def test_document_information(published_site):
    info = PdfReader(io.BytesIO(published_site.pdf.read_bytes())).metadata
    assert info.title == ARTICLE["title"]
    assert info.author == "; ".join(a["name"] for a in ARTICLE["authors"])
    assert ARTICLE["doi"] in info.subject


def test_the_script_makes_the_same_pdf_bytes_from_the_same_site(published_site, tmp_path):
    again = tmp_path / "again.pdf"
    # the build dated the PDF by the last commit (scripts/hooks/build_date.py); the script alone
    # takes the date from SOURCE_DATE_EPOCH, so it is given the same one
    commit_time = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True, text=True,
                                 check=False).stdout.strip()
    env = {**os.environ, **({"SOURCE_DATE_EPOCH": commit_time} if commit_time.isdigit() else {})}
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "build_pdf.py"), str(published_site.directory),
                             "--output", str(again)], capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stderr
    assert again.read_bytes() == published_site.pdf.read_bytes()
