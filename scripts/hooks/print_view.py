"""MkDocs hook: the whole edition on one page, `print/`, for printing and for the PDF.

The page is assembled from whatever pages the nav lists, in nav order, from their rendered
HTML (so the bibliography, glossary or any page added later comes in by itself): a cover, a
table of contents, then each page as a part. Ids repeat across pages (`fn:1`, `editorial-notes`),
so every id is prefixed with its page's prefix (`article-introduction--fn:1`) and every link to a
page of the edition becomes a link inside the document. A link to an anchor that does not exist
stops the build. The page is left out of the search index so that results do not repeat.
"""

from __future__ import annotations

import html
import posixpath
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from edition import publication
from edition.errors import reported
from formats.documents import published_address

PRINT_SRC = "print.md"
PRINT_TITLE = "The whole edition (print view)"
# Front matter: out of the search index; no sidebars on screen (the print view is read top to bottom).
PRINT_MARKDOWN = f"""---
title: {PRINT_TITLE}
search:
  exclude: true
hide:
  - navigation
  - toc
---

<!-- assembled by scripts/hooks/print_view.py -->
"""
ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls")
SHORT_PART_CHARACTERS = 1500
HOME_TITLE = "Front matter"  # the home page's entry in the contents ("Home" means nothing on paper)
LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1"}

_nav: Navigation | None = None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, PRINT_SRC, content=PRINT_MARKDOWN, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _nav
    _nav = nav
    return nav


def on_env(env, config: MkDocsConfig, files: Files):
    """Every page's content is rendered by now and no page is built yet: assemble the print view
    here, so that every plugin sees it whole (and the search plugin sees that it is excluded)."""
    file = files.get_file_from_path(PRINT_SRC)
    if _nav is None or file is None or file.page is None:
        raise PluginError("print view: the print page or the nav is missing (did on_files/on_nav run?)")
    root = Path(config.config_file_path).parent
    with reported("print view", root):
        source = publication.load(root)
    # only a published address (SITE_URL, not this machine's) is written into the view; without
    # one, links to the edition's files stay relative
    file.page.content = assemble(_nav, file.page, source, published_address(config.site_url))
    return env


# ---- helpers -------------------------------------------------------------------------------

def prefix_of(url: str) -> str:
    """A page's id prefix in the print view: its URL as a slug ('' is the home page)."""
    slug = url.removesuffix("index.html").strip("/").replace("/", "-").removesuffix(".html")
    return slug or "home"


def site_path(url: str) -> str:
    """A page URL as an absolute path on the site, the form links resolve to."""
    return "/" + url.removesuffix("index.html")


class Part:
    """One page of the edition inside the print view."""

    def __init__(self, page: Page) -> None:
        if page.content is None:
            raise PluginError(f"print view: {page.file.src_uri} has no rendered content")
        self.page = page
        self.prefix = prefix_of(page.url)
        self.path = site_path(page.url)
        # lxml's parser: several times faster than Python's html.parser on the whole edition; it
        # puts the fragment in <html><body>, so the part is the body's content
        document = BeautifulSoup(page.content, "lxml")
        if document.body is None:
            raise PluginError(f"print view: {page.file.src_uri} rendered to no HTML body")
        self.soup = document.body
        if self.soup.find("h1") is None:  # Material adds the title as h1 when the page has none
            heading = document.new_tag("h1")
            heading.string = page.title or ""
            self.soup.insert(0, heading)
        self.ids = {element["id"] for element in self.soup.find_all(id=True)}


def assemble(nav: Navigation, print_page: Page, source: publication.Publication, site_url: str) -> str:
    parts = [Part(page) for page in nav.pages if page is not print_page]
    by_path = {}
    for part in parts:
        if part.path in by_path or any(part.prefix == other.prefix for other in by_path.values()):
            raise PluginError(f"print view: two pages share the prefix '{part.prefix}' ({part.page.file.src_uri})")
        by_path[part.path] = part
    print_path = site_path(print_page.url)
    body = [cover(source, site_url), contents(nav.items, print_page)]
    previous = None
    for part in parts:
        rewrite_part(part, by_path, print_path, site_url)
        # On paper a part begins a new page, unless it is short and follows a page of the same
        # nav section (a glossary of one page per term runs on rather than filling pages).
        runs_on = (previous is not None and part.page.parent is not None and previous.page.parent is part.page.parent
                   and len(part.soup.get_text()) < SHORT_PART_CHARACTERS)
        kind = "print-part print-part--runs-on" if runs_on else "print-part"
        body.append(f'<section class="{kind}" id="{part.prefix}" data-source="{html.escape(part.page.url)}">'
                    f"{part.soup.decode_contents()}</section>")
        previous = part
    return '<div class="print-view">\n' + "\n".join(body) + "\n</div>\n"


def rewrite_part(part: Part, by_path: dict[str, Part], print_path: str, site_url: str = "") -> None:
    # one walk through the part (the build's costliest step when it was one walk per attribute)
    for element in part.soup.find_all(True):
        attributes = element.attrs
        if "id" in attributes:
            attributes["id"] = f"{part.prefix}--{attributes['id']}"
        for name in ID_REFERENCES:
            if name in attributes:
                attributes[name] = " ".join(f"{part.prefix}--{ref}" if ref in part.ids else ref
                                            for ref in attributes[name].split())
        if "href" in attributes:
            attributes["href"] = rewrite_link(attributes["href"], part, by_path, print_path, site_url)
        if "src" in attributes:
            attributes["src"] = rewrite_link(attributes["src"], part, by_path, print_path)
    # A named region ("Authors' citations") recurs on every page; in one document each needs a
    # name of its own, so the page's title is added to it.
    title = part.soup.find("h1").get_text(" ", strip=True).rstrip("¶").strip()
    for region in part.soup.select("section[aria-labelledby]"):
        label = part.soup.find(id=region["aria-labelledby"])
        if label is not None:
            region["aria-label"] = f"{label.get_text(' ', strip=True).rstrip('¶').strip()}: {title}"
            del region["aria-labelledby"]


def rewrite_link(href: str, part: Part, by_path: dict[str, Part], print_path: str, site_url: str = "") -> str:
    """A link as it must read in the print view: inside the document when it points to a page
    of the edition; to another file (a download), absolute on `site_url` when there is one, so
    that the PDF printed from the view links to the published file and not to the address the
    view was printed from; else relative to `print/`; unchanged when external."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return href
    resolved = urlsplit(urljoin(part.path, href))
    target_path = resolved.path.removesuffix("index.html")
    target = part if not parts.path else by_path.get(target_path)
    if target is None and site_url:
        return (urljoin(site_url, resolved.path.lstrip("/")) + (f"?{resolved.query}" if resolved.query else "")
                + (f"#{resolved.fragment}" if resolved.fragment else ""))
    if target is None:
        relative = posixpath.relpath(resolved.path, print_path)
        if resolved.path.endswith("/") and relative != ".":
            relative += "/"
        return (relative + (f"?{resolved.query}" if resolved.query else "")
                + (f"#{resolved.fragment}" if resolved.fragment else ""))
    if not resolved.fragment:
        return f"#{target.prefix}"
    if resolved.fragment not in target.ids:
        raise PluginError(f"print view: {part.page.file.src_uri}: the link '{href}' points to an anchor "
                          f"that {target.page.file.src_uri} does not have")
    return f"#{target.prefix}--{resolved.fragment}"


def cover(source: publication.Publication, site_url: str) -> str:
    escape = html.escape
    authors = "".join(f'<li>{escape(author.name)}</li>' for author in source.authors)
    address = ""
    if site_url and urlsplit(site_url).hostname not in LOCAL_HOSTS:
        address = (f'<p class="print-cover__address">Online: '
                   f'<a class="print-url" href="{escape(site_url)}">{escape(site_url)}</a></p>')
    return f"""<section class="print-cover" id="print-cover">
<h1 class="print-cover__title">{escape(source.title)}</h1>
<ul class="print-cover__authors">{authors}</ul>
<p class="print-cover__statement">{escape(source.edition_statement)}</p>
<div class="print-cover__source">
<p>Originally published in <cite>{escape(source.journal_en)}</cite>
(<cite lang="ru">{escape(source.journal_ru)}</cite>),
vol.&nbsp;{source.volume}, issue&nbsp;{source.issue}, {source.year}, pp.&nbsp;{source.first_page}–{source.last_page};
{escape(source.publisher)}.</p>
<p>DOI: <a class="print-url" href="{escape(source.doi_url)}">{escape(source.doi_url)}</a></p>
<p>Publisher's page: <a class="print-url" href="{escape(source.publisher_url)}">{escape(source.publisher_url)}</a></p>
</div>
{address}
<p class="print-cover__licence">{escape(source.licence)}</p>
</section>"""


def contents(items: list, print_page: Page) -> str:
    def entries(items: list) -> list[str]:
        out = []
        for item in items:
            if isinstance(item, Section):
                out.append(f'<li class="print-toc__group"><span class="print-toc__group-title">'
                           f'{html.escape(item.title)}</span><ol>{"".join(entries(item.children))}</ol></li>')
            elif isinstance(item, Page) and item is not print_page:
                prefix = prefix_of(item.url)
                title = HOME_TITLE if item.is_homepage else item.title or ""
                out.append(f'<li><a href="#{prefix}"><span class="print-toc__title">{html.escape(title)}'
                           f'</span><span class="print-toc__page" data-part="{prefix}"></span></a></li>')
        return out
    return ('<nav class="print-toc" id="print-contents" aria-labelledby="print-contents-title">'
            '<h2 id="print-contents-title">Contents</h2>'
            f'<ol>{"".join(entries(items))}</ol></nav>')
