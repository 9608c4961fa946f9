"""Machine-citable: the landing page carries Highwire Press `citation_*` tags and a schema.org
ScholarlyArticle (what Google Scholar and reference managers such as Zotero read), every page
has Open Graph tags and the source's attribution, and the canonical links say which page is
the version of record. Read from the site as deployed (sub-path, with its PDF)."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = yaml.safe_load((ROOT / "editorial" / "article.yml").read_text(encoding="utf-8"))
PUBLICATION = yaml.safe_load((ROOT / "editorial" / "publication.yml").read_text(encoding="utf-8"))
DOI_URL = f"https://doi.org/{ARTICLE['doi']}"


def soup_of(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")


def landing(published_site) -> BeautifulSoup:
    return soup_of(published_site.directory / "index.html")


def content_pages(published_site) -> list[Path]:
    return sorted(path for path in published_site.directory.rglob("*.html") if path.name != "404.html")


def meta(soup: BeautifulSoup, name: str) -> list[str]:
    return [tag["content"] for tag in soup.find_all("meta", attrs={"name": name})]


def test_landing_page_has_highwire_citation_tags(published_site):
    page = landing(published_site)
    assert meta(page, "citation_title") == [ARTICLE["title"]]
    assert meta(page, "citation_author") == [f"{a['family']}, {a['given']}" for a in ARTICLE["authors"]]
    assert meta(page, "citation_author_institution") == [aff for a in ARTICLE["authors"] for aff in a["affiliations"]]
    assert meta(page, "citation_publication_date") == [str(ARTICLE["year"])]
    assert meta(page, "citation_journal_title") == [ARTICLE["journal"]["en"]]
    assert meta(page, "citation_volume") == [str(ARTICLE["volume"])]
    assert meta(page, "citation_issue") == [str(ARTICLE["issue"])]
    assert meta(page, "citation_firstpage") == [str(ARTICLE["first_page"])]
    assert meta(page, "citation_lastpage") == [str(ARTICLE["last_page"])]
    assert meta(page, "citation_doi") == [ARTICLE["doi"]]
    # Each author's institutions follow that author's name, as the Highwire convention reads them.
    names = [tag.get("name") for tag in page.find_all("meta", attrs={"name": True})
             if tag["name"] in ("citation_author", "citation_author_institution")]
    assert names == [name for a in ARTICLE["authors"]
                     for name in ["citation_author"] + ["citation_author_institution"] * len(a["affiliations"])]
    keywords = page.select_one(".article-keywords").get_text().split(":", 1)[1].strip().rstrip(".").split(", ")
    assert meta(page, "citation_keywords") == ["; ".join(keywords)]


def test_citation_pdf_url_is_the_editions_pdf_at_its_absolute_address(published_site):
    (pdf_url,) = meta(landing(published_site), "citation_pdf_url")
    assert pdf_url == published_site.url + PUBLICATION["pdf_file"]
    with urllib.request.urlopen(pdf_url) as response:  # noqa: S310 - 127.0.0.1 only
        assert response.status == 200
        assert response.read(5) == b"%PDF-"


def test_landing_page_has_a_scholarly_article_in_json_ld(published_site):
    page = landing(published_site)
    (script,) = page.select('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["@context"] == "https://schema.org" and data["@type"] == "ScholarlyArticle"
    assert data["name"] == data["headline"] == ARTICLE["title"]
    assert [author["name"] for author in data["author"]] == [a["name"] for a in ARTICLE["authors"]]
    assert [[org["name"] for org in author["affiliation"]] for author in data["author"]] == \
        [a["affiliations"] for a in ARTICLE["authors"]]
    assert data["identifier"] == {"@type": "PropertyValue", "propertyID": "DOI", "value": ARTICLE["doi"]}
    assert DOI_URL in data["sameAs"] and ARTICLE["publisher_url"] in data["sameAs"]
    assert (data["pageStart"], data["pageEnd"]) == (str(ARTICLE["first_page"]), str(ARTICLE["last_page"]))
    issue = data["isPartOf"]
    volume = issue["isPartOf"]
    journal = volume["isPartOf"]
    assert (issue["@type"], issue["issueNumber"]) == ("PublicationIssue", str(ARTICLE["issue"]))
    assert (volume["@type"], volume["volumeNumber"]) == ("PublicationVolume", str(ARTICLE["volume"]))
    assert (journal["@type"], journal["name"], journal["alternateName"]) == \
        ("Periodical", ARTICLE["journal"]["en"], ARTICLE["journal"]["ru"])
    assert data["datePublished"] == str(ARTICLE["year"])
    assert data["url"] == published_site.url
    assert data["encoding"]["contentUrl"] == published_site.url + PUBLICATION["pdf_file"]
    shown = " ".join(page.select_one(".article-abstract").get_text(" ").split())
    assert data["abstract"] in shown and len(data["abstract"]) > 500


def test_only_the_landing_page_describes_itself_as_the_article(published_site):
    for path in content_pages(published_site):
        if path != published_site.directory / "index.html":
            soup = soup_of(path)
            assert not soup.find("meta", attrs={"name": lambda name: name and name.startswith("citation_")}), path
            assert not soup.select('script[type="application/ld+json"]'), path


def test_canonical_link_of_the_landing_page_is_the_publishers_article_page(published_site):
    assert landing(published_site).select_one("link[rel=canonical]")["href"] == ARTICLE["publisher_url"]


def test_every_page_has_open_graph_tags_for_its_own_address(published_site):
    for path in content_pages(published_site):
        soup = soup_of(path)
        tags = {tag["property"]: tag["content"] for tag in soup.find_all("meta", attrs={"property": True})}
        own = published_site.url + path.relative_to(published_site.directory).as_posix().removesuffix("index.html")
        assert tags["og:url"] == own, path
        assert tags["og:title"] and ARTICLE["title"] in tags["og:title"], path
        assert len(tags["og:description"]) > 40, path
        assert tags["og:site_name"] and tags["og:type"], path


def test_every_page_carries_the_attribution_and_the_licence_as_far_as_it_is_verified(published_site):
    licence = " ".join(PUBLICATION["licence"].split())
    for path in sorted(published_site.directory.rglob("*.html")):
        footer = soup_of(path).select_one(".md-footer-meta .edition-attribution")
        assert footer is not None, path
        text = " ".join(footer.get_text(" ").split())
        assert footer.select_one(f'a[href="{DOI_URL}"]') is not None, path
        assert footer.select_one(f'a[href="{ARTICLE["publisher_url"]}"]') is not None, path
        assert ARTICLE["journal"]["en"] in text and ARTICLE["title"] in text, path
        assert licence in text, path
    # Facts §1: the licence is not verified. The site must say so and claim no licence as its own.
    assert "not verified" in licence.lower() and "not been found" in licence.lower()
