"""Following links into the article as a reader does, and reading off which printed page a
passage stands on from the page markers in the built HTML (independently of the hooks)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urldefrag, urljoin

from bs4 import BeautifulSoup, NavigableString, Tag

APPARATUS = "a.page-start, sup"
LABEL_PAGE_RE = re.compile(r"printed pp?\.\s*(\d+)")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def follow(site: Path, page: str, href: str) -> tuple[BeautifulSoup, str, str]:
    """(the target page's soup, its path relative to the site, the fragment) for a link `href`
    found on the page at `page` ("glossary/maras"); fails if the target file does not exist."""
    url, fragment = urldefrag(urljoin(f"http://site/{page.strip('/')}/", href))
    path = url.removeprefix("http://site/").strip("/")
    file = site / path / "index.html"
    assert file.exists(), f"{href!r} on {page} leads to {path}, which is not built"
    return BeautifulSoup(file.read_text(encoding="utf-8"), "lxml"), path, fragment


def paragraph(site: Path, page: str, href: str) -> Tag:
    """The article paragraph a link points to; fails unless it is one."""
    soup, path, fragment = follow(site, page, href)
    target = soup.find(id=fragment)
    assert target is not None, f"{href!r} on {page}: no element #{fragment} on {path}"
    assert target.name == "p" and "article-paragraph" in target.get("class", []), \
        f"{href!r} on {page}: #{fragment} is not an article paragraph"
    return target


def reading_text(block: Tag) -> str:
    """The block's text without page markers and note or citation marks."""
    copy = BeautifulSoup(str(block), "lxml")
    for element in copy.select(APPARATUS):
        element.decompose()
    return squash(copy.get_text())


def pages_in(section: BeautifulSoup) -> dict[str, list[tuple[int, int]]]:
    """For each paragraph of a section page: (offset in its reading text, printed page from there)."""
    label = section.select_one("p.editorial-label").get_text()
    page = int(LABEL_PAGE_RE.search(label).group(1))
    found = {}
    for block in section.select("p.article-paragraph"):
        marks, text = [(0, page)], ""
        for node in block.descendants:
            if isinstance(node, Tag) and "page-start" in node.get("class", []):
                page = int(node["data-page"])
                marks.append((len(squash(text + "x")) - 1, page))
            elif isinstance(node, NavigableString) and not node.find_parent(["sup"]) \
                    and not node.find_parent("a", class_="page-start"):
                text += str(node)
        found[block["id"]] = marks
    return found


def page_at(marks: list[tuple[int, int]], offset: int) -> int:
    return [page for start, page in marks if start <= offset][-1]


def page_of(section: BeautifulSoup, paragraph_id: str, words: str, into: int = 0) -> int:
    """The printed page on which `words` begin in the paragraph (or the character `into` them)."""
    block = section.find(id=paragraph_id)
    text = reading_text(block)
    offset = text.find(squash(words))
    assert offset >= 0, f"{words!r} is not in {paragraph_id}"
    return page_at(pages_in(section)[paragraph_id], offset + into)
