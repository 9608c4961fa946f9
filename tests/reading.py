"""Helpers for reading the built edition the way a reader meets it: page by page, following
the "Next" links from the landing page, keeping only the authors' text."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

# Editorial and apparatus elements that are not the authors' words.
NOT_AUTHORS_TEXT = "a.page-start, sup.editorial-note-ref"
# The authors' citations, now footnote marks (test_fidelity.py puts a placeholder word in their place).
CITATION_MARKS = "sup[id^='fnref:cite-']"
CITATION_PLACEHOLDER = "CITATIONMARK"


def page_path(site: Path, href: str, current: Path) -> Path:
    target = (current.parent / href).resolve()
    return target / "index.html" if target.is_dir() else target


def reading_order(site: Path) -> list[Path]:
    """The built pages from the landing page onwards, by their footer "Next" links."""
    order = [site / "index.html"]
    while True:
        soup = BeautifulSoup(order[-1].read_text(encoding="utf-8"), "lxml")
        link = soup.select_one("a.md-footer__link--next")
        if link is None:
            return order
        order.append(page_path(site, link["href"], order[-1]))


def authors_blocks(page: BeautifulSoup) -> list[Tag]:
    """The blocks holding the authors' text: the abstract, the keywords line, the paragraphs."""
    content = page.select_one("article.md-content__inner")
    blocks = content.select(".article-abstract, .article-keywords, .article-paragraph")
    return blocks


def strip_apparatus(block: Tag) -> Tag:
    """A copy of the block without page markers and note marks."""
    copy = BeautifulSoup(str(block), "lxml")
    for element in copy.select(NOT_AUTHORS_TEXT):
        element.decompose()
    return copy


def words(text: str) -> list[str]:
    """Words for comparison: hyphens and dashes dropped (so that a line-end division and its
    joined word compare equal), then runs of letters and digits."""
    text = re.sub(r"[-\u2010\u2011\u2012\u2013\u2014]\s*\n\s*", "", text)
    text = re.sub(r"[-\u2010\u2011\u2012\u2013\u2014]", "", text)
    return re.findall(r"\w+", text)
