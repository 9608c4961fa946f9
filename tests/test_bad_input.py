"""Bad input stops the build with a message naming the file and the line, and nothing is written."""

from conftest import assert_fails_cleanly


def test_a_corrupted_seed_is_refused(project_copy, tmp_path):
    seed = project_copy / "seeds" / "article-body.txt"
    seed.write_bytes(seed.read_bytes().replace(b"Guatemela", b"Guatemala"))
    assert_fails_cleanly(project_copy, tmp_path / "out", "seeds/article-body.txt: checksum mismatch")


def test_an_emendation_whose_original_is_not_found_is_refused(project_copy, tmp_path):
    data = project_copy / "editorial" / "emendations.yml"
    text = data.read_text(encoding="utf-8")
    line = text.splitlines().index("  - id: E14") + 1
    data.write_text(text.replace("went on a tour to Mexico, Guatemela", "went on a tour of Mexico, Guatemela"),
                    encoding="utf-8")
    assert_fails_cleanly(project_copy, tmp_path / "out", f"editorial/emendations.yml:{line}: E14: context")


def test_a_section_boundary_that_is_not_found_is_refused(project_copy, tmp_path):
    data = project_copy / "editorial" / "sections.yml"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace('starts: "Positive and constructive"', 'starts: "Positively constructive"'),
                    encoding="utf-8")
    line = next(number for number, content in enumerate(text.splitlines(), start=1) if "slug: regional-security" in content)
    assert_fails_cleanly(project_copy, tmp_path / "out", f"editorial/sections.yml:{line}: section 'regional-security'")


def test_a_malformed_data_file_is_refused(project_copy, tmp_path):
    data = project_copy / "editorial" / "notes.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("  - id: gansef", "  - id: [gansef"), encoding="utf-8")
    assert_fails_cleanly(project_copy, tmp_path / "out", "editorial/notes.yml:", "malformed YAML")
