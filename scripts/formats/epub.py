"""The article and its apparatus as an EPUB 3, for e-readers.

One XHTML file per page of the edition, in nav order (the glossary's entries after its index): a
cover, the title block with the abstract, the nine sections, the bibliography, then the editors'
apparatus. Each note is an EPUB footnote (`epub:type="noteref"` on its mark, an `aside` with
`epub:type="footnote"` at the end of its section), which e-readers show in a pop-up; each printed
page's start is a page break (`epub:type="pagebreak"`) that the navigation document's page list
names, so that a reader can cite by printed page. The package carries the DOI as its identifier,
the authors, the source and the date. The zip is reproducible: `mimetype` first and stored, then
the files in a fixed order, every one dated by SOURCE_DATE_EPOCH.
"""

from __future__ import annotations

import html
import re
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import lxml.html
from bs4 import BeautifulSoup
from lxml import etree

from edition.publication import Publication

from . import documents
from .errors import FormatError

XHTML_NS = "http://www.w3.org/1999/xhtml"
EPUB_NS = "http://www.idpf.org/2007/ops"
UNSAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")
SVG_ATTRIBUTES = {"viewbox": "viewBox", "preserveaspectratio": "preserveAspectRatio"}


@dataclass
class Chapter:
    file: str
    title: str
    body: str  # XHTML of the body's content
    has_svg: bool
    article: bool


def safe_id(value: str) -> str:
    return UNSAFE_ID.sub("-", value)


def epoch_date() -> datetime:
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        raise FormatError("the EPUB is dated by SOURCE_DATE_EPOCH (seconds since 1970), which is not set: "
                          "the site's build sets it from the last commit; set it to build the EPUB alone")
    return datetime.fromtimestamp(int(epoch), tz=UTC)


def chapters(site: Path, site_url: str | None) -> tuple[list[Chapter], list[tuple[str, str]]]:
    """The chapters, and the page list: (printed page, link) in page order."""
    article = documents.article_paths(site)
    parts = documents.read_parts(site, article + documents.companion_paths(site), site_url)
    soup = BeautifulSoup("", "lxml")
    owner = {}
    for part in parts:
        owner[part.prefix] = f"{part.prefix}.xhtml"
        for element in part.body.find_all(id=True):
            element["id"] = safe_id(element["id"])
            owner[element["id"]] = f"{part.prefix}.xhtml"
        for link in part.body.find_all("a", href=True):
            if link["href"].startswith("#"):
                link["href"] = "#" + safe_id(link["href"][1:])
    prefixes = {part.prefix for part in parts}
    pages = []
    out = []
    for part in parts:
        notes = documents.notes_of(part)
        asides = []
        for note in notes:
            link = note.mark.find("a")
            link.attrs = {"href": f"#{safe_id(note.note_id)}", "data-epub-type": "noteref", "role": "doc-noteref",
                          "id": safe_id(note.mark.get("id", "")) or None}
            if link["id"] is None:
                del link["id"]
            note.mark.attrs = {}
            aside = soup.new_tag("aside", attrs={"id": safe_id(note.note_id), "data-epub-type": "footnote",
                                                 "role": "doc-footnote", "class": f"note note--{note.kind}"})
            paragraph = soup.new_tag("p")
            label = soup.new_tag("span", attrs={"class": "note__label"})
            label.string = f"{note.label}. "
            paragraph.append(label)
            source = note.content.find("p") or note.content
            for child in list(source.contents):
                paragraph.append(child.extract())
            aside.append(paragraph)
            asides.append(aside)
        documents.drop_note_lists(part)
        for box in part.body.select(".editorial-summary"):
            if part.path.startswith(documents.ARTICLE_PREFIX):
                box["class"] = box.get("class", []) + ["editors-box"]
        for marker in part.body.select("a.page-start"):
            number = marker.get("data-page", "")
            marker.name = "span"
            marker.attrs = {"id": marker["id"], "data-epub-type": "pagebreak", "role": "doc-pagebreak",
                            "aria-label": number, "class": "page-start"}
            marker.string = f"p.\u00a0{number}"
            pages.append((number, f"{part.prefix}.xhtml#{marker['id']}"))
        if asides:
            notes_section = soup.new_tag("section", attrs={"class": "notes", "aria-label": f"Notes: {part.title}"})
            for aside in asides:
                notes_section.append(aside)
            part.body.append(notes_section)
        for link in part.body.find_all("a", href=True):
            href = link["href"]
            if href.startswith("#"):
                target = safe_id(href[1:])
                if target not in owner:
                    raise FormatError(f"{part.path}: a link to #{target}, which no chapter holds")
                if owner[target] == f"{part.prefix}.xhtml":
                    link["href"] = f"#{target}"  # in this chapter: a note's mark, a back-link
                else:
                    link["href"] = owner[target] + ("" if target in prefixes else f"#{target}")
        part.body.name = "section"
        part.body.attrs = {"id": part.prefix, "class": "part"}
        body = xhtml(str(part.body))
        out.append(Chapter(f"{part.prefix}.xhtml", part.title, body, "<svg" in body, part.path in article))
    pages.sort(key=lambda page: int(page[0]))
    return out, pages


def xhtml(fragment: str) -> str:
    """An HTML fragment as well-formed XHTML (void elements closed, SVG's attribute names in
    their case, `epub:type` in its namespace)."""
    element = lxml.html.fragment_fromstring(fragment)
    for node in element.iter():
        if not isinstance(node.tag, str):
            continue
        for name, proper in SVG_ATTRIBUTES.items():
            if name in node.attrib:
                node.attrib[proper] = node.attrib.pop(name)
        if "data-epub-type" in node.attrib:
            node.attrib[f"{{{EPUB_NS}}}type"] = node.attrib.pop("data-epub-type")
    text = etree.tostring(element, method="xml", encoding="unicode")
    text = re.sub(r' xmlns:(ns\d+)="' + re.escape(EPUB_NS) + '"', "", text)
    return re.sub(r" ns\d+:type=", " epub:type=", text)


def page(title: str, body: str, css: bool = True) -> str:
    link = '<link rel="stylesheet" type="text/css" href="edition.css"/>' if css else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="{XHTML_NS}" xmlns:epub="{EPUB_NS}" lang="en" xml:lang="en">\n'
            f"<head><meta charset=\"UTF-8\"/><title>{html.escape(title)}</title>{link}</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")


def cover_svg(source: Publication) -> str:
    escape = html.escape
    words, lines, line = source.title.split(), [], ""
    for word in words:
        if len(line) + len(word) > 22:
            lines.append(line.strip())
            line = ""
        line += word + " "
    lines.append(line.strip())
    title = "".join(f'<tspan x="60" dy="{0 if index == 0 else 62}">{escape(text)}</tspan>'
                    for index, text in enumerate(lines))
    authors = "".join(f'<tspan x="60" dy="{0 if index == 0 else 40}">{escape(author.name)}</tspan>'
                      for index, author in enumerate(source.authors))
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 800 1200" width="800" height="1200">'
            f'<title>{escape(source.title)}: cover</title>'
            f'<rect width="800" height="1200" fill="#37474f"/>'
            f'<rect x="40" y="40" width="720" height="1120" fill="none" stroke="#ff7043" stroke-width="4"/>'
            f'<text x="60" y="180" fill="#fff" font-family="serif" font-size="52" font-weight="bold">{title}</text>'
            f'<text x="60" y="{260 + 62 * len(lines)}" fill="#eceff1" font-family="serif" font-size="34">'
            f'{authors}</text>'
            f'<text x="60" y="980" fill="#eceff1" font-family="sans-serif" font-size="24">'
            f'<tspan x="60" dy="0">{escape(source.journal_en.split(". ")[0])}.</tspan>'
            f'<tspan x="60" dy="34">{escape(source.journal_en.split(". ", 1)[-1])} '
            f'{source.volume}({source.issue}), {source.year}</tspan>'
            f'<tspan x="60" dy="34">pp. {source.first_page}–{source.last_page} · doi:{escape(source.doi)}</tspan>'
            f'</text>'
            f'<text x="60" y="1120" fill="#ffccbc" font-family="sans-serif" font-size="26">A reader’s edition</text>'
            f'</svg>\n')


def nav_document(source: Publication, items: list[Chapter], pages: list[tuple[str, str]]) -> str:
    escape = html.escape

    def entry(chapter: Chapter) -> str:
        return f'<li><a href="{chapter.file}">{escape(chapter.title)}</a></li>'
    article = "".join(entry(chapter) for chapter in items if chapter.article)
    apparatus = "".join(entry(chapter) for chapter in items if not chapter.article)
    page_list = "".join(f'<li><a href="{href}">{number}</a></li>' for number, href in pages)
    first = next(chapter for chapter in items if chapter.article)
    body = (f'<nav epub:type="toc" id="toc" role="doc-toc"><h1>Contents</h1><ol>'
            f'<li><a href="cover.xhtml">Cover</a></li>'
            f'<li><a href="{first.file}">The article</a><ol>{article}</ol></li>'
            f'<li><a href="{next(c for c in items if not c.article).file}">The editors’ apparatus</a>'
            f'<ol>{apparatus}</ol></li>'
            f'</ol></nav>\n'
            f'<nav epub:type="page-list" id="page-list" hidden=""><h2>Printed pages</h2><ol>{page_list}</ol></nav>\n'
            f'<nav epub:type="landmarks" id="landmarks" hidden=""><h2>Landmarks</h2><ol>'
            f'<li><a epub:type="cover" href="cover.xhtml">Cover</a></li>'
            f'<li><a epub:type="bodymatter" href="{first.file}">The article</a></li></ol></nav>')
    return page(f"{source.title}: contents", body)


def package(source: Publication, items: list[Chapter], modified: datetime) -> str:
    escape = html.escape
    creators = "".join(
        f'<dc:creator id="author-{index}">{escape(author.name)}</dc:creator>'
        f'<meta refines="#author-{index}" property="role" scheme="marc:relators">aut</meta>'
        f'<meta refines="#author-{index}" property="file-as">{escape(author.family)}, {escape(author.given)}</meta>'
        for index, author in enumerate(source.authors, start=1))
    manifest = ['<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
                '<item id="css" href="edition.css" media-type="text/css"/>',
                '<item id="cover-image" href="cover.svg" media-type="image/svg+xml" properties="cover-image"/>',
                '<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>']
    spine = ['<itemref idref="cover"/>']
    for chapter in items:
        name = chapter.file.removesuffix(".xhtml")
        properties = ' properties="svg"' if chapter.has_svg else ""
        manifest.append(f'<item id="c-{name}" href="{chapter.file}" media-type="application/xhtml+xml"{properties}/>')
        spine.append(f'<itemref idref="c-{name}"/>')
    reference = (f"{source.author_names}, “{source.title}”, {source.source}, doi:{source.doi}")
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="doi" xml:lang="en">\n'
            f'<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f'<dc:identifier id="doi">doi:{escape(source.doi)}</dc:identifier>'
            f'<meta refines="#doi" property="identifier-type" scheme="onix:codelist5">06</meta>'
            f'<dc:title>{escape(source.title)}</dc:title>{creators}'
            f'<dc:language>en</dc:language>'
            f'<dc:date>{source.year}</dc:date>'
            f'<dc:source>{escape(reference)}</dc:source>'
            f'<dc:publisher>{escape(source.publisher)} (the article); '
            f'the editors of the reader’s edition</dc:publisher>'
            f'<dc:description>{escape(source.edition_statement)}</dc:description>'
            f'<dc:rights>{escape(source.licence)}</dc:rights>'
            f'<meta property="dcterms:modified">{modified.strftime("%Y-%m-%dT%H:%M:%SZ")}</meta>'
            f'<meta property="schema:accessMode">textual</meta>'
            f'<meta property="schema:accessModeSufficient">textual</meta>'
            f'<meta property="schema:accessibilityFeature">pageNavigation</meta>'
            f'<meta property="schema:accessibilityFeature">tableOfContents</meta>'
            f'<meta property="schema:accessibilityHazard">none</meta>'
            f'<meta property="schema:accessibilitySummary">Structured text with headings, a table of contents, '
            f'footnotes and the printed page numbers; the chart has a text description.</meta>'
            f'</metadata>\n<manifest>{"".join(manifest)}</manifest>\n'
            f'<spine>{"".join(spine)}</spine>\n</package>\n')


CONTAINER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
             '<rootfiles><rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>'
             '</rootfiles></container>\n')


def make_epub(site: Path, output: Path, source: Publication, site_url: str | None) -> int:
    """Write the EPUB; return its number of chapters."""
    modified = epoch_date()
    items, pages = chapters(site, site_url)
    if not pages:
        raise FormatError("the article has no printed-page markers for the EPUB's page list")
    css = resources.files("formats").joinpath("styles", "epub.css").read_text(encoding="utf-8")
    cover = page(f"{source.title}: cover",
                 f'<section epub:type="cover" class="cover"><img src="cover.svg" '
                 f'alt="Cover: {html.escape(source.title)}, by {html.escape(source.author_names)}; '
                 f'{html.escape(source.source)}; a reader’s edition"/></section>')
    files = [("META-INF/container.xml", CONTAINER), ("EPUB/package.opf", package(source, items, modified)),
             ("EPUB/nav.xhtml", nav_document(source, items, pages)), ("EPUB/edition.css", css),
             ("EPUB/cover.svg", cover_svg(source)), ("EPUB/cover.xhtml", cover)]
    files += [(f"EPUB/{chapter.file}", page(chapter.title, chapter.body)) for chapter in items]
    stamp = max(modified, datetime(1980, 1, 1, tzinfo=UTC)).timetuple()[:6]
    with zipfile.ZipFile(output, "w") as archive:
        info = zipfile.ZipInfo("mimetype", date_time=stamp)
        info.compress_type = zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        archive.writestr(info, "application/epub+zip")
        for name, text in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, text.encode("utf-8"), compresslevel=9)
    return len(items)
