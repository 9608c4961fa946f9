"""Step 6: typesetting, applied last to the reading text (never inside tokens).

- an en dash between the numbers of a range (`1988-1994` → `1988–1994`);
- a no-break space that keeps a page locator or a percentage together (`p. 720`, `40 %`);
- curly quotes and apostrophes where the extraction left straight ones.
"""

from __future__ import annotations

import re

from . import tokens

NBSP = "\u00a0"
RANGE_RE = re.compile(r"(?<=\d)-(?=\d)")
LOCATOR_RE = re.compile(r"\b(pp?\.) (?=\d)")
PERCENT_RE = re.compile(r"(?<=\d) %")
APOSTROPHE_RE = re.compile(r"(?<=\w)'(?=\w)")
OPENING_DOUBLE_RE = re.compile(r'(^|[\s(\[])"')
OPENING_SINGLE_RE = re.compile(r"(^|[\s(\[])'")


def typeset_plain(text: str) -> str:
    """Typeset a run of text that holds no tokens."""
    text = RANGE_RE.sub("\u2013", text)
    text = LOCATOR_RE.sub(lambda m: m.group(1) + NBSP, text)
    text = PERCENT_RE.sub(NBSP + "%", text)
    text = APOSTROPHE_RE.sub("\u2019", text)
    text = OPENING_DOUBLE_RE.sub(lambda m: m.group(1) + "\u201c", text).replace('"', "\u201d")
    text = OPENING_SINGLE_RE.sub(lambda m: m.group(1) + "\u2018", text).replace("'", "\u2019")
    return text


def typeset(paragraph: str) -> str:
    """Typeset the text between tokens, leaving the tokens (and what they show) untouched."""
    out = []
    for part in tokens.split(paragraph):
        if isinstance(part, tokens.Token):
            out.append(tokens.make(part.kind, part.key, part.shown or None))
        else:
            out.append(typeset_plain(part))
    return "".join(out)
