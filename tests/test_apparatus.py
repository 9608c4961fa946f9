"""The editors' apparatus a reader can trust (issue 10).

- The hedge lint: the editors' sentences that dropped the authors' hedges (taken from the data
  files as they stood at commit 0112359, before the fix) are refused, with the file, the line
  and the authors' words; a recorded reason lets a sentence through; a summary sentence put
  back as it was stops the build.
- The sourcing rule: a note, a timeline note, a key figure or a glossary entry with neither
  sources nor `status: unverified` is refused, naming the file and the line; on the built
  pages every unverified statement says so in words, and every sourced one shows its sources.
- Aliases: each is another name of the same thing with its source: the article (found in the
  article's text as the reader sees it) or one of the entry's listed sources.
- Lacunae (E12, E20): the gap is marked as the editors', no number or date is put in the
  authors' mouths, the printed reading is kept, and a note beside it gives the facts.
- A page range of one page is printed as one page.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import build_site
from edition import notes, pipeline, sourcing
from edition.errors import EditionError
from glossary import pages, terms
from passage_links import reading_text, squash
from summaries import data, hedges, passages

ROOT = Path(__file__).resolve().parents[1]
EDITORIAL = ROOT / "editorial"
EDITION = pipeline.build(ROOT)
PASSAGES = passages.passages(EDITION)
TERMS = terms.load(EDITORIAL / "glossary.yml")
SECTIONS = yaml.safe_load((EDITORIAL / "sections.yml").read_text(encoding="utf-8"))["sections"]

# Sentences as they stood at commit 0112359 (editorial/summaries.yml, editorial/glossary.yml),
# each with the paragraph it rested on and its evidence (None for a glossary line, which rests
# on the paragraphs where its term occurs). Every one drops a hedge the authors made.
OLD_SENTENCES = [
    pytest.param("The US Mérida Initiative of 2007, 1.4 billion dollars of aid and equipment, made regional security "
                 "an international matter and became the model for later US programmes for Central America and the "
                 "Caribbean.", "par-14", "It established a model for the future regional security projects by the "
                 "United States", "strong impulse", id="summary: Mérida made security international"),
    pytest.param("US programmes, from the Mérida Initiative onwards, set the pattern of regional security cooperation, "
                 "and Washington increasingly hands some of its functions to Mexico and Colombia.", "par-20",
                 "pass some of its functions to the regional nations, Mexico and Colombia", "seem",
                 id="takeaway: Washington hands its functions"),
    pytest.param("Mexican cartels under pressure at home have moved into the Northern Triangle, but the authors think "
                 "it more likely that they use it for money laundering, hiding and trafficking than that they have "
                 "real alliances with the gangs.", "par-17",
                 "more plausible is the use of the Northern Triangle territory for money laundering", "experts",
                 id="summary: cartels have moved"),
    pytest.param("Unlike Mexico's cartels, the gangs lack the resources to control large territories.", "par-16",
                 "do not appear to possess enough resources to exert control over large territories", "appear to",
                 id="summary: gangs lack resources"),
    pytest.param("For the authors, Mérida is the moment regional security became international: US$1.4 billion in "
                 "aid, small arms, aircraft and surveillance equipment for Mexican and Central American forces.",
                 "par-14", None, "strong impulse", id="glossary: Mérida the moment"),
    pytest.param("The article describes Esquipulas as a “child” of Contadora, made possible by changes of government "
                 "in Guatemala and Costa Rica.", "par-7", None, "sometimes seen", id="glossary: Esquipulas a child"),
]


def claim(text: str, paragraph: str, evidence: str | None, reason: str | None = None) -> hedges.Claim:
    return hedges.Claim(text, paragraph, evidence, reason, EDITORIAL / "summaries.yml", 42, "a sentence")


# ---- the hedge lint --------------------------------------------------------------------------

@pytest.mark.parametrize("text, paragraph, evidence, authors_hedge", OLD_SENTENCES)
def test_the_old_sentences_that_dropped_a_hedge_are_refused(text, paragraph, evidence, authors_hedge):
    with pytest.raises(EditionError) as refused:
        hedges.check([claim(text, paragraph, evidence)], PASSAGES)
    message = str(refused.value)
    assert "summaries.yml:42" in message
    assert f"where the authors hedge (“{authors_hedge}”)" in message
    assert "hedge_dropped_because" in message


@pytest.mark.parametrize("text, paragraph, evidence, authors_hedge", OLD_SENTENCES[:1])
def test_a_recorded_reason_lets_a_firm_sentence_through_and_an_empty_one_does_not(text, paragraph, evidence,
                                                                                    authors_hedge):
    hedges.check([claim(text, paragraph, evidence, "The hedged words are not what this sentence reports.")], PASSAGES)
    with pytest.raises(EditionError, match="'hedge_dropped_because' is empty"):
        hedges.check([claim(text, paragraph, evidence, "  ")], PASSAGES)


def test_a_sentence_that_keeps_the_hedge_passes():
    kept = ("The US Mérida Initiative of 2007 gave in the authors' words “a strong impulse” to the "
            "internationalisation of regional security.")
    hedges.check([claim(kept, "par-14", "received a strong impulse from the Mérida Initiative of 2007")], PASSAGES)


def test_an_old_summary_sentence_put_back_stops_the_build(project_copy, tmp_path):
    data_file = project_copy / "editorial" / "summaries.yml"
    text = data_file.read_text(encoding="utf-8")
    new = ("gave in the\n          authors' words “a strong impulse” to the internationalisation of regional "
           "security and\n          became")
    assert new in text
    data_file.write_text(text.replace(new, "made\n          regional security an international matter and became"),
                         encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    line = next(number for number, row in enumerate(text.splitlines(), 1)
                if "The US Mérida Initiative of 2007" in row) - 1
    assert f"editorial/summaries.yml:{line}: section 'regional-security': the editors' sentence" in result.stderr
    assert "received a strong impulse from the Mérida Initiative" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


# ---- the sourcing rule -----------------------------------------------------------------------

def test_the_rule_itself():
    assert sourcing.check(["a source"], None, Path("x.yml"), 1, "entry") == (("a source",), None)
    assert sourcing.check([], "unverified", Path("x.yml"), 1, "entry") == ((), "unverified")
    with pytest.raises(EditionError, match="x.yml:3: entry: a statement of fact needs its source"):
        sourcing.check([], None, Path("x.yml"), 3, "entry")
    with pytest.raises(EditionError, match="unknown status 'checked'"):
        sourcing.check(["a source"], "checked", Path("x.yml"), 3, "entry")


def unsourced_copy(tmp_path: Path, name: str, old: str, new: str) -> tuple[Path, int]:
    """A copy of editorial/NAME with `old` replaced by `new`; the line where the change starts."""
    text = (EDITORIAL / name).read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    copy = tmp_path / name
    copy.write_text(text.replace(old, new), encoding="utf-8")
    return copy, text[:text.index(old)].count("\n") + 1


def test_a_note_without_sources_or_status_is_refused(tmp_path):
    copy, _ = unsourced_copy(tmp_path, "notes.yml", "    sources: []\n    status: unverified\n  - id: sica-observatory",
                             "    sources: []\n  - id: sica-observatory")
    text = copy.read_text(encoding="utf-8")
    line = text.splitlines().index("  - id: biregional-dialogue") + 1
    with pytest.raises(EditionError) as refused:
        notes.load(copy)
    assert f"notes.yml:{line}: note biregional-dialogue: a statement of fact needs its source" in str(refused.value)


def test_a_timeline_note_without_sources_or_status_is_refused(tmp_path):
    copy, line = unsourced_copy(tmp_path, "timeline.yml", '  - year: 1974\n', '  - year: 1974\n')
    text = copy.read_text(encoding="utf-8")
    sources = ('    sources:\n      - "memoriapoliticademexico.org, efeméride of 12 November 1974"\n'
               '      - "elregio.com"\n')
    copy.write_text(text.replace(sources, ""), encoding="utf-8")
    with pytest.raises(EditionError) as refused:
        data.load_timeline(copy, PASSAGES)
    assert f"timeline.yml:{line}: event '12 November 1974' (its note): a statement of fact needs its source" \
        in str(refused.value)


def test_a_key_figure_without_sources_or_status_is_refused(tmp_path):
    copy, _ = unsourced_copy(tmp_path, "key-figures.yml", '  - figure: "500,000 a year"',
                             '  - figure: "500,000 a year"')
    text = copy.read_text(encoding="utf-8")
    start = text.index('  - figure: "500,000 a year"')
    end = text.index("    status: unverified\n", start)
    copy.write_text(text[:end] + text[end + len("    status: unverified\n"):], encoding="utf-8")
    line = text[:start].count("\n") + 1
    with pytest.raises(EditionError) as refused:
        data.load_figures(copy, PASSAGES)
    assert (f"key-figures.yml:{line}: figure '500,000 a year': a statement of fact needs its source"
            in str(refused.value))


def test_a_glossary_entry_without_sources_or_status_is_refused(tmp_path):
    copy, _ = unsourced_copy(tmp_path, "glossary.yml",
                             '    sources:\n      - text: "Congressional Research Service, report R44812 (2017)"\n'
                             '        url: null\n', "    sources: []\n")
    line = copy.read_text(encoding="utf-8").splitlines().index("  - id: northern-triangle") + 1
    with pytest.raises(EditionError) as refused:
        terms.load(copy)
    assert f"glossary.yml:{line}: northern-triangle: a statement of fact needs its source" in str(refused.value)


def test_a_note_without_sources_stops_the_build_naming_file_and_line(project_copy, tmp_path):
    data_file = project_copy / "editorial" / "notes.yml"
    text = data_file.read_text(encoding="utf-8")
    old = '    sources:\n      - "Metro Libre (Panama); newsroompanama.com"\n'
    assert old in text
    data_file.write_text(text.replace(old, ""), encoding="utf-8")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0
    line = text.splitlines().index("  - id: senafront") + 1
    assert f"editorial/notes.yml:{line}: note senafront: a statement of fact needs its source" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_every_unverified_statement_says_so_and_every_sourced_one_shows_its_sources(html):
    said = sourcing.UNVERIFIED_TEXT
    by_section = {section["slug"]: html(f"article/{section['slug']}") for section in SECTIONS}
    for note in EDITION.notes:
        item = next(page.find(id=f"note-{note.id}") for page in by_section.values() if page.find(id=f"note-{note.id}"))
        text = squash(item.get_text())
        if note.status == sourcing.UNVERIFIED:
            assert said in text, note.id
        else:
            assert note.sources and all(squash(source) in text for source in note.sources), note.id
    # each key figure is a table row, each event a list item, in the order of their data file
    for path, selector, file, key, name in [
        ("at-a-glance/key-figures", ".key-figures table tbody tr", "key-figures.yml", "figures", "figure"),
        ("at-a-glance/timeline", "li.timeline__event", "timeline.yml", "events", "date"),
    ]:
        shown = html(path).select(selector)
        entries = yaml.safe_load((EDITORIAL / file).read_text(encoding="utf-8"))[key]
        assert len(shown) == len(entries), file
        for element, entry in zip(shown, entries, strict=True):
            text = squash(element.get_text())
            assert (said in text) == (entry.get("status") == "unverified"), entry[name]
            assert all(squash(source) in text for source in entry.get("sources") or []), entry[name]


# ---- aliases ---------------------------------------------------------------------------------

def folded(text: str) -> str:
    return re.sub(r"[\s\-‐‑–—]+", " ", text).casefold()


def test_every_alias_is_a_name_used_by_the_article_or_by_one_of_the_entry_s_sources(html):
    article = folded(" ".join(reading_text(block) for section in SECTIONS
                              for block in html(f"article/{section['slug']}").select("p.article-paragraph")))
    checked = 0
    for term in TERMS:
        listed = [squash(item.get_text()) for item in
                  html(f"glossary/{term.id}").select_one("h2#sources").find_next_sibling("ul").select("li")]
        for alias in term.aliases:
            if alias.source == terms.ARTICLE:
                assert folded(alias.name) in article, (term.id, alias.name)
            else:
                assert 1 <= alias.source <= len(listed), (term.id, alias.name)
            checked += 1
    assert checked >= len(TERMS)


@pytest.mark.parametrize("term_id, name", [
    ("gansef", "Grupo de Alto Nivel de Seguridad Fronteriza"),
    ("senafront", "Seguridad de la Frontera Nacional"),
    ("contadora-group", "Contadora Support Group"),
    ("diri", "defense institution building"),
])
def test_a_name_that_is_not_another_name_of_the_term_is_a_note_not_an_alias(html, term_id, name):
    # the four the audit of December 2026 (facts.md §5) found listed as "Also called"
    term = next(term for term in TERMS if term.id == term_id)
    assert name.casefold() not in [alias.name.casefold() for alias in term.aliases]
    page = html(f"glossary/{term_id}")
    also = page.select_one("p.glossary-aliases")
    assert also is None or name not in also.get_text()
    assert name.casefold() in squash(term.names_note or "").casefold()
    assert any(name.casefold() in squash(box.get_text()).casefold() for box in page.select(".admonition.note"))


def test_an_alias_without_a_source_or_not_in_the_article_is_refused(tmp_path):
    old = '      - {name: "Esquipulas process", source: "the article"}\n'
    copy, line = unsourced_copy(tmp_path, "glossary.yml", old, '      - {name: "Esquipulas process"}\n')
    with pytest.raises(EditionError,
                       match=f"glossary.yml:{line}: esquipulas: the alias 'Esquipulas process' needs a source"):
        terms.load(copy)
    copy, line = unsourced_copy(tmp_path, "glossary.yml", old,
                                '      - {name: "Esquipulas accords", source: "the article"}\n')
    with pytest.raises(EditionError, match=f"glossary.yml:{line}: esquipulas: the alias 'Esquipulas accords' is given "
                                           "as the article's name, but the article never uses it"):
        terms.check_against_article(terms.load(copy), PASSAGES, copy)
    copy, _ = unsourced_copy(tmp_path, "glossary.yml", old, '      - "Esquipulas process"\n')
    with pytest.raises(EditionError, match="every alias is a mapping with 'name'"):
        terms.load(copy)


# ---- lacunae and ranges ----------------------------------------------------------------------

@pytest.mark.parametrize("emendation, slug, printed, fact", [
    ("E12", "maras-and-cartels", "more than killings", "103–104 per 100,000"),
    ("E20", "military-dimension", "Salvadoran under", "15 November 2016"),
])
def test_a_lacuna_is_marked_as_the_editors_and_the_facts_stand_in_a_note(html, emendation, slug, printed, fact):
    page = html(f"article/{slug}")
    span = page.find(id=f"em-{emendation}")
    assert span["data-original"] == printed
    gap = span.select_one("span.supplied.lacuna")
    assert gap is not None and gap.get_text() == "[…]"
    shown = squash(span.get_text())
    assert not re.search(r"\d", shown), shown  # no number in the authors' sentence
    assert not re.search(r"\b(?:was|were|set up|launched|created)\b", shown), shown  # and no verb dating it
    # the note beside the gap, in the same paragraph, gives the facts with their sources
    paragraph = span.find_parent("p", class_="article-paragraph")
    refs = [sup.a["href"].removeprefix("#") for sup in paragraph.select("sup.editorial-note-ref")]
    texts = [squash(page.find(id=ref).get_text()) for ref in refs]
    assert any(fact in text and "Sources:" in text for text in texts), texts


def test_a_range_of_one_page_is_printed_as_one_page(html):
    text = squash(html("editorial-method").select_one("article.md-content__inner").get_text())
    assert re.search(r"\b(\d+)–(\d+)\b", text)  # ranges are printed ...
    assert not re.search(r"\b(\d+)–\1\b", text)  # ... but never "173–173"


def test_an_unverified_glossary_entry_says_so_on_its_page(tmp_path):
    copy, _ = unsourced_copy(tmp_path, "glossary.yml",
                             '    sources:\n      - text: "Congressional Research Service, report R44812 (2017)"\n'
                             '        url: null\n', "    sources: []\n    status: unverified\n")
    loaded = terms.load(copy)
    by_id = {term.id: term for term in loaded}
    page = pages.term_page(by_id["northern-triangle"], by_id)
    assert sourcing.UNVERIFIED_TEXT in page
    assert sourcing.UNVERIFIED_TEXT not in pages.term_page(by_id["maras"], by_id)
