"""MkDocs hook: what the article pages' reader tools need from the build.

"Cite this passage" and "As printed" are made in the browser (assets/javascripts/passage-tools.js)
from what the build wrote: each paragraph's printed pages (scripts/edition/render.py), each
footnote mark's printed citation (scripts/bibliography/citations.py), each emendation's printed
reading, and, added here to each article page, the article's reference with a place for the
passage's pages (scripts/bibliography/passage.py).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from bibliography import article, passage
from edition import pipeline
from edition.errors import EditionError

ARTICLE_DIR = "article/"
ARTICLE_END = "</article>"

_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        edition = pipeline.build(root)  # the same one edition_pages.py built: cached
        _state["data"] = passage.data_element(article.load(root, edition.publication))
    except EditionError as error:
        raise PluginError(f"passage citations: {error.where(root)}: {error.message}") from error
    return config


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    """Into the finished page, so that the print view, made from the pages' content, has none."""
    if not page.file.src_uri.startswith(ARTICLE_DIR):
        return output
    if output.count(ARTICLE_END) != 1:
        raise PluginError(f"passage citations: {page.file.src_uri}: the page's article element was not found once")
    return output.replace(ARTICLE_END, _state["data"] + ARTICLE_END)
