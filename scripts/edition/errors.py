"""The one error the pipeline raises (it always names the file and, where there is one, the
line at fault), and the one adapter that turns it into the build's message."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from pathlib import Path

# A value quoted in a message is cut to this many characters: a 5 MB snippet echoed whole
# buries the message (seen before this limit).
QUOTED_MAX = 80


def shortened(value: object, limit: int = QUOTED_MAX) -> str:
    """A value for a message: on one line, cut to `limit` characters with an ellipsis."""
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


class EditionError(Exception):
    """Bad input: a corrupted seed, an entry that does not match the text, a malformed data file."""

    def __init__(self, path: object, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")

    def where(self, root: Path) -> str:
        """`file:line`, the file relative to the project root when it lies inside it (for the
        build's own error message, which a maintainer reads from the project folder)."""
        path = Path(self.path)
        if path.is_absolute() and path.is_relative_to(root.resolve()):
            path = path.relative_to(root.resolve())
        elif path.is_absolute() and path.is_relative_to(root):
            path = path.relative_to(root)
        return f"{path.as_posix()}:{self.line}" if self.line else path.as_posix()


# A quoted value this long is a mistake pasted whole (a message's own words between two
# apostrophes never run so long): in a long message it is cut to QUOTED_MAX.
LONG_QUOTED_RE = re.compile(r"'([^'\n]{200,})'|\"([^\"\n]{200,})\"")
LONG_MESSAGE = 400


def build_message(concern: str, error: EditionError, root: Path) -> str:
    """The build's message for bad input: which part of the build, file:line, what is wrong.
    A huge value quoted in it is cut to QUOTED_MAX characters, whichever step wrote the message."""
    message = error.message
    if len(message) > LONG_MESSAGE:
        message = LONG_QUOTED_RE.sub(lambda match: repr(shortened(match.group(1) or match.group(2))), message)
    return f"{concern}: {error.where(root)}: {message}"


@contextlib.contextmanager
def reported(concern: str, root: Path) -> Iterator[None]:
    """Every hook's bad input becomes MkDocs' PluginError, which stops the build with this one
    line and no traceback: `concern: file:line: what is wrong, and what is expected`."""
    from mkdocs.exceptions import PluginError  # the packages work without MkDocs; only hooks need it

    try:
        yield
    except EditionError as error:
        raise PluginError(build_message(concern, error, root)) from error
