"""The sourcing rule for the editors' statements of fact.

Every glossary entry, timeline note, key figure and editorial note states facts in the
editors' words. Each must say where they come from (`sources`, a non-empty list) or say
plainly that nobody has checked them (`status: unverified`); the page then tells the reader
so in words (`UNVERIFIED`). An entry with neither stops the build, naming the file and the
line, so that a new claim cannot slip in unsourced.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import EditionError

UNVERIFIED = "unverified"
STATUSES = (UNVERIFIED,)
# What the reader is told where an entry is unverified.
UNVERIFIED_TEXT = "Not verified: the editors have found no source that confirms this."


def check(sources: Any, status: Any, path: Path, line: int, what: str) -> tuple[tuple[Any, ...], str | None]:
    """(sources, status) of an entry, checked: sources or `status: unverified`, not neither."""
    if status is not None and status not in STATUSES:
        raise EditionError(path, line, f"{what}: unknown status {status!r} (the only status is "
                           f"'{UNVERIFIED}', for a statement nobody has checked)")
    if sources is None:
        sources = []
    if not isinstance(sources, list):
        raise EditionError(path, line, f"{what}: 'sources' must be a list")
    if not sources and status is None:
        raise EditionError(path, line, f"{what}: a statement of fact needs its source. Add 'sources:' (where "
                           f"the facts come from), or 'status: {UNVERIFIED}' if nobody has checked them "
                           "(the page then says so to the reader)")
    return tuple(sources), status
