"""The generated part of the 'Editorial method and textual notes' page: every section
boundary, emendation and editorial note, each with a link to its place in the text."""

from __future__ import annotations

from . import tokens
from .emendations import LACUNA, SUPPLIED_RE
from .pipeline import Edition
from .render import escape


def place_link(edition: Edition, kind: str, key: str, anchor: str) -> str:
    section = edition.section_of(kind, key)
    if section is None:
        return f"[abstract](index.md#{anchor})"
    return f"[§{section.number}]({section.page}#{anchor})"


def cell(text: str) -> str:
    return escape(text).replace("\n", " ")


def supplied_marked(corrected: str) -> str:
    """A corrected reading with the editors' supplied words marked as in the text (a lacuna, "[…]",
    marked as such); the rest of it escaped like every other text of the list."""
    out, position = [], 0
    for match in SUPPLIED_RE.finditer(corrected):
        kind = "supplied lacuna" if match.group(1) == LACUNA else "supplied"
        out.append(cell(corrected[position:match.start()]))
        out.append(f'<span class="{kind}" data-search-exclude>[{cell(match.group(1))}]</span>')
        position = match.end()
    out.append(cell(corrected[position:]))
    return "".join(out)


def page_range(first: int, last: int) -> str:
    """Printed pages: "173" for one page (never "173–173"), else "173–175"."""
    return str(first) if first == last else f"{first}–{last}"


def sections_table(edition: Edition) -> list[str]:
    lines = ["| § | Editorial heading | Printed pages | Opens with |", "|---|---|---|---|"]
    for section in edition.sections:
        opening = tokens.plain(section.paragraphs[0])[:60].rsplit(" ", 1)[0]
        lines.append(f"| {section.number} | [{escape(section.title)}]({section.page}) | "
                     f"{page_range(section.first_page, section.last_page)} | “{cell(opening)} …” |")
    return lines


def emendations_list(edition: Edition) -> list[str]:
    """One item per emendation: its number, place and kind, the two readings, reason and source."""
    lines = []
    for emendation in edition.emendations:
        place = place_link(edition, tokens.EMENDATION, emendation.id, "em-" + emendation.id)
        source = f" *Source:* {cell(emendation.source)}." if emendation.source else ""
        # a lacuna is marked, not corrected: the gap is left open
        verb = "shown" if emendation.kind == "lacuna" else "corrected"
        lines.append(
            f'- <span class="textual-note__id" id="textual-{emendation.id}">{emendation.id}</span> '
            f"{place}, {emendation.kind}: printed “{cell(emendation.original)}”, "
            f"{verb} “{supplied_marked(emendation.corrected)}”. {cell(emendation.reason)}{source}")
    return lines


def notes_list(edition: Edition) -> list[str]:
    lines = []
    ordered = sorted(edition.notes,
                     key=lambda note: (len(edition.note_letters[note.id]), edition.note_letters[note.id]))
    for note in ordered:
        letter = edition.note_letters[note.id]
        link = place_link(edition, tokens.NOTE, note.id, f"note-{note.id}")
        lines.append(f"- **{letter}.** {escape(note.title)}: {link}")
    return lines


def generated_part(edition: Edition) -> str:
    lines = ["## Sections", "", *sections_table(edition), "",
             "## Emendations", "",
             f"{len(edition.emendations)} changes to the printed words, in reading order. The corrected reading is "
             "what the edition shows; hovering over it, focusing it or tapping it shows the printed one.", "",
             *emendations_list(edition), "",
             "## Editorial notes", "",
             f"{len(edition.notes)} notes where the printed text stands but its claim needs a comment.", "",
             *notes_list(edition), ""]
    return "\n".join(lines)
