"""Step 5, after the emendations: attach the editorial notes, a lettered series apart from the authors' citations.

A note explains where the authors' claim is doubtful while their text stays as printed
(`editorial/notes.yml`). Its mark follows a snippet that must be found exactly once; the
letters (a, b, c, …) follow the order of the marks in the article.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

from . import datafiles, tokens
from .emendations import find_once
from .errors import EditionError

FIELDS = {"id": str, "after": str, "title": str, "text": str, "sources": (list, type(None))}


@dataclass(frozen=True)
class Note:
    id: str
    after: str
    title: str
    text: str
    sources: tuple[str, ...]
    line: int


def load(path: Path) -> list[Note]:
    found = []
    seen: set[str] = set()
    for entry in datafiles.entries(path, "notes", FIELDS):
        line = entry[datafiles.LINE_KEY]
        if entry["id"] in seen:
            raise EditionError(path, line, f"duplicate id {entry['id']}")
        seen.add(entry["id"])
        sources = entry["sources"] or []
        if not all(isinstance(source, str) for source in sources):
            raise EditionError(path, line, f"{entry['id']}: every source must be a string")
        found.append(Note(entry["id"], entry["after"], entry["title"].strip(), entry["text"].strip(),
                          tuple(sources), line))
    return found


def attach(paragraphs: list[str], notes: list[Note], path: Path) -> list[str]:
    """The paragraphs with a note token after each note's snippet."""
    paragraphs = list(paragraphs)
    for note in notes:
        index, _start, end = find_once(paragraphs, note.after, path, note.line, f"note {note.id}: snippet")
        text = paragraphs[index]
        paragraphs[index] = text[:end] + tokens.make(tokens.NOTE, note.id) + text[end:]
    return paragraphs


def letters(paragraphs: list[str]) -> dict[str, str]:
    """Note id → letter, in reading order (a … z, then aa, ab, …)."""
    order = [part.key for text in paragraphs for part in tokens.split(text)
             if isinstance(part, tokens.Token) and part.kind == tokens.NOTE]
    alphabet = string.ascii_lowercase

    def letter(number: int) -> str:
        return alphabet[number] if number < 26 else alphabet[number // 26 - 1] + alphabet[number % 26]

    return {key: letter(number) for number, key in enumerate(order)}
