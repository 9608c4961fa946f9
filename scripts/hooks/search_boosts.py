"""MkDocs hook: the page a reader means comes first in the search results.

Material's search (lunr) weighs a match in a title a thousand times one in the text. A glossary
page's title is its term alone ("SICA"), so a reader typing the full name, "Sistema de la
Integración Centroamericana", or an alias, "Comando Sur", found the article sections that use
the words before the term's own page. At the end of the build this hook rewrites the index
(search/search_index.json) so that:

- a glossary page's title also holds, hidden, the term's expansion, translation and aliases
  (editorial/glossary.yml), and the term once more: they count as title words, and the result
  still shows the term alone (the preview renders the index's HTML: `<span hidden>` is never
  seen). The repeated term lifts "DACA" above the section whose title names DACA among others;
- the at-a-glance pages (summaries, timeline, key figures) weigh half: they retell the article
  in a few words each, and lunr, as Material sets it up, does not discount long pages, so the
  timeline, which names everyone once, came before the section that tells of them;
- each article page holds, hidden, one word per printed page that begins on it
  ("printedpage174", from the page markers `| p. 174`), which search-query.js puts for a
  query such as "p. 174" or "page 174": the reader lands where that printed page begins.

It runs before search_folding.py, which then adds the unaccented forms to these words too.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from glossary import terms as glossary_terms
from summaries.pages import DIRECTORY as AT_A_GLANCE

INDEX = Path("search") / "search_index.json"
GLOSSARY = Path("editorial") / "glossary.yml"
PAGE_START_RE = re.compile(r'<a class="page-start"[^>]*\bdata-page="(\d+)"')
PAGE_WORD = "printedpage{}"  # search-query.js turns "p. 174" into this word
HIDDEN_CLASS = "search-also"
# what the at-a-glance pages weigh against the rest (1): measured with scripts/benchmark.py
# --search-only, 0.5 puts every name's section first and leaves "timeline" on the timeline
AT_A_GLANCE_BOOST = 0.5


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    path = site / INDEX
    if not path.exists():
        raise PluginError(f"search boosts: {INDEX} was not written: is the search plugin enabled?")
    index = json.loads(path.read_text(encoding="utf-8"))
    names = glossary_names(Path(config.config_file_path).parent / GLOSSARY)
    for document in index["docs"]:
        location = document["location"]
        if location.startswith(f"{AT_A_GLANCE}/"):
            document["boost"] = AT_A_GLANCE_BOOST
        if "#" in location:
            continue
        if location in names:
            document["title"] = with_hidden(document["title"], names[location])
        page = site / location / "index.html"
        if location.startswith("article/") and page.is_file():
            printed = PAGE_START_RE.findall(page.read_text(encoding="utf-8"))
            if printed:
                document["text"] = with_hidden(document["text"], [PAGE_WORD.format(number) for number in printed])
    # the same serialisation as Material's search plugin
    path.write_text(json.dumps(index, separators=(",", ":"), default=str), encoding="utf-8")


# ---- helpers -------------------------------------------------------------------------------

def glossary_names(path: Path) -> dict[str, list[str]]:
    """Index location of each glossary page → the other names its term goes by."""
    if not path.exists():
        return {}
    names = {}
    for term in glossary_terms.load(path):
        others = [term.expansion, term.translation, *(alias.name for alias in term.aliases)]
        names[f"glossary/{term.id}/"] = [*dict.fromkeys(name for name in others if name and name != term.term),
                                         term.term]
    return names


def with_hidden(value: str, words: list[str]) -> str:
    """The index field with the words added, hidden, at its end (escaped: they come from data files)."""
    if f'class="{HIDDEN_CLASS}"' in value:
        raise PluginError("search boosts: the index is already rewritten (the hook ran twice?)")
    if not words:
        return value
    return f'{value}<span class="{HIDDEN_CLASS}" hidden> {html.escape(" · ".join(words), quote=False)}</span>'
