"""The landing page: the article's front matter (from the journal's page and the seed's
abstract), a table of contents and the way in."""

from __future__ import annotations

from .pipeline import Edition
from .render import Renderer, attribute, escape


def doi_url(doi: str) -> str:
    return f"https://doi.org/{doi}"


def authors_block(metadata: dict) -> list[str]:
    """Authors with superscript affiliation numbers, then the numbered affiliations."""
    affiliations: list[str] = []
    names = []
    for author in metadata["authors"]:
        marks = []
        for affiliation in author["affiliations"]:
            if affiliation not in affiliations:
                affiliations.append(affiliation)
            marks.append(str(affiliations.index(affiliation) + 1))
        names.append(f'<span class="article-author">{escape(author["name"])}</span><sup>{",".join(marks)}</sup>')
    lines = ['<p class="article-authors">' + " and ".join(names) + "</p>", '<ol class="article-affiliations">']
    lines += [f"<li>{escape(affiliation)}</li>" for affiliation in affiliations]
    lines.append("</ol>")
    return lines


def landing_page(edition: Edition) -> str:
    metadata = edition.metadata
    journal = metadata["journal"]
    renderer = Renderer(edition)
    doi = metadata["doi"]
    first = edition.sections[0]
    lines = [
        "---",
        "title: Home",
        "---",
        "",
        f'# {escape(metadata["title"])} {{ .article-title }}',
        "",
        *authors_block(metadata),
        "",
        f'<p class="article-source"><cite>{escape(journal["en"])}</cite> '
        f'(<cite lang="ru">{escape(journal["ru"])}</cite>), vol.&nbsp;{metadata["volume"]}, '
        f'issue&nbsp;{metadata["issue"]}, {metadata["year"]}, pp.&nbsp;{metadata["first_page"]}–{metadata["last_page"]}. '
        f'Published by {escape(metadata["publisher"])}, in the issue\'s section '
        f'<span lang="ru">«{escape(journal["rubric_ru"])}»</span> (Latin America and the lines of international '
        f'cooperation and conflict). UDC {escape(metadata["udc"])}.</p>',
        "",
        f'<p class="article-doi">DOI: <a href="{attribute(doi_url(doi))}">{escape(doi)}</a> · '
        f'<a href="{attribute(metadata["publisher_url"])}">the article on the journal\'s site</a></p>',
        "",
        f"[Start reading: {escape(first.title)}](article/{first.slug}.md){{ .md-button .md-button--primary }}",
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
        lines.append(f"{section.number}. [{escape(section.title)}](article/{section.slug}.md) · {pages}")
    lines += [
        "",
        "The section headings are the editors'; the printed article runs without headings. "
        "[Editorial method and textual notes](editorial-method.md) explains every change made to the text.",
        "",
    ]
    return "\n".join(lines)
