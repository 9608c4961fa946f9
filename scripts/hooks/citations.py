"""MkDocs hook: the authors' citations as footnotes, the bibliography page, "Cite this article".

Reads `bib/references.bib` (the 43 references) and `bib/article.bib` (the article itself).
Must be listed after `edition_pages.py` in mkdocs.yml: it works on the article pages that
hook generates. Bad input (an unknown or malformed citation, a malformed or incomplete BibTeX
entry, an entry never cited, a citation left as raw text) stops the build, naming the file
and the line.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from bibliography import article, citations, entries, pages
from edition import pipeline, render
from edition.errors import EditionError, reported

TEXTUAL_NOTES_MARKER = "<!-- reference list: generated -->"

# What the later events need from on_config and on_files. MkDocs calls a hook's functions with
# the config only, so a hook keeps its own state between events; the edition itself is not
# copied here but asked of pipeline.build, which builds it once per state of the inputs.
_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    with reported("citations", root):
        edition = pipeline.build(root)  # the same one edition_pages.py built: cached
        _state.clear()  # `mkdocs serve` runs on_config again for each rebuild
        _state["root"] = root
        _state["edition"] = edition
        _state["references"] = entries.load(root)
        _state["article"] = article.load(root, edition.publication)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = _state["root"]
    references = {reference.number: reference for reference in _state["references"]}
    edition = _state["edition"]
    sections = edition.sections
    if any(files.get_file_from_path(section.page) is None for section in sections):
        raise PluginError("citations: no generated article pages: list scripts/hooks/edition_pages.py "
                          "before scripts/hooks/citations.py under hooks in mkdocs.yml")
    with reported("citations", root):
        found = citations.find(root, edition, references)
        cited = {citation.number for citation in found}
        for reference in _state["references"]:
            if reference.number not in cited:
                raise EditionError(root / entries.BIB_FILE, reference.line,
                                   f"{reference.key}: reference {reference.number} is never cited in the article")
    _state["citations"] = found
    paragraphs = render.paragraphs_markdown(edition)
    for section in sections:
        file = files.get_file_from_path(section.page)
        on_page = [citation for citation in found if citation.page == section.page]
        try:
            file.content_string = citations.with_footnotes(file.content_string, on_page, references, paragraphs)
        except citations.FootnoteMismatch as error:
            raise PluginError(f"citations: {section.page}: the generated page does not hold the edition's "
                              f"paragraph as rendered: {error}") from error
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
    if _state["edition"].section_at(page.file.src_uri) is None:
        return html
    on_page = [citation for citation in _state["citations"] if citation.page == page.file.src_uri]
    root = _state["root"]
    try:
        html = citations.renumber(html, on_page)
    except citations.FootnoteMismatch as error:
        path, line = citations.where(root, page.file.src_uri, error.citation.printed)
        raise PluginError(f"citations: {located(path, line)}: citation {citations.quoted(error.citation.printed)} "
                          f"did not become its footnote in {page.file.src_uri}: {error}") from error
    for paragraph, text in citations.raw_citations(html):
        path, line = citations.where(root, page.file.src_uri, text)
        raise PluginError(f"citations: {located(path, line)}: {citations.quoted(text)} "
                          f"reached {page.file.src_uri} (paragraph {paragraph}) "
                          "as raw text: it is neither a citation nor a footnote mark")
    return html


# ---- helpers


def located(path: object, line: int | None) -> str:
    return f"{path}:{line}" if line else str(path)


