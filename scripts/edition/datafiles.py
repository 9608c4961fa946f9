"""Loading the editorial data files (YAML) so that every entry remembers its line.

Reviewers read and edit these files by hand; when an entry is wrong, the error must point at it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .errors import EditionError

LINE_KEY = "__line__"


# libyaml's parser when PyYAML was built with it (it reads the files several times faster); the
# constructor, and so what the files mean, is the same SafeConstructor either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_BaseLoader):
    """A safe loader that records the 1-based line where each mapping starts."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping


def load(path: Path) -> Any:
    """Parse a YAML data file; a syntax error names the file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise EditionError(path, None, f"cannot read data file: {error.strerror}") from error
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else None
        raise EditionError(path, line, f"malformed YAML: {error.problem}") from error


def entries(path: Path, key: str, fields: dict[str, type | tuple[type, ...]]) -> list[dict[str, Any]]:
    """The list stored under `key`, each entry checked to have exactly the known fields.

    `fields` maps each allowed field to its type; a field whose type includes `type(None)`
    may be left out. Unknown fields are errors too: a misspelt key must not be ignored.
    """
    document = load(path)
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        raise EditionError(path, 1, f"expected a top-level mapping with a list under '{key}'")
    checked = []
    for entry in document[key]:
        if not isinstance(entry, dict):
            raise EditionError(path, None, f"every item under '{key}' must be a mapping, got {entry!r}")
        line = entry[LINE_KEY]
        for name in entry:
            if name != LINE_KEY and name not in fields:
                raise EditionError(path, line, f"unknown field '{name}' (known: {', '.join(fields)})")
        for name, kind in fields.items():
            optional = isinstance(kind, tuple) and type(None) in kind
            if name not in entry:
                if optional:
                    entry[name] = None
                    continue
                raise EditionError(path, line, f"missing field '{name}'")
            if not isinstance(entry[name], kind):
                raise EditionError(path, line, f"field '{name}' has the wrong type ({type(entry[name]).__name__})")
        checked.append(entry)
    return checked
