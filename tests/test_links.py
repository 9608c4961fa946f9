"""No broken link: every link, script, stylesheet, image and CSS `url()` on every page of the
built site (found in the site folder, 404 page included) points to a file that was built, and
every `#anchor` in it to an element of that page; the same holds for links to an anchor on the
same page. Links to other sites are listed and their syntax checked, never fetched: the tests
run offline.

The links are read from the parsed HTML and resolved against the site folder, as a browser
resolves them against the page's address. (This replaced a LinkChecker crawl over HTTP that
took 284 s; tests/test_pages_subpath.py follows the same links over HTTP on the site as GitHub
Pages serves it, in about 7 s.)
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

from built_pages import html_files, url_path

# Every attribute by which a page links to or loads another address.
LINKING = {"a": ["href"], "area": ["href"], "link": ["href"], "script": ["src"], "img": ["src", "srcset"],
           "source": ["src", "srcset"], "iframe": ["src"], "video": ["src", "poster"], "audio": ["src"],
           "track": ["src"], "embed": ["src"], "object": ["data"], "form": ["action"]}
CSS_URL_RE = re.compile(r"""url\(\s*['"]?([^'")]+)['"]?\s*\)|@import\s+['"]([^'"]+)['"]""")
PAGE = "http://site.invalid/"  # the served site's address, for resolving relative links only
NOT_FETCHED = ("mailto", "tel", "data", "javascript")
EXTERNAL_URL_RE = re.compile(r"https?://[^\s/?#<>\"']+\.[^\s/?#<>\"']+(?:[/?#][^\s<>\"]*)?")


def addresses(soup: BeautifulSoup):
    """(element name, address) for every linking attribute of the page (a srcset holds several)."""
    for name, attributes in LINKING.items():
        for element in soup.find_all(name):
            for attribute in attributes:
                value = element.get(attribute)
                if value is None:
                    continue
                parts = ([part.split()[0] for part in value.split(",") if part.strip()]
                         if attribute == "srcset" else [value])
                for part in parts:
                    yield f"<{name} {attribute}>", part.strip()


def css_addresses(css: str):
    for match in CSS_URL_RE.finditer(css):
        yield "url()", (match.group(1) or match.group(2)).strip()


@functools.cache
def anchors(file: Path) -> frozenset[str]:
    soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
    return frozenset({element["id"] for element in soup.find_all(id=True)} |
                     {a["name"] for a in soup.find_all("a", attrs={"name": True})})


def target_file(site: Path, url: str) -> Path | None:
    """The built file a site address is answered with, or None."""
    path = site / unquote(urlsplit(url).path.removeprefix("/"))
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def links(site: Path):
    """(source, what, address as written, resolved address) for every link on every page and in
    every stylesheet of the site."""
    for file in html_files(site):
        base = urljoin(PAGE, url_path(site, file))
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        for style in soup.find_all("style"):
            for what, address in css_addresses(style.get_text()):
                yield file, what, address, urljoin(base, address)
        for what, address in addresses(soup):
            yield file, what, address, urljoin(base, address)
    for file in sorted(site.rglob("*.css")):
        base = urljoin(PAGE, file.relative_to(site).as_posix())
        for what, address in css_addresses(file.read_text(encoding="utf-8")):
            yield file, what, address, urljoin(base, address)


def test_every_internal_link_and_anchor_resolves(site):
    broken, checked_files, checked_anchors = [], set(), 0
    for file, what, address, url in links(site):
        where = f"{file.relative_to(site)}: {what} {address!r}"
        if not address:
            broken.append(f"{where}: empty address")
            continue
        if not url.startswith(PAGE):
            continue  # another site (listed in the next test) or a mailto: link
        target = target_file(site, url.removeprefix(PAGE.rstrip("/")))
        if target is None:
            broken.append(f"{where}: no such file in the built site")
            continue
        checked_files.add(target)
        fragment = unquote(urlsplit(url).fragment)
        if fragment and target.suffix == ".html" and address != "#":
            checked_anchors += 1
            if fragment not in anchors(target):
                broken.append(f"{where}: {target.relative_to(site)} has no #{fragment}")
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken)
    not_linked = [page.relative_to(site).as_posix() for page in html_files(site)
                  if page not in checked_files and page.name != "404.html"]
    assert not not_linked, f"pages no other page links to: {not_linked}"
    assert checked_anchors > 100, f"only {checked_anchors} links to an anchor on another page were checked"


def test_links_to_other_sites_are_well_formed_and_listed_not_fetched(site):
    external, malformed = set(), []
    for file, what, address, url in links(site):
        scheme = urlsplit(url).scheme
        if url.startswith(PAGE) or scheme in NOT_FETCHED:
            continue
        external.add(address)
        if scheme not in ("http", "https") or not EXTERNAL_URL_RE.fullmatch(address):
            malformed.append(f"{file.relative_to(site)}: {what} {address!r}")
    print(f"\n{len(external)} links to other sites (syntax checked, not fetched):")
    print("\n".join(sorted(external)))
    assert external, "no link to another site found: is the page footer's DOI link gone?"
    assert not malformed, "malformed links to other sites:\n" + "\n".join(malformed)


def test_every_link_to_an_anchor_on_the_same_page_resolves(site):
    broken, count = [], 0
    for file in html_files(site):
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "lxml")
        targets = ({element["id"] for element in soup.find_all(id=True)}
                   | {a["name"] for a in soup.find_all("a", attrs={"name": True})})
        for link in soup.find_all(href=lambda href: href and href.startswith("#") and len(href) > 1):
            count += 1
            if unquote(link["href"][1:]) not in targets:
                broken.append(f"{file.relative_to(site)}: {link['href']} ({link.get_text(strip=True)[:40]!r})")
    assert count, "no same-page anchor link found"
    assert not broken, "links to anchors missing on their page:\n" + "\n".join(broken)
