"""The alternatives a reader's edition could have been built with, fed the same article text:
a default Material for MkDocs project, Sphinx with sphinxcontrib-bibtex, and pandoc --citeproc.

Each `make_*` function writes a throwaway project into a folder and returns how to build it.
The text is the edition's own generated Markdown (`scripts/build_edition.py`): the landing page
and the article's sections, with each citation turned into the same footnote the site gives it,
so that every system carries the same text; plus the bibliography when `bib/references.bib` exists.
"""

from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIB = ROOT / "bib" / "references.bib"

# Python-Markdown's attribute lists ("{: #par-1 .article-paragraph }" on a line of its own, or
# "{ .md-button }" after a heading or link), which pandoc does not read.
ATTRIBUTE_LINE_RE = re.compile(r"^\{:[^}]*\}\s*$", re.MULTILINE)
TRAILING_ATTRIBUTES_RE = re.compile(r"\{:?\s*[.#][^}]*\}\s*$", re.MULTILINE)


@dataclass
class Baseline:
    name: str
    project: Path
    command: list[str]
    output: Path
    pages: dict[str, str] = field(default_factory=dict)  # role ("landing", "section") → path in output
    notes: list[str] = field(default_factory=list)


def article_markdown(workdir: Path) -> tuple[str, list[tuple[str, str, str]]]:
    """(landing page Markdown, [(slug, title, section Markdown)…]) as the site generates them."""
    out = workdir / "markdown"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_edition.py"), str(out)], check=True,
                   capture_output=True, text=True)
    sections = yaml.safe_load((ROOT / "editorial" / "sections.yml").read_text(encoding="utf-8"))["sections"]
    pages = [(f"article/{s['slug']}.md", (out / "article" / f"{s['slug']}.md").read_text(encoding="utf-8"))
             for s in sections]
    if BIB.exists():
        pages = with_footnotes(pages)
    return ((out / "index.md").read_text(encoding="utf-8"),
            [(s["slug"], s["title"], markdown) for s, (_, markdown) in zip(sections, pages, strict=True)])


def with_footnotes(pages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The pages with the citations as footnotes, made by the site's own citation code."""
    from bibliography import citations, entries
    from edition import pipeline, render

    references = {reference.number: reference for reference in entries.load(ROOT)}
    edition = pipeline.build(ROOT)
    found = citations.find(ROOT, edition, references)
    paragraphs = render.paragraphs_markdown(edition)
    return [(page, citations.with_footnotes(markdown, [c for c in found if c.page == page], references, paragraphs))
            for page, markdown in pages]


def for_pandoc(markdown: str) -> str:
    """The site's Markdown without the front matter and the attribute lists pandoc cannot read."""
    markdown = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.DOTALL)
    markdown = ATTRIBUTE_LINE_RE.sub("", markdown)
    return TRAILING_ATTRIBUTES_RE.sub("", markdown).replace(".md)", ".html)")


def make_material(workdir: Path, landing: str, sections: list) -> Baseline:
    """MkDocs with Material's defaults: no custom CSS, JS, hooks or overrides; only the Markdown
    extensions the text needs to render."""
    project = workdir / "material"
    (project / "docs" / "article").mkdir(parents=True)
    (project / "docs" / "index.md").write_text(landing, encoding="utf-8")
    for slug, _, markdown in sections:
        (project / "docs" / "article" / f"{slug}.md").write_text(markdown, encoding="utf-8")
    config = {"site_name": "Mexico's Evolving Security Cooperation Policy in Central America",
              "theme": {"name": "material"},
              "markdown_extensions": ["abbr", "attr_list", "footnotes", "md_in_html", "tables", "toc"],
              "nav": [{"Home": "index.md"}, {"The article": [f"article/{slug}.md" for slug, _, _ in sections]}],
              "validation": {"links": {"not_found": "info", "unrecognized_links": "info"}}}
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    output = workdir / "material-site"
    return Baseline("Material default", project,
                    [sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-d", str(output)], output,
                    notes=["Material's default theme loads Roboto from fonts.googleapis.com / fonts.gstatic.com "
                           "(a third-party request, blocked in this measurement: its weight is not counted)"])


BIBLATEX_TYPES = {"report": "techreport", "online": "misc"}
BIBLATEX_FIELDS = {"journaltitle": "journal", "location": "address"}


def as_bibtex(biblatex: str) -> str:
    """The biblatex file in the classic BibTeX that pybtex's styles know."""
    text = re.sub(r"^@(\w+)\{", lambda m: f"@{BIBLATEX_TYPES.get(m.group(1), m.group(1))}{{", biblatex,
                  flags=re.MULTILINE)
    text = re.sub(r"^(\s+)(\w+)(\s*=)", lambda m: m.group(1) + BIBLATEX_FIELDS.get(m.group(2), m.group(2)) + m.group(3),
                  text, flags=re.MULTILINE)
    return re.sub(r"^(\s+)date(\s*=\s*\{)(\d{4})[^}]*\}", r"\1year\2\3}", text, flags=re.MULTILINE)


def make_sphinx(workdir: Path, landing: str, sections: list) -> Baseline:
    """A Sphinx project (default alabaster theme) with sphinxcontrib-bibtex; each page converted
    from the site's Markdown to reStructuredText by pandoc."""
    import pypandoc

    project = workdir / "sphinx"
    (project / "article").mkdir(parents=True)
    notes = []

    def rst(markdown: str) -> str:
        return pypandoc.convert_text(for_pandoc(markdown), "rst", format="markdown", extra_args=["--wrap=none"])

    index = (rst(landing) + "\n\n.. toctree::\n   :hidden:\n\n"
             + "".join(f"   article/{slug}\n" for slug, _, _ in sections))
    extensions = []
    if BIB.exists():
        (project / "references.bib").write_text(as_bibtex(BIB.read_text(encoding="utf-8")), encoding="utf-8")
        extensions.append("sphinxcontrib.bibtex")
        notes.append("bib/references.bib is biblatex; sphinxcontrib-bibtex (pybtex) reads classic BibTeX, so it "
                     "gets a copy with the biblatex types and fields renamed (report → techreport, online → misc, "
                     "date → year, journaltitle → journal, location → address)")
        (project / "bibliography.rst").write_text("References\n==========\n\n.. bibliography::\n   :all:\n",
                                                  encoding="utf-8")
        index += "   bibliography\n"
    else:
        notes.append("bib/references.bib absent: no bibliography page, sphinxcontrib-bibtex not loaded")
    (project / "index.rst").write_text(index, encoding="utf-8")
    for slug, _, markdown in sections:
        (project / "article" / f"{slug}.rst").write_text(rst(markdown), encoding="utf-8")
    (project / "conf.py").write_text(
        "project = \"Mexico's Evolving Security Cooperation Policy in Central America\"\n"
        f"extensions = {extensions!r}\n"
        f"bibtex_bibfiles = {['references.bib'] if BIB.exists() else []!r}\n"
        "html_theme = 'alabaster'\n", encoding="utf-8")
    output = workdir / "sphinx-site"
    notes.append("its build time starts from ready reStructuredText (the Markdown-to-rST conversion is not "
                 "timed), while the site's build includes the edition pipeline from the seeds; a warm Sphinx "
                 "build rebuilds only what changed (nothing, here)")
    return Baseline("Sphinx + bibtex", project,
                    [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(project), str(output)], output,
                    notes=notes)


def make_pandoc(workdir: Path, landing: str, sections: list) -> Baseline:
    """The whole article as one standalone HTML page, by pandoc with --citeproc."""
    import pypandoc

    project = workdir / "pandoc"
    project.mkdir()
    text = for_pandoc(landing) + "\n\n" + "\n\n".join(for_pandoc(markdown) for _, _, markdown in sections)
    (project / "article.md").write_text(text, encoding="utf-8")
    output = workdir / "pandoc-site"
    output.mkdir()
    command = [pypandoc.get_pandoc_path(), str(project / "article.md"), "--from", "markdown", "--standalone",
               "--metadata", "title=Mexico's Evolving Security Cooperation Policy in Central America",
               "--output", str(output / "index.html")]
    notes = []
    if BIB.exists():
        command += ["--citeproc", "--bibliography", str(BIB), "--metadata", "nocite=@*"]
        notes.append("--citeproc formats every entry of bib/references.bib (nocite @*); "
                     "the in-text numbers stay as printed")
    else:
        notes.append("bib/references.bib absent: pandoc ran without --citeproc")
    return Baseline("pandoc --citeproc", project, command, output, notes=notes)


SEARCH_HOOKS = ("scripts/hooks/search_folding.py", "scripts/hooks/search_boosts.py")
SEARCH_ASSETS = ("assets/javascripts/search-query.js", "assets/javascripts/search-load.js",
                 "assets/javascripts/search-highlight.js", "assets/stylesheets/search.css")


def make_material_search(workdir: Path) -> Baseline:
    """This very site with Material's search as it comes: the same pages, theme and hooks, but
    the search plugin with its default settings and none of the edition's search changes (the
    index rewrites, the query rewrite, the highlighting of unaccented matches). The project is
    a folder of links to this one, so that the hooks find the editorial files beside the config."""
    from mkdocs.utils.yaml import yaml_load

    project = workdir / "material-search"
    project.mkdir(parents=True)
    for entry in ROOT.iterdir():
        if entry.name not in ("mkdocs.yml", ".git", "site"):
            (project / entry.name).symlink_to(entry)
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search"]
    config["hooks"] = [hook for hook in config["hooks"] if hook not in SEARCH_HOOKS]
    config["extra_javascript"] = [script for script in config.get("extra_javascript", [])
                                  if script not in SEARCH_ASSETS]
    config["extra_css"] = [sheet for sheet in config.get("extra_css", []) if sheet not in SEARCH_ASSETS]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True), encoding="utf-8")
    output = workdir / "material-search-site"
    return Baseline("Material's default search", project,
                    [sys.executable, "-m", "mkdocs", "build", "--clean", "-q", "-d", str(output)], output)
