"""Loading `editorial/glossary.yml`: every entry checked, every error naming the file and line.

The `find` phrases become one regular expression over the article's HTML text: a space, a
hyphen or a dash in a phrase matches any white space (a line break or a no-break space too),
hyphen or dash ("Plan Puebla Panamá" finds "Plan Puebla–Panamá"), a final plural "s"/"es" is
allowed, and phrases
written in capitals (acronyms) are matched case-sensitively so that "PAN" never finds "Pan-".
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

from edition import datafiles, sourcing
from edition.errors import EditionError

FIELDS = {
    "id": str, "term": str, "lang": str, "expansion": (str, type(None)), "translation": (str, type(None)),
    "short": str, "definition": str, "in_article": str, "caution": (str, type(None)),
    "names_note": (str, type(None)), "find": list, "aliases": list, "related": list, "sources": list,
    "status": (str, type(None)), "hedge_dropped_because": (str, type(None)),
}
# An alias is another name of the same thing, and says where that name is used: "the article"
# (it must then be found in the article's text) or the number of one of the entry's sources.
ARTICLE = "the article"
LANGUAGES = ("en", "es")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SHORT_MAX = 200  # characters: the tooltip and the index line must stay one glance long
URL_RE = re.compile(r"^https?://\S+$")

# White space as it can stand in the HTML text: characters or the no-break space entity.
SPACE = r"(?:\s|&nbsp;|&#160;|&#xa0;)+"
DASH = r"(?:(?:\s|&nbsp;|&#160;|&#xa0;)*[-‐‑–—](?:\s|&nbsp;|&#160;|&#xa0;)*|" + SPACE + ")"


@dataclass(frozen=True)
class Source:
    text: str
    url: str | None


@dataclass(frozen=True)
class Alias:
    name: str
    source: str | int  # ARTICLE, or the 1-based number of one of the entry's sources
    line: int


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    lang: str
    expansion: str | None
    translation: str | None
    short: str
    definition: str
    in_article: str
    caution: str | None
    find: tuple[str, ...]
    aliases: tuple[Alias, ...]
    related: tuple[str, ...]
    sources: tuple[Source, ...]
    line: int
    names_note: str | None = None
    status: str | None = None
    hedge_dropped_because: str | None = None


def load(path: Path) -> list[Term]:
    terms: list[Term] = []
    for entry in datafiles.entries(path, "terms", FIELDS):
        line = entry[datafiles.LINE_KEY]
        terms.append(_term(entry, line, path))
    ids = [term.id for term in terms]
    for term in terms:
        if ids.count(term.id) > 1:
            raise EditionError(path, term.line, f"duplicate id '{term.id}'")
        for other in term.related:
            if other not in ids:
                raise EditionError(path, term.line, f"{term.id}: related term '{other}' is not in the glossary")
            if other == term.id:
                raise EditionError(path, term.line, f"{term.id}: a term cannot be related to itself")
    phrases = [(phrase.casefold(), term) for term in terms for phrase in term.find]
    for phrase, term in phrases:
        owners = {other.id for other_phrase, other in phrases if other_phrase == phrase}
        if len(owners) > 1:
            raise EditionError(path, term.line,
                               f"the phrase '{phrase}' is listed under more than one term: {sorted(owners)}")
    return terms


def _term(entry: dict, line: int, path: Path) -> Term:
    name = entry["id"]
    if not ID_RE.match(name):
        raise EditionError(path, line, f"id '{name}' must be lower-case letters, digits and hyphens")
    if entry["lang"] not in LANGUAGES:
        raise EditionError(path, line, f"{name}: unknown lang '{entry['lang']}' (known: {', '.join(LANGUAGES)})")
    short = " ".join(entry["short"].split())
    if len(short) > SHORT_MAX:
        raise EditionError(path, line, f"{name}: the short definition is {len(short)} characters; at most {SHORT_MAX}")
    for field in ("find", "related"):
        if not all(isinstance(item, str) and item.strip() for item in entry[field]):
            raise EditionError(path, line, f"{name}: every item under '{field}' must be a non-empty string")
    if not entry["find"]:
        raise EditionError(path, line, f"{name}: 'find' must list at least one phrase")
    sources = []
    for source in entry["sources"]:
        if not isinstance(source, dict) or set(source) - {"text", "url", datafiles.LINE_KEY} or "text" not in source:
            raise EditionError(path, line, f"{name}: every source must be a mapping with 'text' and 'url'")
        url = source.get("url")
        if url is not None and not (isinstance(url, str) and URL_RE.match(url)):
            raise EditionError(path, source[datafiles.LINE_KEY],
                               f"{name}: source url {url!r} is not an http(s) address")
        sources.append(Source(" ".join(str(source["text"]).split()), url))
    _sources, status = sourcing.check(sources, entry["status"], path, line, name)
    aliases = tuple(_alias(item, name, len(sources), path, line) for item in entry["aliases"])
    text = {key: " ".join(entry[key].split()) if isinstance(entry[key], str) else entry[key]
            for key in ("term", "expansion", "translation", "definition", "in_article", "caution", "names_note")}
    return Term(name, text["term"], entry["lang"], text["expansion"], text["translation"], short,
                text["definition"], text["in_article"], text["caution"], tuple(entry["find"]),
                aliases, tuple(entry["related"]), tuple(sources), line, text["names_note"], status,
                entry["hedge_dropped_because"])


def _alias(item, name: str, source_count: int, path: Path, line: int) -> Alias:
    """One alias: `name` and `source` (the article, or the number of one of the entry's sources)."""
    if not isinstance(item, dict) or set(item) - {"name", "source", datafiles.LINE_KEY} or "name" not in item:
        raise EditionError(path, line, f"{name}: every alias is a mapping with 'name' (another name of the same "
                           f"thing) and 'source' ('{ARTICLE}', or the number of the source that uses the name); "
                           f"a related name or a guess belongs under 'names_note'")
    line = item[datafiles.LINE_KEY]
    alias, source = item["name"], item.get("source")
    if not isinstance(alias, str) or not alias.strip():
        raise EditionError(path, line, f"{name}: an alias's name must be a non-empty string")
    if source != ARTICLE and not (isinstance(source, int) and not isinstance(source, bool)
                                  and 1 <= source <= source_count):
        raise EditionError(path, line, f"{name}: the alias {alias!r} needs a source: '{ARTICLE}' or the number "
                           f"of one of the entry's {source_count} sources")
    return Alias(" ".join(alias.split()), source, line)


def is_acronym(phrase: str) -> bool:
    """Written in capitals (and digits): matched case-sensitively."""
    return any(char.isupper() for char in phrase) and not any(char.islower() for char in phrase)


def phrase_regex(phrase: str) -> str:
    """The regex (over HTML-escaped text) for one phrase, plural allowed, whole words only."""
    words = []
    for word in phrase.split():
        parts = [re.escape(html.escape(part, quote=False)) for part in re.split(r"[-‐‑–—]", word)]
        words.append(DASH.join(parts))
    body = DASH.join(words) + "(?:s|es)?"
    if not is_acronym(phrase):
        body = f"(?i:{body})"
    return rf"(?<!\w){body}(?!\w)"


class Matcher:
    """All the terms' phrases as one regex, longest phrase first; tells which term matched."""

    def __init__(self, terms: list[Term]) -> None:
        alternatives = sorted(((phrase, term.id) for term in terms for phrase in term.find),
                              key=lambda item: (-len(item[0]), item[0]))
        self.groups = {f"g{index}": item for index, item in enumerate(alternatives)}
        self.regex = re.compile("|".join(f"(?P<g{index}>{phrase_regex(phrase)})"
                                         for index, (phrase, _term) in enumerate(alternatives)))

    def finditer(self, text: str):
        """(start, end, term id, phrase) for each occurrence in `text`."""
        for match in self.regex.finditer(text):
            phrase, term_id = self.groups[match.lastgroup]
            yield match.start(), match.end(), term_id, phrase


def check_against_article(terms: list[Term], all_passages: dict, path: Path, matcher: Matcher | None = None) -> None:
    """What needs the article's text: an alias said to be the article's must be found in it, and
    each "In the article" line must keep the hedges of the paragraphs where the term occurs
    (see summaries.hedges). `all_passages` maps "par-N" to the paragraph (summaries.passages);
    `matcher`, the terms' Matcher if already made (compiling it is most of the cost)."""
    from summaries import hedges  # the hedge lint lives with the other sentences it reads

    matcher = matcher or Matcher(terms)
    where: dict[str, list[str]] = {}
    for paragraph, passage in all_passages.items():
        for _start, _end, term_id, _phrase in matcher.finditer(html.escape(passage.text, quote=False)):
            if paragraph not in where.setdefault(term_id, []):
                where[term_id].append(paragraph)
    article = "\n\n".join(html.escape(passage.text, quote=False) for passage in all_passages.values())
    claims = []
    for term in terms:
        for alias in term.aliases:
            if alias.source == ARTICLE and not re.search(phrase_regex(alias.name), article):
                raise EditionError(path, alias.line, f"{term.id}: the alias {alias.name!r} is given as the article's "
                                   "name, but the article never uses it; give the number of the source that does")
        claims += [hedges.Claim(term.in_article, paragraph, None, term.hedge_dropped_because, path, term.line,
                                f"{term.id}: 'in_article'") for paragraph in where.get(term.id, [])]
    hedges.check(claims, all_passages)
