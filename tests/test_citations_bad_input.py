"""Bad citations and bad bibliography data stop the strict build with a message naming the
file and the line, and nothing is written."""

import hashlib

from conftest import assert_fails_cleanly, build_site

BIB = "bib/references.bib"


def edit_seed(project, old, new):
    """Change the body seed and record its new checksum, as if a new copy had been received."""
    seed = project / "seeds" / "article-body.txt"
    data = seed.read_bytes()
    assert data.count(old.encode()) == 1
    data = data.replace(old.encode(), new.encode())
    seed.write_bytes(data)
    sums = project / "seeds" / "SHA256SUMS"
    lines = [f"{hashlib.sha256(data).hexdigest()}  article-body.txt" if line.endswith("article-body.txt") else line
             for line in sums.read_text(encoding="utf-8").splitlines()]
    sums.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return next(number for number, line in enumerate(data.decode().splitlines(), start=1) if new in line)


def edit_bib(project, old, new):
    path = project / BIB
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    path.write_text(text.replace(old, new), encoding="utf-8")
    return next(number for number, line in enumerate(text.splitlines(), start=1) if old.split("\n")[0] in line)


def test_a_citation_of_an_unknown_reference_is_refused(project_copy, tmp_path):
    line = edit_seed(project_copy, "international image [10].", "international image [44].")
    assert_fails_cleanly(project_copy, tmp_path / "out",
                         f"seeds/article-body.txt:{line}: citation '[44]' names no reference")


def test_a_malformed_citation_is_refused_rather_than_left_as_raw_text(project_copy, tmp_path):
    line = edit_seed(project_copy, "international image [10].", "international image [10 p. 5].")
    assert_fails_cleanly(project_copy, tmp_path / "out", f"seeds/article-body.txt:{line}:",
                         "'[10 p. 5]' looks like a citation but is not in the form [N] or [N, p. …]")


def test_a_reference_never_cited_is_refused(project_copy, tmp_path):
    edit_seed(project_copy, "international image [10].", "international image [11].")
    line = edit_bib(project_copy, "@book{novaia2008,", "@book{novaia2008,")
    assert_fails_cleanly(project_copy, tmp_path / "out",
                         f"{BIB}:{line}: novaia2008: reference 10 is never cited in the article")


def test_a_malformed_bibtex_entry_is_refused(project_copy, tmp_path):
    line = edit_bib(project_copy, "  title = {The {Estrada Doctrine}},\n", "  title = {The {Estrada Doctrine},\n")
    result = build_site(project_copy, tmp_path / "out")
    assert result.returncode != 0 and not (tmp_path / "out").exists()
    assert f"{BIB}:" in result.stderr and "malformed BibTeX" in result.stderr, result.stderr
    # pybtex reports where the unbalanced brace made the entry run on: at or after the bad line
    reported = int(result.stderr.split(f"{BIB}:")[1].split(":")[0])
    assert reported >= line


def test_a_misspelt_field_is_refused(project_copy, tmp_path):
    line = edit_bib(project_copy, "  journaltitle = {Alegato},", "  journaltitel = {Alegato},")
    assert_fails_cleanly(project_copy, tmp_path / "out", f"{BIB}:{line}: carrasco2013: unknown field 'journaltitel'")


def test_a_printed_reading_not_in_the_printed_list_is_refused(project_copy, tmp_path):
    line = edit_bib(project_copy, "  printed-author = {Johns, N.P.},", "  printed-author = {Jonhs, N.P.},")
    assert_fails_cleanly(project_copy, tmp_path / "out",
                         f"{BIB}:{line}: jones2013: 'printed-author' = 'Jonhs, N.P.' is not in printed reference 29")


def test_a_wrong_isbn_is_refused(project_copy, tmp_path):
    line = edit_bib(project_copy, "  isbn = {978-607-446-025-4},", "  isbn = {978-607-446-025-5},")
    assert_fails_cleanly(project_copy, tmp_path / "out", f"{BIB}:{line}: castillo2011: isbn")


def test_a_missing_entry_is_refused(project_copy, tmp_path):
    path = project_copy / BIB
    text = path.read_text(encoding="utf-8")
    start = text.index("@article{pellicer2013,")
    path.write_text(text[:start] + text[text.index("@article{nyt2016,"):], encoding="utf-8")
    assert_fails_cleanly(project_copy, tmp_path / "out", f"{BIB}: no entry has originalnumber 23")


def test_an_article_entry_that_disagrees_with_the_metadata_is_refused(project_copy, tmp_path):
    path = project_copy / "bib" / "article.bib"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("pages = {169--180}", "pages = {169--178}"), encoding="utf-8")
    line = next(number for number, content in enumerate(text.splitlines(), start=1) if "pages" in content)
    assert_fails_cleanly(project_copy, tmp_path / "out", f"bib/article.bib:{line}: pages = '169–178' disagrees")
