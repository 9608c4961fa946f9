"""How to cite the article itself: its BibTeX entry (`bib/article.bib`, served for download as
it is), checked against `editorial/article.yml`; from it, the reference in the journal's style
and in Chicago (notes and bibliography: the bibliography entry), and an RIS file.
"""

from __future__ import annotations

import html
from pathlib import Path

from edition import publication
from edition.errors import EditionError

from . import journal_style
from .entries import Reference, line_of, names, parse, plain

ARTICLE_BIB = Path("bib") / "article.bib"
DOWNLOAD_NAME = "manukhin-robles-herrera-2019"


def load(root: Path, source: publication.Publication) -> Reference:
    """The article's entry, which must agree field by field with `editorial/article.yml` as
    `edition.publication` loaded and checked it."""
    path = root / ARTICLE_BIB
    data, lines = parse(path)
    if len(data.entries) != 1:
        raise EditionError(path, None, f"expected the article's one entry, found {len(data.entries)}")
    key, entry = next(iter(data.entries.items()))
    fields = {name.lower(): value for name, value in entry.fields.items()}
    # The downloadable file uses the classic names (journal, year) that BibTeX and biblatex both read.
    fields["journaltitle"] = fields.pop("journal", "")
    fields["date"] = fields.pop("year", "")
    reference = Reference(key=key, type=entry.type.lower(), number=0, fields=fields,
                          authors=names(entry.persons.get("author", [])), editors=(),
                          line=line_of(lines, key) or 1, printed="", corrections=())
    expected = {
        "title": source.title, "journaltitle": source.journal_en, "date": str(source.year),
        "volume": str(source.volume), "number": str(source.issue),
        "pages": f"{source.first_page}–{source.last_page}", "doi": source.doi, "url": source.publisher_url,
    }
    bib_names = {"journaltitle": "journal", "date": "year"}
    for field, value in expected.items():
        if plain(fields.get(field, "")) != value:
            raise EditionError(path, line_of(lines, key, bib_names.get(field, field)),
                               f"{bib_names.get(field, field)} = {plain(fields.get(field, ''))!r} disagrees with "
                               f"{publication.ARTICLE_DATA}: {value!r}")
    authors = [(author.family, author.given) for author in source.authors]
    if [(name.family, name.given) for name in reference.authors] != authors:
        raise EditionError(path, line_of(lines, key, "author"),
                           f"author disagrees with {publication.ARTICLE_DATA}: {authors}")
    return reference


def journal_style_html(article: Reference) -> str:
    return journal_style.format_reference(article, journal_style.markdown_text)


def chicago_pages(first: str, last: str) -> str:
    """Chicago's inclusive numbers (CMOS 9.61) for ranges within one hundred's: 169–80, 101–8, 100–104."""
    start = int(first)
    if start < 100 or start % 100 == 0 or len(first) != len(last):
        return f"{first}–{last}"
    keep = 1 if start % 100 < 10 else 2
    common = 0
    while common < len(first) - keep and first[common] == last[common]:
        common += 1
    return f"{first}–{last[common:]}"


def chicago_html(article: Reference) -> str:
    """Chicago, 17th edition, notes and bibliography style: the entry for the bibliography."""
    text = journal_style.markdown_text
    people = article.authors
    shown = [f"{people[0].family}, {people[0].given}"] + [f"{person.given} {person.family}" for person in people[1:]]
    authors = shown[0] if len(shown) == 1 else (
        f"{shown[0]}, and {shown[1]}" if len(shown) == 2 else ", ".join(shown[:-1]) + ", and " + shown[-1])
    first, last = article.get("pages").split("–")
    doi = f"https://doi.org/{article.fields['doi']}"
    return (f"{text(authors)}. {text('“' + article.get('title') + '.”')} <i>{text(article.get('journaltitle'))}</i> "
            f"{text(article.get('volume'))}, no. {text(article.get('number'))} ({article.year}): "
            f"{chicago_pages(first, last)}. "
            f'<a href="{html.escape(doi)}">{text(doi)}</a>.')


def ris(article: Reference) -> str:
    """The article as an RIS record (the format reference managers import), CRLF line ends."""
    first, last = article.get("pages").split("–")
    lines = [("TY", "JOUR")]
    lines += [("AU", f"{person.family}, {person.given}") for person in article.authors]
    lines += [("TI", article.get("title")), ("T2", article.get("journaltitle")), ("PY", article.year),
              ("VL", article.get("volume")), ("IS", article.get("number")), ("SP", first), ("EP", last),
              ("DO", article.fields["doi"]), ("UR", f"https://doi.org/{article.fields['doi']}"), ("LA", "en")]
    lines += [("KW", keyword.strip()) for keyword in article.get("keywords").split(",")]
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in lines)
