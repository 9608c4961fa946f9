"""Step 5: apply the recorded emendations, each kept with its original reading.

Every correction lives in `editorial/emendations.yml` with the printed reading, the
corrected reading, its kind, the reason and the source. In a corrected reading, words in
square brackets are an editorial supplement (a lacuna filled) and stay visibly bracketed.
An entry whose text is not found exactly once stops the build: a silent miss would leave
the printed error in place while the notes page claims it was corrected.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import datafiles, tokens
from .errors import EditionError, shortened

KINDS = ("typo", "wrong word", "missing word", "garbled sentence", "punctuation", "lacuna")
SUPPLIED_RE = re.compile(r"\[([^\[\]]+)\]")
# An id becomes part of HTML ids and links (em-E01, textual-E01): letters, digits, hyphens.
ID_RE = re.compile(r"^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$")
# The authors' citations as printed, "[16]" or "[16, p. 173, 175]": no emendation may touch one,
# or the citation step would find it changed (or inside the printed reading) and blame the seed.
PRINTED_CITATION_RE = re.compile(r"\[\d+(?:,[^\[\]]*)?\]")
# Inside brackets, an ellipsis marks words missing in print that the editors do not supply.
LACUNA = "…"
FIELDS = {
    "id": str, "kind": str, "context": (str, type(None)), "original": str,
    "corrected": str, "reason": str, "source": (str, type(None)),
}


@dataclass(frozen=True)
class Emendation:
    id: str
    kind: str
    context: str
    original: str
    corrected: str
    reason: str
    source: str | None
    line: int

    @property
    def supplied(self) -> list[str]:
        """The editorial supplements in the corrected reading (the bracketed words)."""
        return SUPPLIED_RE.findall(self.corrected)


def load(path: Path) -> list[Emendation]:
    found = []
    seen: set[str] = set()
    for entry in datafiles.entries(path, "emendations", FIELDS):
        line = entry[datafiles.LINE_KEY]
        if not ID_RE.match(entry["id"]):
            raise EditionError(path, datafiles.line_of(entry, "id"), f"the id {shortened(entry['id'])!r} must be "
                               "letters and digits (hyphens between), such as E28: it becomes part of the page's links")
        if entry["kind"] not in KINDS:
            raise EditionError(path, line, f"{entry['id']}: unknown kind '{entry['kind']}' (known: {', '.join(KINDS)})")
        if entry["id"] in seen:
            raise EditionError(path, line, f"duplicate id {entry['id']}")
        if entry["original"] == entry["corrected"]:
            raise EditionError(path, line, f"{entry['id']}: the corrected reading equals the original")
        context = entry["context"] or entry["original"]
        if entry["original"] not in context:
            raise EditionError(path, line, f"{entry['id']}: the original reading is not inside its context")
        seen.add(entry["id"])
        found.append(Emendation(entry["id"], entry["kind"], context, entry["original"], entry["corrected"],
                                entry["reason"].strip(), entry["source"], line))
    return found


def find_once(paragraphs: list[str], snippet: str, path: Path, line: int, what: str) -> tuple[int, int, int]:
    """(paragraph, start, end) of the one place whose reading view is `snippet`; else an error."""
    places = [(index, start, end) for index, text in enumerate(paragraphs)
              for start, end in tokens.locate(text, snippet)]
    if len(places) != 1:
        raise EditionError(path, line, f"{what} {shortened(snippet)!r} is found {len(places)} times in the text; "
                           "it must be found exactly once")
    return places[0]


def splice(text: str, start: int, end: int, token: str) -> str:
    """Replace text[start:end] with `token`, keeping any page marks of that span before it."""
    kept = "".join(match.group(0) for match in tokens.TOKEN_RE.finditer(text[start:end])
                   if match.group(1) == tokens.PAGE)
    return text[:start] + kept + token + text[end:]


def citation_overlap(text: str, start: int, end: int) -> str | None:
    """The printed citation that the span text[start:end] overlaps, if any."""
    for match in PRINTED_CITATION_RE.finditer(text):
        if match.start() < end and start < match.end():
            return match.group(0)
    return None


def apply(paragraphs: list[str], emendations: list[Emendation], path: Path) -> list[str]:
    """The paragraphs with each emendation's original reading replaced by its token."""
    paragraphs = list(paragraphs)
    for emendation in emendations:
        index, start, end = find_once(paragraphs, emendation.context, path, emendation.line,
                                      f"{emendation.id}: context")
        inner = tokens.locate(paragraphs[index][start:end], emendation.original)
        if len(inner) != 1:
            raise EditionError(path, emendation.line, f"{emendation.id}: original {shortened(emendation.original)!r} "
                               f"is found {len(inner)} times inside its context; it must be found once")
        inner_start, inner_end = inner[0]
        touched = citation_overlap(paragraphs[index], start + inner_start, start + inner_end)
        if touched:
            raise EditionError(path, emendation.line,
                               f"{emendation.id}: the original {shortened(emendation.original)!r} "
                               f"touches the authors' citation {touched!r}; an emendation may not change a citation "
                               "(correct the reference in bib/references.bib instead)")
        token = tokens.make(tokens.EMENDATION, emendation.id, emendation.corrected)
        paragraphs[index] = splice(paragraphs[index], start + inner_start, start + inner_end, token)
    return paragraphs
