"""Step 4, with paragraphs: normalise white space, before anything is matched against the text.

The extraction has doubled spaces (`57  thousand`), no-break spaces after years
(`1980\u00a0San José`) and a space before a full stop (`[8, p. 183–185] .`). They carry no
meaning, so editors write their snippets with plain single spaces.
"""

from __future__ import annotations

import re

SPACES_RE = re.compile(r"[ \t\u00a0\u2009\u202f]+")
SPACE_BEFORE_STOP_RE = re.compile(r" +(?=[.,;:](?:\s|$))")


def normalise(paragraph: str) -> str:
    paragraph = SPACES_RE.sub(" ", paragraph).strip()
    return SPACE_BEFORE_STOP_RE.sub("", paragraph)
