"""Bad input stops the build with a message naming the file and the line, and nothing is written."""

import pytest

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
    line = next(number for number, content in enumerate(text.splitlines(), start=1)
                if "slug: regional-security" in content)
    assert_fails_cleanly(project_copy, tmp_path / "out", f"editorial/sections.yml:{line}: section 'regional-security'")


def test_a_malformed_data_file_is_refused(project_copy, tmp_path):
    data = project_copy / "editorial" / "notes.yml"
    data.write_text(data.read_text(encoding="utf-8").replace("  - id: gansef", "  - id: [gansef"), encoding="utf-8")
    assert_fails_cleanly(project_copy, tmp_path / "out", "editorial/notes.yml:", "malformed YAML")


# ---- what a failed build leaves behind: the previous site, exactly as it was


def site_state(site):
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_a_failed_build_keeps_the_previous_site_and_leaves_nothing_else(project_copy, tmp_path):
    from conftest import build_site

    site = tmp_path / "site"
    assert build_site(project_copy, site).returncode == 0
    before = site_state(site)
    page = project_copy / "docs" / "editorial-method.md"
    original = page.read_text(encoding="utf-8")
    # 1. refused while the pages are rendered (after MkDocs has cleaned its output folder)
    page.write_text(original + "\n[Run me](javascript:alert(1))\n", encoding="utf-8")
    line = len((original + "\n[Run me](javascript:alert(1))\n").splitlines())
    result = build_site(project_copy, site)
    assert result.returncode != 0
    assert f"content security: docs/editorial-method.md:{line}: the link 'javascript:alert(1)' uses the scheme " \
           "'javascript:'" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert site_state(site) == before
    # 2. a warning in a strict build, which MkDocs counts only once every page is written
    page.write_text(original + "\n[A page that is not there](no-such-page.md)\n", encoding="utf-8")
    result = build_site(project_copy, site)
    assert result.returncode != 0 and "no-such-page.md" in result.stderr, result.stderr
    assert site_state(site) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["project", "site"], "no partial folder is left"


# ---- the theme overrides and mkdocs.yml, checked without a whole build


def hook(name: str):
    """One of scripts/hooks/*.py, loaded as MkDocs loads it (a module from its path)."""
    import importlib.util

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location(f"test_{name}", ROOT / "scripts" / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def project_config(project):
    from mkdocs.config import load_config

    return load_config(config_file=str(project / "mkdocs.yml"))


@pytest.mark.parametrize(("old", "new", "line", "words"), [
    # "end": Jinja finds the block unclosed at the template's last line; "here": the line changed
    ("{% endblock %}", "", "end", "Unexpected end of template. Jinja was looking for the following tags: 'endblock'"),
    ("content | e }}", "content | no_such_filter }}", "here", "No filter named 'no_such_filter'"),
    ("{% block extrahead %}", "{% block extrahead %}{{ 1 + }}", "here", "unexpected 'end of print statement'"),
])
def test_an_error_in_a_theme_override_names_its_file_and_line(project_copy, old, new, line, words):
    from mkdocs.exceptions import PluginError

    template = project_copy / "overrides" / "main.html"
    text = template.read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    line = len(broken.splitlines()) if line == "end" else text[:text.index(old)].count("\n") + 1
    template.write_text(broken, encoding="utf-8")
    config = project_config(project_copy)
    with pytest.raises(PluginError) as raised:
        hook("template_errors").on_env(config.theme.get_env(), config, None)
    assert str(raised.value).startswith(f"templates: overrides/main.html:{line}: {words}"), raised.value


def test_an_undefined_attribute_in_an_override_names_its_line_when_the_page_renders(project_copy):
    from mkdocs.exceptions import PluginError

    partial = project_copy / "overrides" / "partials" / "copyright.html"
    lines = partial.read_text(encoding="utf-8").splitlines()
    lines.insert(4, "{{ config.extra.nothing_here.name }}")
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = project_config(project_copy)
    env = hook("template_errors").on_env(config.theme.get_env(), config, None)
    with pytest.raises(PluginError) as raised:
        env.get_template("partials/copyright.html").render(config=config)
    assert str(raised.value).startswith(
        "templates: overrides/partials/copyright.html:5: "
        "'mkdocs.config.base.LegacyConfig object' has no attribute 'nothing_here'"), raised.value


def test_a_nav_that_does_not_list_the_sections_in_order_names_mkdocs_yml(project_copy):
    from mkdocs.exceptions import PluginError

    from edition import pipeline

    config_file = project_copy / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    config_file.write_text(text.replace("      - article/migration.md\n", "", 1), encoding="utf-8")
    with pytest.raises(PluginError) as raised:
        hook("edition_pages").check_nav(project_config(project_copy), pipeline.build(project_copy))
    assert str(raised.value).startswith("edition: mkdocs.yml: the nav must list the article's sections"), raised.value
