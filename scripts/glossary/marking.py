"""Marking the glossary's terms in the article's paragraphs (rendered HTML).

Works on the HTML text between tags, so a mark never lands inside a tag, an attribute, a
heading, a link, a note mark, a page marker, an emendation or an editorial supplement. Only
the authors' paragraphs (`p.article-paragraph`) are marked. Everything outside the marks is
left byte for byte as it was.

Each mark is recorded as an occurrence (paragraph id, printed page, snippet), so that the
glossary's lists of occurrences are made from what was actually marked and cannot drift. The
printed page a paragraph begins on comes from the edition's model; a page that begins inside the
paragraph is known only by where its marker stands among the words, so the marker's `data-page`
moves the count on from there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from .terms import Matcher

PARAGRAPH_CLASS = "article-paragraph"
TERM_CLASS = "glossary-term"
# Never marked inside these elements ...
SKIP_TAGS = {"a", "sup", "sub", "code", "pre", "kbd", "samp", "script", "style", "button", "abbr", "dfn",
             "mark", "svg", "math", "textarea", "select", "option", "label",
             "h1", "h2", "h3", "h4", "h5", "h6"}
# ... nor inside elements of these classes (the edition's and the footnotes' apparatus).
SKIP_CLASSES = {"emendation", "supplied", "page-start", "footnote", "footnote-ref", "editorial-notes",
                "editorial-note-ref", TERM_CLASS, "glossary-definitions"}
# Not part of the text a reader reads aloud: page markers and note or citation marks.
APPARATUS_CLASSES = {"page-start", "editorial-note-ref", "footnote-ref"}
APPARATUS_TAGS = {"sup"}
VOID_TAGS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

TOKEN_RE = re.compile(r"<!--.*?-->|<![^>]*>|<[^>]*>", re.S)
TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/?)>", re.S)
SNIPPET_WORDS = 10


def attribute(attributes: str, name: str) -> str | None:
    match = re.search(rf'(?:^|\s){name}\s*=\s*"([^"]*)"', attributes)
    return html.unescape(match.group(1)) if match else None


@dataclass(frozen=True)
class Occurrence:
    term_id: str
    phrase: str
    paragraph_id: str
    page: int
    before: str
    text: str
    after: str

    @property
    def paragraph_number(self) -> int:
        return int(self.paragraph_id.rsplit("-", 1)[1])


@dataclass
class _Frame:
    tag: str
    skip: bool
    apparatus: bool
    paragraph: str | None


@dataclass
class _Paragraph:
    id: str
    text: list[str]
    length: int
    pending: list[tuple[str, str, int, int, int]]  # term id, phrase, start, end, page


class Marker:
    """Marks one page's HTML; `href(term_id)` gives the link to the term's page from there, and
    `first_pages` the printed page each of the article's paragraphs begins on, by id."""

    def __init__(self, matcher: Matcher, href: Callable[[str], str], first_pages: Mapping[str, int]) -> None:
        self.matcher = matcher
        self.href = href
        self.first_pages = first_pages
        self.page = 0
        self.stack: list[_Frame] = []
        self.paragraph: _Paragraph | None = None
        self.out: list[str] = []
        self.occurrences: list[Occurrence] = []

    def run(self, source: str) -> tuple[str, list[Occurrence]]:
        position = 0
        for match in TOKEN_RE.finditer(source):
            self.text(source[position:match.start()])
            self.tag(match.group(0))
            position = match.end()
        self.text(source[position:])
        if self.paragraph is not None:
            raise ValueError(f"paragraph {self.paragraph.id} is not closed")
        return "".join(self.out), self.occurrences

    # -- tags ------------------------------------------------------------------------------
    def tag(self, raw: str) -> None:
        self.out.append(raw)
        match = TAG_RE.fullmatch(raw)
        if match is None:  # a comment or a doctype
            return
        closing, name, attributes, self_closing = match.groups()
        name = name.lower()
        if closing:
            self.close(name)
            return
        if self_closing or name in VOID_TAGS:
            return
        parent = self.stack[-1] if self.stack else _Frame("", False, False, None)
        classes = set((attribute(attributes, "class") or "").split())
        if "page-start" in classes and attribute(attributes, "data-page"):
            self.page = int(attribute(attributes, "data-page"))
        paragraph = parent.paragraph
        if name == "p" and PARAGRAPH_CLASS in classes:
            paragraph = attribute(attributes, "id")
            if not paragraph:
                raise ValueError("an article paragraph has no id")
            if paragraph not in self.first_pages:
                raise ValueError(f"paragraph {paragraph} is not one of the edition's paragraphs")
            self.page = self.first_pages[paragraph]
            self.paragraph = _Paragraph(paragraph, [], 0, [])
        self.stack.append(_Frame(
            name,
            parent.skip or name in SKIP_TAGS or bool(classes & SKIP_CLASSES),
            parent.apparatus or name in APPARATUS_TAGS or bool(classes & APPARATUS_CLASSES),
            paragraph,
        ))

    def close(self, name: str) -> None:
        while self.stack:
            frame = self.stack.pop()
            if frame.tag == name:
                break
        if name == "p" and self.paragraph is not None and (not self.stack or self.stack[-1].paragraph is None):
            self.finish_paragraph()

    # -- text ------------------------------------------------------------------------------
    def text(self, raw: str) -> None:
        if not raw:
            return
        frame = self.stack[-1] if self.stack else None
        if frame is None or frame.paragraph is None or self.paragraph is None:
            self.out.append(raw)
            return
        if frame.apparatus:
            self.out.append(raw)
            return
        offset = self.paragraph.length
        if frame.skip:
            self.out.append(raw)
        else:
            position = 0
            for start, end, term_id, phrase in self.matcher.finditer(raw):
                self.out.append(raw[position:start])
                self.out.append(self.mark(raw[start:end], term_id))
                before = len(html.unescape(raw[:start]))
                length = len(html.unescape(raw[start:end]))
                self.paragraph.pending.append((term_id, phrase, offset + before, offset + before + length, self.page))
                position = end
            self.out.append(raw[position:])
        shown = html.unescape(raw)
        self.paragraph.text.append(shown)
        self.paragraph.length += len(shown)

    def mark(self, raw: str, term_id: str) -> str:
        return (f'<a class="{TERM_CLASS}" href="{html.escape(self.href(term_id), quote=True)}" '
                f'data-term="{term_id}" aria-describedby="glossary-def-{term_id}">{raw}</a>')

    def finish_paragraph(self) -> None:
        paragraph = self.paragraph
        assert paragraph is not None
        text = "".join(paragraph.text)
        for term_id, phrase, start, end, page in paragraph.pending:
            before, shown, after = snippet(text, start, end)
            self.occurrences.append(Occurrence(term_id, phrase, paragraph.id, page, before, shown, after))
        self.paragraph = None


def snippet(text: str, start: int, end: int, words: int = SNIPPET_WORDS) -> tuple[str, str, str]:
    """About `words` words either side of text[start:end], with "…" where the text is cut."""
    head = text[:start]
    tail = text[end:]
    lead = re.search(rf"(?:\S+\s+){{0,{words}}}\S*$", head)
    trail = re.match(rf"^\S*(?:\s+\S+){{0,{words}}}", tail)
    before = head[lead.start():] if lead else head
    after = trail.group(0) if trail else tail
    before = ("…" if lead and lead.start() > 0 else "") + before.lstrip()
    after = after.rstrip() + ("…" if trail and trail.end() < len(tail.rstrip()) else "")
    return squash(before), squash(text[start:end]), squash(after)


def squash(text: str) -> str:
    """Runs of white space (line breaks, no-break spaces) as one space."""
    return re.sub(r"\s+", " ", text)
