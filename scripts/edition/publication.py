"""The facts the site publishes about itself and its source: `editorial/article.yml` (the
bibliographic data) and `editorial/publication.yml` (licence statement, edition statement, PDF
name). This module is the one loader of both files: every field is checked here, before anything
uses it (a missing or ill-typed field names the file and its line), and everything else — the
pipeline (first page), the landing page, the article's BibTeX entry, the citation metadata, the
print view and the PDF — reads the `Publication` it returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import datafiles
from .errors import EditionError

ARTICLE_DATA = Path("editorial") / "article.yml"
PUBLICATION_DATA = Path("editorial") / "publication.yml"
ARTICLE_FIELDS = {"title": str, "authors": list, "journal": dict, "publisher": str, "year": int,
                  "volume": int, "issue": int, "first_page": int, "last_page": int, "last_body_page": int,
                  "udc": str, "doi": str, "publisher_url": str}
PUBLICATION_FIELDS = {"licence": str, "edition_statement": str, "pdf_file": str}
AUTHOR_FIELDS = {"name": str, "given": str, "family": str, "affiliations": list}
JOURNAL_FIELDS = {"en": str, "ru": str, "rubric_ru": str}
KIND_NAMES = {str: "a non-empty text", int: "a whole number", list: "a list", dict: "a mapping"}


@dataclass(frozen=True)
class Author:
    name: str
    given: str
    family: str
    affiliations: tuple[str, ...]


@dataclass(frozen=True)
class Publication:
    title: str
    authors: tuple[Author, ...]
    journal_en: str
    journal_ru: str
    journal_rubric_ru: str  # the issue's section the article was printed in
    publisher: str
    year: int
    volume: int
    issue: int
    first_page: int
    last_page: int
    last_body_page: int  # the body's last page; the reference list fills the rest
    udc: str
    doi: str
    publisher_url: str
    licence: str
    edition_statement: str
    pdf_file: str

    @property
    def doi_url(self) -> str:
        return f"https://doi.org/{self.doi}"

    @property
    def author_names(self) -> str:
        return " and ".join(author.name for author in self.authors)

    @property
    def source(self) -> str:
        """The source as a reference: journal, volume(issue), year, pages."""
        return (f"{self.journal_en} {self.volume}({self.issue}), {self.year}, "
                f"pp. {self.first_page}–{self.last_page}")


def field_line(path: Path, name: str, after: int | None) -> int | None:
    """The line of `name:` in the file, at or after the line of its mapping (the loader records
    only where each mapping starts)."""
    pattern = re.compile(rf"^\s*(?:-\s+)?{re.escape(name)}\s*:")
    lines = path.read_text(encoding="utf-8").splitlines()
    for number in range(after or 1, len(lines) + 1):
        if pattern.match(lines[number - 1]):
            return number
    return after


def _check(path: Path, mapping: object, fields: dict[str, type], what: str, line: int | None = None) -> dict:
    """The mapping, with exactly the known fields, each of its type (text not empty)."""
    if not isinstance(mapping, dict):
        raise EditionError(path, line, f"{what} must be a mapping of fields ({', '.join(fields)})")
    line = mapping.get(datafiles.LINE_KEY, line)
    for name in mapping:
        if name != datafiles.LINE_KEY and name not in fields:
            raise EditionError(path, field_line(path, name, line),
                               f"{what}: unknown field '{name}' (known: {', '.join(fields)})")
    for name, kind in fields.items():
        if name not in mapping:
            raise EditionError(path, line, f"{what}: missing field '{name}'")
        value = mapping[name]
        # YAML reads `true` as a bool, which Python counts as an int: not a page number
        if not isinstance(value, kind) or isinstance(value, bool) or (kind is str and not value.strip()):
            raise EditionError(path, field_line(path, name, line),
                               f"{what}: field '{name}' must be {KIND_NAMES[kind]}, not {value!r}")
    return mapping


def load(root: Path) -> Publication:
    """Both files, checked; the first error found names its file (relative to `root`) and line."""
    article_path = root / ARTICLE_DATA
    publication_path = root / PUBLICATION_DATA
    article = _check(article_path, datafiles.load(article_path), ARTICLE_FIELDS, "article", 1)
    publication = _check(publication_path, datafiles.load(publication_path), PUBLICATION_FIELDS, "publication", 1)
    if "/" in publication["pdf_file"] or not publication["pdf_file"].endswith(".pdf"):
        raise EditionError(publication_path, field_line(publication_path, "pdf_file", 1),
                           "pdf_file must be a plain file name ending in .pdf")
    journal = _check(article_path, article["journal"], JOURNAL_FIELDS, "journal",
                     field_line(article_path, "journal", 1))
    if not article["first_page"] <= article["last_body_page"] <= article["last_page"]:
        raise EditionError(article_path, field_line(article_path, "last_body_page", 1),
                           "article: the pages must run first_page ≤ last_body_page ≤ last_page")
    authors = []
    for entry in article["authors"]:
        entry = _check(article_path, entry, AUTHOR_FIELDS, "author", field_line(article_path, "authors", 1))
        if not entry["affiliations"] or not all(isinstance(item, str) and item.strip()
                                                for item in entry["affiliations"]):
            raise EditionError(article_path, field_line(article_path, "affiliations", entry[datafiles.LINE_KEY]),
                               f"author {entry['name']}: affiliations must be a list of non-empty texts")
        authors.append(Author(entry["name"], entry["given"], entry["family"], tuple(entry["affiliations"])))
    if not authors:
        raise EditionError(article_path, field_line(article_path, "authors", 1), "article: no authors")
    return Publication(
        title=article["title"], authors=tuple(authors), journal_en=journal["en"], journal_ru=journal["ru"],
        journal_rubric_ru=journal["rubric_ru"], publisher=article["publisher"], year=article["year"],
        volume=article["volume"], issue=article["issue"], first_page=article["first_page"],
        last_page=article["last_page"], last_body_page=article["last_body_page"], udc=article["udc"],
        doi=article["doi"], publisher_url=article["publisher_url"],
        licence=" ".join(publication["licence"].split()),
        edition_statement=" ".join(publication["edition_statement"].split()), pdf_file=publication["pdf_file"])
