"""MkDocs hook: the authors' citations as footnotes, the bibliography page, "Cite this article".

Reads `bib/references.bib` (the 43 references) and `bib/article.bib` (the article itself).
Must be listed after `edition_pages.py` in mkdocs.yml: it works on the article pages that
hook generates. Bad input (an unknown or malformed citation, a malformed or incomplete BibTeX
entry, an entry never cited, a citation left as raw text) stops the build, naming the file
and the line.
"""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from bibliography import article, citations, entries, pages
from edition.errors import EditionError, reported

ARTICLE_DIR = "article/"
TEXTUAL_NOTES_MARKER = "<!-- reference list: generated -->"
SECTION_LABEL_RE = re.compile(r"^# (?P<title>.+)\n\n<p class=\"editorial-label\">Section (?P<number>\d+) of ")

_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    with reported("citations", root):
        _state["root"] = root
        _state["references"] = entries.load(root)
        _state["article"] = article.load(root)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = _state["root"]
    references = {reference.number: reference for reference in _state["references"]}
    sections = article_sections(files)
    if not sections:
        raise PluginError("citations: no generated article pages: list scripts/hooks/edition_pages.py "
                          "before scripts/hooks/citations.py under hooks in mkdocs.yml")
    with reported("citations", root):
        found = citations.scan(root, [(section.page, files.get_file_from_path(section.page).content_string)
                                      for section in sections], references)
        cited = {citation.number for citation in found}
        for reference in _state["references"]:
            if reference.number not in cited:
                raise EditionError(root / entries.BIB_FILE, reference.line,
                                   f"{reference.key}: reference {reference.number} is never cited in the article")
    _state["citations"] = found
    for section in sections:
        file = files.get_file_from_path(section.page)
        on_page = [citation for citation in found if citation.page == section.page]
        file.content_string = citations.with_footnotes(file.content_string, on_page, references)
    by_page = {section.page: section for section in sections}
    files.append(File.generated(config, pages.BIBLIOGRAPHY_PAGE,
                                content=pages.bibliography_page(_state["references"], found, by_page)))
    files.append(File.generated(config, pages.REFERENCES_DOWNLOAD,
                                content=(root / entries.BIB_FILE).read_text(encoding="utf-8")))
    files.append(File.generated(config, f"{pages.DOWNLOADS}/{article.DOWNLOAD_NAME}.bib",
                                content=(root / article.ARTICLE_BIB).read_text(encoding="utf-8")))
    files.append(File.generated(config, f"{pages.DOWNLOADS}/{article.DOWNLOAD_NAME}.ris",
                                content=article.ris(_state["article"]).encode("utf-8")))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri == "index.md":
        return markdown.rstrip("\n") + "\n" + pages.cite_this(_state["article"])
    if TEXTUAL_NOTES_MARKER in markdown:
        return markdown.replace(TEXTUAL_NOTES_MARKER, pages.textual_notes_part(_state["references"]))
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not page.file.src_uri.startswith(ARTICLE_DIR):
        return html
    on_page = [citation for citation in _state["citations"] if citation.page == page.file.src_uri]
    root = _state["root"]
    try:
        html = citations.renumber(html, on_page)
    except citations.FootnoteMismatch as error:
        path, line = citations.where(root, page.file.src_uri, error.citation.line, error.citation.printed)
        raise PluginError(f"citations: {located(path, line)}: citation {citations.quoted(error.citation.printed)} did not become its footnote "
                          f"in {page.file.src_uri}: {error}") from error
    for paragraph, text in citations.raw_citations(html):
        path, line = citations.where(root, page.file.src_uri, 0, text)
        raise PluginError(f"citations: {located(path, line)}: {citations.quoted(text)} reached {page.file.src_uri} (paragraph {paragraph}) "
                          "as raw text: it is neither a citation nor a footnote mark")
    return html


# ---- helpers


def located(path: object, line: int | None) -> str:
    return f"{path}:{line}" if line else str(path)


def article_sections(files: Files) -> list[pages.Section]:
    """The generated article pages, in section order, with their numbers and headings."""
    found = []
    for file in files.documentation_pages():
        if not file.src_uri.startswith(ARTICLE_DIR) or file.abs_src_path is not None:
            continue
        match = SECTION_LABEL_RE.match(file.content_string)
        if match is None:
            raise PluginError(f"citations: {file.src_uri}: no heading and 'Section N of' label at the top")
        found.append(pages.Section(int(match.group("number")), match.group("title"), file.src_uri))
    return sorted(found, key=lambda section: section.number)
