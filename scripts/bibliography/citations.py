"""The authors' in-text citations, `[10]` or `[16, p. 173, 175]`, found in the edition's
paragraphs (the authors' own words, not the editors' supplied ones) and turned into footnotes:
one footnote per citation, even where a source is cited twice in a paragraph, each carrying its
locator exactly as printed.

Footnote labels are `cite-N`, N the citation's place (1–46) in the whole article, so that
their ids (`fn:cite-N`, `fnref:cite-N`) stay unique when pages are put together for print.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape as html_escape
from pathlib import Path

from edition import tokens
from edition.errors import EditionError
from edition.pipeline import Edition

from . import entries, journal_style
from .entries import Reference

# "[N]" or "[N, p. …]"; the locator may not hold brackets or markup.
CITATION_RE = re.compile(r"\[(?P<number>\d+)(?:,\s+(?P<locator>pp?\.\s*[^\[\]<>]+?))?\]")
# Whatever else opens like a citation would reach the reader as raw text.
CITATION_LIKE_RE = re.compile(r"\[\s*(?:\^|\d)")
# Words the editors supply stand in square brackets too, e.g. "[100]": not citations.
SUPPLIED_RE = re.compile(r'<span class="supplied"[^>]*>.*?</span>', re.DOTALL)
TAG_RE = re.compile(r"<[^>]*>")
# the paragraph's other attributes (its printed pages) come between class and id
ARTICLE_PARAGRAPH_RE = re.compile(r'<p class="article-paragraph"[^>]* id="(?P<id>par-\d+)">(?P<body>.*?)</p>',
                                  re.DOTALL)
EDITORIAL_NOTES_START = '<section class="editorial-notes"'
BODY_SEED = Path("seeds") / "article-body.txt"
BIBLIOGRAPHY_PAGE = "bibliography.md"
FOOTNOTES_PLACE_MARKER = "///Footnotes Go Here///"


@dataclass(frozen=True)
class Citation:
    ordinal: int  # 1, 2, … through the whole article
    number: int  # the reference's number in the printed list
    locator: str  # as printed, e.g. "p.\u00a0173, 175"; "" when none
    printed: str  # the whole citation as printed, e.g. "[16, p.\u00a0173, 175]"
    page: str  # the page's source path, e.g. "article/migration.md"
    paragraph: str  # the id of the citing paragraph, e.g. "par-12"

    @property
    def label(self) -> str:
        return f"cite-{self.ordinal}"


def blank(text: str, pattern: re.Pattern) -> str:
    """The text with every match of `pattern` replaced by spaces (offsets kept)."""
    return pattern.sub(lambda match: " " * len(match.group(0)), text)


def quoted(text: str) -> str:
    """Text for an error message, quoted, with no-break spaces shown as spaces."""
    return "'" + text.replace("\u00a0", " ") + "'"


def where(root: Path, page: str, snippet: str) -> tuple[Path | str, int | None]:
    """The seed line holding `snippet` (where it was printed), else the generated page."""
    wanted = snippet.replace("\u00a0", " ")
    seed = root / BODY_SEED
    for number, content in enumerate(seed.read_text(encoding="utf-8").splitlines(), start=1):
        if wanted in content:
            return BODY_SEED, number
    return f"{page} (generated)", None


def find(root: Path, edition: Edition, references: dict[int, Reference]) -> list[Citation]:
    """Every citation in the edition's paragraphs, in reading order; anything malformed stops the
    build. Only the authors' running text is searched: the tokens (page and note marks,
    emendations, whose supplied words stand in brackets too) are not. A citation inside an
    emendation would reach the page as raw text, which `raw_citations` refuses."""
    found: list[Citation] = []
    for section in edition.sections:
        for paragraph, text in zip(section.paragraph_ids, section.paragraphs, strict=True):
            for run in tokens.split(text):
                if not isinstance(run, str):
                    continue
                for match in CITATION_RE.finditer(run):
                    number = int(match.group("number"))
                    if number not in references:
                        raise EditionError(*where(root, section.page, match.group(0)),
                                           f"citation {quoted(match.group(0))} names no reference: "
                                           f"bib/references.bib has numbers 1–{max(references)}")
                    problem = entries.locator_problem(references[number], match.group("locator") or "")
                    if problem:
                        raise EditionError(*where(root, section.page, match.group(0)),
                                           f"citation {quoted(match.group(0))}: {problem}; is the number "
                                           "right (bib/references.bib, originalnumber)?")
                    found.append(Citation(len(found) + 1, number, match.group("locator") or "", match.group(0),
                                          section.page, paragraph))
                leftover = CITATION_LIKE_RE.search(blank(run, CITATION_RE))
                if leftover:
                    snippet = run[leftover.start():leftover.start() + 30].split("]")[0] + "]"
                    raise EditionError(*where(root, section.page, snippet[:12]),
                                       f"{quoted(snippet)} looks like a citation but is not in the form [N] or "
                                       "[N, p. …]: it would reach the page as raw text")
    return found


def relative(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


def footnote(citation: Citation, reference: Reference) -> str:
    """The footnote definition: original number, the reference, the locator, the way to the list."""
    text = journal_style.markdown_text
    formatted = journal_style.format_reference(reference, text)
    locator = (f' <span class="citation-locator">Cited at {text(citation.locator)}.</span>'
               if citation.locator else "")
    link = relative(BIBLIOGRAPHY_PAGE, citation.page)
    number = text(f"[{reference.number}]")
    return (f'[^{citation.label}]: <span class="citation-number" data-search-exclude>{number}</span> '
            f'<span class="citation-reference">{formatted}</span>{locator} '
            f'[Bibliography, entry {reference.number}]({link}#ref-{reference.number}){{ .citation-bibliography-link }}')


def citations_section(page: str) -> str:
    """The labelled block where Python-Markdown puts the page's footnotes."""
    bibliography = relative(BIBLIOGRAPHY_PAGE, page)
    return "\n".join([
        '<section class="authors-citations" aria-labelledby="authors-citations" markdown="block">', "",
        "## Authors' citations {#authors-citations}", "",
        "The authors' numbered references, one note for each place they cite, numbered through the article. "
        "Each gives the reference's number in the printed list, the reference in the journal's style, the pages "
        f"cited, and a link to the [bibliography]({bibliography}).", "",
        FOOTNOTES_PLACE_MARKER, "",
        "</section>", ""])


def with_footnotes(markdown: str, citations: list[Citation], references: dict[int, Reference],
                   paragraphs: Mapping[str, str]) -> str:
    """The page with each citation replaced by its footnote mark, and the footnotes added.

    `paragraphs` holds each paragraph's Markdown as `edition.render` writes it, by id: a citation
    is looked for in its own paragraph, outside tags and the editors' supplied words, so that
    nothing else on the page that looks like it (a heading, a printed reading) can be taken for it.
    """
    if not citations:
        return markdown
    places: list[tuple[int, int]] = []
    searched: tuple[str, int, int] | None = None  # paragraph id, where its Markdown starts, searched up to
    for citation in citations:
        body = paragraphs[citation.paragraph]
        if searched is None or searched[0] != citation.paragraph:
            if markdown.count(body) != 1:
                raise FootnoteMismatch(citation, f"paragraph {citation.paragraph} found {markdown.count(body)} "
                                       "times in the page's Markdown, not once")
            searched = (citation.paragraph, markdown.index(body), 0)
        visible = blank(blank(body, SUPPLIED_RE), TAG_RE)
        start = visible.find(citation.printed, searched[2])
        if start < 0:
            raise FootnoteMismatch(citation, f"citation {citation.label} not found in paragraph {citation.paragraph}")
        places.append((searched[1] + start, searched[1] + start + len(citation.printed)))
        searched = (citation.paragraph, searched[1], start + len(citation.printed))
    text = markdown
    for citation, (start, end) in reversed(list(zip(citations, places, strict=True))):  # right to left
        if start and text[start - 1] in " \u00a0":  # the mark sits on the word, as footnote marks do
            start -= 1
        text = text[:start] + f"[^{citation.label}]" + text[end:]
    section = citations_section(citations[0].page)
    if EDITORIAL_NOTES_START in text:
        head, tail = text.split(EDITORIAL_NOTES_START, 1)
        text = head + section + "\n" + EDITORIAL_NOTES_START + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section
    definitions = [footnote(citation, references[citation.number]) for citation in citations]
    return text.rstrip("\n") + "\n\n" + "\n\n".join(definitions) + "\n"


class FootnoteMismatch(ValueError):
    """A citation's footnote is not in the page's HTML as expected."""

    def __init__(self, citation: Citation, message: str) -> None:
        super().__init__(message)
        self.citation = citation


def renumber(html: str, citations: list[Citation]) -> str:
    """Number the footnotes through the article (Python-Markdown numbers them per page from 1).

    Raises FootnoteMismatch when a citation's footnote is not there exactly once, so that a
    footnote that failed to render (or a change in Python-Markdown's output) cannot go unnoticed.
    """
    if not citations:
        return html
    for citation in citations:
        html, count = re.subn(rf'(<a class="footnote-ref" href="#fn:{citation.label}">)\d+(</a>)',
                              rf"\g<1>{citation.ordinal}\g<2>", html)
        if count != 1:
            raise FootnoteMismatch(citation, f"footnote mark {citation.label} found {count} times, not once")
        # the citation as printed, for the reader's "As printed" view (passage-tools.js)
        mark = f'<sup id="fnref:{citation.label}" data-printed="{html_escape(citation.printed, quote=True)}">'
        html, count = re.subn(rf'<sup id="fnref:{citation.label}">', lambda _, mark=mark: mark, html)
        if count != 1:
            raise FootnoteMismatch(citation, f"footnote mark {citation.label} found {count} times, not once")
        html, count = re.subn(rf'(<a class="footnote-backref" href="#fnref:{citation.label}" title=")[^"]*(")',
                              rf"\g<1>Back to citation {citation.ordinal} in the text\g<2>", html)
        if count != 1:
            raise FootnoteMismatch(citation, f"footnote back-link {citation.label} found {count} times, not once")
    html, count = re.subn(r'(<div class="footnote">\s*<hr\s*/?>\s*<ol)>', rf'\g<1> start="{citations[0].ordinal}">',
                          html)
    if count != 1:
        raise FootnoteMismatch(citations[0], f"the list of footnotes found {count} times, not once")
    return html


def raw_citations(html: str) -> list[tuple[str, str]]:
    """(paragraph id, text) of citation-like text left in the article's paragraphs, outside
    tags and the editors' supplied words."""
    found = []
    for paragraph in ARTICLE_PARAGRAPH_RE.finditer(html):
        text = re.sub(r"<[^>]*>", " ", blank(paragraph.group("body"), SUPPLIED_RE))
        found += [(paragraph.group("id"), text[match.start():match.start() + 24].split("]")[0] + "]")
                  for match in CITATION_LIKE_RE.finditer(text)]
    return found
