"""The article's paragraphs as the reader sees them, addressable by id ("par-N"), so that a
data entry can be checked against the words of the paragraph it points to and be given the
printed page its words stand on."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from edition import tokens
from edition.errors import EditionError
from edition.pipeline import Edition
from edition.sections import Section


@dataclass(frozen=True)
class Passage:
    id: str
    number: int
    section: Section
    text: str  # the reading text (tokens replaced by what they show)
    pages: tuple[tuple[int, int], ...]  # (offset in text, printed page from there on)

    def find(self, evidence: str) -> int | None:
        """Where `evidence` starts in the text (any white space matching any), or None."""
        match = evidence_regex(evidence).search(self.text)
        return match.start() if match else None

    def page_at(self, offset: int) -> int:
        page = self.pages[0][1]
        for start, number in self.pages:
            if start <= offset:
                page = number
        return page


def evidence_regex(evidence: str) -> re.Pattern[str]:
    return re.compile(r"\s+".join(re.escape(word) for word in evidence.split()))


def passages(edition: Edition) -> dict[str, Passage]:
    page = 0
    for part in tokens.split(edition.front_matter.abstract):
        if isinstance(part, tokens.Token) and part.kind == tokens.PAGE:
            page = int(part.key)
    found = {}
    for section in edition.sections:
        for offset, paragraph in enumerate(section.paragraphs):
            number = section.first_paragraph + offset
            text, pages = "", [(0, page)]
            for part in tokens.split(paragraph):
                if isinstance(part, str):
                    text += part
                elif part.kind == tokens.PAGE:
                    page = int(part.key)
                    pages.append((len(text), page))
                else:
                    text += part.shown
            found[f"par-{number}"] = Passage(f"par-{number}", number, section, text, tuple(pages))
    return found


@dataclass(frozen=True)
class Anchor:
    """A data entry's link into the article: checked paragraph, its section, the printed page."""
    paragraph: str
    number: int
    section: Section
    page: int

    def href(self, prefix: str) -> str:
        """The Markdown link target from a page whose way to the docs root is `prefix`."""
        return f"{prefix}article/{self.section.slug}.md#{self.paragraph}"


def anchor(all_passages: dict[str, Passage], paragraph: str, evidence: str, path: Path, line: int) -> Anchor:
    """Check that `evidence` is in `paragraph`; a miss names the file, the line, and where the
    words are found instead, if anywhere."""
    passage = all_passages.get(paragraph)
    if passage is None:
        raise EditionError(path, line, f"unknown paragraph '{paragraph}' (the article has par-1 to "
                           f"par-{len(all_passages)})")
    start = passage.find(evidence)
    if start is None:
        elsewhere = [other.id for other in all_passages.values() if other.find(evidence) is not None]
        hint = f"; it is found in {', '.join(elsewhere)}" if elsewhere else "; it is found nowhere in the article"
        raise EditionError(path, line, f"the evidence {evidence!r} is not found in {paragraph}{hint}")
    return Anchor(paragraph, passage.number, passage.section, passage.page_at(start))
