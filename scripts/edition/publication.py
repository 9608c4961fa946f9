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
from .errors import EditionError, shortened

ARTICLE_DATA = Path("editorial") / "article.yml"
PUBLICATION_DATA = Path("editorial") / "publication.yml"
ARTICLE_FIELDS = {"title": str, "authors": list, "journal": dict, "publisher": str, "year": int,
                  "volume": int, "issue": int, "first_page": int, "last_page": int, "last_body_page": int,
                  "udc": str, "doi": str, "publisher_url": str}
PUBLICATION_FIELDS = {"licence": str, "edition_statement": str, "pdf_file": str, "companion_pdf_file": str,
                      "epub_file": str}
FILE_ENDINGS = {"pdf_file": ".pdf", "companion_pdf_file": ".pdf", "epub_file": ".epub"}
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
    companion_pdf_file: str
    epub_file: str

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
    datafiles.unknown_keys(path, mapping, fields, what)
    for name, kind in fields.items():
        if name not in mapping:
            raise EditionError(path, line, f"{what}: missing field '{name}'")
        value = mapping[name]
        if (not isinstance(value, kind) or isinstance(value, bool) or (kind is str and not value.strip())
                or (kind is int and value <= 0)):
            expected = {str: "a non-empty text", int: "a whole number above 0", list: "a list",
                        dict: "a mapping"}[kind]
            raise EditionError(path, datafiles.line_of(mapping, name),
                               f"{what}: field '{name}' must be {expected}, got {shortened(value)!r}")
    return mapping


def article_metadata(path: Path) -> dict:
    """`editorial/article.yml`, every field checked before any step uses one."""
    article = _check(path, datafiles.load(path), ARTICLE_FIELDS, "article")
    _check(path, article["journal"], JOURNAL_FIELDS, "journal")
    if not article["authors"]:
        raise EditionError(path, datafiles.line_of(article, "authors"), "article: no authors")
    for entry in article["authors"]:
        _check(path, entry, AUTHOR_FIELDS, "author")
        if not entry["affiliations"] or not all(isinstance(item, str) and item.strip()
                                                for item in entry["affiliations"]):
            raise EditionError(path, datafiles.line_of(entry, "affiliations"),
                               f"author {shortened(entry['name'])}: affiliations must be a list of texts")
    if not article["first_page"] <= article["last_body_page"] <= article["last_page"]:
        raise EditionError(path, datafiles.line_of(article, "last_body_page"),
                           f"the pages must run first_page ≤ last_body_page ≤ last_page; they are "
                           f"{article['first_page']}, {article['last_body_page']}, {article['last_page']}")
    return article


def load(root: Path) -> Publication:
    """Both files, checked; the first error found names its file (relative to `root`) and line."""
    article_path = root / ARTICLE_DATA
    publication_path = root / PUBLICATION_DATA
    article = article_metadata(article_path)
    publication = _check(publication_path, datafiles.load(publication_path), PUBLICATION_FIELDS, "publication", 1)
    for name, ending in FILE_ENDINGS.items():
        if "/" in publication[name] or not publication[name].endswith(ending):
            raise EditionError(publication_path, datafiles.line_of(publication, name),
                               f"{name} must be a plain file name ending in {ending}")
    # article_metadata has checked the journal, the authors and the pages
    journal = article["journal"]
    authors = [Author(entry["name"], entry["given"], entry["family"], tuple(entry["affiliations"]))
               for entry in article["authors"]]
    return Publication(
        title=article["title"], authors=tuple(authors), journal_en=journal["en"], journal_ru=journal["ru"],
        journal_rubric_ru=journal["rubric_ru"], publisher=article["publisher"], year=article["year"],
        volume=article["volume"], issue=article["issue"], first_page=article["first_page"],
        last_page=article["last_page"], last_body_page=article["last_body_page"], udc=article["udc"],
        doi=article["doi"], publisher_url=article["publisher_url"],
        licence=" ".join(publication["licence"].split()),
        edition_statement=" ".join(publication["edition_statement"].split()), pdf_file=publication["pdf_file"],
        companion_pdf_file=publication["companion_pdf_file"], epub_file=publication["epub_file"])
