"""Unit tests of the pipeline's single-purpose steps, on small made-up inputs."""

from pathlib import Path

import pytest

from conftest import ROOT, assert_fails_cleanly
from edition import (
    emendations,
    hyphenation,
    notes,
    page_starts,
    paragraphs,
    publication,
    running_headers,
    sections,
    spacing,
    tokens,
    typography,
)
from edition.errors import EditionError

PAGE = tokens.make(tokens.PAGE, "174")
HEADER = "174 Вестник СПбГУ. Международные отношения. 2019. Т. 12. Вып. 2"


def test_running_header_goes_and_its_paragraph_closes_up():
    lines = ["these groups of crimi-", "", "", "", HEADER, "", "nals to be involved"]
    assert running_headers.remove(lines) == ["these groups of crimi-", PAGE + "nals to be involved"]


def test_page_starts_are_counted_from_the_first_page():
    lines, pages = page_starts.mark([" First page", "more", " Second page", PAGE + "third"], 172, "seed")
    assert pages == [172, 173, 174]
    assert lines[0] == tokens.make(tokens.PAGE, "172") + "First page"
    assert lines[2] == tokens.make(tokens.PAGE, "173") + "Second page"


def test_a_header_that_disagrees_with_the_count_is_an_error():
    with pytest.raises(EditionError, match="seed:2: running header names page 174, but counting"):
        page_starts.mark([" First page", PAGE + "text"], 169, "seed")


def test_a_blank_line_of_spaces_is_not_a_page_start():
    _lines, pages = page_starts.mark([" First", " "], 169, "seed")
    assert pages == [169]


def test_divided_words_are_joined():
    assert hyphenation.join("strategic in-\nterests. Besides", set(), set()) == "strategic interests. Besides"


def test_a_compound_printed_elsewhere_keeps_its_hyphen():
    text = "the sub-region is here, and the sub-\nregion again"
    assert hyphenation.join(text, set(), set()) == "the sub-region is here, and the sub-region again"


def test_reviewed_exceptions_win_over_the_rule():
    assert hyphenation.join("medium-\npower", {"medium-power"}, set()) == "medium-power"
    assert hyphenation.join("a sub-region, sub-\nregion", set(), {"sub-region"}) == "a sub-region, subregion"


def test_a_page_mark_inside_a_divided_word_moves_before_the_word():
    mark = tokens.make(tokens.PAGE, "171")
    assert hyphenation.join("with ac-\n" + mark + "cusations for", set(), set()) == f"with {mark}accusations for"


def test_lines_rejoin_into_paragraphs_at_blank_lines():
    assert paragraphs.split("one\ntwo\n\nthree\n \n\n") == ["one two", "three"]


def test_spacing_is_normalised():
    assert spacing.normalise(" 57  thousand in 1980\u00a0San José [8, p. 183] . ") == \
        "57 thousand in 1980 San José [8, p. 183]."


def test_typesetting():
    assert typography.typeset_plain("1988-1994, p. 720, pp. 3-7, 94 %") == \
        "1988\u20131994, p.\u00a0720, pp.\u00a03\u20137, 94\u00a0%"
    assert (typography.typeset_plain("\"strong\" Mexico's 'return'")
            == "\u201cstrong\u201d Mexico\u2019s \u2018return\u2019")


def test_typesetting_leaves_tokens_alone():
    mark = tokens.make(tokens.EMENDATION, "E1-2", "p. 3-4")
    assert typography.typeset(f"p. 5 {mark}") == f"p.\u00a05 {mark}"


def test_locate_matches_across_a_page_mark():
    text = "more " + PAGE + "than 57"
    assert tokens.locate(text, "more than") == [(0, len("more " + PAGE + "than"))]


def test_locate_matches_whole_words_only():
    assert tokens.locate("Deferred Action on Childhood", "on") == [(16, 18)]


def write_emendations(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "emendations.yml"
    path.write_text("emendations:\n" + body, encoding="utf-8")
    return path


ENTRY = """  - id: E1
    kind: typo
    context: "{context}"
    original: "{original}"
    corrected: "{corrected}"
    reason: Misprint.
    source: null
"""


def test_an_emendation_replaces_its_original_and_keeps_page_marks(tmp_path):
    path = write_emendations(tmp_path, ENTRY.format(context="to Mexico, Guatemela", original="Guatemela",
                                                    corrected="Guatemala"))
    text = ["a tour to Mexico, Guate" + PAGE + "mela and Honduras"]
    result = emendations.apply(text, emendations.load(path), path)
    assert tokens.plain(result[0]) == "a tour to Mexico, Guatemala and Honduras"
    assert PAGE in result[0]


def test_an_emendation_whose_text_is_missing_names_file_and_line(tmp_path):
    path = write_emendations(tmp_path, "  # a comment\n" + ENTRY.format(context="Guatemela", original="Guatemela",
                                                                        corrected="Guatemala"))
    with pytest.raises(EditionError, match=r"emendations\.yml:3: E1: context 'Guatemela' is found 0 times"):
        emendations.apply(["no such word"], emendations.load(path), path)


def test_an_emendation_found_twice_is_an_error(tmp_path):
    path = write_emendations(tmp_path, ENTRY.format(context="later", original="later", corrected="latter"))
    with pytest.raises(EditionError, match="is found 2 times"):
        emendations.apply(["the later one", "the later two"], emendations.load(path), path)


def test_an_emendation_of_unknown_kind_is_an_error(tmp_path):
    path = write_emendations(tmp_path, ENTRY.format(context="a", original="a", corrected="b").replace("typo", "tpyo"))
    with pytest.raises(EditionError, match=r"emendations\.yml:2: E1: unknown kind 'tpyo'"):
        emendations.load(path)


def test_an_unknown_field_is_an_error(tmp_path):
    path = write_emendations(tmp_path, ENTRY.format(context="a", original="a", corrected="b") + "    reasn: x\n")
    with pytest.raises(EditionError, match="unknown field 'reasn'"):
        emendations.load(path)


def test_supplied_words_are_the_bracketed_ones(tmp_path):
    path = write_emendations(tmp_path, ENTRY.format(context="was from", original="was from",
                                                    corrected="was [far] from"))
    assert emendations.load(path)[0].supplied == ["far"]


def test_notes_are_lettered_in_reading_order(tmp_path):
    path = tmp_path / "notes.yml"
    path.write_text('notes:\n  - {id: second, after: "two", title: T, text: X}\n'
                    '  - {id: first, after: "one", title: T, text: X}\n', encoding="utf-8")
    marked = notes.attach(["one and", "two"], notes.load(path), path)
    assert notes.letters(marked) == {"first": "a", "second": "b"}


def write_sections(tmp_path: Path, starts: list[str]) -> Path:
    path = tmp_path / "sections.yml"
    path.write_text("sections:\n" + "".join(f'  - {{slug: s{n}, title: T{n}, starts: "{s}"}}\n'
                                            for n, s in enumerate(starts)), encoding="utf-8")
    return path


def test_sections_split_the_paragraphs_after_the_front_matter(tmp_path):
    path = write_sections(tmp_path, ["Latin", "Mexico’s"])
    paras = [tokens.make(tokens.PAGE, "169") + "Abstract. Keywords: a, b.", "Latin one", "more",
             tokens.make(tokens.PAGE, "170") + "Mexico’s two"]
    front, found = sections.split(paras, sections.load(path), path)
    assert front.keywords == ["a", "b"]
    assert [len(section.paragraphs) for section in found] == [2, 1]
    assert [(s.first_page, s.last_page, s.first_paragraph) for s in found] == [(169, 169, 1), (170, 170, 3)]
    assert [(s.page, s.paragraph_ids) for s in found] == [("article/s0.md", ["par-1", "par-2"]),
                                                          ("article/s1.md", ["par-3"])]


def test_each_paragraph_knows_the_printed_pages_it_spans(tmp_path):
    path = write_sections(tmp_path, ["Latin", "Mexico’s"])
    paras = [tokens.make(tokens.PAGE, "169") + "Abstract. Keywords: a, b.", "Latin one",
             "runs over " + tokens.make(tokens.PAGE, "170") + "the page", "still on 170",
             tokens.make(tokens.PAGE, "171") + "Mexico’s two"]
    _front, found = sections.split(paras, sections.load(path), path)
    assert [s.paragraph_pages for s in found] == [[(169, 169), (169, 170), (170, 170)], [(171, 171)]]
    assert [(s.first_page, s.last_page) for s in found] == [(169, 170), (171, 171)]


def test_a_section_boundary_that_is_not_found_names_file_and_line(tmp_path):
    path = write_sections(tmp_path, ["Latin", "Nowhere"])
    with pytest.raises(EditionError, match=r"sections\.yml:3: section 's1': a paragraph starting 'Nowhere' is found 0"):
        sections.split(["Abstract. Keywords: a.", "Latin one"], sections.load(path), path)


@pytest.mark.parametrize("text, problem", [
    ("the in- terests of Mexico", "hyphen left from a line-end division"),
    ("57  thousand", "doubled space"),
    ("[8, p. 183] .", "space before punctuation"),
    ('the "strong man"', "straight quotation mark"),
    ("revive the “Latino “friendship”.", "unbalanced double quotation marks"),
    ("174 Вестник СПбГУ. Международные", "running header left in the text"),
    ("in 1988-1994", "hyphen in a number range"),
])
def test_the_lint_finds_what_cleaning_should_have_removed(text, problem):
    from edition import lint
    assert any(found.startswith(problem) for found in lint.problems(text))


def test_the_lint_passes_clean_text():
    from edition import lint
    assert lint.problems("In 1988\u20131994, “strong man” Díaz [1, p.\u00a0199\u2013201].") == []


def copy_publication_data(tmp_path: Path, article_yml: str | None = None) -> Path:
    """A project folder holding the two publication files, article.yml replaced if given."""
    (tmp_path / "editorial").mkdir()
    for name in ("article.yml", "publication.yml"):
        (tmp_path / "editorial" / name).write_text((ROOT / "editorial" / name).read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    if article_yml is not None:
        (tmp_path / "editorial" / "article.yml").write_text(article_yml, encoding="utf-8")
    return tmp_path


def article_yml_line(name: str) -> int:
    lines = (ROOT / "editorial" / "article.yml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if line.startswith(f"{name}:"))


def test_the_publication_data_loads_once_for_every_reader(tmp_path):
    source = publication.load(copy_publication_data(tmp_path))
    assert (source.first_page, source.last_body_page, source.last_page) == (169, 178, 180)
    assert source.journal_rubric_ru.startswith("Латинская Америка") and source.udc == "327"


@pytest.mark.parametrize("change, message", [
    (lambda text: text.replace("first_page: 169\n", ""), "article: missing field 'first_page'"),
    (lambda text: text.replace("first_page: 169", "first_page: one hundred"),
     "field 'first_page' must be a whole number, not 'one hundred'"),
    (lambda text: text.replace("first_page: 169", "first_page: true"), "field 'first_page' must be"),
    (lambda text: text.replace("first_page: 169", "first_pages: 169"), "article: unknown field 'first_pages'"),
])
def test_bad_publication_data_names_the_file_and_line(tmp_path, change, message):
    text = (ROOT / "editorial" / "article.yml").read_text(encoding="utf-8")
    with pytest.raises(EditionError) as raised:
        publication.load(copy_publication_data(tmp_path, change(text)))
    assert raised.value.path.endswith("editorial/article.yml") and message in raised.value.message
    if "missing" not in message:  # a missing field has no line of its own: the mapping's is given
        assert raised.value.line == article_yml_line("first_page")


def test_an_ill_typed_first_page_stops_the_build_with_a_message(project_copy, tmp_path):
    path = project_copy / "editorial" / "article.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("first_page: 169", 'first_page: "169"'), encoding="utf-8")
    assert_fails_cleanly(project_copy, tmp_path / "site", f"editorial/article.yml:{article_yml_line('first_page')}",
                         "field 'first_page' must be a whole number, not '169'")


def test_a_last_body_page_the_seed_does_not_end_on_stops_the_build(project_copy, tmp_path):
    path = project_copy / "editorial" / "article.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("last_body_page: 178", "last_body_page: 177"),
                    encoding="utf-8")
    assert_fails_cleanly(project_copy, tmp_path / "site", f"editorial/article.yml:{article_yml_line('last_body_page')}",
                         "last_body_page is 177, but the body's printed pages run 169–178 in seeds/article-body.txt")


def test_the_markdown_command_writes_the_pages_and_names_bad_input(project_copy, tmp_path, capsys):
    import build_edition

    with pytest.raises(SystemExit) as help_exit:
        build_edition.main(["--help"])
    assert help_exit.value.code == 0 and "OUT_DIR" in capsys.readouterr().out
    assert build_edition.main([str(tmp_path / "out"), "--project", str(project_copy)]) == 0
    written = sorted(path.relative_to(tmp_path / "out").as_posix() for path in (tmp_path / "out").rglob("*.md"))
    slugs = [entry["slug"] for entry in sections.load(project_copy / "editorial" / "sections.yml")]
    assert written == sorted(["index.md"] + [f"article/{slug}.md" for slug in slugs])
    path = project_copy / "editorial" / "sections.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("slug:", "slugg:", 1), encoding="utf-8")
    assert build_edition.main([str(tmp_path / "again"), "--project", str(project_copy)]) == 1
    assert "edition-markdown: editorial/sections.yml:" in capsys.readouterr().err
