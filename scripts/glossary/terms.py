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

from edition import datafiles
from edition.errors import EditionError

FIELDS = {
    "id": str, "term": str, "lang": str, "expansion": (str, type(None)), "translation": (str, type(None)),
    "short": str, "definition": str, "in_article": str, "caution": (str, type(None)),
    "find": list, "aliases": list, "related": list, "sources": list,
}
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
    aliases: tuple[str, ...]
    related: tuple[str, ...]
    sources: tuple[Source, ...]
    line: int


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
            raise EditionError(path, term.line, f"the phrase '{phrase}' is listed under more than one term: {sorted(owners)}")
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
    for field in ("find", "aliases", "related"):
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
            raise EditionError(path, source[datafiles.LINE_KEY], f"{name}: source url {url!r} is not an http(s) address")
        sources.append(Source(" ".join(str(source["text"]).split()), url))
    if not sources:
        raise EditionError(path, line, f"{name}: at least one source is required")
    text = {key: " ".join(entry[key].split()) if isinstance(entry[key], str) else entry[key]
            for key in ("term", "expansion", "translation", "definition", "in_article", "caution")}
    return Term(name, text["term"], entry["lang"], text["expansion"], text["translation"], short,
                text["definition"], text["in_article"], text["caution"], tuple(entry["find"]),
                tuple(entry["aliases"]), tuple(entry["related"]), tuple(sources), line)


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
