"""Rendering the structured edition as Markdown pages for MkDocs.

The authors' words become paragraphs with stable ids (`par-N`, numbered through the article);
everything editorial is marked as such in the HTML: the section headings, the emendations
(`span.emendation`, printed reading in `data-original`), the supplied words (`span.supplied`),
the lettered editorial notes and the printed-page markers (`a.page-start`). Each paragraph
carries the printed pages its words stand on (`data-first-page`, `data-last-page`), so that
the reader's "Cite this passage" gives the page from the edition's page markers, not a guess.
"""

from __future__ import annotations

import html
import re

from . import language, sourcing, tokens
from .emendations import LACUNA, SUPPLIED_RE, Emendation
from .notes import Note
from .pipeline import Edition
from .sections import Section

MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_{}#+!|])")


def escape(text: str) -> str:
    """Text as literal Markdown: HTML-escaped, and Markdown's inline syntax characters escaped."""
    return MARKDOWN_SPECIAL_RE.sub(r"\\\1", html.escape(text, quote=False))


def attribute(text: str) -> str:
    return html.escape(text, quote=True)


class Renderer:
    """Renders paragraphs of one edition; knows its emendations, notes and Spanish phrases."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.emendations = {emendation.id: emendation for emendation in edition.emendations}
        self.notes = {note.id: note for note in edition.notes}
        self.spanish_re = language.pattern(edition.spanish)

    def text(self, run: str) -> str:
        """A run of the authors' text, with Spanish phrases marked."""
        out, position = [], 0
        for match in self.spanish_re.finditer(run):
            out.append(escape(run[position:match.start()]))
            out.append(f'<span lang="es">{escape(match.group(0))}</span>')
            position = match.end()
        out.append(escape(run[position:]))
        return "".join(out)

    def emendation(self, emendation: Emendation) -> str:
        """The corrected reading, marked, carrying the printed reading for hover, focus and tap."""
        shown, position = [], 0
        for match in SUPPLIED_RE.finditer(emendation.corrected):
            shown.append(self.text(emendation.corrected[position:match.start()]))
            kind = "supplied lacuna" if match.group(1) == LACUNA else "supplied"
            shown.append(f'<span class="{kind}" data-search-exclude>[{escape(match.group(1))}]</span>')
            position = match.end()
        shown.append(self.text(emendation.corrected[position:]))
        title = f"Printed: “{emendation.original}” ({emendation.kind}; textual note {emendation.id})"
        return (f'<span class="emendation" id="em-{emendation.id}" tabindex="0" '
                f'data-kind="{attribute(emendation.kind)}" '
                f'data-original="{attribute(emendation.original)}" title="{attribute(title)}">{"".join(shown)}</span>')

    def note_mark(self, note: Note) -> str:
        letter = self.edition.note_letters[note.id]
        # the class footnote-ref lets Material show the note in a preview, as it does for footnotes;
        # the name is an aria-label, not a title, which Material would show as a second tooltip
        return (f'<sup class="editorial-note-ref" id="note-ref-{note.id}"><a class="footnote-ref" '
                f'href="#note-{note.id}" aria-label="Editorial note {letter}">{letter}</a></sup>')

    @staticmethod
    def page_start(page: str) -> str:
        return (f'<a class="page-start" id="page-{page}" data-page="{page}" href="#page-{page}" '
                f'title="Printed page {page} begins here">p.&nbsp;{page} </a>')

    def paragraph(self, text: str) -> str:
        out = []
        for part in tokens.split(text):
            if isinstance(part, str):
                out.append(self.text(part))
            elif part.kind == tokens.PAGE:
                out.append(self.page_start(part.key))
            elif part.kind == tokens.EMENDATION:
                out.append(self.emendation(self.emendations[part.key]))
            elif part.kind == tokens.NOTE:
                out.append(self.note_mark(self.notes[part.key]))
            else:
                raise ValueError(f"unknown token kind {part.kind!r}")
        return "".join(out)

    def notes_in(self, section: Section) -> list[Note]:
        keys = [part.key for text in section.paragraphs for part in tokens.split(text)
                if isinstance(part, tokens.Token) and part.kind == tokens.NOTE]
        return [self.notes[key] for key in keys]

    def editorial_notes(self, section: Section) -> str:
        """The lettered notes of a section, as a block set apart from the authors' text."""
        notes = self.notes_in(section)
        if not notes:
            return ""
        first = self.edition.note_letters[notes[0].id]
        lines = ['<section class="editorial-notes" markdown="block">', "",
                 "## Editorial notes {#editorial-notes}", "",
                 "Notes by the editors of this edition, lettered apart from the authors' numbered citations.", "",
                 f'<ol class="editorial-notes__list" type="a" start="{ord(first) - ord("a") + 1}">']
        for note in notes:
            sources = ""
            if note.sources:
                sources = " <span class=\"editorial-notes__sources\">Sources: " + "; ".join(
                    escape(source) for source in note.sources) + ".</span>"
            if note.status == sourcing.UNVERIFIED:
                sources += f' <span class="editorial-notes__status">{escape(sourcing.UNVERIFIED_TEXT)}</span>'
            # the note is a paragraph inside its item: Material's note preview copies only the
            # item's child elements, so bare text beside them would be left out of the preview
            lines.append(f'<li id="note-{note.id}" markdown="block"><p markdown="span">'
                         f'<strong>{escape(note.title)}.</strong> '
                         f'{note.text}{sources} <a class="editorial-notes__back" href="#note-ref-{note.id}" '
                         f'title="Back to the text">↩</a></p></li>')
        lines += ["</ol>", "", "</section>"]
        return "\n".join(lines)


def paragraph_attributes(paragraph: str, pages: tuple[int, int]) -> str:
    """The paragraph's id and class, and the printed pages it spans (the edition model's
    `Section.paragraph_pages`), for the reader's "Cite this passage"."""
    first, last = pages
    return f'{{: #{paragraph} .article-paragraph data-first-page="{first}" data-last-page="{last}" }}'


def section_page(edition: Edition, section: Section) -> str:
    renderer = Renderer(edition)
    first, last = section.first_page, section.last_page
    pages = f"p.&nbsp;{first}" if first == last else f"pp.&nbsp;{first}–{last}"
    lines = [
        f"# {escape(section.title)}", "",
        f'<p class="editorial-label">Section {section.number} of {len(edition.sections)} · printed {pages} · '
        f'<span class="editorial-label__note">heading supplied by the editors; the printed article has none</span></p>',
        "",
    ]
    for paragraph, text, pages in zip(section.paragraph_ids, section.paragraphs, section.paragraph_pages, strict=True):
        lines += [renderer.paragraph(text), paragraph_attributes(paragraph, pages), ""]
    lines.append(renderer.editorial_notes(section))
    return "\n".join(lines) + "\n"


def paragraphs_markdown(edition: Edition) -> dict[str, str]:
    """Each paragraph of the sections as `section_page` writes it, by id (`par-N`): what the
    citations put their footnote marks into, without reading the page's layout."""
    renderer = Renderer(edition)
    return {paragraph: renderer.paragraph(text) for section in edition.sections
            for paragraph, text in zip(section.paragraph_ids, section.paragraphs, strict=True)}
