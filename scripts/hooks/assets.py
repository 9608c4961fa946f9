"""MkDocs hook: the edition's stylesheets and scripts reach the reader as one minified file
each, and no script holds up the first paint.

The sources stay one file per concern, listed in order under `extra_css` and
`extra_javascript` in mkdocs.yml. This hook joins each list into one file named by its
content (`assets/stylesheets/edition.<hash>.min.css`, `assets/javascripts/edition.<hash>.min.js`),
minified by rcssmin and rjsmin, and leaves the sources out of the site. One file instead of
eight stylesheets saves a phone a round trip per file before it can draw the page, and the name changes
whenever the content does, so a browser never keeps a stale copy.

Material's colour palette (`palette.<hash>.min.css`, the light and dark schemes) opens the
edition's stylesheet instead of being a file of its own: a stylesheet holds up the first paint
until it arrives, and on Lighthouse's simulated phone each of them cost 150 ms of first paint
(section page: first contentful paint 1.21 s with three stylesheets, 1.06 s with two, three runs
each). The cascade keeps Material's order: its main stylesheet, its palette, the edition's rules.
The palette comes without the rules for the primary and accent colours that mkdocs.yml does
not name (`unused_css.without_other_colours`): Material's 11.9 KB (2.0 KB gzip) became 3.1 KB
(0.7 KB gzip), which brought the section's first visit back under default Material's weight
once the edition's scheme switch (scheme-switch.js) had added 0.5 KB gzip to its script.

Material's main stylesheet reaches the reader without the rules for components the site never
shows (`unused_css.py` says which rules go and why): after the build, when every page, script
and search index is written, the file is rewritten under a name made from its new content
(`main.<hash>.min.css`), every page's link to it follows, and its source map, which describes
Material's whole file, is left out: 22.3 KB gzip (134 KB raw) before, 16.6 KB (90 KB raw) after,
about 600 of its 1,500 selectors left out.

Scripts do not hold up the first paint. The edition's script is deferred: it runs after the
page is parsed, as it did at the end of the body. Material's bundle is not in the page at all:
the edition's script tag names it (`data-material-bundle`), and the edition's last script,
`material-after-paint.js`, adds it once the browser has painted the text (why, and what it
measured, is in that file). So the edition's script still runs before the bundle and can adjust
what the bundle reads when it starts (the search query, the words to highlight). A missing
source file, a script option the bundle cannot keep (`async`, a `type`), a list of scripts that
does not end with the one that starts Material, or a Material page without its bundle stops the
build.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import unused_css

STYLESHEET = "assets/stylesheets/edition.{digest}.min.css"
SCRIPT = "assets/javascripts/edition.{digest}.min.js"
PALETTE_GLOB = "assets/stylesheets/palette.*.min.css"
MATERIAL_STYLESHEET_GLOB = "assets/stylesheets/main.*.min.css"
# the files whose words may name a class in a page: pages, scripts, the search index
NAMING_SUFFIXES = (".html", ".js", ".json")
SOURCE_MAP_RE = re.compile(r"/\*# sourceMappingURL=[^*]*\*/")
MATERIAL_STARTER = "assets/javascripts/material-after-paint.js"
# the edition's scheme switch, and Material's palette component, which it replaces
# (assets/javascripts/scheme-switch.js says why)
SCHEME_SWITCH = "data-edition-scheme-switch"
# a rule for a scheme or colour (Material's palette writes the value bare, the edition's CSS in
# quotes); the scheme Material's main stylesheet styles; the colour Material leaves to the
# site's own CSS (its --md-primary-fg-color and the like)
MATERIAL_COLOUR_RE = re.compile(r"""\[data-md-color-(scheme|primary|accent)=["']?([\w-]+)["']?\]""")
MATERIAL_DEFAULT_SCHEME = ("scheme", "default")
CUSTOM_COLOUR = "custom"
PALETTE_WORDS = {"scheme": "colour scheme", "primary": "primary colour", "accent": "accent colour"}
MATERIAL_PALETTE_COMPONENT = 'data-md-component="palette"'
MATERIAL_PALETTE_SCRIPT_RE = re.compile(r'<script>var palette=__md_get\("__palette"\);.*?</script>', re.DOTALL)
# Written after Material's palette script, so that the first paint already looks as the page
# will once Material's bundle has started (material-after-paint.js): the page marked as one
# that runs scripts (Material's CSS hides the search button on a page marked "no-js"), the
# colour scheme of the system setting when the reader has not chosen one (Material's own script
# applies only a stored choice), and the switch for the other scheme shown. Without it, a
# dark-scheme reader's first page was drawn light, and on a phone the header was 404 px wide
# until the bundle ran. The same choice as Material's: the stored palette, else the first whose
# media query matches, else the first.
# It also sets, before the first paint, the class and attribute that the focus-visible polyfill
# in Material's bundle sets on <html> as it starts, so that setting them then changes nothing:
# each, set after the first paint, made Chromium restyle every element of the page
# (tests/test_material_assets.py counts the whole-page restyles of Material's start).
FIRST_PAINT_SCRIPT = (
    '<script>(function(){var root=document.documentElement;root.classList.replace("no-js","js");'
    'root.classList.add("js-focus-visible");root.setAttribute("data-js-focus-visible","");'
    'var inputs=document.querySelectorAll("[data-edition-scheme-switch] input"),stored=__md_get("__palette"),'
    'input=stored?inputs[stored.index]:Array.prototype.find.call(inputs,function(e){'
    'return matchMedia(e.getAttribute("data-md-color-media")).matches})||inputs[0];if(!input)return;'
    'if(!stored)["scheme","primary","accent"].forEach(function(k){'
    'document.body.setAttribute("data-md-color-"+k,input.getAttribute("data-md-color-"+k))});'
    'input.checked=true;if(input.nextElementSibling)input.nextElementSibling.hidden=false;'
    '})()</script>')
MATERIAL_BUNDLE_RE = re.compile(r'<script src="([^"]*assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"></script>')

# The bundles made in on_config, for on_files and the page events: MkDocs hands a hook's
# functions the config, not what an earlier event made, so a hook keeps it between events.
_state: dict = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    docs = Path(config.docs_dir)
    config_file = Path(config.config_file_path)
    stylesheets = [str(path) for path in config.extra_css]
    scripts = [script_path(script, config_file) for script in config.extra_javascript]
    if not scripts or scripts[-1] != MATERIAL_STARTER:
        raise PluginError(f"assets: {where(config_file, 'extra_javascript:')}: the last script under "
                          f"extra_javascript must be {MATERIAL_STARTER}: it starts Material's bundle, which is not "
                          "in the page otherwise")
    css = joined(docs, stylesheets, config_file, "")
    palette = theme_file(config, PALETTE_GLOB)
    # its source map describes Material's file alone: the joined file has none
    rules = SOURCE_MAP_RE.sub("", palette.read_text(encoding="utf-8")).strip()
    # the schemes and colours the stylesheets style: Material's palette, and the edition's own
    rules = unused_css.without_other_colours(rules, palette_colours(config, f"{rules}\n{css}", config_file))
    css = f"/*! material/{palette.name} */\n{rules}\n{css}"
    css = rcssmin.cssmin(css, keep_bang_comments=True)
    # ";" between scripts: a file ending without one must not run on into the next one's "("
    js = rjsmin.jsmin(joined(docs, scripts, config_file, ";"), keep_bang_comments=True)
    bundles = {STYLESHEET.format(digest=digest(css)): css, SCRIPT.format(digest=digest(js)): js}
    script = next(name for name in bundles if name.endswith(".js"))
    palette_name = f"assets/stylesheets/{palette.name}"
    # Material's palette is one of the stylesheet's sources: it is not published beside it either
    sources = set(stylesheets) | set(scripts) | {palette_name, palette_name + ".map"}
    _state.update(sources=sources, bundles=bundles, script=script, palette=palette_name)
    config.extra_css = [name for name in bundles if name.endswith(".css") and bundles[name]]
    config.extra_javascript = []  # the script is put before Material's bundle instead (on_post_page)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    for source in _state["sources"]:
        file = files.get_file_from_path(source)
        if file is not None:
            files.remove(file)
    for name, content in _state["bundles"].items():
        if content:
            files.append(File.generated(config, name, content=content))
    return files


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return with_scripts(without_palette_link(output, page.file.src_uri), page.file.src_uri)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    """Theme pages that are not documentation pages (404.html)."""
    if not template_name.endswith(".html"):
        return output_content
    return with_scripts(without_palette_link(output_content, template_name), template_name)


@event_priority(-50)  # after the hooks that rewrite the search index, before whole_site's last word
def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    material = site / posixpath.dirname(MATERIAL_STYLESHEET_GLOB) / theme_file(config, MATERIAL_STYLESHEET_GLOB).name
    if not material.is_file():
        raise PluginError(f"assets: Material's {material.name} is not in the built site (has Material changed how it "
                          "ships its stylesheet?)")
    for earlier in site.glob(MATERIAL_STYLESHEET_GLOB):  # `mkdocs serve` rebuilds in the same folder
        if earlier != material:
            earlier.unlink()
    # each page, script and index read once: for the class names, then the pages for their link
    texts = {file: file.read_text(encoding="utf-8") for file in sorted(site.rglob("*"))
             if file.suffix in NAMING_SUFFIXES and file.is_file()}
    css = unused_css.without_unused_rules(SOURCE_MAP_RE.sub("", material.read_text(encoding="utf-8")),
                                          unused_css.Names(texts.values()))
    smaller = material.with_name(f"main.{digest(css)}.min.css")
    for page, html in texts.items():
        if page.suffix == ".html":
            page.write_text(with_stylesheet_renamed(html, page.relative_to(site).as_posix(), material.name,
                                                    smaller.name), encoding="utf-8")
    material.unlink()
    material.with_name(material.name + ".map").unlink(missing_ok=True)
    smaller.write_text(css, encoding="utf-8")


# ---- helpers -------------------------------------------------------------------------------

def script_path(script: ExtraScriptValue | str, config_file: Path) -> str:
    if isinstance(script, str):
        return script
    if script.async_ or script.type:
        raise PluginError(f"assets: {where(config_file, script.path)}: 'async' and 'type' cannot be kept in one "
                          "deferred bundle; list plain scripts only")
    return script.path


def where(config_file: Path, path: str) -> str:
    """'mkdocs.yml:N', the line that lists `path` (the form of the edition's other errors)."""
    lines = config_file.read_text(encoding="utf-8").splitlines()
    line = next((number for number, text in enumerate(lines, start=1) if path in text), None)
    return f"{config_file.name}:{line}" if line else config_file.name


def joined(docs: Path, paths: list[str], config_file: Path, separator: str) -> str:
    """The files in the order listed, each opened by a comment naming it."""
    parts = []
    for path in paths:
        file = docs / path
        if not file.is_file():
            raise PluginError(f"assets: {where(config_file, path)}: {path} is not in {docs.name}/")
        # "/*!" comments are kept by the minifiers: the bundle says where each part comes from
        parts.append(f"/*! {path} */\n" + file.read_text(encoding="utf-8").strip() + separator + "\n")
    return "\n".join(parts)


def digest(content: str) -> str:
    return hashlib.sha256(content.encode("utf-8")).hexdigest()[:8]


def palette_colours(config: MkDocsConfig, stylesheets: str, config_file: Path) -> dict[str, set[str]]:
    """The primary and accent colours the palette options of mkdocs.yml give the pages, named as
    Material's templates write them (its default for an option that names none, spaces as
    hyphens): no element carries any other, so the palette's rules for the rest go.
    A palette that is not a list of options (the edition's scheme switch needs one per scheme),
    or a scheme or colour that neither Material's palette nor the edition's stylesheets
    (`stylesheets`) style, stops the build: Material would draw the page in its default colours
    without a word."""
    options = config.theme.get("palette")
    if not isinstance(options, list) or not options or not all(isinstance(option, dict) for option in options):
        raise PluginError(f"assets: {where(config_file, 'palette:')}: the theme's palette must be a list of "
                          "schemes, one '- scheme: ...' entry each (light and dark), for the scheme switch")
    styled = set(MATERIAL_COLOUR_RE.findall(stylesheets)) | {MATERIAL_DEFAULT_SCHEME}
    colours: dict[str, set[str]] = {"data-md-color-primary": set(), "data-md-color-accent": set()}
    for key, default in (("scheme", "default"), ("primary", "indigo"), ("accent", "indigo")):
        for option in options:
            name = str(option.get(key) or default)
            value = name.replace(" ", "-")
            if (key, value) not in styled and not (key != "scheme" and value == CUSTOM_COLOUR):
                known = ", ".join(sorted(known_value for known_key, known_value in styled if known_key == key))
                custom = f", or {CUSTOM_COLOUR} for one the site's stylesheet defines" if key != "scheme" else ""
                raise PluginError(f"assets: {where(config_file, f'{key}: {name}')}: '{name}' is not a "
                                  f"{PALETTE_WORDS[key]} that Material or the edition's stylesheets style "
                                  f"({known}{custom})")
            if key != "scheme":
                colours[f"data-md-color-{key}"].add(value)
    return colours


def theme_file(config: MkDocsConfig, pattern: str) -> Path:
    """The one theme file matching `pattern`, from the first theme folder that has one (the
    folder MkDocs serves it from)."""
    found: list[Path] = []
    for folder in config.theme.dirs:
        found = sorted(Path(folder).glob(pattern))
        if found:
            break
    if len(found) != 1:
        raise PluginError(f"assets: expected one {pattern} in the theme, found "
                          f"{len(found)} (has Material changed how it ships its stylesheets?)")
    return found[0]


def without_palette_link(html: str, page_name: str) -> str:
    """The page without its link to Material's palette stylesheet, which the edition's holds."""
    palette = _state["palette"]
    link = re.compile(r'<link rel="stylesheet" href="[^"]*' + re.escape(palette) + '">')
    return replaced_once(link, "", html, page_name, f"the link to Material's {palette}", "links its palette")


def with_scripts(html: str, page_name: str) -> str:
    return with_first_paint_script(with_scripts_deferred(html, page_name, _state["script"]), page_name)


def with_first_paint_script(html: str, page_name: str) -> str:
    """FIRST_PAINT_SCRIPT just after Material's palette script, in a page whose scheme switch is
    the edition's (overrides/partials/palette.html), not Material's palette component."""
    if MATERIAL_PALETTE_COMPONENT in html or SCHEME_SWITCH not in html:
        raise PluginError(f"assets: {page_name}: the colour scheme switch is not the edition's "
                          f"({SCHEME_SWITCH}, from overrides/partials/palette.html): has that file been removed, "
                          "or has Material changed where it includes its palette?")
    return replaced_once(MATERIAL_PALETTE_SCRIPT_RE, lambda match: match.group(0) + FIRST_PAINT_SCRIPT, html,
                         page_name, "Material's palette script", "sets the colour scheme")


def with_scripts_deferred(html: str, page_name: str, script: str) -> str:
    """Material's bundle out of the page, named instead on the edition's deferred script, which
    starts it after the first paint. The script's address is the bundle's, relative to the page
    as Material wrote it, with the edition's file name."""
    def replacement(match: re.Match) -> str:
        bundle = match.group(1)
        return (f'<script src="{posixpath.dirname(bundle)}/{posixpath.basename(script)}" '
                f'data-material-bundle="{bundle}" defer></script>')

    return replaced_once(MATERIAL_BUNDLE_RE, replacement, html, page_name, "Material's script bundle",
                         "loads its script")


def with_stylesheet_renamed(html: str, page_name: str, old: str, new: str) -> str:
    """The page linking to Material's stylesheet under its new name."""
    link = re.compile(r'(<link rel="stylesheet" href="[^"]*assets/stylesheets/)' + re.escape(old) + '"')
    return replaced_once(link, lambda match: f'{match.group(1)}{new}"', html, page_name,
                         f"the link to Material's {old}", "links its stylesheet")


def replaced_once(pattern: re.Pattern, replacement, html: str, page_name: str, expected: str, change: str) -> str:
    """`html` with the one match of `pattern` replaced. Material writes each of these once a
    page; any other count stops the build, saying what was expected and what Material may have
    changed."""
    html, count = pattern.subn(replacement, html)
    if count != 1:
        raise PluginError(f"assets: {page_name}: expected {expected} once in the page, found it {count} times "
                          f"(has Material changed how it {change}?)")
    return html
