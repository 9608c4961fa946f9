"""The edition's address comes only from SITE_URL (the Pages workflow sets it). A build without it
is one made on somebody's machine: it must publish no absolute address of the edition (no
canonical link of its own, no og:url, no JSON-LD url, no citation_pdf_url, no sitemap) and never
this machine's (127.0.0.1, localhost, a file:/// path) in any format the site holds: pages,
search index, PDF, EPUB, feeds, whatever is there. The DOI stays the article's permanent link.
The deployed site, built with SITE_URL, is tested in test_meta.py and test_pages_subpath.py."""

from __future__ import annotations

import gzip
import io
import json
import re
import subprocess
import zipfile
from pathlib import Path

import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from conftest import ROOT, build_site

ARTICLE = yaml.safe_load((ROOT / "editorial" / "article.yml").read_text(encoding="utf-8"))
DOI_URL = f"https://doi.org/{ARTICLE['doi']}"
# an address on this machine, as a link would carry it (Material's source map *mentions*
# `localhost` and the `file://` protocol in comments, which these patterns do not match)
LOCAL_ADDRESS = re.compile(rb"(?:https?|wss?)://(?:127\.\d+\.\d+\.\d+|localhost|0\.0\.0\.0|\[::1?\])|file:///",
                           re.IGNORECASE)


def pdf_strings(data: bytes) -> list[bytes]:
    """A PDF's text (pdftotext, white space removed so that a wrapped address is whole) and the
    address of every link in it."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True).stdout
    uris = []
    for page in PdfReader(io.BytesIO(data)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if "/URI" in action:
                uris.append(str(action["/URI"]).encode())
    return [re.sub(rb"\s+", b"", text), *uris]


def readable(name: str, data: bytes) -> list[tuple[str, bytes]]:
    """What a reader or a crawler gets out of a file: compressed, zipped and PDF files opened."""
    if name.endswith(".gz"):
        return readable(name.removesuffix(".gz"), gzip.decompress(data))
    if name.endswith((".epub", ".zip")):
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return [part for member in archive.namelist()
                    for part in readable(f"{name}!{member}", archive.read(member))]
    if name.endswith(".pdf"):
        return [(name, strings) for strings in pdf_strings(data)]
    return [(name, data)]


def local_addresses(site: Path) -> list[tuple[str, str]]:
    found = []
    for file in sorted(path for path in site.rglob("*") if path.is_file()):
        for name, data in readable(file.relative_to(site).as_posix(), file.read_bytes()):
            found += [(name, match.decode("latin-1")) for match in LOCAL_ADDRESS.findall(data)]
    return found


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_a_build_without_site_url_carries_no_address_of_this_machine_in_any_format(site):
    formats = {path.suffix for path in site.rglob("*") if path.is_file()}
    assert {".html", ".json"} <= formats, f"is the site built? it holds {sorted(formats)}"
    assert not local_addresses(site)


def test_the_scan_finds_an_address_of_this_machine_wherever_it_hides(tmp_path):
    # the scan itself: a local address in a page, a gzip file, an EPUB's chapter and a PDF's
    # link is found; Material's comment about `localhost` is not
    (tmp_path / "page.html").write_text('<a href="http://127.0.0.1:8000/x/">x</a>', encoding="utf-8")
    (tmp_path / "sitemap.xml.gz").write_bytes(gzip.compress(b"<loc>http://localhost:8000/</loc>"))
    with zipfile.ZipFile(tmp_path / "book.epub", "w") as epub:
        epub.writestr("OEBPS/chapter.xhtml", '<a href="file:///tmp/site/print/">here</a>')
    (tmp_path / "bundle.js.map").write_text("hostnames: `localhost`, `127.0.0.1`; the `file://` protocol")
    found = {name for name, _ in local_addresses(tmp_path)}
    assert found == {"page.html", "sitemap.xml", "book.epub!OEBPS/chapter.xhtml"}


def test_a_build_without_site_url_publishes_no_absolute_address_of_the_edition(site):
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists(), \
        "a sitemap needs absolute addresses, and without SITE_URL there are none"
    for path in pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        canonical = [link["href"] for link in soup.select("link[rel=canonical]")]
        if path == site / "index.html":
            # the landing page names the publisher's article page, not an address of the edition
            assert canonical == [ARTICLE["publisher_url"]], path
            (script,) = soup.select('script[type="application/ld+json"]')
            article = json.loads(script.string)
            assert "url" not in article and "encoding" not in article, path
            assert article["@id"] == DOI_URL
            assert not soup.find("meta", attrs={"name": "citation_pdf_url"}), path
        else:
            assert canonical == [], path
        assert not soup.find("meta", attrs={"property": "og:url"}), path
        if path.name != "404.html":
            # the other Open Graph tags remain, and the DOI is the permanent link on every page
            assert soup.find("meta", attrs={"property": "og:title"}), path
            assert soup.select_one(f'.edition-attribution a[href="{DOI_URL}"]') is not None, path


def test_the_formats_of_a_build_without_site_url_carry_no_address_of_this_machine(tmp_path):
    destination = tmp_path / "site"
    result = build_site(ROOT, destination, {"EDITION_PDF": "1"})
    assert result.returncode == 0, result.stderr
    assert len(list(destination.glob("*.pdf"))) == 2 and list(destination.glob("*.epub")), \
        "EDITION_PDF=1 made the two PDFs and the EPUB"
    assert not local_addresses(destination)
