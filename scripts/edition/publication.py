"""The facts the site publishes about itself and its source: `editorial/article.yml` (the
bibliographic data) and `editorial/publication.yml` (licence statement, edition statement, PDF
name), checked and loaded once for the hooks that print them (attribution, citation metadata,
print view, PDF)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import datafiles
from .errors import EditionError

ARTICLE_FIELDS = {"title": str, "authors": list, "journal": dict, "publisher": str, "year": int,
                  "volume": int, "issue": int, "first_page": int, "last_page": int, "doi": str,
                  "publisher_url": str}
PUBLICATION_FIELDS = {"licence": str, "edition_statement": str, "pdf_file": str, "companion_pdf_file": str,
                      "epub_file": str}
FILE_ENDINGS = {"pdf_file": ".pdf", "companion_pdf_file": ".pdf", "epub_file": ".epub"}
AUTHOR_FIELDS = {"name": str, "given": str, "family": str, "affiliations": list}
JOURNAL_FIELDS = {"en": str, "ru": str}


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


def _check(path: Path, mapping: object, fields: dict[str, type], what: str) -> dict:
    if not isinstance(mapping, dict):
        raise EditionError(path, None, f"{what} must be a mapping")
    line = mapping.get(datafiles.LINE_KEY)
    for name, kind in fields.items():
        if name not in mapping:
            raise EditionError(path, line, f"{what}: missing field '{name}'")
        if not isinstance(mapping[name], kind) or (kind is str and not mapping[name].strip()):
            raise EditionError(path, line, f"{what}: field '{name}' must be a non-empty {kind.__name__}")
    return mapping


def load(root: Path) -> Publication:
    article_path = root / "editorial" / "article.yml"
    publication_path = root / "editorial" / "publication.yml"
    article = _check(article_path, datafiles.load(article_path), ARTICLE_FIELDS, "article")
    publication = datafiles.load(publication_path)
    _check(publication_path, publication, PUBLICATION_FIELDS, "publication")
    for name in publication:
        if name != datafiles.LINE_KEY and name not in PUBLICATION_FIELDS:
            raise EditionError(publication_path, None, f"unknown field '{name}' (known: {', '.join(PUBLICATION_FIELDS)})")
    for name, ending in FILE_ENDINGS.items():
        if "/" in publication[name] or not publication[name].endswith(ending):
            raise EditionError(publication_path, None, f"{name} must be a plain file name ending in {ending}")
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
        edition_statement=" ".join(publication["edition_statement"].split()), pdf_file=publication["pdf_file"],
        companion_pdf_file=publication["companion_pdf_file"], epub_file=publication["epub_file"])
