"""Helpers for the publishing tests: the site as GitHub Pages serves a project site (under
/REPO/, a missing page answered with 404.html and status 404), and reading PDFs."""

from __future__ import annotations

import io
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from pypdf import PdfReader

from local_server import QuietHandler, serve

REPO = "edition-repo"


class SubPathHandler(QuietHandler):
    """Serves the site directory under /REPO/ only; anything missing gets 404.html with status
    404, as GitHub Pages does."""

    prefix = f"/{REPO}/"

    def translate_path(self, path: str) -> str:
        path = urlsplit(path).path
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "\0outside")  # a path that never exists
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve_under_subpath(directory: Path):
    """Serve `directory` at http://127.0.0.1:PORT/REPO/; yields the base URL. The port is
    known before anything is built, so the site can be built for its own address."""
    return serve(directory, SubPathHandler, f"/{REPO}/")


@dataclass
class PublishedSite:
    """The site built as it is deployed: under a sub-path, with its PDF."""
    directory: Path
    url: str  # ends with /REPO/
    pdf: Path

    def file_for(self, url: str) -> Path | None:
        """The file the server answers `url` with, or None if the URL is not on the site."""
        parts = urlsplit(url)
        base = urlsplit(self.url)
        if parts.netloc != base.netloc or not parts.path.startswith(base.path):
            return None
        path = self.directory / unquote(parts.path[len(base.path):])
        if path.is_dir():
            path = path / "index.html"
        return path if path.is_file() else None


def pdf_page_texts(pdf: Path, layout: bool = False) -> list[str]:
    """The text of each page of a PDF (pdftotext), in page order."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else []) + [str(pdf), "-"]
    text = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_links(pdf: Path) -> list[tuple[int, str]]:
    """Every internal link in the PDF as (page number, named destination)."""
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    links = []
    for number, page in enumerate(reader.pages, start=1):
        for annotation in page.get("/Annots") or []:
            annotation = annotation.get_object()
            if annotation.get("/Subtype") == "/Link" and "/Dest" in annotation:
                links.append((number, str(annotation["/Dest"]).lstrip("/")))
    return links


def pdf_destinations(pdf: Path) -> dict[str, int]:
    """The PDF's named destinations and the page number each one is on."""
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    numbers = {page.indirect_reference.idnum: index + 1 for index, page in enumerate(reader.pages)}
    return {str(name).lstrip("/"): numbers[destination.page.idnum]
            for name, destination in reader.named_destinations.items()}


def pdf_outline(pdf: Path) -> list[tuple[str, int]]:
    """The PDF's bookmarks, in order: (title, page number)."""
    reader = PdfReader(io.BytesIO(pdf.read_bytes()))
    found = []

    def walk(items):
        for item in items:
            if isinstance(item, list):  # the bookmarks under the one before
                walk(item)
            else:
                found.append((item.title, reader.get_destination_page_number(item) + 1))
    walk(reader.outline)
    return found


def normalised(text: str) -> str:
    """Text with runs of white space (line breaks, no-break spaces) as single spaces."""
    return re.sub(r"\s+", " ", text.replace("\u00ad", "")).strip()


def squeezed(text: str) -> str:
    """Text without any white space, for finding a passage whatever its line breaks."""
    return re.sub(r"\s+", "", text.replace("\u00ad", ""))
