"""MkDocs hook: generate the article's pages at build time from `seeds/` and `editorial/`.

The generated Markdown is never committed, so the seeds and the editorial data files are
the single source of truth (`python scripts/build_edition.py OUT` writes it out for review).
Any bad input stops the build with the file and line at fault.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from edition import landing, pipeline, render, sections, textual_notes
from edition.errors import EditionError

TEXTUAL_NOTES_MARKER = "<!-- textual notes: generated -->"

# The edition built in on_config, for on_files and on_page_markdown (MkDocs passes a hook's
# functions the config, not what an earlier event made). The other hooks do not import this
# module: they ask pipeline.build, which returns this same object for the same inputs.
_edition: pipeline.Edition | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _edition
    root = Path(config.config_file_path).parent
    try:
        _edition = pipeline.build(root)
    except EditionError as error:
        raise PluginError(f"edition: {error.where(root)}: {error.message}") from error
    check_nav(config, _edition)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    edition = current()
    files.append(File.generated(config, "index.md", content=landing.landing_page(edition)))
    for section in edition.sections:
        files.append(File.generated(config, section.page, content=render.section_page(edition, section)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if TEXTUAL_NOTES_MARKER in markdown:
        return markdown.replace(TEXTUAL_NOTES_MARKER, textual_notes.generated_part(current()))
    return markdown


def current() -> pipeline.Edition:
    if _edition is None:
        raise PluginError("edition: the edition was not built (on_config did not run)")
    return _edition


def check_nav(config: MkDocsConfig, edition: pipeline.Edition) -> None:
    """The nav in mkdocs.yml must list the article's sections exactly, in order."""
    expected = [section.page for section in edition.sections]

    def paths(items: object) -> list[str]:
        found = []
        if isinstance(items, str):
            return [items]
        if isinstance(items, dict):
            for value in items.values():
                found += paths(value)
        if isinstance(items, list):
            for item in items:
                found += paths(item)
        return found

    listed = [path for path in paths(config.nav or []) if path.startswith(f"{sections.ARTICLE_DIR}/")]
    if listed != expected:
        raise PluginError(f"edition: mkdocs.yml: the nav must list the article's sections as in "
                          f"editorial/sections.yml, in order: {expected}; it lists {listed}")
