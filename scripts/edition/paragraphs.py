"""Step 4: rejoin the printed lines into paragraphs; a blank line ends a paragraph."""

from __future__ import annotations

import re

BLANK_LINES_RE = re.compile(r"\n[ \t\u00a0]*\n(?:[ \t\u00a0]*\n)*")


def split(text: str) -> list[str]:
    """Paragraphs as single lines, in order; empty ones (trailing blank lines) are dropped."""
    paragraphs = []
    for block in BLANK_LINES_RE.split(text):
        joined = " ".join(line.strip() for line in block.split("\n") if line.strip())
        if joined:
            paragraphs.append(joined)
    return paragraphs
