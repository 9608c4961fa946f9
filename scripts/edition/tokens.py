"""Inline tokens: how the steps leave marks in the running text for the renderer.

A token is `\\ue000kind:key\\ue001` or, when it stands for text the reader sees,
`\\ue000kind:key\\ue002shown text\\ue001`. The delimiters are private-use characters that
cannot occur in the seeds, so no step can mistake the authors' text for a mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN, CLOSE, SEP = "\ue000", "\ue001", "\ue002"
TOKEN_RE = re.compile(f"{OPEN}([a-z]+):([^{CLOSE}{SEP}]+)(?:{SEP}([^{CLOSE}]*))?{CLOSE}")

PAGE = "page"
EMENDATION = "em"
NOTE = "note"


@dataclass(frozen=True)
class Token:
    kind: str
    key: str
    shown: str = ""


def make(kind: str, key: str, shown: str | None = None) -> str:
    """The token text for a mark; `shown` is the text it stands for in the reading view."""
    if shown is None:
        return f"{OPEN}{kind}:{key}{CLOSE}"
    return f"{OPEN}{kind}:{key}{SEP}{shown}{CLOSE}"


def split(text: str) -> list[str | Token]:
    """The text cut into plain strings and tokens, in order."""
    parts: list[str | Token] = []
    position = 0
    for match in TOKEN_RE.finditer(text):
        if match.start() > position:
            parts.append(text[position:match.start()])
        parts.append(Token(match.group(1), match.group(2), match.group(3) or ""))
        position = match.end()
    if position < len(text):
        parts.append(text[position:])
    return parts


def plain(text: str) -> str:
    """What a reader sees: every token replaced by the text it shows (most show none)."""
    return TOKEN_RE.sub(lambda match: match.group(3) or "", text)


def locate(text: str, snippet: str) -> list[tuple[int, int]]:
    """Every (start, end) in `text` whose reading view equals `snippet`.

    Offsets are into `text` itself, so a caller can splice a token in; a match may straddle
    tokens that show nothing (page markers), and it never starts or ends inside a word.
    """
    if not snippet or snippet not in plain(text):
        # the reading view below is `plain(text)` char by char; most paragraphs lack the snippet,
        # and skipping them spares the slow mapping (the build's costliest step otherwise)
        return []
    shown_chars: list[str] = []
    starts: list[int] = []  # for each shown character, its offset in `text`
    ends: list[int] = []
    position = 0
    for match in TOKEN_RE.finditer(text):
        for offset in range(position, match.start()):
            shown_chars.append(text[offset])
            starts.append(offset)
            ends.append(offset + 1)
        shown = match.group(3) or ""
        for char in shown:  # a token's shown text is matched as one indivisible unit
            shown_chars.append(char)
            starts.append(match.start())
            ends.append(match.end())
        position = match.end()
    for offset in range(position, len(text)):
        shown_chars.append(text[offset])
        starts.append(offset)
        ends.append(offset + 1)
    view = "".join(shown_chars)
    found = []
    index = view.find(snippet)
    while index != -1 and snippet:
        if cuts_no_word(view, index, index + len(snippet)):
            found.append((starts[index], ends[index + len(snippet) - 1]))
        index = view.find(snippet, index + 1)
    return found


def cuts_no_word(view: str, start: int, end: int) -> bool:
    """True unless the match begins or ends inside a word (`on` must not match in `Action`)."""
    def inside(left: int, right: int) -> bool:
        return 0 <= left and right < len(view) and view[left].isalnum() and view[right].isalnum()
    return not inside(start - 1, start) and not inside(end - 1, end)
