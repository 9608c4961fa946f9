"""Step 1: remove the journal's running page header that the PDF extraction left in the text.

The header (`174 Вестник СПбГУ. Международные отношения. 2019. Т. 12. Вып. 2`) sits between
blank lines in the middle of a paragraph (`crimi-` … `nals`). It goes, with the blank lines
around it, so that the paragraph closes up again; the page number it printed survives as the
page-start mark of the line that followed it.
"""

from __future__ import annotations

import re

from . import tokens

HEADER_RE = re.compile(
    r"^\s*(?P<page>\d{3}) Вестник СПбГУ\. Международные отношения\. \d{4}\. Т\. \d+\. Вып\. \d+\s*$"
)


def remove(lines: list[str]) -> list[str]:
    """The lines without running headers; the next text line starts with the header's page mark."""
    kept: list[str] = []
    pending_page: str | None = None
    for line in lines:
        match = HEADER_RE.match(line)
        if match:
            while kept and not kept[-1].strip():  # blank lines before the header
                kept.pop()
            pending_page = match.group("page")
            continue
        if pending_page is not None:
            if not line.strip():  # blank lines after the header
                continue
            line = tokens.make(tokens.PAGE, pending_page) + line.lstrip()
            pending_page = None
        kept.append(line)
    return kept
