"""The facts the site publishes about itself and its source: `editorial/article.yml` (the
bibliographic data) and `editorial/publication.yml` (licence statement, edition statement, PDF
name), checked and loaded once for the hooks that print them (attribution, citation metadata,
print view, PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import datafiles
from .errors import EditionError, shortened

ARTICLE_FIELDS = {"title": str, "authors": list, "journal": dict, "publisher": str, "year": int,
                  "volume": int, "issue": int, "first_page": int, "last_page": int, "doi": str,
                  "publisher_url": str, "last_body_page": int, "udc": str}
PUBLICATION_FIELDS = {"licence": str, "edition_statement": str, "pdf_file": str}
AUTHOR_FIELDS = {"name": str, "given": str, "family": str, "affiliations": list}
JOURNAL_FIELDS = {"en": str, "ru": str, "rubric_ru": str}


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
    publisher: str
    year: int
    volume: int
    issue: int
    first_page: int
    last_page: int
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


def _check(path: Path, mapping: object, fields: dict[str, type], what: str) -> dict:
    if not isinstance(mapping, dict):
        raise EditionError(path, None, f"{what} must be a mapping")
    line = mapping.get(datafiles.LINE_KEY)
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
    article_path = root / "editorial" / "article.yml"
    publication_path = root / "editorial" / "publication.yml"
    article = article_metadata(article_path)
    publication = datafiles.load(publication_path)
    _check(publication_path, publication, PUBLICATION_FIELDS, "publication")
    for name in publication:
        if name != datafiles.LINE_KEY and name not in PUBLICATION_FIELDS:
            raise EditionError(publication_path, None, f"unknown field '{name}' (known: {', '.join(PUBLICATION_FIELDS)})")
    if "/" in publication["pdf_file"] or not publication["pdf_file"].endswith(".pdf"):
        raise EditionError(publication_path, None, "pdf_file must be a plain file name ending in .pdf")
    journal = _check(article_path, article["journal"], JOURNAL_FIELDS, "journal")
    authors = []
    for entry in article["authors"]:
        entry = _check(article_path, entry, AUTHOR_FIELDS, "author")
        authors.append(Author(entry["name"], entry["given"], entry["family"], tuple(entry["affiliations"])))
    if not authors:
        raise EditionError(article_path, None, "article: no authors")
    return Publication(
        title=article["title"], authors=tuple(authors), journal_en=journal["en"], journal_ru=journal["ru"],
        publisher=article["publisher"], year=article["year"], volume=article["volume"], issue=article["issue"],
        first_page=article["first_page"], last_page=article["last_page"], doi=article["doi"],
        publisher_url=article["publisher_url"], licence=" ".join(publication["licence"].split()),
        edition_statement=" ".join(publication["edition_statement"].split()), pdf_file=publication["pdf_file"])
