"""Step 2 (done on lines, before they are joined): mark where each printed page begins.

In the extraction a line that begins with a single space is the first line of a printed
page; the first such line is the article's first page. A running header, already turned into
a page mark by step 1, must carry the number the count has reached, or the count is wrong.
"""

from __future__ import annotations

import re

from . import tokens
from .errors import EditionError

PAGE_START_RE = re.compile(r"^ (?=\S)")
HEADER_MARK_RE = re.compile(f"^{tokens.OPEN}{tokens.PAGE}:(\\d+){tokens.CLOSE}")


def mark(lines: list[str], first_page: int, source: str) -> tuple[list[str], list[int]]:
    """Lines with a page token at each page start (leading space removed), and the page numbers."""
    marked: list[str] = []
    pages: list[int] = []
    for number, line in enumerate(lines, start=1):
        header = HEADER_MARK_RE.match(line)
        if header:
            expected = pages[-1] + 1 if pages else first_page
            if int(header.group(1)) != expected:
                raise EditionError(source, number, f"running header names page {header.group(1)}, "
                                   f"but counting page starts gives {expected}")
            pages.append(expected)
        elif PAGE_START_RE.match(line):
            page = pages[-1] + 1 if pages else first_page
            pages.append(page)
            line = tokens.make(tokens.PAGE, str(page)) + line[1:]
        marked.append(line.rstrip())
    return marked, pages
