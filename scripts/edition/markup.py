"""The one markup rule for every text of every data file (`editorial/*.yml`, and the addresses
of `bib/*.bib`), checked when the file is loaded, so that no text can inject markup or script:

- a text is plain text or Markdown, never HTML: the only tag allowed is the language mark
  `<span lang="es">…</span>` (and its `</span>`); plain-text fields are escaped on output as well;
- no attribute lists (`{: …}`, `{#…}`, `{.…}`), which would let a text set any attribute
  (an `onclick`) on the element around it;
- no images (`![…](…)`): a picture from another host is a third-party request;
- every link target and every address is http(s), mailto or a relative link within the
  site: `javascript:`, `data:` and the rest are refused, and so are targets written with
  character references or backslashes, which could spell a scheme in disguise.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from .errors import EditionError, shortened

ALLOWED_TAGS = ('<span lang="es">', "</span>")
TAG_RE = re.compile(r"</?[A-Za-z!?][^>]*>?")
AUTOLINK_RE = re.compile(r"<((?:https?|mailto):[^\s<>]*)>")
ATTRIBUTE_LIST_RE = re.compile(r"\{\s*:|\{\s*[#.][A-Za-z_]|\{\s*[A-Za-z_-]+=")
IMAGE_RE = re.compile(r"!\[")
INLINE_TARGET_RE = re.compile(r"\]\(\s*<?([^)\s>]*)")
REFERENCE_TARGET_RE = re.compile(r"^\s*\[[^\]]+\]:\s*<?(\S*?)>?(?:\s|$)", re.MULTILINE)
SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
SCHEMES = ("http", "https", "mailto")
# Where a field is an address (a link's target), by its key, in every data file.
URL_KEYS = ("url", "publisher_url")
UNSAFE_URL_CHARACTERS = re.compile(r"[\s<>\"'`\\{}]|&#|[\x00-\x1f\x7f]")


def url_problem(url: str, schemes: tuple[str, ...] = SCHEMES, relative: bool = False) -> str | None:
    """Why `url` may not be a link's target; None when it may."""
    if UNSAFE_URL_CHARACTERS.search(url):
        return "it holds a space, a quote, an angle bracket, a brace, a backslash or a character reference"
    scheme = SCHEME_RE.match(url)
    if scheme is None:
        if relative and not url.startswith("//"):
            return None
        return f"it must start with {' or '.join(name + ':' for name in schemes)}"
    if scheme.group(1).lower() not in schemes:
        return f"the scheme '{scheme.group(1)}:' is not allowed (only {', '.join(name + ':' for name in schemes)})"
    if scheme.group(1).lower() in ("http", "https") and not urlsplit(url).netloc:
        return "it names no host"
    return None


def check_url(path: Path | str, line: int | None, field: str, url: str,
              schemes: tuple[str, ...] = ("http", "https")) -> None:
    problem = url_problem(url, schemes)
    if problem:
        raise EditionError(path, line, f"'{field}' = {shortened(url)!r} is not an address a page may link to: "
                           f"{problem}")


# Control characters (but tab and line end) and the private-use characters the pipeline's own
# marks are made of (edition/tokens.py): a text holding one could forge a mark.
FORBIDDEN_CHARACTERS_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ue000-\uf8ff]")


def text_problem(text: str) -> str | None:
    """Why `text` breaks the markup rule; None when it keeps it."""
    bad = FORBIDDEN_CHARACTERS_RE.search(text)
    if bad:
        return f"the invisible character U+{ord(bad.group(0)):04X} is not allowed in a text"
    for match in TAG_RE.finditer(text):
        tag = match.group(0)
        if tag in ALLOWED_TAGS or AUTOLINK_RE.fullmatch(tag) and url_problem(tag[1:-1]) is None:
            continue
        return (f"the HTML {shortened(tag, 40)!r} is not allowed: write plain text or Markdown (the only "
                'tag allowed is the language mark <span lang="es">…</span>)')
    if ATTRIBUTE_LIST_RE.search(text):
        found = ATTRIBUTE_LIST_RE.search(text).group(0)
        return f"the attribute list {found!r}… is not allowed in a text: it could set any attribute of the page"
    if IMAGE_RE.search(text):
        return "an image ('![…](…)') is not allowed in a text: it would load a file from elsewhere"
    for pattern in (INLINE_TARGET_RE, REFERENCE_TARGET_RE):
        for match in pattern.finditer(text):
            problem = url_problem(match.group(1), relative=True)
            if problem:
                return f"the link target {shortened(match.group(1), 60)!r} is not allowed: {problem}"
    return None


def check_document(path: Path, document: object) -> None:
    """Every text of a loaded data file keeps the markup rule; every address is http(s)."""
    from . import datafiles  # datafiles calls this module

    def walk(value: object, key: str | None, line: int | None) -> None:
        if isinstance(value, dict):
            for name, item in value.items():
                if name != datafiles.LINE_KEY:
                    walk(item, str(name), datafiles.line_of(value, name))
        elif isinstance(value, list):
            lines = getattr(value, "item_lines", None) or [line] * len(value)
            for item, item_line in zip(value, lines, strict=True):
                walk(item, key, item_line)
        elif isinstance(value, str):
            if key in URL_KEYS:
                check_url(path, line, key, value)
                return
            problem = text_problem(value)
            if problem:
                raise EditionError(path, line, f"'{key}': {problem}")

    walk(document, None, 1)
