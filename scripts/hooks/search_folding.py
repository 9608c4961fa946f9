"""MkDocs hook: search without accents ("diaz" finds Díaz, "merida" Mérida, "pena nieto" Peña Nieto).

Material's search runs lunr in the browser over search/search_index.json and matches words as
written: it does not fold accents (a known upstream limitation), so a reader without a Spanish
keyboard could not find half the names in the article. At the end of the build this hook
rewrites the index: after every word with an accent or tilde in a title or text, it adds the
word's unaccented form, hidden:

    Díaz  →  <span class="search-fold">Díaz<span hidden>Diaz</span></span>

lunr indexes both forms; the result preview renders the index's HTML, so the hidden form is
never seen, and when it is the form that matched, search.css underlines the visible word as
Material marks any match. The pages themselves are untouched. Typing the accents still works.
"""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

INDEX = Path("search") / "search_index.json"
TAG_RE = re.compile(r"(<[^>]*>)")
WORD_RE = re.compile(r"\w+")
FOLD_CLASS = "search-fold"


def on_post_build(config: MkDocsConfig) -> None:
    path = Path(config.site_dir) / INDEX
    if not path.exists():
        raise PluginError(f"search folding: {INDEX} was not written: is the search plugin enabled?")
    index = json.loads(path.read_text(encoding="utf-8"))
    for document in index["docs"]:
        for field in ("title", "text"):
            if field in document:
                document[field] = fold_html(document[field])
    # the same serialisation as Material's search plugin
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")


# ---- helpers -------------------------------------------------------------------------------

def fold(word: str) -> str:
    """The word without its accents, when that leaves plain Latin letters (Cyrillic is left alone)."""
    if word.isascii():  # most words: nothing to fold, and no need to decompose them
        return word
    stripped = "".join(char for char in unicodedata.normalize("NFD", word) if not unicodedata.combining(char))
    return stripped if stripped.isascii() else word


def fold_html(value: str) -> str:
    """Every accented word in the text parts of an index entry gets its hidden folded form."""
    if f'class="{FOLD_CLASS}"' in value:
        raise PluginError("search folding: the index is already folded (the hook ran twice?)")

    def word(match: re.Match) -> str:
        folded = fold(match.group(0))
        if folded == match.group(0):
            return folded
        return f'<span class="{FOLD_CLASS}">{match.group(0)}<span hidden>{folded}</span></span>'

    parts = TAG_RE.split(value)
    return "".join(part if index % 2 else WORD_RE.sub(word, part) for index, part in enumerate(parts))
