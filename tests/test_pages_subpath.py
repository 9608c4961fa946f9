"""The site works as a GitHub Pages project site, under https://USER.github.io/REPO/: built for a
sub-path and served under it, every internal link and anchor on every page resolves, the
sitemap lists only addresses that exist, and the 404 page finds its styles and scripts."""

from __future__ import annotations

import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from urllib.parse import urljoin, urlsplit, urlunsplit

import pytest
from bs4 import BeautifulSoup

from publishing import REPO

LINKING_ATTRIBUTES = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"))


def pages(published_site):
    return sorted(published_site.directory.rglob("*.html"))


def page_url(published_site, path) -> str:
    relative = path.relative_to(published_site.directory).as_posix()
    return published_site.url + relative.removesuffix("index.html")


def fetch(url: str) -> tuple[int, bytes, str]:
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310 - 127.0.0.1 only
            return response.status, response.read(), response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.code, error.read(), error.headers.get("Content-Type", "")


def test_every_internal_link_and_anchor_resolves_under_the_subpath(published_site):
    site_host = urlsplit(published_site.url).netloc
    checked_files: dict[str, int] = {}
    ids: dict[str, set[str]] = {}
    broken, count = [], 0
    without_pdf_link = []
    for path in pages(published_site):
        if path.name == "404.html":
            continue  # served at any address: its links are absolute (checked below)
        base = page_url(published_site, path)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        pdf_links = 0
        for tag, attribute in LINKING_ATTRIBUTES:
            for element in soup.find_all(tag, attrs={attribute: True}):
                target = urljoin(base, element[attribute])
                parts = urlsplit(target)
                if parts.scheme not in ("http", "https") or parts.netloc != site_host:
                    continue
                count += 1
                if not parts.path.startswith(f"/{REPO}/"):
                    broken.append((base, element[attribute], "leaves the sub-path"))
                    continue
                address = urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))
                if address not in checked_files:
                    checked_files[address] = fetch(address)[0]
                if checked_files[address] != 200:
                    broken.append((base, element[attribute], f"HTTP {checked_files[address]}"))
                    continue
                if parts.path.endswith(".pdf"):
                    pdf_links += 1
                if parts.fragment:
                    file = published_site.file_for(address)
                    if address not in ids:
                        ids[address] = {node["id"] for node in
                                        BeautifulSoup(file.read_text(encoding="utf-8"), "lxml").find_all(id=True)}
                    if parts.fragment not in ids[address]:
                        broken.append((base, element[attribute], "no such anchor"))
        if not pdf_links:
            without_pdf_link.append(base)
    assert not broken, broken
    assert count > 500, f"only {count} internal links were found: is the site built?"
    assert not without_pdf_link, f"no working link to the PDF on {without_pdf_link}"


def test_pages_point_to_their_own_address_under_the_subpath(published_site):
    for path in pages(published_site):
        if path.name == "404.html" or path == published_site.directory / "index.html":
            continue  # the landing page's canonical is the publisher's page (test_meta.py)
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        assert soup.select_one("link[rel=canonical]")["href"] == page_url(published_site, path)


def test_the_sitemap_lists_only_pages_that_exist_under_the_site_url(published_site):
    status, body, _ = fetch(published_site.url + "sitemap.xml")
    assert status == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [element.text for element in ET.fromstring(body).findall("s:url/s:loc", namespace)]
    built = {page_url(published_site, path) for path in pages(published_site) if path.name != "404.html"}
    assert set(locations) == built
    for location in locations:
        assert fetch(location)[0] == 200, location


@pytest.mark.browser
def test_a_missing_page_gets_the_404_page_with_its_styles_and_scripts(published_site, browser):
    missing = published_site.url + "no/such/page/"
    status, body, _ = fetch(missing)
    assert status == 404 and b"404" in body
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    failed = []
    page.on("response", lambda response: response.status >= 400 and response.url != missing
            and failed.append((response.status, response.url)))
    page.on("requestfailed", lambda request: failed.append(("failed", request.url)))
    page.goto(missing, wait_until="networkidle")
    assert not failed, failed
    # Material's stylesheet and script took effect: the header is laid out as a fixed bar and
    # the script has marked the page as scripted.
    assert page.eval_on_selector(".md-header", "e => getComputedStyle(e).position") in ("sticky", "fixed")
    assert page.evaluate("document.documentElement.classList.contains('js')")
    assert page.locator("h1").inner_text().startswith("404")
    home = page.locator("a.md-header__button.md-logo").get_attribute("href")
    assert urljoin(missing, home) == published_site.url
    context.close()
