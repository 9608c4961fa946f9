"""References formatted in the style of the journal's own reference lists (Vestnik of Saint
Petersburg University), the style in which the 43 references were printed:

    Author, A.B. (year), “Article title” [Translation], Journal, no. 2 (12), pp. 169–180.
    Author, A.B. (year), Book Title [Translation], Publisher, City, Country. (In Russian)
    “Piece title” [Translation] (year), Newspaper, dd.mm, available at: URL (accessed: dd.mm.yyyy).

The printed list lost its links; where the editors found one it is given, and the access date,
the authors', is labelled as theirs.

The result is HTML. Text runs go through an escape function chosen by the caller, so that the
same reference can stand in a raw HTML block (`html_text`) or inside Markdown, such as a
footnote definition (`markdown_text`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from .entries import Name, Reference

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
EDITORS_LINK = "Link found by the editors: the links of the printed list were lost"
MARKDOWN_SPECIAL_RE = re.compile(r"([\\`*_{}\[\]#+!|])")


@dataclass(frozen=True)
class Element:
    """An inline HTML element around a run of text; the text is escaped like any other."""
    open: str
    text: str
    close: str


def html_text(text: str) -> str:
    return html.escape(text, quote=False)


def markdown_text(text: str) -> str:
    """Text that Python-Markdown must print as it is (brackets, underscores, asterisks…)."""
    return MARKDOWN_SPECIAL_RE.sub(r"\\\1", html.escape(text, quote=False))


def attribute(text: str) -> str:
    return html.escape(text, quote=True)


Piece = str | Element


def render(pieces: list[Piece], escape: Callable[[str], str]) -> str:
    return "".join(escape(piece) if isinstance(piece, str) else piece.open + escape(piece.text) + piece.close
                   for piece in pieces)


def link(url: str, shown: str | None = None, title: str | None = None) -> Element:
    title_attribute = f' title="{attribute(title)}"' if title else ""
    return Element(f'<a class="bibliography-link" href="{attribute(url)}"{title_attribute}>', shown or url, "</a>")


def italic(text: str) -> Element:
    return Element("<i>", text, "</i>")


def missing(text: str) -> Element:
    """Words of the editors standing where the printed entry has nothing."""
    return Element('<span class="bibliography-missing">', text, "</span>")


def initials(given: str) -> str:
    """'Nathan P.' → 'N.P.'; 'Ph. C.' → 'Ph.C.' (abbreviations already given are kept)."""
    out = []
    for part in given.split():
        if part.endswith("."):
            out.append(part)
        else:
            out.append("-".join(piece[0] + "." for piece in part.split("-") if piece))
    return "".join(out)


def name(person: Name) -> str:
    if person.corporate or not person.given:
        return person.family
    return f"{person.family}, {initials(person.given)}"


def name_list(people: tuple[Name, ...]) -> str:
    shown = [name(person) for person in people]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " and " + shown[-1]


def day_month(date: str) -> str:
    """'2015-08-22' → '22.08', as the journal dates newspaper pieces."""
    parts = date.split("-")
    return f"{parts[2]}.{parts[1]}" if len(parts) == 3 else ""


def date_in_words(date: str) -> str:
    """'2015-12-17' → 'December 17, 2015'; '2017-02' → 'February 2017'; '2017' → ''."""
    parts = date.split("-")
    if len(parts) == 3:
        return f"{MONTHS[int(parts[1]) - 1]} {int(parts[2])}, {parts[0]}"
    if len(parts) == 2:
        return f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return ""


def numeric_date(date: str) -> str:
    """'2018-09-17' → '17.09.2018'."""
    return ".".join(reversed(date.split("-")))


def quoted(title: str) -> str:
    """A title in double quotes; quotation marks inside it become single ones."""
    return "“" + title.replace("“", "‘").replace("”", "’") + "”"


def is_quoted_title(reference: Reference) -> bool:
    """Parts of something larger (articles, press releases) are quoted; books and reports are not."""
    return reference.type == "article" or (reference.type == "online" and "organization" in reference.fields)


def title_pieces(reference: Reference) -> list[Piece]:
    title = reference.get("title")
    pieces: list[Piece] = [quoted(title) if is_quoted_title(reference) else italic(title)]
    if reference.get("translation"):
        pieces.append(f" [{reference.get('translation')}]")
    return pieces


def body_pieces(reference: Reference) -> list[list[Piece]]:
    """The comma-separated segments that follow the author, year and title."""
    get, kind = reference.get, reference.type
    segments: list[list[Piece]] = []
    if kind == "book":
        if get("volume"):
            segments.append([f"vol. {get('volume')}"])
        segments += [[get("publisher")], [get("location")]]
    elif kind == "article" and not reference.is_newspaper:
        number = f"no. {get('number')}" + (f" ({get('volume')})" if get("volume") else "")
        segments += [[italic(get("journaltitle"))], [number]]
        if get("issue"):
            segments.append([get("issue")])
        segments.append([f"pp. {get('pages')}"])
    elif kind == "article":
        if get("journaltitle"):
            segments.append([italic(get("journaltitle"))])
        else:
            segments.append([missing("outlet not named in the printed list")])
        if day_month(reference.fields.get("date", "")):
            segments.append([day_month(reference.fields["date"])])
    elif kind == "report":
        if get("series"):
            segments.append([get("series")])
        if get("number"):
            segments.append([f"{get('type')} {get('number')}".strip()])
        for field in ("institution", "location"):
            if get(field):
                segments.append([get(field)])
    elif kind == "online":
        if get("organization"):
            segments.append([get("organization")])
        if day_month(reference.fields.get("date", "")):
            segments.append([day_month(reference.fields["date"])])
    return segments


def access_pieces(reference: Reference) -> list[list[Piece]]:
    """Where to find the item: the journal's "available at: … (accessed: …)", ISBN, handle."""
    segments: list[list[Piece]] = []
    url, accessed = reference.fields.get("url"), reference.fields.get("accessed-by-authors")
    if reference.fields.get("doi") and not accessed:
        url = None  # the DOI, given last, is the lasting address
    if url or accessed:
        where: list[Piece] = ["available at: "]
        where.append(link(url, title=EDITORS_LINK) if url else
                     missing("link not preserved"))
        if accessed:
            # The access date is the authors'; a link shown here was found by the editors.
            where.append(f" (accessed by the authors: {numeric_date(accessed)})")
        segments.append(where)
    if reference.fields.get("isbn"):
        segments.append([f"ISBN {reference.fields['isbn']}"])
    if reference.fields.get("eprinttype") == "hdl":
        handle = reference.fields["eprint"]
        segments.append(["hdl: ", link(f"https://hdl.handle.net/{handle}", handle)])
    return segments


def pieces(reference: Reference) -> list[Piece]:
    year = reference.year
    head: list[Piece]
    title_in_head = False
    if reference.authors:
        head = [name_list(reference.authors)]
    elif reference.editors:
        head = [name_list(reference.editors), " (eds.)" if len(reference.editors) > 1 else " (ed.)"]
    else:
        head, title_in_head = title_pieces(reference), True
    if year:
        head.append(f" ({year})")
    segments = [head]
    if not title_in_head:
        segments.append(title_pieces(reference))
    if reference.type == "report" and date_in_words(reference.fields.get("date", "")):
        segments[-1] = segments[-1] + [f". {date_in_words(reference.fields['date'])}"]
    segments += body_pieces(reference) + access_pieces(reference)
    out: list[Piece] = []
    for index, segment in enumerate(segments):
        if index:
            out.append(", ")
        out += segment
    out.append(".")
    if reference.fields.get("langid") == "russian":
        out.append(" (In Russian)")
    if reference.fields.get("doi"):
        out += [" ", link(f"https://doi.org/{reference.fields['doi']}")]
    return out


def format_reference(reference: Reference, escape: Callable[[str], str] = html_text) -> str:
    """The reference in the journal's style, as HTML."""
    return render(pieces(reference), escape)
