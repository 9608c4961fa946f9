"""The one error the pipeline raises: it always names the file and the line at fault."""

from __future__ import annotations

from pathlib import Path


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
        if path.is_absolute() and path.is_relative_to(root):
            path = path.relative_to(root)
        return f"{path}:{self.line}" if self.line else str(path)
