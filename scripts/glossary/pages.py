"""The glossary's pages, as Markdown: one page per term and the A–Z index.

The list of a term's occurrences is not known until the article's pages are rendered, so the
term page carries a placeholder that `occurrences_html` replaces (see the glossary hook).
"""

from __future__ import annotations

import html
import json
import unicodedata

from edition import sourcing
from edition.render import escape

from .marking import Occurrence
from .terms import Term

DIRECTORY = "glossary"
OCCURRENCES_PLACEHOLDER = '<div class="glossary-occurrences" data-term="{id}"></div>'


def page_path(term_id: str) -> str:
    return f"{DIRECTORY}/{term_id}.md"


def name(term: Term) -> str:
    """The term as HTML, with its language marked when it is Spanish."""
    if term.lang == "es":
        return f'<span lang="es">{escape(term.term)}</span>'
    return escape(term.term)


def sort_key(term: Term) -> str:
    folded = unicodedata.normalize("NFKD", term.term.casefold())
    return "".join(char for char in folded if not unicodedata.combining(char))


def letter(term: Term) -> str:
    first = sort_key(term)[0]
    return first.upper() if first.isalpha() else "#"


def plain_html(text: str) -> str:
    return html.escape(text, quote=False)


def expansion_line(term: Term, esc=plain_html) -> str:
    """The expansion and the English translation; `esc` is `escape` inside Markdown, plain
    HTML escaping inside a raw HTML block (which Markdown leaves alone)."""
    parts = []
    if term.expansion:
        lang = ' lang="es"' if term.lang == "es" else ""
        parts.append(f'<span class="glossary-expansion__name"{lang}>{esc(term.expansion)}</span>')
    if term.translation:
        parts.append(f"English: {esc(term.translation)}")
    return " · ".join(parts)


def indent(text: str) -> str:
    return "\n".join(f"    {line}" if line else "" for line in text.splitlines())


def term_page(term: Term, terms: dict[str, Term]) -> str:
    lines = [
        "---",
        f"title: {json.dumps(term.term + ' (glossary)', ensure_ascii=False)}",
        "---",
        "",
        f"# {name(term)}",
        "",
        "Glossary of this edition · written by the editors, not by the authors · [All terms, A–Z](index.md)",
        # Boilerplate and cross-references stay out of the search index, so that a search for an
        # alias ranks this term's page above the pages that merely link to it.
        "{: .editorial-label .glossary-label data-search-exclude }",
        "",
    ]
    if term.expansion or term.translation:
        lines += [f'<p class="glossary-expansion">{expansion_line(term)}</p>', ""]
    lines += [f'<p class="glossary-short">{plain_html(term.short)}</p>', ""]
    if term.aliases:
        lines += ['<p class="glossary-aliases"><strong>Also called:</strong> '
                  + ", ".join(plain_html(alias.name) for alias in term.aliases) + "</p>", ""]
    if term.status == sourcing.UNVERIFIED:
        lines += [f'<p class="glossary-status"><strong>{plain_html(sourcing.UNVERIFIED_TEXT)}</strong></p>', ""]
    lines += ["## Definition", "", term.definition, ""]
    if term.names_note:
        lines += ['!!! note "Not another name for this term"', "", indent(term.names_note), ""]
    if term.caution:
        lines += ['!!! warning "Where the article is uncertain or wrong"', "", indent(term.caution), ""]
    lines += ["## In the article", "", term.in_article, "",
              "### Every occurrence { data-search-exclude }", "",
              "Each passage where the term is marked in the article, with its printed page. "
              "The list is made when the site is built, from the marks themselves.", "",
              OCCURRENCES_PLACEHOLDER.format(id=term.id), ""]
    if term.related:
        lines += ["## Related terms { data-search-exclude }", ""]
        for other in term.related:
            related = terms[other]
            lines.append(f"- [{name(related)}]({other}.md): {escape(related.short)}")
        lines.append("")
    lines += ["## Sources", ""]
    for source in term.sources:
        if source.url:
            lines.append(f"- {escape(source.text)}: <{source.url}>")
        else:
            lines.append(f"- {escape(source.text)}.")
    lines.append("")
    return "\n".join(lines)


def index_page(terms: list[Term]) -> str:
    ordered = sorted(terms, key=sort_key)
    letters = sorted({letter(term) for term in ordered})
    lines = [
        "---",
        "title: Glossary",
        "---",
        "",
        "# Glossary",
        "",
        "The article's terms, acronyms and names, A to Z",
        "{: .editorial-label }",
        "",
        "Written by the editors of this edition, not by the authors. Each entry gives the meaning of "
        "the term, how the article uses it, every place it occurs in the article, and the sources. "
        "Where the article's account is doubtful, the entry says so. In the article itself every "
        "occurrence of a term is marked with a faint underline: point at it, move to it with the "
        "keyboard or tap it to read the short definition, with a link to the entry.",
        "",
        " · ".join(f"[{char}](#letter-{char.lower()})" for char in letters),
        "{: .glossary-letters }",
        "",
    ]
    for char in letters:
        lines += [f"## {char} {{#letter-{char.lower()}}}", ""]
        for term in (term for term in ordered if letter(term) == char):
            expansion = f" ({expansion_line(term, escape)})" if term.expansion else ""
            lines.append(f"- [{name(term)}]({term.id}.md){expansion}: {escape(term.short)}")
        lines.append("")
    return "\n".join(lines)


def occurrences_html(occurrences: list[Occurrence], link: dict[str, tuple[str, str]]) -> str:
    """The ordered list of occurrences; `link[paragraph id]` is (href, section title)."""
    items = []
    for occurrence in occurrences:
        href, section = link[occurrence.paragraph_id]
        items.append(
            f'<li><a href="{html.escape(href, quote=True)}">{html.escape(section)}, '
            f'paragraph&nbsp;{occurrence.paragraph_number}, p.&nbsp;{occurrence.page}</a>'
            f'<br><span class="glossary-occurrences__snippet">{html.escape(occurrence.before)}'
            f'<mark>{html.escape(occurrence.text)}</mark>{html.escape(occurrence.after)}</span></li>')
    return '<ol class="glossary-occurrences">\n' + "\n".join(items) + "\n</ol>"


def definitions_block(terms: list[Term], href: dict[str, str]) -> str:
    """The short definitions of the terms marked on a page, hidden: read by screen readers
    (aria-describedby) and shown by the popover script; kept out of the search index."""
    lines = ['<div class="glossary-definitions" hidden data-search-exclude>']
    for term in terms:
        lang = ' lang="es"' if term.lang == "es" else ""
        lines.append(f'<p class="glossary-definitions__entry" data-term="{term.id}" '
                     f'data-href="{html.escape(href[term.id], quote=True)}">'
                     f'<span class="glossary-definitions__name"{lang}>{html.escape(term.term)}</span> '
                     f'<span id="glossary-def-{term.id}">{html.escape(term.short)}</span></p>')
    lines.append("</div>")
    return "\n".join(lines)
