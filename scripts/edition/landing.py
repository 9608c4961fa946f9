"""The landing page: the article's front matter (from the journal's page and the seed's
abstract), a table of contents and the way in."""

from __future__ import annotations

from .pipeline import Edition
from .publication import Publication
from .render import Renderer, attribute, escape


def authors_block(source: Publication) -> list[str]:
    """Authors with superscript affiliation numbers, then the numbered affiliations."""
    affiliations: list[str] = []
    names = []
    for author in source.authors:
        marks = []
        for affiliation in author.affiliations:
            if affiliation not in affiliations:
                affiliations.append(affiliation)
            marks.append(str(affiliations.index(affiliation) + 1))
        names.append(f'<span class="article-author">{escape(author.name)}</span><sup>{",".join(marks)}</sup>')
    lines = ['<p class="article-authors">' + " and ".join(names) + "</p>", '<ol class="article-affiliations">']
    lines += [f"<li>{escape(affiliation)}</li>" for affiliation in affiliations]
    lines.append("</ol>")
    return lines


def landing_page(edition: Edition) -> str:
    source = edition.publication
    renderer = Renderer(edition)
    first = edition.sections[0]
    lines = [
        "---",
        "title: Home",
        "---",
        "",
        f"# {escape(source.title)} {{ .article-title }}",
        "",
        *authors_block(source),
        "",
        f'<p class="article-source"><cite>{escape(source.journal_en)}</cite> '
        f'(<cite lang="ru">{escape(source.journal_ru)}</cite>), vol.&nbsp;{source.volume}, '
        f"issue&nbsp;{source.issue}, {source.year}, pp.&nbsp;{source.first_page}–{source.last_page}. "
        f"Published by {escape(source.publisher)}, in the issue's section "
        f'<span lang="ru">«{escape(source.journal_rubric_ru)}»</span> (Latin America and the lines of international '
        f"cooperation and conflict). UDC {escape(source.udc)}.</p>",
        "",
        f'<p class="article-doi">DOI: <a href="{attribute(source.doi_url)}">{escape(source.doi)}</a> · '
        f'<a href="{attribute(source.publisher_url)}">the article on the journal\'s site</a></p>',
        "",
        f"[Start reading: {escape(first.title)}]({first.page}){{ .md-button .md-button--primary }}",
        "",
        "## Abstract",
        "",
        renderer.paragraph(edition.front_matter.abstract),
        "{: .article-abstract }",
        "",
        "**Keywords:** " + escape(", ".join(edition.front_matter.keywords)) + ".",
        "{: .article-keywords }",
        "",
        "## Contents",
        "",
    ]
    for section in edition.sections:
        pages = (f"p.&nbsp;{section.first_page}" if section.first_page == section.last_page
                 else f"pp.&nbsp;{section.first_page}–{section.last_page}")
        lines.append(f"{section.number}. [{escape(section.title)}]({section.page}) · {pages}")
    lines += [
        "",
        "The section headings are the editors'; the printed article runs without headings. "
        "[Editorial method and textual notes](editorial-method.md) explains every change made to the text.",
        "",
    ]
    return "\n".join(lines)
