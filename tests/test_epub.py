"""The EPUB 3 (scripts/formats/epub.py), made by the deploying build: EPUBCheck's verdict, the zip
as readers expect it, the notes as EPUB footnotes, the page list of the printed pages, the
metadata, no address of this machine, the same bytes from a second build, and its pages as
Chromium shows them."""

from __future__ import annotations

import re
import subprocess
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from lxml import etree

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = yaml.safe_load((ROOT / "editorial" / "article.yml").read_text(encoding="utf-8"))
PUBLICATION = yaml.safe_load((ROOT / "editorial" / "publication.yml").read_text(encoding="utf-8"))
EPUBCHECK = Path("/usr/share/java/epubcheck.jar")
NS = {"x": "http://www.w3.org/1999/xhtml", "epub": "http://www.idpf.org/2007/ops",
      "opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"


@pytest.fixture(scope="session")
def epub(published_site) -> Path:
    return published_site.directory / PUBLICATION["epub_file"]


@pytest.fixture(scope="session")
def files(epub) -> dict[str, bytes]:
    with zipfile.ZipFile(epub) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def xml(data: bytes):
    return etree.fromstring(data)


def test_epubcheck_reports_no_error_and_no_warning(epub):
    assert EPUBCHECK.exists(), "install Debian's epubcheck (scripts/apt-packages.txt)"
    result = subprocess.run(["java", "-jar", str(EPUBCHECK), str(epub)], capture_output=True, text=True, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "0 fatals / 0 errors / 0 warnings" in output, output


def test_the_zip_is_as_readers_expect_it(epub):
    with zipfile.ZipFile(epub) as archive:
        entries = archive.infolist()
    assert entries[0].filename == "mimetype" and entries[0].compress_type == zipfile.ZIP_STORED
    assert not entries[0].extra
    # every file dated by SOURCE_DATE_EPOCH (the build's: the last commit), not by the clock
    dates = {entry.date_time for entry in entries}
    assert len(dates) == 1


def chapters(files) -> dict[str, etree._Element]:
    return {name: xml(data) for name, data in files.items() if name.endswith(".xhtml")}


def test_notes_are_epub_footnotes_in_the_file_of_their_mark(files):
    citations = editorial = 0
    for name, root in chapters(files).items():
        ids = {element.get("id"): element for element in root.iter() if element.get("id")}
        for ref in root.iterfind(".//x:a", NS):
            if ref.get(EPUB_TYPE) != "noteref":
                continue
            href = ref.get("href")
            assert href.startswith("#"), (name, href)  # the note is in the same file
            note = ids[href[1:]]
            assert note.tag == f"{{{NS['x']}}}aside" and note.get(EPUB_TYPE) == "footnote", (name, href)
            assert ref.get("role") == "doc-noteref" and note.get("role") == "doc-footnote"
            label = ref.text.strip()
            assert "".join(note.itertext()).strip().startswith(f"{label}."), (name, label)
            if label.isdigit():
                citations += 1
            else:
                editorial += 1
    assert citations == 46 and editorial >= 10


def test_the_page_list_maps_the_printed_pages_to_where_they_begin(files):
    nav = xml(files["EPUB/nav.xhtml"])
    page_list = next(n for n in nav.iterfind(".//x:nav", NS) if n.get(EPUB_TYPE) == "page-list")
    entries = [(a.text, a.get("href")) for a in page_list.iterfind(".//x:a", NS)]
    first = ARTICLE["first_page"]
    assert [int(label) for label, _ in entries] == list(range(first, first + len(entries)))
    assert len(entries) >= 10
    for label, href in entries:
        file, fragment = href.split("#")
        target = next(e for e in xml(files[f"EPUB/{file}"]).iter() if e.get("id") == fragment)
        assert target.get(EPUB_TYPE) == "pagebreak" and target.get("aria-label") == label, href
    toc = next(n for n in nav.iterfind(".//x:nav", NS) if n.get(EPUB_TYPE) == "toc")
    titles = ["".join(a.itertext()) for a in toc.iterfind(".//x:a", NS)]
    assert "Bibliography" in titles and "Glossary" in titles and "Editorial method and textual notes" in titles


def test_metadata_doi_authors_source_date_and_cover(files):
    package = xml(files["EPUB/package.opf"])
    identifier = package.find(".//dc:identifier", NS)
    assert identifier.text == f"doi:{ARTICLE['doi']}" and package.get("unique-identifier") == identifier.get("id")
    assert [c.text for c in package.iterfind(".//dc:creator", NS)] == [a["name"] for a in ARTICLE["authors"]]
    assert package.find(".//dc:language", NS).text == "en"
    assert package.find(".//dc:title", NS).text == ARTICLE["title"]
    source = package.find(".//dc:source", NS).text
    assert ARTICLE["journal"]["en"] in source and ARTICLE["doi"] in source and "169–180" in source
    assert package.find(".//dc:date", NS).text == str(ARTICLE["year"])
    modified = next(m for m in package.iterfind(".//opf:meta", NS) if m.get("property") == "dcterms:modified").text
    commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    if commit.isdigit():
        assert modified == datetime.fromtimestamp(int(commit), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    cover = next(i for i in package.iterfind(".//opf:item", NS) if "cover-image" in (i.get("properties") or ""))
    assert f"EPUB/{cover.get('href')}" in files


def test_language_tags(files):
    for name, root in chapters(files).items():
        assert root.get("lang") == "en" and root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en", name
    spanish = [e for root in chapters(files).values() for e in root.iter() if e.get("lang") == "es"]
    russian = [e for root in chapters(files).values() for e in root.iter() if e.get("lang") == "ru"]
    assert len(spanish) > 20 and russian


def test_no_address_of_this_machine_or_of_the_build(published_site, files):
    for name, data in files.items():
        for local in (b"127.0.0.1", b"localhost", b"file:", str(published_site.directory).encode()):
            assert local not in data, (name, local)
    links = [a.get("href") for root in chapters(files).values() for a in root.iterfind(".//x:a", NS)]
    external = [href for href in links if re.match(r"[a-z]+:", href)]
    assert f"https://doi.org/{ARTICLE['doi']}" in external
    assert all(href.startswith(("https://", "http://")) for href in external), external


# The same site gives the same EPUB bytes: tests/test_pdf.py rebuilds all three formats once.


@pytest.mark.browser
def test_chromium_shows_the_epub_pages_with_their_text_and_notes(browser, files, tmp_path):
    folder = tmp_path / "epub"
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    context = browser.new_context(viewport={"width": 600, "height": 900}, offline=True)
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        for name in ("EPUB/cover.xhtml", "EPUB/home.xhtml", "EPUB/article-historical-background.xhtml",
                     "EPUB/at-a-glance-key-figures.xhtml", "EPUB/nav.xhtml"):
            page.goto((folder / name).as_uri())
            # parsed as XHTML: an error would show Chromium's "This page contains the following errors"
            assert page.locator("parsererror").count() == 0, name
            assert page.evaluate("document.contentType") == "application/xhtml+xml", name
            if name.endswith("cover.xhtml"):  # the cover is its image, which must load
                assert page.evaluate("document.querySelector('img').naturalWidth") > 0
            else:
                assert page.locator("body").inner_text().strip(), name
        page.goto((folder / "EPUB/article-historical-background.xhtml").as_uri())
        assert page.locator("aside[role=doc-footnote]").count() >= 10
        assert page.locator("[role=doc-pagebreak]").first.is_visible()
        assert not errors, errors
    finally:
        context.close()
