"""The edition's stylesheets and scripts as the browser gets them (scripts/hooks/assets.py):
one minified file each, holding every source listed in mkdocs.yml in order (the stylesheet opened
by Material's colour palette), and no script that holds up the first paint."""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest
import yaml

from built_pages import html_files
from conftest import ROOT, assert_fails_cleanly
from test_material_assets import selectors

BUNDLE_PART_RE = re.compile(r"/\*! (\S+) \*/")
COLOUR_SELECTOR_RE = re.compile(r"\[data-md-color-(primary|accent)=([\w-]+)\]")
MATERIAL_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"


def material_palette() -> Path:
    (palette,) = MATERIAL_STYLESHEETS.glob("palette.*.min.css")
    return palette


def listed(option: str) -> list[str]:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return [entry if isinstance(entry, str) else entry["path"] for entry in config[option]]


def test_every_page_loads_two_stylesheets_and_one_edition_script_and_defers_every_script(site, html):
    for file in html_files(site):
        if file.relative_to(site).parts[0] in ("assets", "search"):
            continue
        page = html(file.relative_to(site).as_posix())
        # Material's main stylesheet, then the edition's (which holds Material's palette)
        stylesheets = [link["href"].rsplit("/", 1)[-1].split(".")[0] for link in page.select('link[rel="stylesheet"]')]
        assert stylesheets == ["main", "edition"], (file, stylesheets)
        edition_js = [script["src"] for script in page.select("script[src]") if "/edition." in script["src"]]
        assert len(edition_js) == 1, (file, edition_js)
        blocking = [script["src"] for script in page.select("script[src]")
                    if not script.has_attr("defer") and not script.has_attr("async")]
        assert not blocking, f"{file.relative_to(site)}: scripts that hold up the first paint: {blocking}"


def test_the_bundles_hold_every_listed_source_in_order_and_the_sources_are_not_published(site):
    for option, folder, suffix in (("extra_css", "stylesheets", ".css"), ("extra_javascript", "javascripts", ".js")):
        bundles = sorted((site / "assets" / folder).glob(f"edition.*.min{suffix}"))
        assert len(bundles) == 1, bundles
        text = bundles[0].read_text(encoding="utf-8")
        expected = listed(option)
        if option == "extra_css":  # Material's palette first, where Material's own link put it
            palette = material_palette()
            expected = [f"material/{palette.name}"] + expected
            published = site / "assets" / "stylesheets" / palette.name
            assert not published.exists(), f"{palette.name} is published beside the edition's stylesheet"
        assert BUNDLE_PART_RE.findall(text) == expected
        for source in listed(option):
            assert not (site / source).exists(), f"{source} is published beside its bundle"
        assert "\n  " not in text, f"{bundles[0].name} is not minified"


def palette_options() -> list[dict]:
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["theme"]["palette"]


def test_the_edition_stylesheet_holds_materials_palette_for_the_colours_mkdocs_yml_names(site):
    # Material's palette styles 21 primary and 16 accent colours; a page carries only those of
    # the palette options, so the rules that need another are left out, and the rest are
    # Material's as written
    (bundle,) = (site / "assets" / "stylesheets").glob("edition.*.min.css")
    ours = selectors(bundle.read_text(encoding="utf-8"))
    theirs = selectors(re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", material_palette().read_text(encoding="utf-8")))
    named = {kind: {option.get(kind, "indigo").replace(" ", "-") for option in palette_options()}
             for kind in ("primary", "accent")}
    kept = {selector for selector in theirs
            if all(value in named[kind] for kind, value in COLOUR_SELECTOR_RE.findall(selector))}
    for kind, values in named.items():  # each colour of the options keeps its rules
        for value in values:
            assert any(f"[data-md-color-{kind}={value}]" in selector for selector in ours), (kind, value)
    assert len(kept) < len(theirs) / 2, (len(kept), len(theirs))
    assert kept <= ours, sorted(kept - ours)[:10]
    assert not {selector for selector in ours if COLOUR_SELECTOR_RE.search(selector)} - kept


@pytest.mark.parametrize("written, wrong, expected", [
    ("primary: blue grey", "primary: blue gray", "'blue gray' is not a primary colour that Material or the edition's "
                                                 "stylesheets style (amber, black, blue, blue-grey,"),
    ("scheme: slate", "scheme: slates", "'slates' is not a colour scheme that Material or the edition's stylesheets "
                                        "style (default, slate)"),
])
def test_a_palette_colour_no_stylesheet_styles_stops_the_build(project_copy, tmp_path, written, wrong, expected):
    # Material would draw the page in its default colours without a word
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace(written, wrong, 1), encoding="utf-8")
    line = next(number for number, line in enumerate(text.splitlines(), start=1) if written in line)
    assert_fails_cleanly(project_copy, tmp_path / "out", f"assets: mkdocs.yml:{line}: {expected}")


def test_a_palette_that_is_not_a_list_of_schemes_stops_the_build(project_copy, tmp_path):
    # one palette for the whole site: Material draws no scheme switch, and the edition's needs one
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    start = text.index("  palette:\n")
    end = text.index("  features:\n")
    config.write_text(text[:start] + "  palette:\n    scheme: default\n    primary: blue grey\n" + text[end:],
                      encoding="utf-8")
    line = text.splitlines().index("  palette:") + 1
    assert_fails_cleanly(project_copy, tmp_path / "out", f"assets: mkdocs.yml:{line}: the theme's palette must be a "
                         "list of schemes, one '- scheme: ...' entry each (light and dark), for the scheme switch")


def test_a_listed_stylesheet_that_does_not_exist_stops_the_build(project_copy, tmp_path):
    config = project_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - assets/stylesheets/print.css\n", "  - assets/stylesheets/printed.css\n"),
                      encoding="utf-8")
    line = text.splitlines().index("  - assets/stylesheets/print.css") + 1
    assert_fails_cleanly(project_copy, tmp_path / "out",
                         f"mkdocs.yml:{line}: assets/stylesheets/printed.css is not in docs/")


def test_a_material_that_links_its_palette_otherwise_stops_the_build(project_copy, tmp_path):
    # as if a new Material named its palette stylesheet differently in its pages: the edition's
    # stylesheet would hold the palette and the page would load a second one, or none
    template = project_copy / "overrides" / "main.html"
    template.write_text(template.read_text(encoding="utf-8") + '\n{% block styles %}'
                        '{{ super() | replace("/palette.", "/colours.") }}{% endblock %}\n', encoding="utf-8")
    palette = material_palette()
    assert_fails_cleanly(project_copy, tmp_path / "out", "expected the link to Material's "
                         f"assets/stylesheets/{palette.name} once in the page, found it 0 times")
