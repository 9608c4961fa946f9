"""The article PDF and the companion PDF, laid out by WeasyPrint.

WeasyPrint was chosen over the Chromium print of the print view by what each made of the same
pages (README, "The PDF"): it puts a note at the foot of the page of its mark (`float:
footnote`), hyphenates through pyphen in each element's language, writes a tagged PDF/UA-1 with
its XMP identification, and its output depends on its inputs alone.

The article: title block (title, authors with their affiliations, source, DOI, how to cite),
abstract and keywords, the nine sections under the editors' headings (each marked as the
editors'), the 46 citations and the lettered editorial notes as footnotes on the page of their
mark, the printed page numbers in the margin where each printed page began, the bibliography.
The companion: the glossary with every entry, the pages at a glance (summaries, key figures with
the chart, timeline) and the editorial method with the textual notes.
"""

from __future__ import annotations

import hashlib
import html
import io
import os
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

from bs4 import BeautifulSoup

from edition.publication import Publication

from . import documents
from .errors import FormatError

PDF_VARIANT = "pdf/ua-1"
# The authors write American English ("labor", "program"); pyphen's "en" is British, which
# breaks "Cent-ral" and "Guatem-ala" where American patterns give "Cen-tral" and "Guate-mala".
LANGUAGE = "en-US"


def stylesheet(name: str) -> str:
    return resources.files("formats").joinpath("styles", name).read_text(encoding="utf-8")


def build_date() -> str | None:
    """The document's date, from SOURCE_DATE_EPOCH (the build sets it from the last commit);
    without it the PDF carries no date, so that it stays the same from run to run."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    if not epoch.isdigit():
        raise FormatError(f"SOURCE_DATE_EPOCH must be a number of seconds; it is {epoch!r}")
    return datetime.fromtimestamp(int(epoch), tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def head(title: str, source: Publication, description: str, keywords: str) -> str:
    escape = html.escape
    date = build_date()
    metas = "".join(f'<meta name="author" content="{escape(author.name)}">' for author in source.authors)
    if date:
        metas += f'<meta name="dcterms.created" content="{date}"><meta name="dcterms.modified" content="{date}">'
    return (f'<head><meta charset="utf-8"><title>{escape(title)}</title>{metas}'
            f'<meta name="description" content="{escape(description)}">'
            f'<meta name="keywords" content="{escape(keywords)}">'
            f'<meta name="generator" content="the edition\'s scripts/formats (WeasyPrint)"></head>')


# ---- the article ----------------------------------------------------------------------------

def article_html(site: Path, source: Publication, site_url: str | None) -> str:
    parts = documents.read_parts(site, documents.article_paths(site), site_url)
    soup = BeautifulSoup("", "lxml")
    body = []
    for part in parts:
        for box in part.body.select(".editorial-summary"):  # the editors' summaries are in the companion
            box.decompose()
        notes_as_footnotes(part, soup)
        documents.drop_note_lists(part)
        page_numbers_in_margin(part, soup)
        if part.path == "/":
            title_block_first(part)
        kind = {"/": "front", documents.BIBLIOGRAPHY: "bibliography"}.get(part.path, "section")
        part.body.name = "section"
        part.body.attrs = {"class": f"part part--{kind}", "id": part.prefix}
        body.append(str(part.body))
    description = f"{source.author_names}, {source.source}. DOI {source.doi}. A reader's edition."
    return (f'<!DOCTYPE html><html lang="{LANGUAGE}">{head(source.title, source, description, keywords(parts))}'
            f'<body class="article-pdf">{"".join(body)}</body></html>')


def keywords(parts: list[documents.Part]) -> str:
    element = parts[0].body.select_one(".article-keywords")
    if element is None:
        raise FormatError("the landing page has no keywords (.article-keywords)")
    return element.get_text(" ", strip=True).removeprefix("Keywords:").strip().rstrip(".")


def chart_descriptions(part: documents.Part) -> None:
    """WeasyPrint takes a chart's alternative text from its SVG title alone; the description
    (the values) belongs to it too."""
    for svg in part.body.select("svg"):
        title, description = svg.find("title"), svg.find("desc")
        if title is None:
            raise FormatError(f"{part.path}: a chart without a title, which the PDF needs as its alternative text")
        if description is not None:
            title.string = f"{title.get_text(strip=True)}. {description.get_text(strip=True)}"


def notes_as_footnotes(part: documents.Part, soup: BeautifulSoup) -> None:
    """Each note moves to its mark, as a footnote: the mark stays a link to it; the note keeps
    its id, its label (1–46, a–s) and, for a citation, the reference with the locator."""
    for note in documents.notes_of(part):
        footnote = soup.new_tag("span", attrs={"class": f"footnote footnote--{note.kind}", "id": note.note_id,
                                               "data-label": note.label})
        paragraph = note.content.find("p")
        for child in list((paragraph or note.content).contents):
            footnote.append(child.extract())
        note.mark.insert_after(footnote)


def page_numbers_in_margin(part: documents.Part, soup: BeautifulSoup) -> None:
    """`| p. 171` in the text becomes a thin bar where the printed page began and 'p. 171' in
    the margin beside that line."""
    for marker in part.body.select("a.page-start"):
        number = marker.get("data-page", "")
        if not number.isdigit():
            raise FormatError(f"{part.path}: a printed-page marker without its page number")
        marker.name = "span"
        marker.attrs = {"class": "page-start", "id": marker["id"]}
        marker.clear()
        bar = soup.new_tag("span", attrs={"class": "page-start__bar"})
        bar.string = "|"
        label = soup.new_tag("span", attrs={"class": "page-start__label"})
        label.string = f"p.\u00a0{number}"
        marker.append(bar)
        marker.append(label)


def title_block_first(part: documents.Part) -> None:
    """How to cite belongs to the title block, before the abstract, as a journal prints it."""
    heading = part.body.find(id=f"{part.prefix}--cite-this-article")
    abstract = part.body.find(id=f"{part.prefix}--abstract")
    if heading is None or abstract is None:
        raise FormatError("the landing page lacks its 'Cite this article' or 'Abstract' heading")
    moving = [heading, *heading.find_next_siblings()]
    for element in moving:
        abstract.insert_before(element.extract())


# ---- the companion --------------------------------------------------------------------------

def companion_html(site: Path, source: Publication, site_url: str | None) -> str:
    parts = documents.read_parts(site, documents.companion_paths(site), site_url)
    soup = BeautifulSoup("", "lxml")
    title = f"{source.title}: the editors' companion"
    body = [companion_cover(source)]
    for part in parts:
        notes_as_footnotes(part, soup)
        documents.drop_note_lists(part)
        chart_descriptions(part)
        entry = part.path.startswith(documents.GLOSSARY) and part.path != documents.GLOSSARY
        part.body.name = "section"
        part.body.attrs = {"class": "part part--entry" if entry else "part", "id": part.prefix}
        body.append(str(part.body))
    description = (f"Glossary, summaries, key figures, timeline, editorial method and textual notes of the "
                   f"reader's edition of {source.author_names}, {source.source}. DOI {source.doi}.")
    return (f'<!DOCTYPE html><html lang="{LANGUAGE}">'
            f'{head(title, source, description, "glossary, summaries, timeline, editorial method")}'
            f'<body class="companion-pdf">{"".join(body)}</body></html>')


def companion_cover(source: Publication) -> str:
    escape = html.escape
    return (f'<section class="companion-cover" id="companion-cover">'
            f'<p class="companion-cover__kicker">The editors’ companion to</p>'
            f'<h1>{escape(source.title)}</h1>'
            f'<p class="companion-cover__authors">{escape(source.author_names)}</p>'
            f'<p class="companion-cover__source"><cite>{escape(source.journal_en)}</cite> '
            f'{source.volume}({source.issue}), {source.year}, pp.\u00a0{source.first_page}–{source.last_page}. '
            f'DOI: <a href="{escape(source.doi_url)}">{escape(source.doi)}</a></p>'
            f'<p class="companion-cover__statement">Everything in this companion is written by the editors '
            f'of the reader’s edition, not by the authors: a glossary of the article’s terms, summaries of '
            f'its argument, its key figures and a timeline, and the editorial method with every change '
            f'made to the text.</p>'
            f'<p class="companion-cover__licence">{escape(source.licence)}</p></section>')


# ---- writing --------------------------------------------------------------------------------

def header_scopes(document, pdf) -> None:
    """WeasyPrint tags header cells as TH without saying what they head; a header cell in the
    table's head heads its column, any other its row (PDF/UA-1 7.5; pdfua's rule UA-15-003)."""
    import pydyf

    by_reference = {obj.reference: obj for obj in pdf.objects if isinstance(obj, pydyf.Object) and obj.number}
    for obj in pdf.objects:
        if isinstance(obj, pydyf.Dictionary) and obj.get("S") == "/TH":
            row = by_reference.get(obj.get("P"))
            group = by_reference.get(row.get("P")) if row is not None else None
            scope = "/Column" if group is not None and group.get("S") == "/THead" else "/Row"
            attributes = obj.get("A")
            if not isinstance(attributes, pydyf.Dictionary):
                attributes = obj["A"] = pydyf.Dictionary({"O": "/Table"})
            attributes["Scope"] = scope


def write_pdf(document: str, css: str, output: Path) -> int:
    """Lay `document` out and write it as a tagged PDF/UA-1; return its number of pages."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetchingError

    def refuse(url: str, *args, **kwargs):
        # everything is in the document: no file or address is fetched while it is laid out
        raise URLFetchingError(f"the formats fetch nothing: {url}")

    try:
        rendered = HTML(string=document, base_url="about:blank", url_fetcher=refuse).render(
            stylesheets=[CSS(string=css)], pdf_variant=PDF_VARIANT, pdf_tags=True)
        out = io.BytesIO()
        rendered.write_pdf(out, pdf_variant=PDF_VARIANT, pdf_tags=True, finisher=header_scopes,
                           pdf_identifier=hashlib.sha256(document.encode()).hexdigest()[:32].encode())
    except URLFetchingError as error:
        raise FormatError(str(error)) from error
    output.write_bytes(out.getvalue())
    return len(rendered.pages)


def make_article_pdf(site: Path, output: Path, source: Publication, site_url: str | None) -> int:
    return write_pdf(article_html(site, source, site_url), stylesheet("pdf-common.css") + stylesheet("article-pdf.css"),
                     output)


def make_companion_pdf(site: Path, output: Path, source: Publication, site_url: str | None) -> int:
    return write_pdf(companion_html(site, source, site_url),
                     stylesheet("pdf-common.css") + stylesheet("companion-pdf.css"), output)
