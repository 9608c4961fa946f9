"""The built site's pages as the parts of a document: the article (front matter, the nine
sections, the bibliography) or the companion (glossary, the pages at a glance, editorial method
and textual notes).

Each page is read from the built site as a reader's browser gets it (its `article` element),
without what belongs to the screen (permalink marks, buttons, the links to the print view, the
glossary's hidden popover text). Ids are prefixed with their page (`article-introduction--par-1`)
so that they stay unique in one document; a link to a page of the document becomes a link inside
it; a link to a page or file of the edition that the document does not hold becomes the
published address when the edition has one (SITE_URL), and plain text otherwise, so that no
format carries this machine's address or a path of the build directory.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from .errors import FormatError

LOCAL_HOSTS = {"127.0.0.1", "localhost", "0.0.0.0", "::1", "[::1]"}
ID_REFERENCES = ("for", "aria-labelledby", "aria-describedby", "aria-controls", "headers")
SCREEN_ONLY = (".edition-downloads", ".headerlink", ".md-button", ".glossary-definitions", "[hidden]",
               ".reading-time", ".footnote-backref", ".editorial-notes__back", ".md-source-file")
PRINT_PATH = "/print/"
ARTICLE_PREFIX = "/article/"
BIBLIOGRAPHY = "/bibliography/"
GLOSSARY = "/glossary/"


def published_address(site_url: str | None) -> str:
    """The edition's public address, or '' when it has none: a build without SITE_URL, or one
    for this machine (the tests' servers), publishes no address of the edition."""
    if not site_url:
        return ""
    parts = urlsplit(site_url)
    if parts.scheme not in ("http", "https") or (parts.hostname or "") in LOCAL_HOSTS:
        return ""
    return site_url if site_url.endswith("/") else site_url + "/"


def prefix_of(path: str) -> str:
    """A page's id prefix: its site path as a slug ('home' for the landing page)."""
    return path.strip("/").replace("/", "-") or "home"


@dataclass
class Part:
    path: str  # the page's site path, /article/introduction/
    prefix: str
    title: str
    body: Tag  # the page's content, ids prefixed and links rewritten


def page_file(site: Path, path: str) -> Path:
    file = site / path.strip("/") / "index.html"
    if not file.is_file():
        raise FormatError(f"the built site has no page {path} ({file}): build the site first")
    return file


def read_page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup(page_file(site, path).read_text(encoding="utf-8"), "lxml")


def nav_paths(site: Path) -> list[str]:
    """The site's pages in nav order, as its landing page's navigation lists them."""
    soup = read_page(site, "/")
    paths: list[str] = []
    for link in soup.select("nav.md-nav--primary a.md-nav__link[href]"):
        path = urlsplit(urljoin("/", link["href"])).path
        if path not in paths and path != PRINT_PATH:
            paths.append(path)
    if not paths:
        raise FormatError("the landing page has no navigation (nav.md-nav--primary): is this the built site?")
    return paths


def glossary_paths(site: Path) -> list[str]:
    """Every glossary entry in the A–Z index's order."""
    soup = read_page(site, GLOSSARY)
    paths = []
    for link in soup.select("article li > a[href]"):
        path = urlsplit(urljoin(GLOSSARY, link["href"])).path
        if path.startswith(GLOSSARY) and path != GLOSSARY and path not in paths:
            paths.append(path)
    return paths


def article_paths(site: Path) -> list[str]:
    """The article: the landing page (title block, abstract), its sections, its bibliography."""
    nav = nav_paths(site)
    sections = [path for path in nav if path.startswith(ARTICLE_PREFIX)]
    if "/" not in nav or BIBLIOGRAPHY not in nav or not sections:
        raise FormatError("the nav lacks the landing page, the article's sections or the bibliography")
    return ["/", *sections, BIBLIOGRAPHY]


def companion_paths(site: Path) -> list[str]:
    """The apparatus: every other page of the nav, with the glossary's entries after its index."""
    paths = []
    for path in nav_paths(site):
        if path in ("/", BIBLIOGRAPHY) or path.startswith(ARTICLE_PREFIX):
            continue
        paths.append(path)
        if path == GLOSSARY:
            paths += glossary_paths(site)
    return paths


def read_parts(site: Path, paths: list[str], site_url: str | None) -> list[Part]:
    """The pages at `paths` as parts of one document (see the module's docstring)."""
    address = published_address(site_url)
    contents = {}
    for path in paths:
        article = read_page(site, path).select_one("article.md-content__inner")
        if article is None or article.find("h1") is None:
            raise FormatError(f"the built page {path} has no article with a title")
        for selector in SCREEN_ONLY:
            for element in article.select(selector):
                element.decompose()
        # a header cell says what it heads, so that the tagged PDF associates it with its cells
        for cell in article.select("th:not([scope])"):
            cell["scope"] = "col" if cell.find_parent("thead") is not None else "row"
        contents[path] = article
    ids = {path: {element["id"] for element in article.find_all(id=True)} for path, article in contents.items()}
    parts = []
    for path, article in contents.items():
        prefix = prefix_of(path)
        for element in article.find_all(True):
            attributes = element.attrs
            if "id" in attributes:
                attributes["id"] = f"{prefix}--{attributes['id']}"
            for name in ID_REFERENCES:
                if name in attributes:
                    refs = [f"{prefix}--{ref}" for ref in attributes[name].split() if ref in ids[path]]
                    if refs:
                        attributes[name] = " ".join(refs)
                    else:
                        del attributes[name]
            if "href" in attributes:
                target = rewrite_link(attributes["href"], path, ids, address)
                if target is None:
                    element.name = "span"
                    for name in ("href", "download", "type", "title", "aria-describedby"):
                        attributes.pop(name, None)
                else:
                    attributes["href"] = target
            if "src" in attributes:
                raise FormatError(f"the page {path} loads a file ({attributes['src']}); "
                                  "the formats hold no external files")
        title = article.find("h1").get_text(" ", strip=True)
        parts.append(Part(path, prefix, title, article))
    return parts


def rewrite_link(href: str, page: str, ids: dict[str, set[str]], address: str) -> str | None:
    """`href` as it must read in the document, or None when it can only be plain text."""
    parts = urlsplit(href)
    if parts.scheme in ("http", "https", "mailto"):
        return None if (parts.hostname or "") in LOCAL_HOSTS else href
    if parts.scheme or parts.netloc:
        raise FormatError(f"the page {page} has a link of an unknown kind: {href}")
    resolved = urlsplit(urljoin(page, href))
    target = resolved.path.removesuffix("index.html")
    if not parts.path:
        target = page
    if target in ids:
        if not resolved.fragment:
            return f"#{prefix_of(target)}"
        if resolved.fragment not in ids[target]:
            raise FormatError(f"the page {page} links to #{resolved.fragment}, which {target} does not have")
        return f"#{prefix_of(target)}--{resolved.fragment}"
    if not address:
        return None
    path = posixpath.normpath(resolved.path).lstrip("/") + ("/" if resolved.path.endswith("/") else "")
    return urljoin(address, path) + (f"#{resolved.fragment}" if resolved.fragment else "")


@dataclass
class Note:
    """A note and its mark in the text: a numbered citation or a lettered editorial note."""
    mark: Tag  # the <sup> in the text
    note_id: str
    label: str  # "1" … "46", "a" …
    kind: str  # "citation" or "editorial"
    content: Tag  # the note's <li>


def notes_of(part: Part) -> list[Note]:
    """The part's notes, in the order of their marks."""
    found = []
    for sup in part.body.select("sup"):
        link = sup.find("a", href=True)
        if link is None or not link["href"].startswith("#"):
            continue
        target = part.body.find(id=link["href"][1:])
        if target is None or target.name != "li":
            continue
        kind = "editorial" if "editorial-note-ref" in (sup.get("class") or []) else "citation"
        found.append(Note(sup, target["id"], link.get_text(strip=True), kind, target))
    return found


def drop_note_lists(part: Part) -> None:
    """Once the notes stand at their marks, the lists at the end of the section go."""
    for element in part.body.select("section.authors-citations, section.editorial-notes"):
        element.decompose()
