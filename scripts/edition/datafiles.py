"""Loading the editorial data files (YAML) so that every entry remembers its line.

Reviewers read and edit these files by hand; when an entry is wrong, the error must point at it.
What YAML would accept silently is refused here, because each of these changes the meaning of
a file without a word: a key given twice (YAML keeps the later value), a top-level key no
reader knows (a misspelling is ignored), an anchor and alias (one entry's text copied into
another, out of sight of a reviewer), and nesting deeper than any file of ours needs
(libyaml's composer recurses and crashes the build at about 30,000 levels, measured).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from . import markup
from .errors import EditionError, shortened

LINE_KEY = "__line__"
# Our deepest file (summaries.yml: sections → sentences → fields) nests 4 levels; 20 is ample.
MAX_DEPTH = 20

# The top-level keys of each data file: anything else is a misspelling or a stray entry.
TOP_LEVEL_KEYS = {
    "article.yml": {"title", "authors", "journal", "publisher", "year", "volume", "issue", "first_page",
                    "last_page", "last_body_page", "udc", "doi", "publisher_url"},
    "emendations.yml": {"emendations"},
    "glossary.yml": {"terms"},
    "hyphenation.yml": {"keep", "join"},
    "key-figures.yml": {"figures", "chart"},
    "notes.yml": {"notes"},
    "publication.yml": {"licence", "edition_statement", "pdf_file", "companion_pdf_file", "epub_file"},
    "sections.yml": {"sections"},
    "spanish.yml": {"spanish"},
    "summaries.yml": {"reading_rate", "overview", "sections"},
    "timeline.yml": {"events"},
}


# libyaml's parser when PyYAML was built with it (it reads the files several times faster); the
# constructor, and so what the files mean, is the same SafeConstructor either way.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Refused(Exception):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class Mapping(dict):
    """A loaded mapping; `key_lines` gives the 1-based line of each of its keys."""

    key_lines: dict = {}


class Sequence(list):
    """A loaded list; `item_lines` gives the 1-based line of each of its items."""

    item_lines: list = []


class _LineLoader(_BaseLoader):
    """A safe loader that records the 1-based line where each mapping starts, and each key's
    line, and refuses a key given twice in one mapping."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[str, Any]:
        key_lines: dict[Any, int] = {}
        for key_node, _value in node.value:
            key = self.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if isinstance(key, (dict, list)):
                raise _Refused(line, "a key must be a plain word, not a list or a mapping")
            if key in key_lines:
                raise _Refused(line, f"the key '{shortened(key)}' is given twice in one mapping (first on line "
                               f"{key_lines[key]}); YAML would silently keep only the second")
            key_lines[key] = line
        mapping = Mapping(super().construct_mapping(node, deep=deep))
        mapping[LINE_KEY] = node.start_mark.line + 1
        mapping.key_lines = key_lines
        return mapping


def _construct_map(loader: _LineLoader, node: yaml.MappingNode):
    # SafeConstructor's own map constructor copies into a plain dict; keep the key lines
    data = Mapping()
    yield data
    value = loader.construct_mapping(node)
    data.update(value)
    data.key_lines = value.key_lines


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode):
    data = Sequence()
    yield data
    data.extend(loader.construct_sequence(node))
    data.item_lines = [item.start_mark.line + 1 for item in node.value]


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_seq)


def line_of(mapping: dict, key: str) -> int | None:
    """The line of `key` in a loaded mapping (else the mapping's own line)."""
    return getattr(mapping, "key_lines", {}).get(key, mapping.get(LINE_KEY))


def decoded(path: Path, data: bytes) -> str:
    """The file's text (UTF-8, a byte-order mark allowed); a bad byte names its line and column."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        before = data[:error.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        raise EditionError(path, line, f"column {column}: the byte 0x{data[error.start]:02X} is not UTF-8 text; "
                           "save the file as UTF-8") from None
    return text.removeprefix("\ufeff")


def read_text(path: Path, what: str = "data file") -> str:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise EditionError(path, None, f"the {what} is missing") from None
    except OSError as error:
        raise EditionError(path, None, f"cannot read the {what}: {error.strerror}") from error
    return decoded(path, data)


def check_structure(path: Path, text: str) -> None:
    """No anchors or aliases, no nesting deeper than MAX_DEPTH: checked on libyaml's event
    stream, which does not recurse, before the document is built."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_BaseLoader):
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                raise EditionError(path, line, f"the alias '*{shortened(event.anchor)}' repeats another entry's "
                                   "value out of sight; write the value out in full")
            if getattr(event, "anchor", None):
                raise EditionError(path, line, f"the anchor '&{shortened(event.anchor)}' is not allowed in the "
                                   "editorial files; write each value out in full")
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > MAX_DEPTH:
                    raise EditionError(path, line, f"lists and mappings nested more than {MAX_DEPTH} levels deep: "
                                       "no editorial file needs that many")
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        raise _malformed(path, error) from None


def _malformed(path: Path, error: yaml.MarkedYAMLError) -> EditionError:
    mark = error.problem_mark or error.context_mark
    line = mark.line + 1 if mark else None
    where = f"column {mark.column + 1}: " if mark else ""
    return EditionError(path, line, f"{where}malformed YAML: {error.problem or error.context}")


def load(path: Path) -> Any:
    """Parse a YAML data file; a syntax error names the file and line."""
    text = read_text(path)
    check_structure(path, text)
    try:
        document = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except _Refused as refused:
        raise EditionError(path, refused.line, refused.message) from None
    except yaml.MarkedYAMLError as error:
        raise _malformed(path, error) from None
    except yaml.YAMLError as error:
        raise EditionError(path, None, f"malformed YAML: {shortened(str(error))}") from None
    known = TOP_LEVEL_KEYS.get(path.name)
    if known is not None:
        if not isinstance(document, dict):
            raise EditionError(path, 1, f"expected a mapping with the keys {', '.join(sorted(known))}")
        for name in document:
            if name != LINE_KEY and name not in known:
                raise EditionError(path, line_of(document, name), f"unknown top-level key '{shortened(name)}' "
                                   f"(known: {', '.join(sorted(known))})")
    markup.check_document(path, document)
    return document


def unknown_keys(path: Path, mapping: dict, known: set[str] | dict, what: str) -> None:
    """Refuse any key of `mapping` not in `known`."""
    for name in mapping:
        if name != LINE_KEY and name not in known:
            raise EditionError(path, line_of(mapping, name), f"{what}: unknown field '{shortened(name)}' "
                               f"(known: {', '.join(known)})")


def entries(path: Path, key: str, fields: dict[str, type | tuple[type, ...]]) -> list[dict[str, Any]]:
    """The list stored under `key`, each entry checked to have exactly the known fields.

    `fields` maps each allowed field to its type; a field whose type includes `type(None)`
    may be left out. Unknown fields are errors too: a misspelt key must not be ignored.
    """
    document = load(path)
    if not isinstance(document, dict) or not isinstance(document.get(key), list):
        raise EditionError(path, 1, f"expected a top-level mapping with a list under '{key}'")
    if not document[key]:
        raise EditionError(path, line_of(document, key), f"the list under '{key}' is empty")
    checked = []
    for entry in document[key]:
        if not isinstance(entry, dict):
            raise EditionError(path, line_of(document, key),
                               f"every item under '{key}' must be a mapping of fields, got {shortened(entry)!r}")
        line = entry[LINE_KEY]
        unknown_keys(path, entry, fields, f"entry under '{key}'")
        for name, kind in fields.items():
            optional = isinstance(kind, tuple) and type(None) in kind
            if name not in entry:
                if optional:
                    entry[name] = None
                    continue
                raise EditionError(path, line, f"missing field '{name}'")
            if not isinstance(entry[name], kind) or isinstance(entry[name], bool) and kind is not bool:
                raise EditionError(path, line_of(entry, name), f"field '{name}' should be {describe(kind)}, "
                                   f"got {shortened(entry[name])!r}")
        checked.append(entry)
    return checked


def describe(kind: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", list: "a list", dict: "a mapping", bool: "true or false",
             type(None): "left empty"}
    kinds = kind if isinstance(kind, tuple) else (kind,)
    return " or ".join(names.get(item, item.__name__) for item in kinds)
