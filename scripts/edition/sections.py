"""Step 7: cut the article into sections at the editors' boundaries, and give each section and
each paragraph its place: its number, its page's path, the printed pages it spans.

The printed article has no headings. `editorial/sections.yml` gives each section a title and
the words its first paragraph begins with; what comes before the first section is the front
matter (the abstract and the keywords line).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import datafiles, tokens
from .errors import EditionError

FIELDS = {"slug": str, "title": str, "starts": str}
KEYWORDS_PREFIX = "Keywords:"
# The folder of the generated section pages, in the site's sources: article/<slug>.md
ARTICLE_DIR = "article"


def paragraph_id(number: int) -> str:
    """The id of the article's paragraph `number` (1-based, through the article): `par-N`."""
    return f"par-{number}"


@dataclass
class Section:
    number: int
    slug: str
    title: str
    paragraphs: list[str] = field(default_factory=list)
    first_paragraph: int = 0  # the article-wide number of its first paragraph (1-based)
    first_page: int = 0  # the printed pages its text stands on
    last_page: int = 0
    # for each paragraph, the printed pages it stands on (first, last)
    paragraph_pages: list[tuple[int, int]] = field(default_factory=list)

    @property
    def page(self) -> str:
        """The section page's source path, e.g. "article/migration.md"."""
        return f"{ARTICLE_DIR}/{self.slug}.md"

    @property
    def paragraph_ids(self) -> list[str]:
        return [paragraph_id(self.first_paragraph + offset) for offset in range(len(self.paragraphs))]


@dataclass
class FrontMatter:
    abstract: str
    keywords: list[str]


def load(path: Path) -> list[dict]:
    found = datafiles.entries(path, "sections", FIELDS)
    slugs = [entry["slug"] for entry in found]
    for entry in found:
        if slugs.count(entry["slug"]) > 1:
            raise EditionError(path, entry[datafiles.LINE_KEY], f"duplicate slug {entry['slug']}")
    if not found:
        raise EditionError(path, 1, "no sections are defined")
    return found


def split(paragraphs: list[str], entries: list[dict], path: Path) -> tuple[FrontMatter, list[Section]]:
    """The front matter and the sections, every paragraph in exactly one of them."""
    starts = []
    for entry in entries:
        hits = [index for index, text in enumerate(paragraphs)
                if tokens.plain(text).startswith(entry["starts"])]
        if len(hits) != 1:
            raise EditionError(path, entry[datafiles.LINE_KEY], f"section '{entry['slug']}': a paragraph starting "
                               f"{entry['starts']!r} is found {len(hits)} times; it must be found once")
        if starts and hits[0] <= starts[-1]:
            raise EditionError(path, entry[datafiles.LINE_KEY], f"section '{entry['slug']}' starts before "
                               "the section listed above it")
        starts.append(hits[0])
    front = " ".join(paragraphs[:starts[0]])
    # the extraction runs the keywords line on from the abstract, with no blank line between
    if tokens.plain(front).count(KEYWORDS_PREFIX) != 1:
        raise EditionError(path, entries[0][datafiles.LINE_KEY], "the text before the first section must be "
                           f"the abstract followed by one '{KEYWORDS_PREFIX}' line")
    abstract, keywords_text = front.split(KEYWORDS_PREFIX)
    keywords = [word.strip() for word in tokens.plain(keywords_text).strip().rstrip(".").split(",")]
    front_matter = FrontMatter(abstract.strip(), keywords)
    sections = []
    bounds = starts + [len(paragraphs)]
    for number, entry in enumerate(entries):
        section = Section(number + 1, entry["slug"], entry["title"],
                          paragraphs[bounds[number]:bounds[number + 1]], bounds[number] - starts[0] + 1)
        sections.append(section)
    assign_pages(front_matter, sections)
    return front_matter, sections


def page_marks(text: str) -> list[tuple[int, int]]:
    """(offset among the text's parts, printed page) of each page mark in a paragraph."""
    return [(index, int(part.key)) for index, part in enumerate(tokens.split(text))
            if isinstance(part, tokens.Token) and part.kind == tokens.PAGE]


def assign_pages(front_matter: FrontMatter, sections: list[Section]) -> None:
    """Give each paragraph and each section the printed pages it spans, following the page marks
    in reading order (a paragraph that opens with a mark begins on that page)."""
    page = 0
    for _index, number in page_marks(front_matter.abstract):
        page = number
    for section in sections:
        section.paragraph_pages = []
        for text in section.paragraphs:
            marks = page_marks(text)
            first = marks[0][1] if marks and marks[0][0] == 0 else page
            page = marks[-1][1] if marks else page
            section.paragraph_pages.append((first, page))
        section.first_page = section.paragraph_pages[0][0]
        section.last_page = section.paragraph_pages[-1][1]
