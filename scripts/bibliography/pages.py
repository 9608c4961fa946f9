"""The Markdown this concern adds to the site: the bibliography page (every reference with the
places that cite it), the reference-list part of the textual notes, and "Cite this article"."""

from __future__ import annotations

from edition.render import escape
from edition.sections import Section

from . import journal_style
from .article import DOWNLOAD_NAME, chicago_html, journal_style_html
from .citations import Citation, relative
from .entries import Reference, plain

BIBLIOGRAPHY_PAGE = "bibliography.md"
TEXTUAL_NOTES_PAGE = "editorial-method.md"
DOWNLOADS = "downloads"
REFERENCES_DOWNLOAD = f"{DOWNLOADS}/references.bib"
FIELD_NAMES = {"author": "author", "editor": "editor", "title": "title", "translation": "translation",
               "journaltitle": "journal", "publisher": "publisher", "location": "place", "date": "date"}


def cell(text: str) -> str:
    return journal_style.markdown_text(text).replace("\n", " ")


def back_references(citations: list[Citation], sections: dict[str, Section]) -> str:
    """'Cited in §4 Migration …: ¶ 12 (note 17, p. 173, 175); ¶ 13 (note 18, …)', linked."""
    if not citations:
        return ""
    groups: list[tuple[Section, list[Citation]]] = []
    for citation in citations:
        section = sections[citation.page]
        if groups and groups[-1][0] is section:
            groups[-1][1].append(citation)
        else:
            groups.append((section, [citation]))
    parts = []
    for section, cited in groups:
        places = []
        for citation in cited:
            page = relative(citation.page, BIBLIOGRAPHY_PAGE)
            locator = f", {cell(citation.locator)}" if citation.locator else ""
            places.append(f"[¶&nbsp;{citation.paragraph.removeprefix('par-')}]({page}#{citation.paragraph}) "
                          f"([note&nbsp;{citation.ordinal}]({page}#fnref:{citation.label}){locator})")
        parts.append(f"§{section.number} [{escape(section.title)}]({relative(section.page, BIBLIOGRAPHY_PAGE)}): "
                     + "; ".join(places))
    return "Cited in " + "; ".join(parts) + "."


def bibliography_page(references: list[Reference], citations: list[Citation], sections: dict[str, Section]) -> str:
    corrected = sum(1 for reference in references if reference.corrections)
    lines = [
        "---", "title: Bibliography", "---", "",
        "# Bibliography", "",
        f"The authors' {len(references)} references, in the order and with the numbers of the list printed with "
        "the article, set in the journal's own style. Under each entry are the places in the article that cite it, "
        "with a link to the paragraph and to the citation's note.", "",
        f"The editors corrected {corrected} entries where the printed list is wrong (a misspelt name, a wrong "
        f"title or date); each correction, with the printed reading and the evidence, is listed in the "
        f"[textual notes]({TEXTUAL_NOTES_PAGE}#reference-list). The printed list's links were lost in the copy the "
        "edition was made from: the access dates are the authors', and the links shown were found by the editors, "
        "who added no link, DOI or ISBN they had not seen for that very item.", "",
        f"[Download the references (BibTeX)]({REFERENCES_DOWNLOAD}){{ .md-button download }}", "",
        '<ol class="bibliography" markdown="block">',
    ]
    for reference in references:
        cited = [citation for citation in citations if citation.number == reference.number]
        lines += [f'<li id="ref-{reference.number}" value="{reference.number}" markdown="block">', "",
                  f'<p class="bibliography__reference" markdown="span">'
                  f'{journal_style.format_reference(reference, journal_style.markdown_text)}</p>', "",
                  f'<p class="bibliography__cited" markdown="span">{back_references(cited, sections)}</p>', ""]
        if reference.corrections or reference.fields.get("editors-note"):
            what = ", ".join(FIELD_NAMES.get(correction.field, correction.field)
                             for correction in reference.corrections)
            label = f"Corrected by the editors ({what})" if what else "Editors' remark"
            lines += [f'<p class="bibliography__correction" markdown="span">{label}: '
                      f"see [textual note R{reference.number}]({TEXTUAL_NOTES_PAGE}#refnote-{reference.number})."
                      "</p>", ""]
        lines += ["</li>", ""]
    lines += ["</ol>", ""]
    return "\n".join(lines)


def shown_value(reference: Reference, field: str, value: str) -> str:
    """A field's value as the list shows it (names in the journal's form)."""
    if field in ("author", "editor"):
        people = reference.authors if field == "author" else reference.editors
        return journal_style.name_list(people)
    if field == "date":
        return journal_style.date_in_words(value) or value
    return plain(value)


def textual_notes_part(references: list[Reference]) -> str:
    """The reference-list corrections and remarks, for the textual-notes page."""
    noted = [reference for reference in references if reference.corrections or reference.fields.get("editors-note")]
    corrections = sum(len(reference.corrections) for reference in references)
    lines = ["## Reference list {#reference-list}", "",
             f"{corrections} corrections in {sum(1 for r in noted if r.corrections)} entries of the printed reference "
             f"list, and remarks on {sum(1 for r in noted if not r.corrections)} more. The [bibliography]"
             f"({BIBLIOGRAPHY_PAGE}) shows the corrected entries; the printed readings are kept in the project's "
             "`bib/references.bib`, in fields named `printed-…`. Quotation marks, dashes and the spacing of initials "
             "follow the journal's style and are not listed.", "",
             "| Ref. | Field | Printed | Corrected | Reason and source |", "|---|---|---|---|---|"]
    for reference in noted:
        fields = "<br>".join(FIELD_NAMES.get(c.field, c.field) for c in reference.corrections) or "—"
        printed = "<br>".join(cell(c.printed) if c.printed else "(nothing)" for c in reference.corrections) or "—"
        corrected = "<br>".join(cell(shown_value(reference, c.field, c.corrected))
                                for c in reference.corrections) or "—"
        reason = cell(plain(reference.fields["editors-note"]))
        if reference.fields.get("editors-source"):
            reason += f" Source: {cell(plain(reference.fields['editors-source']))}"
        lines.append(f'| <span id="refnote-{reference.number}">R{reference.number}</span> '
                     f"[(entry)]({BIBLIOGRAPHY_PAGE}#ref-{reference.number}) | {fields} | {printed} | {corrected} | "
                     f"{reason} |")
    return "\n".join(lines) + "\n"


def cite_this(article: Reference) -> str:
    """The landing page's "Cite this article" section."""
    doi = article.fields["doi"]
    return "\n".join([
        "", "## Cite this article {#cite-this-article}", "",
        "In the style of the journal's own reference lists:", "",
        f'<p class="cite-this" id="cite-journal" markdown="span">{journal_style_html(article)}</p>', "",
        "In Chicago style (17th edition, notes and bibliography; the bibliography entry):", "",
        f'<p class="cite-this" id="cite-chicago" markdown="span">{chicago_html(article)}</p>', "",
        f"DOI: [{doi}](https://doi.org/{doi}) · Download the citation: "
        f"[BibTeX]({DOWNLOADS}/{DOWNLOAD_NAME}.bib){{ download }} · "
        f"[RIS]({DOWNLOADS}/{DOWNLOAD_NAME}.ris){{ download }}",
        "{: .cite-this-downloads }", ""])
