"""The at-a-glance pages and the summary box of each section page, as Markdown.

Links into the article are Markdown links to `article/<slug>.md#par-N`, so MkDocs checks
them too (a missing anchor is a warning, and the build is strict).
"""

from __future__ import annotations

import html

from edition import sourcing
from edition.render import escape
from edition.sections import Section

from . import reading_time
from .chart import bar_chart, number
from .data import Chart, Event, Figure, Linked, Summaries

DIRECTORY = "at-a-glance"
UP = "../"  # from a page in at-a-glance/ to the docs root
EDITORIAL = "Written by the editors of this edition, not by the authors"


def pages_label(section: Section) -> str:
    if section.first_page == section.last_page:
        return f"p.&nbsp;{section.first_page}"
    return f"pp.&nbsp;{section.first_page}–{section.last_page}"


def reading_line(words: int, rate: int, what: str = "Reading time") -> str:
    return (f'<p class="reading-time">{what}: {reading_time.phrase(words, rate)} '
            f'({number(words)} words, at {rate} words a minute)</p>')


def sentence_link(sentence: Linked, prefix: str | None) -> str:
    """The sentence as a link to its paragraph; `prefix` None means a link within the page."""
    target = f"#{sentence.anchor.paragraph}" if prefix is None else sentence.anchor.href(prefix)
    title = f"Paragraph {sentence.anchor.number}, printed page {sentence.anchor.page}"
    return f'[{sentence.text}]({target} "{title}"){{ .summary-sentence }}'


def page_link(anchor, prefix: str) -> str:
    title = f"{anchor.section.number}. {anchor.section.title}, paragraph {anchor.number}"
    return f'[p.&nbsp;{anchor.page}]({anchor.href(prefix)} "{escape(title)}"){{ .passage-link }}'


def summary_sentence(sentence: Linked) -> str:
    """A sentence of a section's own summary box: the sentence as text, then a small link to the
    paragraph it rests on by its printed page (a link on every sentence underlined the whole box)."""
    anchor = sentence.anchor
    title = f"Paragraph {anchor.number}, printed page {anchor.page}"
    return (f'<span class="summary-sentence">{sentence.text} '
            f'[p.&nbsp;{anchor.page}](#{anchor.paragraph} "{title}"){{ .summary-source }}</span>')


def section_box(slug: str, sentences: list[Linked], words: int, rate: int) -> str:
    """Set just before a section's first paragraph: its reading time and the editors' summary,
    closed, so that the authors' text starts on a phone's first screen; one tap opens it."""
    return "\n".join([
        reading_line(words, rate),
        "",
        '<details class="abstract editorial-summary" markdown="block">',
        '<summary>Editors’ summary <span class="editorial-summary__who">(not the authors’ words)</span></summary>',
        "",
        " ".join(summary_sentence(sentence) for sentence in sentences),
        "",
        f"{EDITORIAL}. Each sentence links to the paragraph it rests on, by its printed page; "
        f"[all the summaries]({UP}{DIRECTORY}/summaries.md#{slug}).",
        "{: .editorial-summary__note }",
        "",
        "</details>",
        "",
    ])


def sourcing_html(sources: tuple[str, ...], status: str | None) -> str:
    """The sources of an editors' statement, or the plain words saying it is unverified."""
    if status == sourcing.UNVERIFIED:
        return f'<span class="sourcing sourcing--unverified">{escape(sourcing.UNVERIFIED_TEXT)}</span>'
    if not sources:
        return ""
    return f'<span class="sourcing">Sources: {"; ".join(escape(source) for source in sources)}.</span>'


def front(title: str) -> list[str]:
    return ["---", f"title: {title}", "---", ""]


def overview_page(summaries: Summaries, sections: list[Section], words: dict[str, int]) -> str:
    rate = summaries.reading_rate
    total = sum(words.values())
    first, last = sections[0].first_page, sections[-1].last_page
    lines = front("Overview") + [
        "# The article at a glance", "",
        f"{EDITORIAL}: the argument in brief, the key takeaways and the reading times",
        "{: .editorial-label }", "",
        reading_line(total, rate, "Reading the whole article"), "",
        "## The argument", "",
        summaries.argument, "",
        "## Key takeaways", "",
    ]
    for takeaway in summaries.takeaways:
        lines.append(f"1. {sentence_link(takeaway, UP)} ({page_link(takeaway.anchor, UP)})")
    lines += [
        "",
        "## Sections and reading times", "",
        f"At {rate} words a minute, a common estimate for attentive reading of prose.", "",
        "| Section | Printed pages | Words | Reading time |",
        "| --- | --- | ---: | ---: |",
    ]
    for section in sections:
        lines.append(f"| [{section.number}. {escape(section.title)}]({UP}article/{section.slug}.md) | "
                     f"{pages_label(section)} | {number(words[section.slug])} | "
                     f"{reading_time.minutes(words[section.slug], rate)} min |")
    lines += [
        f"| **The whole article** | pp.&nbsp;{first}–{last} | **{number(total)}** | "
        f"**{reading_time.minutes(total, rate)} min** |",
        "",
        "## More at a glance", "",
        "- [Section summaries](summaries.md): three to five sentences on each section, each linked to its passage.",
        "- [Key figures](key-figures.md): the article's numbers, with what the sources say, and a chart.",
        "- [Timeline](timeline.md): the events the article names, from 1906 to 2018.",
        f"- [Glossary]({UP}glossary/index.md): the article's terms and acronyms explained.",
        "",
    ]
    return "\n".join(lines)


def summaries_page(summaries: Summaries, sections: list[Section], words: dict[str, int]) -> str:
    lines = front("Section summaries") + [
        "# Section summaries", "",
        f"{EDITORIAL}. The same summaries open each section's page",
        "{: .editorial-label }", "",
        "Each sentence links to the paragraph it rests on; the headings lead to the sections.", "",
    ]
    for section in sections:
        lines += [
            f"## [{section.number}. {escape(section.title)}]({UP}article/{section.slug}.md) {{ #{section.slug} }}", "",
            f"Printed {pages_label(section)} · {reading_time.phrase(words[section.slug], summaries.reading_rate)} "
            "to read",
            "{: .summary-meta }", "",
            " ".join(sentence_link(sentence, UP) for sentence in summaries.sections[section.slug]),
            "{: .section-summary }", "",
        ]
    return "\n".join(lines)


def key_figures_page(figures: list[Figure], chart: Chart) -> str:
    lines = front("Key figures") + [
        "# Key figures", "",
        f"{EDITORIAL}: the article's numbers, where they stand, and what the editors' sources say",
        "{: .editorial-label }", "",
        "Each figure links to the passage of the article that gives it. The last column says whether "
        "the figure could be checked; where it could not, it is the authors' figure only.", "",
        '<div class="key-figures" markdown>',
        '<table markdown>',
        "<thead><tr><th>Figure</th><th>What it counts</th><th>When</th><th>Passage</th>"
        "<th>What the sources say</th></tr></thead>",
        "<tbody markdown>",
    ]
    for figure in figures:
        lines += [
            '<tr markdown>',
            f'<td class="key-figures__figure" markdown="span">{escape(figure.figure)}</td>',
            f'<td data-label="What it counts" markdown="span">{escape(figure.measure)}</td>',
            f'<td data-label="When" markdown="span">{escape(figure.when)}</td>',
            f'<td data-label="Passage" markdown="span">{page_link(figure.anchor, UP)}</td>',
            f'<td data-label="What the sources say" markdown="span">{figure.check or ""} '
            f'{sourcing_html(figure.sources, figure.status)}</td>',
            "</tr>",
        ]
    lines += ["</tbody>", "</table>", "</div>", ""]
    points = [(point.label, point.value) for point in chart.points]
    first, last = points[0], points[-1]
    lines += [
        f"## {escape(chart.title)}", "",
        '<figure class="chart-figure">',
        bar_chart(points, chart.title, chart.unit, "trade-chart"),
        f'<figcaption>{html.escape(chart.title)}, in {html.escape(chart.unit)}: from {number(first[1])} '
        f'in {html.escape(first[0])} to {number(last[1])} in {html.escape(last[0])}, '
        f'{last[1] / first[1]:.1f} times as much. Drawn from the article’s figures.</figcaption>',
        "</figure>", "",
        f"The chart's values, as a table. Source: the article, {page_link(chart.anchor, UP)}.", "",
        f"| Year | {escape(chart.unit[0].upper() + chart.unit[1:])} |",
        "| --- | ---: |",
    ]
    lines += [f"| {escape(label)} | {number(value)} |" for label, value in points]
    lines.append("")
    return "\n".join(lines)


def timeline_page(events: list[Event]) -> str:
    lines = front("Timeline") + [
        "# Timeline", "",
        f"{EDITORIAL}: the events the article names, in order, each linked to its passage",
        "{: .editorial-label }", "",
        "Dates are the article's unless a note says otherwise; the notes give the editors' "
        "corrections and doubts.", "",
        '<ol class="timeline" markdown>',
    ]
    for event in events:
        note = (f' <span class="timeline__note">{event.note} {sourcing_html(event.sources, event.status)}</span>'
                if event.note else "")
        lines.append(
            f'<li class="timeline__event" markdown="span"><span class="timeline__date">'
            f'<time datetime="{event.year}">{escape(event.date)}</time></span> '
            f'<span class="timeline__text">{event.event} {page_link(event.anchor, UP)}</span>'
            f'{note}</li>')
    lines += ["</ol>", ""]
    return "\n".join(lines)
