"""Mark Spanish words and names with `lang="es"` so screen readers pronounce them (the pipeline
checks after the lint that every phrase is found; `render.py` marks them).

The phrases are listed in `editorial/spanish.yml`, longest first when they overlap. A phrase
that is listed but never found is an error: the list is only worth trusting if it is exact.
"""

from __future__ import annotations

import re
from pathlib import Path

from . import datafiles
from .errors import EditionError

FIELDS = {"phrase": str}


def load(path: Path) -> list[tuple[str, int]]:
    return [(entry["phrase"], entry[datafiles.LINE_KEY]) for entry in datafiles.entries(path, "spanish", FIELDS)]


def pattern(phrases: list[tuple[str, int]]) -> re.Pattern[str]:
    """One regex for all phrases, whole words only, longest alternative first."""
    ordered = sorted((phrase for phrase, _line in phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(phrase) for phrase in ordered) + r")(?!\w)")


def check_all_found(phrases: list[tuple[str, int]], texts: list[str], path: Path) -> None:
    joined = "\n".join(texts)
    for phrase, line in phrases:
        if not re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", joined):
            raise EditionError(path, line, f"Spanish phrase {phrase!r} is not found in the text")
