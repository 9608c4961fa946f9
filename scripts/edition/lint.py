"""The lint: checks the cleaned text for what the cleaning steps are meant to have removed.

Run on the finished paragraphs (as a reader sees them), after every step. A problem stops
the build: it means a step missed a case or an emendation introduced one.
"""

from __future__ import annotations

import re

from . import tokens

CHECKS: list[tuple[str, re.Pattern[str]]] = [
    ("running header left in the text", re.compile(r"Вестник СПбГУ")),
    ("hyphen left from a line-end division", re.compile(r"\w- \w")),
    ("doubled space", re.compile(r"  ")),
    ("space before punctuation", re.compile(r" [.,;:](?=\s|$)")),
    ("straight quotation mark", re.compile(r"[\"']")),
    ("hyphen in a number range", re.compile(r"\d-\d")),
    ("page locator that can break across lines", re.compile(r"\bpp?\. \d")),
    ("stray mark delimiter", re.compile(f"[{tokens.OPEN}{tokens.CLOSE}{tokens.SEP}]")),
]


def problems(paragraph: str) -> list[str]:
    """What is wrong with one paragraph, each with a short excerpt around it."""
    text = tokens.plain(paragraph)
    found = []
    for name, pattern in CHECKS:
        for match in pattern.finditer(text):
            found.append(f"{name}: …{text[max(0, match.start() - 25):match.end() + 25]}…")
    if text.count("\u201c") != text.count("\u201d"):
        found.append(f"unbalanced double quotation marks ({text.count(chr(0x201c))} opening, "
                     f"{text.count(chr(0x201d))} closing): {text[:60]}…")
    return found
