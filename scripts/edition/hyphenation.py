"""Step 3: join words that the printed line ends divided with a hyphen.

The rule: a divided word is joined (`in-`/`terests` → `interests`) unless the same
hyphenated form is printed elsewhere in the text within one line (`sub-region`,
`president-elect`); the reviewed list in `editorial/hyphenation.yml` settles the rest in
either direction. A page mark caught between the halves moves before the word, so that the
word is never cut in the reading view.
"""

from __future__ import annotations

import re

from . import tokens

# the word part before the line-end hyphen, the page marks after the line break, the word part after
DIVIDED_RE = re.compile(
    rf"(?P<head>[^\s{tokens.OPEN}{tokens.CLOSE}]+)-\n(?P<marks>(?:{tokens.TOKEN_RE.pattern})*)(?P<tail>[^\s{tokens.OPEN}]+)"
)
LETTERS_RE = re.compile(r"[^\w]+")


def core(fragment: str) -> str:
    """The letters of a word fragment, without quotes and brackets around it."""
    return LETTERS_RE.sub("", fragment)


def divided_words(text: str) -> list[tuple[str, str]]:
    """Every (head, tail) pair divided at a line end, as printed."""
    return [(core(m.group("head")), core(m.group("tail"))) for m in DIVIDED_RE.finditer(text)]


def join(text: str, keep: set[str], close: set[str]) -> str:
    """The text with line-end divisions resolved; `keep`/`close` are reviewed exceptions (lower case)."""
    one_line_text = DIVIDED_RE.sub(" ", text)

    def printed_hyphenated(head: str, tail: str) -> bool:
        pattern = rf"(?<![\w-]){re.escape(head)}-{re.escape(tail)}(?![\w-])"
        return re.search(pattern, one_line_text, flags=re.IGNORECASE) is not None

    def resolve(match: re.Match[str]) -> str:
        head, tail = match.group("head"), match.group("tail")
        word = f"{core(head)}-{core(tail)}".lower()
        if word in close:
            hyphen = ""
        elif word in keep or printed_hyphenated(core(head), core(tail)):
            hyphen = "-"
        else:
            hyphen = ""
        return match.group("marks") + head + hyphen + tail

    return DIVIDED_RE.sub(resolve, text)
