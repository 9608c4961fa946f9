"""The one error the pipeline raises: it always names the file and the line at fault."""

from __future__ import annotations


class EditionError(Exception):
    """Bad input: a corrupted seed, an entry that does not match the text, a malformed data file."""

    def __init__(self, path: object, line: int | None, message: str) -> None:
        self.path = str(path)
        self.line = line
        self.message = message
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")
