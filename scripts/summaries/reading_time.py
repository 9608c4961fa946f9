"""Reading times: the authors' words counted as a reader meets them, at a stated rate."""

from __future__ import annotations

import math
import re

WORD_RE = re.compile(r"\w+(?:[’'‐\-.,]\w+)*")


def count_words(text: str) -> int:
    """Words and numbers ("1,836", "U.S", "sub-region" count once)."""
    return len(WORD_RE.findall(text))


def minutes(words: int, rate: int) -> int:
    """Whole minutes, rounded up (a 90-second read is "about 2 minutes"), at least one."""
    return max(1, math.ceil(words / rate))


def phrase(words: int, rate: int) -> str:
    count = minutes(words, rate)
    return f"about {count} minute{'s' if count != 1 else ''}"
