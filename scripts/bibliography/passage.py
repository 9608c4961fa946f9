""""Cite this passage": the article's reference, as plain text, with a place for the printed
page or pages of the passage a reader cites. The page script (passage-tools.js) fills the place
with the pages the render wrote on each paragraph (`data-first-page`, `data-last-page`) and adds
the address of the passage, taken from the page's own location when the reader uses it: a build
publishes no address of the edition of its own (see README, "Site address").
"""

from __future__ import annotations

import html
import re

from . import journal_style
from .entries import Reference

PAGES = "{pages}"  # "p. 174" or "pp. 174–175", the journal's way
CHICAGO_PAGES = "{chicago-pages}"  # "174" or "174–75", Chicago's (CMOS 9.61)
TAG_RE = re.compile(r"<[^>]+>")


def plain(markup: str) -> str:
    return html.unescape(TAG_RE.sub("", markup))


def journal_template(article: Reference) -> str:
    """The journal's reference-list style, the passage's pages after the article's."""
    entry = plain(journal_style.format_reference(article, html.escape))
    doi = f"https://doi.org/{article.fields['doi']}"
    head, found, tail = entry.partition(f". {doi}")
    if not found:
        raise ValueError(f"the journal-style reference does not end with its DOI: {entry}")
    return f"{head} (passage: {PAGES}). {doi}{tail}"


def chicago_template(article: Reference) -> str:
    """Chicago, 17th edition, notes and bibliography: a full note citing the passage's pages."""
    people = [f"{person.given} {person.family}" for person in article.authors]
    authors = people[0] if len(people) == 1 else (
        f"{people[0]} and {people[1]}" if len(people) == 2 else ", ".join(people[:-1]) + ", and " + people[-1])
    doi = f"https://doi.org/{article.fields['doi']}"
    return (f"{authors}, “{plain(article.get('title'))},” {plain(article.get('journaltitle'))} "
            f"{article.get('volume')}, no. {article.get('number')} ({article.year}): {CHICAGO_PAGES}, {doi}.")


def data_element(article: Reference) -> str:
    """The hidden element that carries both templates into an article page."""
    return (f'<div id="passage-citation" hidden data-journal="{html.escape(journal_template(article))}" '
            f'data-chicago="{html.escape(chicago_template(article))}" '
            f'data-doi="{html.escape(article.fields["doi"])}"></div>')
