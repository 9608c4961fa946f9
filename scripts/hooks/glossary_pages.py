"""MkDocs hook: the glossary. A page per term and an A–Z index, generated from
`editorial/glossary.yml`; every occurrence of a term in the article's paragraphs marked with a
link to its page and its short definition (shown on hover, focus and tap by
`assets/javascripts/glossary.js`); and on each term's page the list of its occurrences, made
from the marks themselves once every article page is rendered.

A term or a `find` phrase that is never found in the article stops the build.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from edition import pipeline
from edition.errors import EditionError
from glossary import marking, pages, terms

DATA = Path("editorial") / "glossary.yml"

# What the later events need from on_config (MkDocs hands a hook's functions only the config);
# the edition is asked of pipeline.build, which builds it once per state of the inputs.
_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        edition = pipeline.build(root)  # the same one edition_pages.py built: cached
        loaded = terms.load(root / DATA)
    except EditionError as error:
        raise plugin_error(error, root) from error
    _state.clear()
    _state.update(root=root, terms=loaded, by_id={term.id: term for term in loaded},
                  matcher=terms.Matcher(loaded), occurrences=[], paragraphs={},
                  edition=edition,
                  first_pages={paragraph: pages[0] for paragraph, pages in edition.paragraph_pages().items()})
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    by_id = _state["by_id"]
    files.append(File.generated(config, f"{pages.DIRECTORY}/index.md", content=pages.index_page(_state["terms"])))
    for term in _state["terms"]:
        # the term pages are reached from the index and from the article, not listed in the nav
        files.append(File.generated(config, pages.page_path(term.id), content=pages.term_page(term, by_id),
                                    inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _state["edition"].section_at(page.file.src_uri) is None:
        return html
    term_urls = {term.id: get_relative_url(files.get_file_from_path(pages.page_path(term.id)).url, page.url)
                 for term in _state["terms"]}
    marker = marking.Marker(_state["matcher"], term_urls.__getitem__, _state["first_pages"])
    try:
        marked, found = marker.run(html)
    except ValueError as error:
        raise PluginError(f"glossary: {page.file.src_uri}: {error}") from error
    for occurrence in found:
        _state["paragraphs"][occurrence.paragraph_id] = (page.url, page.title)
    _state["occurrences"] += found
    used = [term for term in _state["terms"] if any(occurrence.term_id == term.id for occurrence in found)]
    if not used:
        return marked
    return marked + "\n" + pages.definitions_block(used, term_urls)


def on_env(env, config: MkDocsConfig, files: Files):
    """Every article page is rendered now: check that every term and phrase was found, and put
    each term's occurrences on its page."""
    occurrences = sorted(_state["occurrences"], key=lambda item: item.paragraph_number)
    found_phrases = {(occurrence.term_id, occurrence.phrase) for occurrence in occurrences}
    for term in _state["terms"]:
        for phrase in term.find:
            if (term.id, phrase) not in found_phrases:
                raise PluginError(f"glossary: {DATA}:{term.line}: {term.id}: the phrase {phrase!r} is not found "
                                  "in the article's paragraphs (outside headings, links, notes and emendations)")
    for term in _state["terms"]:
        file = files.get_file_from_path(pages.page_path(term.id))
        placeholder = pages.OCCURRENCES_PLACEHOLDER.format(id=term.id)
        if file is None or file.page is None or file.page.content is None or placeholder not in file.page.content:
            raise PluginError(f"glossary: the page of '{term.id}' was not rendered with its occurrences placeholder")
        links = {paragraph: (get_relative_url(url, file.page.url) + f"#{paragraph}", title)
                 for paragraph, (url, title) in _state["paragraphs"].items()}
        mine = [occurrence for occurrence in occurrences if occurrence.term_id == term.id]
        file.page.content = file.page.content.replace(placeholder, pages.occurrences_html(mine, links))
    return env


def plugin_error(error: EditionError, root: Path) -> PluginError:
    return PluginError(f"glossary: {error.where(root)}: {error.message}")
