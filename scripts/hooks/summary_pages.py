"""MkDocs hook: the article at a glance. Generates the overview, the section summaries, the key
figures (with an SVG chart) and the timeline from `editorial/summaries.yml`,
`editorial/key-figures.yml` and `editorial/timeline.yml`, and opens each section page with its
reading time and the editors' summary (closed, just before the authors' first paragraph).

Every entry's paragraph is checked against the article's words before anything is written.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from bibliography.citations import CITATION_RE
from edition import pipeline, tokens
from edition.errors import reported
from summaries import data, pages, passages, reading_time

EDITORIAL = Path("editorial")

_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    with reported("summaries", root):
        # The same call as the edition hook's, so that the two hooks stay independent; the
        # pipeline builds once for both.
        edition = pipeline.build(root)
        paragraphs = passages.passages(edition)
        summaries = data.load_summaries(root / EDITORIAL / "summaries.yml", paragraphs, edition.sections)
        figures, chart = data.load_figures(root / EDITORIAL / "key-figures.yml", paragraphs)
        events = data.load_timeline(root / EDITORIAL / "timeline.yml", paragraphs)
    words = {section.slug: sum(reading_words(text) for text in section.paragraphs) for section in edition.sections}
    _state.clear()
    _state.update(edition=edition, sections=edition.sections,
                  summaries=summaries, figures=figures, chart=chart, events=events,
                  words=words)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    sections, summaries, words = _state["sections"], _state["summaries"], _state["words"]
    generated = {
        "index.md": pages.overview_page(summaries, sections, words),
        "summaries.md": pages.summaries_page(summaries, sections, words),
        "key-figures.md": pages.key_figures_page(_state["figures"], _state["chart"]),
        "timeline.md": pages.timeline_page(_state["events"]),
    }
    for name, content in generated.items():
        files.append(File.generated(config, f"{pages.DIRECTORY}/{name}", content=content))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    section = _state["edition"].section_at(page.file.src_uri)
    if section is None:
        return markdown
    slug = section.slug
    summary = _state["summaries"].sections.get(slug)
    if summary is None:
        raise PluginError(f"summaries: no summary for the section page {page.file.src_uri}")
    box = pages.section_box(slug, summary, _state["words"][slug], _state["summaries"].reading_rate)
    return before_paragraph(markdown, section.paragraph_ids[0], box, page.file.src_uri)


def before_paragraph(markdown: str, paragraph: str, block: str, src_uri: str) -> str:
    """The page with `block` set just before the paragraph whose id is `paragraph` (the
    section's first, from the edition's data): a paragraph of the generated page is one line,
    followed by its attribute list."""
    lines = markdown.split("\n")
    opening = "{: #" + paragraph + " "
    found = [index for index, line in enumerate(lines) if line.startswith(opening)]
    if len(found) != 1 or found[0] < 1 or not lines[found[0] - 1].strip():
        raise PluginError(f"summaries: {src_uri}: the section's first paragraph ({paragraph}) is not where the "
                          "edition puts it, so the summary has no place")
    at = found[0] - 1
    return "\n".join(lines[:at] + [block] + lines[at:])


def reading_words(paragraph: str) -> int:
    """The words a reader reads in a paragraph of the edition. A citation such as
    "[16, p. 173, 175]" reaches the reader as a footnote number, not as words; the editors'
    supplied words (an emendation's "[100]") are read, so only the authors' own text is searched."""
    parts = [CITATION_RE.sub("", part) if isinstance(part, str) else part.shown for part in tokens.split(paragraph)]
    return reading_time.count_words("".join(parts))
