"""The reference list: `bib/references.bib` read with pybtex and checked against the list the
journal printed (`seeds/journal-page.txt`).

Every entry must carry its printed number, only fields we know (a misspelt field name must not
be ignored), well-formed dates and identifiers, and, for each corrected field, the printed
reading, which must be found in the printed reference. Errors name the file and the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pybtex.database import BibliographyData, Person, parse_string
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError

from edition import datafiles, markup, seeds
from edition.errors import EditionError, shortened

BIB_FILE = Path("bib") / "references.bib"
JOURNAL_PAGE_SEED = "journal-page.txt"
# The printed list runs from the line after this one to the "How to cite" heading.
LIST_STARTS_AFTER = "Данные скачивания пока недоступны."
LIST_ENDS_BEFORE = "Как цитировать"

PERSON_FIELDS = ("author", "editor")
COMMON_FIELDS = {"originalnumber", "title", "translation", "date", "langid", "url", "accessed-by-authors",
                 "isbn", "issn", "doi", "eprint", "eprinttype", "editors-note", "editors-source"}
FIELDS_BY_TYPE = {
    "book": COMMON_FIELDS | {"publisher", "location", "volume"},
    "article": COMMON_FIELDS | {"entrysubtype", "journaltitle", "volume", "number", "issue", "pages"},
    "report": COMMON_FIELDS | {"type", "number", "series", "institution", "location"},
    "online": COMMON_FIELDS | {"organization"},
}
REQUIRED_BY_TYPE = {
    "book": {"title", "publisher", "location", "date"},
    "article": {"title", "date"},
    "report": {"title", "date"},
    "online": {"title"},
}
# A scholarly article (not a newspaper piece) must say where it was published.
REQUIRED_FOR_JOURNAL_ARTICLES = {"journaltitle", "number", "pages"}
LANGUAGES = {"english", "spanish", "russian"}
PRINTED_PREFIX = "printed-"

DATE_RE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
URL_RE = re.compile(r"^https?://[^\s{}]+$")
PAGES_RE = re.compile(r"^\d+(–|--)\d+$")
# The only LaTeX the entries use: escaped % and &.
LATEX_ESCAPES = {"\\%": "%", "\\&": "&"}


@dataclass(frozen=True)
class Name:
    family: str
    given: str  # may be empty (corporate authors)
    corporate: bool


@dataclass(frozen=True)
class Correction:
    field: str
    printed: str  # "" where the printed entry had nothing
    corrected: str  # the raw BibTeX value (braces kept)


@dataclass(frozen=True)
class Reference:
    key: str
    type: str
    number: int
    fields: dict[str, str]  # raw values, braces kept
    authors: tuple[Name, ...]
    editors: tuple[Name, ...]
    line: int
    printed: str  # the reference as the journal printed it
    corrections: tuple[Correction, ...]

    def get(self, field: str) -> str:
        """The field's text as a reader sees it ('' if absent)."""
        return plain(self.fields.get(field, ""))

    @property
    def year(self) -> str:
        return self.fields.get("date", "")[:4]

    @property
    def is_newspaper(self) -> bool:
        return self.fields.get("entrysubtype") == "newspaper"


def plain(value: str) -> str:
    """A BibTeX value as text: protective braces dropped, `--` as an en dash, escapes resolved."""
    for escaped, character in LATEX_ESCAPES.items():
        value = value.replace(escaped, character)
    return value.replace("{", "").replace("}", "").replace("--", "–")


def printed_references(root: Path) -> list[str]:
    """The reference list as printed on the journal's page, one string per numbered entry."""
    text = seeds.read_seed(root / "seeds", JOURNAL_PAGE_SEED)
    path = root / "seeds" / JOURNAL_PAGE_SEED
    if LIST_STARTS_AFTER not in text or LIST_ENDS_BEFORE not in text:
        raise EditionError(path, None, "the reference list's boundaries were not found")
    part = text.split(LIST_STARTS_AFTER, 1)[1].split(LIST_ENDS_BEFORE, 1)[0]
    return [" ".join(paragraph.split()) for paragraph in re.split(r"\n\s*\n", part) if paragraph.strip()]


def line_of(lines: list[str], key: str, field: str | None = None) -> int | None:
    """The 1-based line of the entry `key` in the .bib, or of one of its fields."""
    start = next((number for number, line in enumerate(lines)
                  if re.match(rf"\s*@\w+\s*\{{\s*{re.escape(key)}\s*,", line, re.IGNORECASE)), None)
    if start is None:
        return None
    if field is None:
        return start + 1
    for number in range(start + 1, len(lines)):
        if re.match(r"\s*@\w+\s*\{", lines[number]):
            break
        if re.match(rf"\s*{re.escape(field)}\s*=", lines[number], re.IGNORECASE):
            return number + 1
    return start + 1


def parse(path: Path) -> tuple[BibliographyData, list[str]]:
    """The parsed .bib and its lines; a syntax error names its line."""
    text = datafiles.read_text(path, "bibliography")
    lines = text.splitlines()
    try:
        return parse_string(text, "bibtex"), lines
    except PybtexSyntaxError as error:
        raise EditionError(path, error.lineno, f"malformed BibTeX: {error}") from error
    except PybtexError as error:
        # Repeated entries and repeated fields carry no line: find the entry the message names.
        match = re.search(r"(?:entry with key|entry:)\s*(\S+)", str(error))
        line = None
        if match:
            key = match.group(1)
            found = [number for number, content in enumerate(lines, start=1)
                     if re.match(rf"\s*@\w+\s*\{{\s*{re.escape(key)}\s*,", content, re.IGNORECASE)]
            line = found[-1] if found else None
        raise EditionError(path, line, f"malformed BibTeX: {error}") from error


def names(people: list[Person]) -> tuple[Name, ...]:
    found = []
    for person in people:
        family = " ".join(person.prelast_names + person.last_names)
        given = " ".join(person.first_names + person.middle_names)
        corporate = family.startswith("{") and family.endswith("}") and not given
        found.append(Name(plain(family), plain(given), corporate))
    return tuple(found)


def check_isbn(isbn: str) -> bool:
    digits = isbn.replace("-", "")
    if not re.fullmatch(r"\d{13}", digits):
        return False
    total = sum(int(digit) * (1 if index % 2 == 0 else 3) for index, digit in enumerate(digits[:12]))
    return (10 - total % 10) % 10 == int(digits[12])


def check_issn(issn: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{3}[\dX]", issn):
        return False
    digits = issn.replace("-", "")
    total = sum(int(digit) * (8 - index) for index, digit in enumerate(digits[:7]))
    check = (11 - total % 11) % 11
    return digits[7] == ("X" if check == 10 else str(check))


def load(root: Path) -> list[Reference]:
    """The references in printed order, each checked; the first problem found stops the build."""
    path = root / BIB_FILE
    data, lines = parse(path)
    printed = printed_references(root)
    references: dict[int, Reference] = {}
    for key, entry in data.entries.items():
        reference = checked_entry(path, lines, key, entry, printed)
        if reference.number in references:
            raise EditionError(path, line_of(lines, key, "originalnumber"),
                               f"{key}: number {reference.number} is also used by {references[reference.number].key}")
        references[reference.number] = reference
    for number in range(1, len(printed) + 1):
        if number not in references:
            raise EditionError(path, None, f"no entry has originalnumber {number}; the printed list has "
                               f"{len(printed)} references: {printed[number - 1][:70]}…")
    return [references[number] for number in sorted(references)]


def locator_problem(reference: Reference, locator: str) -> str | None:
    """Why a citation's page locator cannot be right for `reference`: a page outside the range
    the entry gives (`pages`); None when every page cited lies in it, or the entry has no range."""
    if "pages" not in reference.fields or not locator:
        return None
    first, last = (int(page) for page in re.split(r"–|--", reference.fields["pages"]))
    cited = [int(page) for page in re.findall(r"\d+", locator)]
    outside = [page for page in cited if not first <= page <= last]
    if outside:
        return (f"page {outside[0]} is outside the pages of reference {reference.number} "
                f"({reference.key}, pp. {first}–{last})")
    return None


def words(text: str) -> set[str]:
    return {word.casefold() for word in re.findall(r"\w{4,}", plain(text))}


def printed_mismatch(entry, fields: dict[str, str], raw_persons: dict[str, str], printed_text: str) -> str | None:
    """Why this entry cannot be printed reference N: its first author's surname, its year or every
    word of its title missing from what the journal printed as N (None when all three are there)."""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    if "printed-author" in fields:
        people = []  # the printed names differ by design; the corrected reading was checked above
    if people:
        surname = names(people[:1])[0].family
        first_word = re.split(r"[\s,]+", surname.strip())[0]
        if first_word.casefold() not in printed_text.casefold():
            return f"the first author's surname {shortened(surname, 40)!r} is not in the printed reference"
    year = fields.get("date", "")[:4]
    if year and year not in printed_text and fields.get("printed-date") is None:
        return f"the year {year} is not in the printed reference"
    title = fields.get("printed-title") or fields.get("title", "")
    title_words = words(title) | words(fields.get("translation", ""))
    if title_words and not title_words & words(printed_text):
        return f"no word of the title {shortened(plain(title), 50)!r} is in the printed reference"
    return None


def checked_entry(path: Path, lines: list[str], key: str, entry, printed: list[str]) -> Reference:
    kind = entry.type.lower()
    line = line_of(lines, key)

    def fail(message: str, field: str | None = None):
        raise EditionError(path, line_of(lines, key, field) if field else line, f"{key}: {message}")

    if kind not in FIELDS_BY_TYPE:
        fail(f"unknown entry type @{kind} (known: {', '.join('@' + name for name in FIELDS_BY_TYPE)})")
    fields = {name.lower(): value for name, value in entry.fields.items()}
    allowed = FIELDS_BY_TYPE[kind]
    for name in fields:
        target = name[len(PRINTED_PREFIX):] if name.startswith(PRINTED_PREFIX) else name
        if target not in allowed and not (name != target and target in PERSON_FIELDS):
            fail(f"unknown field '{name}' for @{kind}", name)
    for role in entry.persons:
        if role.lower() not in PERSON_FIELDS:
            fail(f"unknown field '{role}'", role)
    missing = REQUIRED_BY_TYPE[kind] | {"originalnumber", "langid"}
    if kind == "article" and fields.get("entrysubtype") != "newspaper":
        missing |= REQUIRED_FOR_JOURNAL_ARTICLES
    for name in sorted(missing - set(fields)):
        fail(f"missing field '{name}'")
    for name, value in fields.items():
        for match in re.finditer(r"\\.", value):
            if match.group(0) not in LATEX_ESCAPES:
                fail(f"field '{name}' uses the LaTeX command {match.group(0)!r}: write the character itself", name)

    number_text = fields["originalnumber"]
    if not number_text.isdigit() or not 1 <= int(number_text) <= len(printed):
        fail(f"originalnumber must be a number from 1 to {len(printed)}, got {number_text!r}", "originalnumber")
    number = int(number_text)
    for name in ("date", "accessed-by-authors"):
        if name in fields and not DATE_RE.match(fields[name]):
            fail(f"{name} must be YYYY, YYYY-MM or YYYY-MM-DD, got {fields[name]!r}", name)
    if "pages" in fields and not PAGES_RE.match(fields["pages"]):
        fail(f"pages must be a range such as 173–203, got {fields['pages']!r}", "pages")
    if "url" in fields and (not URL_RE.match(fields["url"]) or markup.url_problem(fields["url"], ("http", "https"))):
        fail(f"url must be an http(s) address a page may link to, got {shortened(fields['url'])!r}", "url")
    if "isbn" in fields and not check_isbn(fields["isbn"]):
        fail(f"isbn {fields['isbn']!r} is not a valid ISBN-13 (check digit)", "isbn")
    if "issn" in fields and not check_issn(fields["issn"]):
        fail(f"issn {fields['issn']!r} is not a valid ISSN (check digit)", "issn")
    if "doi" in fields and not re.match(r"^10\.\d{4,9}/\S+$", fields["doi"]):
        fail(f"doi {fields['doi']!r} is not a DOI (10.NNNN/…)", "doi")
    if fields["langid"] not in LANGUAGES:
        fail(f"langid must be one of {', '.join(sorted(LANGUAGES))}", "langid")
    if fields.get("entrysubtype", "newspaper") != "newspaper":
        fail("entrysubtype can only be 'newspaper'", "entrysubtype")
    if ("eprint" in fields) != (fields.get("eprinttype") == "hdl"):
        fail("eprint needs eprinttype = {hdl} (the only kind used)", "eprint")

    raw_persons = {role.lower(): " and ".join(str(person) for person in people)
                   for role, people in entry.persons.items()}
    printed_text = printed[number - 1]
    corrections = []
    for name, value in fields.items():
        if not name.startswith(PRINTED_PREFIX):
            continue
        target = name[len(PRINTED_PREFIX):]
        corrected = fields.get(target, raw_persons.get(target))
        if corrected is None:
            fail(f"'{name}' keeps a printed reading, but the entry has no '{target}'", name)
        if plain(value) and plain(value) not in printed_text:
            fail(f"'{name}' = {plain(value)!r} is not in printed reference {number}: "
                 f"{shortened(printed_text, 120)}", name)
        if plain(value) == plain(corrected):
            fail(f"'{name}' is the same as '{target}': nothing was corrected", name)
        corrections.append(Correction(target, plain(value), corrected))
    if corrections and "editors-note" not in fields:
        fail("a corrected entry needs an editors-note giving the reason")
    mismatch = printed_mismatch(entry, fields, raw_persons, printed_text)
    if mismatch:
        fail(f"originalnumber {number}: {mismatch}, so this is not printed reference {number}: "
             f"{shortened(printed_text, 100)} (are two entries' numbers swapped?)", "originalnumber")

    return Reference(key=key, type=kind, number=number, fields=fields,
                     authors=names(entry.persons.get("author", [])), editors=names(entry.persons.get("editor", [])),
                     line=line, printed=printed_text, corrections=tuple(corrections))
