"""Mutations of every input, as a careful editor or a hostile contributor would make them: each
must stop with one message naming the file (repo-relative) and the line, in words an editor
understands, never a traceback; and the valid variants (CRLF, a byte-order mark, no final
newline, very long text) must load.

Most mutations run only the loader the build runs for that file (the pipeline, the references,
the glossary, the summaries) on a scratch copy of `seeds/`, `editorial/` and `bib/`, and read
the message the build would print (`edition.errors.build_message`), so the whole suite takes
seconds, not a site build each. The build's own paths (docs/, overrides/, a failed build's
leftovers) are covered at the end and in tests/test_bad_input.py.
"""

from __future__ import annotations

import hashlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from bibliography import article, citations, entries
from edition import pipeline, publication
from edition.errors import EditionError, build_message
from glossary import terms
from summaries import data, passages

ROOT = Path(__file__).resolve().parents[1]
INPUT_FOLDERS = ("seeds", "editorial", "bib")


# ---- the loaders, as the hooks call them


@pytest.fixture(scope="module")
def original_edition():
    return pipeline.build_uncached(ROOT)


def run_stage(root: Path, stage: str, edition) -> None:
    editorial = root / "editorial"
    if stage == "edition":
        pipeline.build_uncached(root)
    elif stage == "publication":
        publication.load(root)
    elif stage == "references":
        entries.load(root)
    elif stage == "article_bib":
        article.load(root, publication.load(root))
    elif stage == "glossary":
        terms.load(editorial / "glossary.yml")
    elif stage in ("summaries", "figures", "timeline"):
        paragraphs = passages.passages(edition)
        if stage == "summaries":
            data.load_summaries(editorial / "summaries.yml", paragraphs, edition.sections)
        elif stage == "figures":
            data.load_figures(editorial / "key-figures.yml", paragraphs)
        else:
            data.load_timeline(editorial / "timeline.yml", paragraphs)
    elif stage == "citations":
        built = pipeline.build_uncached(root)
        references = {reference.number: reference for reference in entries.load(root)}
        citations.find(root, built, references)
    else:
        raise AssertionError(stage)


STAGE_OF_FILE = {
    "editorial/article.yml": "edition", "editorial/publication.yml": "publication",
    "editorial/emendations.yml": "edition", "editorial/notes.yml": "edition", "editorial/sections.yml": "edition",
    "editorial/spanish.yml": "edition", "editorial/hyphenation.yml": "edition",
    "editorial/glossary.yml": "glossary", "editorial/summaries.yml": "summaries",
    "editorial/key-figures.yml": "figures", "editorial/timeline.yml": "timeline",
    "bib/references.bib": "references", "bib/article.bib": "article_bib",
    "seeds/article-body.txt": "edition", "seeds/SHA256SUMS": "edition", "seeds/journal-page.txt": "references",
}


def message(root: Path, stage: str, edition) -> str | None:
    """The build's message for the inputs under `root`; None when they load."""
    try:
        run_stage(root, stage, edition)
    except EditionError as error:
        return build_message(stage, error, root)
    return None


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for folder in INPUT_FOLDERS:
        shutil.copytree(ROOT / folder, root / folder)
    return root


def record_seed(root: Path, name: str) -> None:
    """Record a changed seed's checksum, as if a new copy had been received."""
    sums = root / "seeds" / "SHA256SUMS"
    digest = hashlib.sha256((root / "seeds" / name).read_bytes()).hexdigest()
    lines = [f"{digest}  {name}" if line.endswith(name) else line
             for line in sums.read_text(encoding="utf-8").splitlines()]
    sums.write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---- the mutations


@dataclass(frozen=True)
class Mutation:
    file: str
    old: str | bytes
    new: str | bytes
    words: tuple[str, ...]
    # the line the message must name: a text whose first line in the mutated file it is, a
    # number, or None for a message about the whole file (which then names no line)
    line: str | int | None = None
    stage: str | None = None
    count: int = 1  # how many times `old` is replaced (the first ones)

    @property
    def id(self) -> str:
        return f"{self.file.split('/')[-1]}: {self.words[0]}"[:70]


def M(file, old, new, *words, line=None, stage=None, count=1) -> Mutation:
    return Mutation(file, old, new, words, line, stage, count)


ART, PUB = "editorial/article.yml", "editorial/publication.yml"
EM, NO = "editorial/emendations.yml", "editorial/notes.yml"
GL, SU = "editorial/glossary.yml", "editorial/summaries.yml"
KF, TL = "editorial/key-figures.yml", "editorial/timeline.yml"
SE, SP, HY = "editorial/sections.yml", "editorial/spanish.yml", "editorial/hyphenation.yml"
REFS, ABIB, BODY, SUMS = "bib/references.bib", "bib/article.bib", "seeds/article-body.txt", "seeds/SHA256SUMS"
SCRIPT = "<script>alert(1)</script>"
HTML_REFUSED = "is not allowed: write plain text or Markdown"
NOTE_TEXT = "The first summit of Tuxtla Gutiérrez"
DEFINITION = "Both words mean street gangs"
EVENT = "Porfirio Díaz mediates between"
CHECK = "The 2010 total matches"

MUTATIONS = [
    # article.yml: every field checked before use
    M(ART, "first_page: 169\n", "", "missing field 'first_page'", line="title:"),
    M(ART, "first_page: 169", "first_page: one hundred", "'first_page' must be a whole number", line="first_page:"),
    M(ART, "first_page: 169", "first_page: true", "'first_page' must be a whole number", line="first_page:"),
    M(ART, "first_page: 169", "first_page: -5", "'first_page' must be a whole number above 0", line="first_page:"),
    M(ART, "year: 2019", "year: 2019\nyear: 2018", "the key 'year' is given twice", line="year: 2018"),
    M(ART, "udc:", "titel: x\nudc:", "unknown top-level key 'titel'", line="titel:"),
    M(ART, 'publisher_url: "https://irjournal.spbu.ru/article/view/7949"', 'publisher_url: "javascript:alert(1)"',
      "'publisher_url' = 'javascript:alert(1)' is not an address", "scheme 'javascript:'", line="publisher_url:"),
    M(ART, 'publisher_url: "https://irjournal.spbu.ru/article/view/7949"', 'publisher_url: "https://"',
      "it names no host", line="publisher_url:"),
    M(ART, 'udc: "327"', f'udc: "327{SCRIPT}"', "'udc'", HTML_REFUSED, line="udc:"),
    M(ART, "  ru: ", "  fr: Vestnik\n  ru: ", "journal: unknown field 'fr'", line="  fr:"),
    M(ART, "    family: Manukhin\n", "", "author: missing field 'family'", line="  - name: Alexey"),
    M(ART, "last_body_page: 178", "last_body_page: 190", "first_page ≤ last_body_page ≤ last_page",
      line="last_body_page:"),
    M(ART, "publisher: Saint", "publisher: \udcff", "column 12: the byte 0xFF is not UTF-8", line="publisher:"),
    M(ART, "title: \"Mexico", "title: &t \"Mexico", "the anchor '&t' is not allowed", line="title:"),
    M(ART, "volume: 12", "volume: [12", "malformed YAML", line=None),
    # publication.yml
    M(PUB, "pdf_file:", "licence_url: https://example.org\npdf_file:", "unknown top-level key 'licence_url'",
      line="licence_url:"),
    M(PUB, "pdf_file: manukhin", "pdf_file: ../manukhin", "pdf_file must be a plain file name", line=None),
    M(PUB, "licence: >-", "licence: >-\n  <script>alert(1)</script>", "'licence'", HTML_REFUSED, line="licence:"),
    M(PUB, "pdf_file:", "licence: again\npdf_file:", "the key 'licence' is given twice", line="licence: again"),
    M(PUB, "edition_statement: >-", 'edition_statement: " "\nunused: >-', "unknown top-level key 'unused'",
      line="unused:"),
    # emendations.yml
    M(EM, "emendations:\n  - id: E01",
      "emendations:\n  - id: E00\n    kind: typo\n    original: a\n    corrected: b\n"
      "    reason: r\nemendations:\n  - id: E01", "the key 'emendations' is given twice",
      line="emendations:\n  - id: E01"),
    M(EM, "emendations:\n", "emendation:\n  - id: X\nemendations:\n", "unknown top-level key 'emendation'",
      line="emendation:"),
    M(EM, '    corrected: "2008"', '    corrected: "2008"\n    corrected: "2009"', "the key 'corrected' is given twice",
      line='corrected: "2009"'),
    M(EM, '    corrected: "2008"', '    correctd: "2008"', "unknown field 'correctd'", line="correctd:"),
    M(EM, "kind: typo", "kind: typing", "E02: unknown kind 'typing'", line="  - id: E02"),
    M(EM, "id: E01", 'id: E01"x', "the id 'E01\"x' must be letters and digits", line="id: E01"),
    M(EM, '    corrected: "2008"', f'    corrected: "2008{SCRIPT}"', "'corrected'", HTML_REFUSED, line=f"2008{SCRIPT}"),
    M(EM, '    corrected: "2008"', '    corrected: "[2008](javascript:alert(1))"', "link target 'javascript:alert(1'",
      "scheme 'javascript:'", line="(javascript:"),
    M(EM, '    corrected: "2008"', '    corrected: "2008{: onclick=alert(1) }"', "attribute list", line="{: onclick"),
    M(EM, '    corrected: "2008"', '    corrected: "![x](https://example.org/x.png)"', "an image", line="![x]"),
    M(EM, '    corrected: "2008"', '    corrected: "2008\ue000em:E01\ue001"', "invisible character U+E000",
      line="\ue000"),
    M(EM, 'context: "Latin America and the Caribbean is critical to understanding"\n'
      '    original: "Caribbean is critical"\n'
      '    corrected: "Caribbean[, which] is critical"',
      'context: "international image [10]"\n    original: "image [10]"\n    corrected: "image [11]"',
      "E01: the original 'image [10]' touches the authors' citation '[10]'", "may not change a citation",
      line="  - id: E01"),
    M(EM, "Latin America and the Caribbean is critical to understanding",
      "Latin America and the Caribbean is critical to knowing",
      "E01: context 'Latin America and the Caribbean is critical to knowing' is found 0 times", line="  - id: E01"),
    M(EM, "id: E02", "id: E01", "duplicate id E01", line="  - id: E01\n    kind: typo"),
    M(EM, '    corrected: "2008"', '    corrected: "20008"', "E02: the corrected reading equals the original",
      line="  - id: E02"),
    M(EM, '    corrected: "2008"', "    corrected: 2008", "field 'corrected' should be text, got '2008'",
      line="corrected: 2008"),
    M(EM, "    reason: \"A doubled zero", "    reason: &r \"A doubled zero", "the anchor '&r' is not allowed",
      line="reason: &r"),
    M(EM, '    source: "Tuxtla summit', '    source: *r\n    unused: "Tuxtla summit', "the alias '*r'",
      line="source: *r"),
    M(EM, 'corrected: "2008"', "corrected: " + "[" * 30000 + "]" * 30000, "nested more than 20 levels",
      line="corrected: [["),
    M(EM, 'corrected: "2008"', 'corrected: "2008 \udcfe"', "the byte 0xFE is not UTF-8", line='corrected: "2008'),
    M(EM, "emendations:\n", "emendations: []\nold:\n", "unknown top-level key 'old'", line="old:"),
    # notes.yml
    M(NO, NOTE_TEXT, f"{SCRIPT} {NOTE_TEXT}", "'text'", HTML_REFUSED, line="    text: >-"),
    M(NO, NOTE_TEXT, f"<img src=x onerror=alert(1)> {NOTE_TEXT}", "the HTML '<img src=x onerror=alert(1)>'",
      line="    text: >-"),
    M(NO, NOTE_TEXT, f"[the summit](javascript:alert(1)) {NOTE_TEXT}", "scheme 'javascript:'", line="    text: >-"),
    M(NO, NOTE_TEXT, f"[the summit](JaVaScRiPt:alert(1)) {NOTE_TEXT}", "scheme 'JaVaScRiPt:'", line="    text: >-"),
    M(NO, NOTE_TEXT, f"[the summit](java&#115;cript:alert(1)) {NOTE_TEXT}", "character reference",
      line="    text: >-"),
    M(NO, NOTE_TEXT, f"[the summit](data:text/html,x) {NOTE_TEXT}", "scheme 'data:'", line="    text: >-"),
    M(NO, NOTE_TEXT, f"<!-- hidden --> {NOTE_TEXT}", "the HTML '<!-- hidden -->'", line="    text: >-"),
    M(NO, NOTE_TEXT, f"{{: #x onclick=alert(1) }} {NOTE_TEXT}", "attribute list", line="    text: >-"),
    M(NO, "title: \"The Tuxtla date\"", f"title: \"The Tuxtla date{SCRIPT}\"", "'title'", HTML_REFUSED,
      line="title: \"The Tuxtla"),
    M(NO, "id: tuxtla-date", "id: tuxtla date", "the id 'tuxtla date' must be letters and digits", line="id: tuxtla"),
    M(NO, 'title: "The Tuxtla date"', 'titel: "The Tuxtla date"', "unknown field 'titel'", line="titel:"),
    M(NO, "(1990)\"", "(1999)\"", "note tuxtla-date: snippet", "found 0 times", line="  - id: tuxtla-date"),
    M(NO, '      - "nodal.red', "      - 42\n      - \"nodal.red", "tuxtla-date: every source must be a string",
      line="  - id: tuxtla-date"),
    M(NO, "      - \"nodal.red", f"      - \"{SCRIPT}\"\n      - \"nodal.red", "'sources'", HTML_REFUSED,
      line=f'      - "{SCRIPT}"'),
    M(NO, "notes:\n", "notes: []\nold_notes:\n", "unknown top-level key 'old_notes'", line="old_notes:"),
    # glossary.yml
    M(GL, DEFINITION, f"{SCRIPT} {DEFINITION}", "'definition'", HTML_REFUSED, line="    definition: >-"),
    M(GL, "The authors use the two words", '<iframe src="https://example.org"></iframe> The authors use',
      "'in_article'", HTML_REFUSED, line="    in_article: >-"),
    M(GL, "    caution: null\n    find: [\"mara\"", f"    caution: \"{SCRIPT}\"\n    find: [\"mara\"", "'caution'",
      HTML_REFUSED, line="caution: \"<script>"),
    M(GL, "      Street gangs. Scholars", "      <b>Street</b> gangs. Scholars", "'short'", HTML_REFUSED,
      line="    short: >-"),
    M(GL, 'url: "https://www.cambridge.org/core', 'url: "javascript:alert(1)//', "'url'", "scheme 'javascript:'",
      line='url: "javascript'),
    M(GL, 'url: "https://www.cambridge.org/core', 'url: "https://a.org/><script>alert(1)</script><x',
      "angle bracket", line='url: "https://a.org'),
    M(GL, "    translation: \"gangs\"", "    translation: \"gangs\"\n    translation: \"bands\"",
      "the key 'translation' is given twice", line='translation: "bands"'),
    M(GL, "    translation: \"gangs\"", "    translaton: \"gangs\"", "unknown field 'translaton'", line="translaton:"),
    M(GL, "terms:\n", "terms:\n  - id: x\nterms:\n", "the key 'terms' is given twice", line="terms:\n  - id: maras"),
    M(GL, "terms:\n", "term:\n  - id: x\nterms:\n", "unknown top-level key 'term'", line="term:"),
    M(GL, "    lang: es\n    expansion: null\n    translation: \"gangs\"", "    lang: fr\n    expansion: null\n"
      "    translation: \"gangs\"", "maras: unknown lang 'fr'", line="  - id: maras"),
    M(GL, "related: [ms-13, mano-dura", "related: [ms-14, mano-dura", "related term 'ms-14' is not in the glossary",
      line="  - id: maras"),
    M(GL, "  - id: maras", "  - id: Maras", "id 'Maras' must be lower-case", line="  - id: Maras"),
    M(GL, DEFINITION, "Both words \udcc3(mean street gangs", "the byte 0xC3 is not UTF-8", line="Both words"),
    M(GL, DEFINITION, f"[see](data:text/html;base64,PHNjcmlwdD4=) {DEFINITION}", "scheme 'data:'",
      line="    definition: >-"),
    M(GL, DEFINITION, f"![gang](https://example.org/x.png) {DEFINITION}", "an image", line="    definition: >-"),
    M(GL, "terms:\n", "terms: []\nold_terms:\n", "unknown top-level key 'old_terms'", line="old_terms:"),
    # summaries.yml
    M(SU, "reading_rate: 230", "reading_rate: fast", "field 'reading_rate' should be a whole number, got 'fast'",
      line="reading_rate:"),
    M(SU, "reading_rate: 230", "reading_rate: 0", "reading_rate must be a positive number", line="reading_rate:"),
    M(SU, "Alexey Manukhin and Areli Robles Herrera ask", f"{SCRIPT} Alexey Manukhin and Areli Robles Herrera ask",
      "'argument'", HTML_REFUSED, line="argument:"),
    M(SU, "Security is a persistent problem", '<span onclick="alert(1)">Security</span> is a persistent problem',
      "'text'", HTML_REFUSED, line="      - text: >-\n          <span onclick"),
    M(SU, "section 2](../article/historical-background.md)", "section 2](javascript:alert(1))",
      "scheme 'javascript:'", line="argument:"),
    M(SU, "overview:", "overveiw: {}\noverview:", "unknown top-level key 'overveiw'", line="overveiw:"),
    M(SU, "reading_rate: 230", "reading_rate: 230\nreading_rate: 250", "the key 'reading_rate' is given twice",
      line="reading_rate: 250"),
    M(SU, "  - slug: introduction\n    sentences:", "  - slug: intro\n    sentences:", "unknown section 'intro'",
      line="slug: intro"),
    # key-figures.yml
    M(KF, CHECK, f"{SCRIPT} {CHECK}", "'check'", HTML_REFUSED, line="    check: >-"),
    M(KF, "([Secretaría de Economía](http://2006", "([Secretaría de Economía](javascript:alert(1)//",
      "scheme 'javascript:'", line="    check: >-"),
    M(KF, "      value: 6554", "      value: 6555", "chart value 6,555 is not in the chart's evidence",
      line='- label: "2010"'),
    M(KF, "chart:", "charts: {}\nchart:", "unknown top-level key 'charts'", line="charts:"),
    M(KF, '    measure: "Total trade', '    measures: "Total trade', "figure: unknown field 'measures'",
      line="measures:"),
    # timeline.yml
    M(TL, EVENT, f"{SCRIPT} {EVENT}", "'event'", HTML_REFUSED, line="    event: >-"),
    M(TL, '    note: "The court is usually', f'    note: "{SCRIPT} The court is usually', "'note'", HTML_REFUSED,
      line=f'note: "{SCRIPT}'),
    M(TL, "  - year: 1907", "  - year: nineteen-oh-seven", "field 'year' should be a whole number",
      line="year: nineteen"),
    M(TL, '    date: "1907"', '    date: "1908"', "the date '1908' does not contain its year 1907",
      line="  - year: 1907"),
    M(TL, "events:", "event:\nevents:", "unknown top-level key 'event'", line="event:"),
    # sections.yml, spanish.yml, hyphenation.yml
    M(SE, 'starts: "Mexico’s attempts to venture"', 'starts: "Mexico’s attempt to venture"',
      "section 'historical-background'", line="slug: historical-background"),
    M(SE, "    title: Introduction", "    title: Introduction\n    heading: Intro", "unknown field 'heading'",
      line="heading:"),
    M(SE, "    title: Introduction", "    title: Introduction\n    title: Intro", "the key 'title' is given twice",
      line="title: Intro\n"),
    M(SE, "    title: Introduction", f"    title: \"Introduction{SCRIPT}\"", "'title'", HTML_REFUSED,
      line="title: \"Introduction"),
    M(SP, "  - phrase: sexenio", "  - phrase: sexenios", "Spanish phrase 'sexenios' is not found", line="sexenios"),
    M(SP, "spanish:", "spanish_words: []\nspanish:", "unknown top-level key 'spanish_words'", line="spanish_words"),
    M(HY, "join: []", "join: [sub-region-al]", "'sub-region-al' under 'join' is not a word divided", line="join:"),
    M(HY, "join: []", "joins: []", "unknown top-level key 'joins'", line="joins:"),
    # references.bib
    M(REFS, "originalnumber = {4},", "originalnumber = {26},", "jessup1931: originalnumber 26",
      "so this is not printed reference 26", "are two entries' numbers swapped?", line="originalnumber = {26}"),
    M(REFS, "  date = {1931},", "  date = {1932},", "the year 1932 is not in the printed reference",
      line="originalnumber = {4}"),
    M(REFS, "author = {Jessup, Ph. C.}", "author = {Jessop, Ph. C.}", "the first author's surname 'Jessop'",
      line="originalnumber = {4}"),
    M(REFS, "url = {https://books.google.com/books?id=RNwXAAAAYAAJ}", "url = {javascript:alert(1)}",
      "healy1988: url must be an http(s) address", line="url = {javascript"),
    M(REFS, "url = {https://books.google.com/books?id=RNwXAAAAYAAJ}", 'url = {https://books.google.com/"onmouseover="x}',
      "healy1988: url must be an http(s) address", line="url = {https://books.google.com/\""),
    M(REFS, "  publisher = {University of Wisconsin Press},", "  publisher = {University of Wisconsin \udce9Press},",
      "the byte 0xE9 is not UTF-8", line="University of Wisconsin"),
    M(REFS, "  title = {Drive to Hegemony", "  titel = {Drive to Hegemony", "healy1988: unknown field 'titel'",
      line="titel ="),
    M(REFS, "originalnumber = {2},", "originalnumber = {99},", "originalnumber must be a number from 1 to 43",
      line="originalnumber = {99}"),
    M(REFS, "  date = {1988},", "  date = {19880},", "date must be YYYY, YYYY-MM or YYYY-MM-DD",
      line="date = {19880}"),
    M(REFS, "@book{healy1988,", "@book{healy1988,\n  note = {x},", "healy1988: unknown field 'note'",
      line="  note = {x}"),
    # article.bib
    M(ABIB, "https://irjournal.spbu.ru/article/view/7949", "javascript:alert(1)",
      "url = 'javascript:alert(1)' disagrees",
      line="javascript:alert", stage="article_bib"),
    M(ABIB, "Manukhin", "Manukhin\udcff", "the byte 0xFF is not UTF-8", line="Manukhin", stage="article_bib"),
    # the seeds
    M(BODY, b"Guatemela", b"Guatemala", "seeds/article-body.txt: checksum mismatch",
      "the seed is corrupted or was edited"),
    M(SUMS, "  article-body.txt", "  article body.txt", "expected '<sha256>  <file name>'", line=1),
]


def mutate(root: Path, mutation: Mutation) -> None:
    path = root / mutation.file
    if isinstance(mutation.old, bytes):
        data = path.read_bytes()
        assert mutation.old in data, mutation.old
        path.write_bytes(data.replace(mutation.old, mutation.new, mutation.count))
        return
    text = path.read_text(encoding="utf-8")
    assert mutation.old in text, (mutation.file, mutation.old)
    # "\udcXX" stands for the raw byte XX, which no str can hold: written with surrogateescape
    path.write_bytes(text.replace(mutation.old, mutation.new, mutation.count).encode("utf-8", "surrogateescape"))


def expected_line(root: Path, mutation: Mutation) -> int | None:
    if mutation.line is None or isinstance(mutation.line, int):
        return mutation.line
    text = (root / mutation.file).read_bytes().decode("utf-8", "replace")
    wanted = mutation.line.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    at = text.find(wanted)
    assert at >= 0, (mutation.file, mutation.line)
    return text.count("\n", 0, at) + 1


@pytest.mark.parametrize("mutation", MUTATIONS, ids=[mutation.id for mutation in MUTATIONS])
def test_a_mutation_stops_with_one_clear_message(mutation: Mutation, inputs: Path, original_edition):
    mutate(inputs, mutation)
    stage = mutation.stage or STAGE_OF_FILE[mutation.file]
    found = message(inputs, stage, original_edition)
    assert found is not None, f"accepted silently: {mutation}"
    line = expected_line(inputs, mutation)
    where = f"{mutation.file}:{line}:" if line else f"{mutation.file}:"
    assert f": {where}" in found, (where, found)
    for words in mutation.words:
        assert words in found, (words, found)
    assert str(inputs) not in found, "the message must name the file relative to the project"
    assert len(found) < 600, "the message must quote the value at fault shortened"


# ---- mutations that need more than a text replacement


def test_a_missing_seed_is_named(inputs: Path, original_edition):
    (inputs / BODY).unlink()
    assert message(inputs, "edition", original_edition) == \
        "edition: seeds/article-body.txt: the seed is missing (copy it again from the source)"


def test_a_missing_checksum_list_is_named(inputs: Path, original_edition):
    (inputs / SUMS).unlink()
    assert message(inputs, "edition", original_edition) == \
        "edition: seeds/SHA256SUMS: the list of the seeds' checksums is missing"


def test_a_missing_journal_page_is_named(inputs: Path, original_edition):
    (inputs / "seeds" / "journal-page.txt").unlink()
    assert message(inputs, "references", original_edition) == \
        "references: seeds/journal-page.txt: the seed is missing (copy it again from the source)"


def test_a_seed_converted_to_crlf_is_named_as_such(inputs: Path, original_edition):
    seed = inputs / BODY
    seed.write_bytes(seed.read_bytes().replace(b"\n", b"\r\n"))
    found = message(inputs, "edition", original_edition)
    assert found.startswith("edition: seeds/article-body.txt: checksum mismatch")
    assert "converted to CRLF" in found and ".gitattributes" in found


def test_a_missing_data_file_is_named(inputs: Path, original_edition):
    (inputs / NO).unlink()
    assert message(inputs, "edition", original_edition) == "edition: editorial/notes.yml: the data file is missing"


def test_a_citation_outside_its_references_pages_is_refused(inputs: Path, original_edition):
    seed = inputs / BODY
    seed.write_bytes(seed.read_bytes().replace(b"[4, p. 720]", b"[4, p. 730]"))
    record_seed(inputs, "article-body.txt")
    found = message(inputs, "citations", original_edition)
    line = next(number for number, text in enumerate(seed.read_text(encoding="utf-8").splitlines(), start=1)
                if "[4, p. 730]" in text)
    assert found.startswith(f"citations: seeds/article-body.txt:{line}: citation '[4, p. 730]': page 730 is outside "
                            "the pages of reference 4 (jessup1931, pp. 719–723)"), found


def test_two_swapped_reference_numbers_are_refused(inputs: Path, original_edition):
    bib = inputs / REFS
    text = bib.read_text(encoding="utf-8")
    assert "originalnumber = {26}," in text
    text = text.replace("originalnumber = {4},", "originalnumber = {@},").replace(
        "originalnumber = {26},", "originalnumber = {4},").replace("originalnumber = {@},", "originalnumber = {26},")
    bib.write_text(text, encoding="utf-8")
    found = message(inputs, "references", original_edition)
    assert "so this is not printed reference" in found and "swapped" in found, found


def test_a_printed_reading_with_a_citation_is_not_scanned_as_one(original_edition):
    # an emendation's reading travels in its token; the citation step reads only the authors' running text
    import dataclasses

    from edition import tokens
    references = {reference.number: reference for reference in entries.load(ROOT)}
    before = citations.find(ROOT, original_edition, references)
    first = original_edition.sections[0]
    marked = dataclasses.replace(first, paragraphs=[
        first.paragraphs[0] + tokens.make(tokens.EMENDATION, "E01", "image [10]"), *first.paragraphs[1:]])
    edition = dataclasses.replace(original_edition, sections=[marked, *original_edition.sections[1:]])
    assert [c.printed for c in citations.find(ROOT, edition, references)] == [c.printed for c in before]
    # the same words in the running text are a citation: the check can fail
    plain = dataclasses.replace(first, paragraphs=[first.paragraphs[0] + " image [10]", *first.paragraphs[1:]])
    edition = dataclasses.replace(original_edition, sections=[plain, *original_edition.sections[1:]])
    assert len(citations.find(ROOT, edition, references)) == len(before) + 1


KEY_LINE_RE = re.compile(r"^(?P<indent>\s*)(?:- )?(?P<key>[A-Za-z_]+):(?:\s+(?P<value>.*?))?\s*$")
ITEM_LINE_RE = re.compile(r"^\s*- (?P<value>.*?)\s*$")
NOT_TEXT_RE = re.compile(r"^(?:null|true|false|-?\d+|\[.*\]|\{.*\}|[>|][-+]?)?$")


def text_fields(text: str) -> dict[str, tuple[int, int]]:
    """For each text field of a YAML file (a key, or the items of a key's list), its first place:
    (index of the line to change, the line the message must name, both 0-based)."""
    places: dict[str, tuple[int, int]] = {}
    lines = text.splitlines()
    current, block_key = None, None
    for index, line in enumerate(lines):
        content = re.split(r"\s+#\s", line, maxsplit=1)[0] if not line.lstrip().startswith("#") else ""
        if not content.strip():
            continue
        indent = len(content) - len(content.lstrip())
        if block_key is not None and indent > block_key[2]:
            places.setdefault(block_key[0], (index, block_key[1]))
            continue
        key = KEY_LINE_RE.match(content)
        if key:
            current = key.group("key")
            value = key.group("value") or ""
            block_key = ((current, index, len(content) - len(content.lstrip(" -")))
                         if re.fullmatch(r"[>|][-+]?", value) else None)
            if not NOT_TEXT_RE.match(value):
                places.setdefault(current, (index, index))
            continue
        item = ITEM_LINE_RE.match(content)
        if item and not NOT_TEXT_RE.match(item.group("value")):
            places.setdefault(f"{current}[]", (index, index))
    return places


def injected(line: str) -> str:
    content, _, comment = line.partition("  # ")
    content = content.rstrip()
    if content.endswith('"'):
        return content[:-1] + '<script>x()</script>"'
    return content + "<script>x()</script>"


@pytest.mark.parametrize("file", sorted(str(path.relative_to(ROOT)) for path in (ROOT / "editorial").glob("*.yml")))
def test_every_text_field_of_every_data_file_refuses_a_script(file: str, inputs: Path):
    """The markup rule on every text field of the file: each field's first value in turn gets a
    script appended, and the file's load must refuse it, naming that field's line."""
    from edition import datafiles

    path = inputs / file
    original = path.read_text(encoding="utf-8")
    lines = original.splitlines()
    places = text_fields(original)
    assert places, f"no text field found in {file}"
    for field, (index, expected) in places.items():
        changed = lines[:index] + [injected(lines[index])] + lines[index + 1:]
        path.write_text("\n".join(changed) + "\n", encoding="utf-8")
        with pytest.raises(EditionError) as raised:
            datafiles.load(path)
        assert raised.value.line == expected + 1, (file, field, expected + 1, raised.value.message)
        assert "<script>" in raised.value.message or "not an address" in raised.value.message, raised.value
    path.write_text(original, encoding="utf-8")


# ---- valid variants: they must load, and mean what they meant


def rewrite(path: Path, change) -> None:
    path.write_bytes(change(path.read_bytes()))


VALID_VARIANTS = {
    "CRLF line ends in every data file": lambda root: [rewrite(path, lambda data: data.replace(b"\n", b"\r\n"))
                                                      for path in (root / "editorial").glob("*.yml")],
    "CRLF in the references": lambda root: rewrite(root / REFS, lambda data: data.replace(b"\n", b"\r\n")),
    "a byte-order mark in every data file": lambda root: [rewrite(path, lambda data: b"\xef\xbb\xbf" + data)
                                                         for path in (root / "editorial").glob("*.yml")],
    "a byte-order mark in the references": lambda root: rewrite(root / REFS, lambda data: b"\xef\xbb\xbf" + data),
    "no final newline anywhere": lambda root: [rewrite(path, lambda data: data.rstrip(b"\n"))
                                               for path in [*(root / "editorial").glob("*.yml"), root / REFS]],
    "a very long note": lambda root: rewrite(root / NO, lambda data: data.replace(
        NOTE_TEXT.encode(), ("word " * 20000).encode() + NOTE_TEXT.encode())),
    "a note with a less-than sign, an http, a mailto and a relative link": lambda root: rewrite(
        root / NO, lambda data: data.replace(NOTE_TEXT.encode(), (
            "If a < b, see [the source](https://example.org/a?b=1&c=2), [write](mailto:editors@example.org) "
            "and [the method](../editorial-method.md#emendations). " + NOTE_TEXT).encode())),
    "a Spanish mark in a glossary definition": lambda root: rewrite(root / GL, lambda data: data.replace(
        DEFINITION.encode(), f'<span lang="es">{DEFINITION}</span>'.encode())),
}


@pytest.mark.parametrize("variant", list(VALID_VARIANTS))
def test_a_valid_variant_loads_and_means_the_same(variant: str, inputs: Path, original_edition):
    VALID_VARIANTS[variant](inputs)
    for stage in ("edition", "publication", "references", "article_bib", "glossary", "summaries", "figures",
                  "timeline"):
        found = message(inputs, stage, original_edition)
        assert found is None, (variant, stage, found)
    built = pipeline.build_uncached(inputs)
    if "very long" not in variant and "less-than" not in variant:
        assert [note.text for note in built.notes] == [note.text for note in original_edition.notes]
        assert [emendation.corrected for emendation in built.emendations] == \
            [emendation.corrected for emendation in original_edition.emendations]
        assert [section.paragraphs for section in built.sections] == \
            [section.paragraphs for section in original_edition.sections]


@pytest.mark.parametrize(("file", "key"), [(GL, "terms"), (NO, "notes"), (EM, "emendations"), (SP, "spanish")])
def test_an_empty_list_is_refused(file: str, key: str, inputs: Path, original_edition):
    (inputs / file).write_text(f"# emptied\n{key}: []\n", encoding="utf-8")
    found = message(inputs, STAGE_OF_FILE[file], original_edition)
    assert found == f"{STAGE_OF_FILE[file]}: {file}:2: the list under '{key}' is empty", found


def test_a_huge_value_is_quoted_shortened(inputs: Path, original_edition):
    """A 5 MB context pasted by mistake: the message quotes its beginning, not all of it."""
    path = inputs / EM
    huge = "Latin America " * 400_000
    # the message names the line of the entry (its `- id:` line) whose context this is
    lines = path.read_text(encoding="utf-8").splitlines()
    context = next(n for n, line in enumerate(lines) if "Latin America and the Caribbean is critical" in line)
    entry_line = next(n for n in range(context, -1, -1) if lines[n].lstrip().startswith("- ")) + 1
    path.write_text(path.read_text(encoding="utf-8").replace(
        'context: "Latin America and the Caribbean is critical to understanding"',
        f'context: "{huge}Caribbean is critical"'),
        encoding="utf-8")
    found = message(inputs, "edition", original_edition)
    assert found.startswith(
        f"edition: editorial/emendations.yml:{entry_line}: E01: context 'Latin America Latin America"), found[:200]
    assert "is found 0 times" in found and len(found) < 300, found[:400]
